import { describe, expect, it } from 'vitest';
import { type Actor, decideCalendarFeed, decideCitizenReminders } from './policy.js';

const municipalityId = 'm';
const professional: Actor = {
  kind: 'professional',
  municipalityId,
  id: 'p1',
  role: 'team_leader',
  unitId: 'u1',
  name: 'Lise Leder',
};
const citizen: Actor = { kind: 'citizen', municipalityId, id: 'c1', name: 'Bodil' };
const relative: Actor = {
  ...citizen,
  delegate: { delegationId: 'd1', name: 'Søster', includesConsent: true },
};

describe('calendar feeds', () => {
  it('are made by a professional for herself only, not for her staff or a citizen', () => {
    expect(decideCalendarFeed(professional, { kind: 'professional', id: 'p1' })).toEqual({ allowed: true });
    expect(decideCalendarFeed(professional, { kind: 'professional', id: 'p2' })).toMatchObject({
      code: 'calendar.own-feed',
    });
    expect(decideCalendarFeed(professional, { kind: 'citizen', id: 'p1' })).toMatchObject({ allowed: false });
  });

  it('are made by the citizen for herself, never by a relative with a power of attorney', () => {
    expect(decideCalendarFeed(citizen, { kind: 'citizen', id: 'c1' })).toEqual({ allowed: true });
    expect(decideCalendarFeed(citizen, { kind: 'citizen', id: 'c2' })).toMatchObject({ allowed: false });
    expect(decideCalendarFeed(relative, { kind: 'citizen', id: 'c1' })).toMatchObject({
      code: 'calendar.citizen-herself',
    });
  });
});

describe("a citizen's reminders", () => {
  it('are read by her and her relative, not by professionals', () => {
    expect(decideCitizenReminders(citizen, { allowed: true, basis: 'own-plan' })).toMatchObject({
      allowed: true,
    });
    expect(decideCitizenReminders(relative, { allowed: true, basis: 'delegated' })).toMatchObject({
      allowed: true,
    });
    expect(decideCitizenReminders(professional, { allowed: true, basis: 'relationship' })).toMatchObject({
      code: 'reminders.citizens-own',
    });
  });
});
