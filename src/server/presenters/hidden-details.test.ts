import { describe, expect, it } from 'vitest';
import { flagVisible, interventionNotificationText, restrictedNotification } from './hidden-details.js';

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
    text: interventionNotificationText(
      'Jobcenter – Team Ressource',
      'create',
      'Afklaringsforløb med arbejdsprøvning',
    ),
  };

  it('says that the unit created an intervention, not which one nor who', () => {
    const restricted = restrictedNotification(payload);
    expect(JSON.stringify(restricted)).not.toContain('Afklaringsforløb');
    expect(JSON.stringify(restricted)).not.toContain('Karin');
    expect(restricted.text).toEqual({
      da: 'Jobcenter – Team Ressource har oprettet en indsats for en borger, du også arbejder med.',
      en: 'Jobcenter – Team Ressource has created an intervention for a citizen you also work with.',
    });
    expect(payload.text.da).toContain('Afklaringsforløb med arbejdsprøvning');
  });
});
