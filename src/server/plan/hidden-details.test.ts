import { describe, expect, it } from 'vitest';
import { flagVisible, restrictedNotification } from './hidden-details.js';

const hiddenId = '00000000-0000-7000-8000-000000000001';
const goalId = '00000000-0000-7000-8000-00000000000a';
const gap = (kind: string, subject: string) => ({
  rule_id: 'gaps',
  subject_ids: [subject],
  explanation: { da: 'x', en: 'x', data: { kind } },
});

describe('the hidden-details rule for flags', () => {
  it('keeps gap flags about a hidden intervention from the viewer', () => {
    const hidden = new Set([hiddenId]);
    expect(flagVisible(gap('intervention-without-sub-goal', hiddenId), hidden, true)).toBe(false);
    expect(flagVisible(gap('follow-up-overdue', hiddenId), hidden, true)).toBe(false);
  });

  it('keeps "sub-goal without intervention" from a viewer with a hidden current intervention only', () => {
    const flag = gap('sub-goal-without-intervention', goalId);
    expect(flagVisible(flag, new Set([hiddenId]), true)).toBe(false);
    expect(flagVisible(flag, new Set([hiddenId]), false)).toBe(true);
    expect(flagVisible(flag, new Set(), false)).toBe(true);
  });

  it('shows other rules’ flags (as "that"), also in stored JSON form', () => {
    const duplicate = { rule_id: 'duplicate', subject_ids: [hiddenId], explanation: '{"data":{}}' };
    expect(flagVisible(duplicate, new Set([hiddenId]), true)).toBe(true);
  });
});

describe('the hidden-details rule for notifications', () => {
  const payload = {
    citizen: { id: 'c', name: 'Line Demogaard' },
    intervention: {
      id: hiddenId,
      type: 'Afklaringsforløb med arbejdsprøvning',
      unit: 'Jobcenter – Team Ressource',
      sector: 'employment',
      status: 'active',
      startDate: '2026-01-05',
      endDate: null,
    },
    action: 'create' as const,
    by: 'Karin Koordinator',
    byUnit: 'Jobcenter – Team Ressource',
  };

  it('says that the unit created an intervention, not which one nor who', () => {
    const restricted = restrictedNotification(payload);
    expect(JSON.stringify(restricted)).not.toContain('Afklaringsforløb');
    expect(JSON.stringify(restricted)).not.toContain('Karin');
    // What the web says from it (web/src/pages/inbox/inbox-text.test.ts): the unit, the act, "an intervention".
    expect(restricted).toEqual({
      ...payload,
      intervention: { ...payload.intervention, type: undefined },
      by: null,
    });
    expect(restricted.intervention).not.toHaveProperty('type');
    expect(payload.intervention.type).toBe('Afklaringsforløb med arbejdsprøvning');
  });
});
