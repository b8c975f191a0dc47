import { describe, expect, it } from 'vitest';
import { type Actor, decideMeetingMinutes, decideNetworkMeetingAct, NETWORK_MEETING_ACTS } from './policy.js';

const pro = (id: string, unitId: string): Actor => ({
  kind: 'professional',
  municipalityId: 'm',
  id,
  role: 'caseworker',
  unitId,
  name: id,
});
const citizen: Actor = { kind: 'citizen', municipalityId: 'm', id: 'citizen-1', name: 'x' };

describe('the acts of a network meeting', () => {
  it('are for a direct relationship only: not invitees, referrals, broken glass or the citizen', () => {
    for (const act of NETWORK_MEETING_ACTS) {
      expect(
        decideNetworkMeetingAct(pro('p', 'u'), { allowed: true, basis: 'relationship' }, act).allowed,
      ).toBe(true);
      expect(
        decideNetworkMeetingAct(pro('p', 'u'), { allowed: true, basis: 'unit-leader' }, act).allowed,
      ).toBe(true);
      for (const basis of ['meeting', 'referral', 'break-glass'] as const)
        expect(decideNetworkMeetingAct(pro('p', 'u'), { allowed: true, basis }, act).allowed).toBe(false);
      expect(decideNetworkMeetingAct(citizen, { allowed: true, basis: 'own-plan' }, act).allowed).toBe(false);
    }
  });

  it('give the minutes to the citizen and those involved, not to one who sees only that it takes place', () => {
    const meeting = { organiserId: 'p1', organiserUnitId: 'u1', participantIds: ['p7'] };
    expect(decideMeetingMinutes(citizen, { allowed: true, basis: 'own-plan' }, meeting).allowed).toBe(true);
    expect(decideMeetingMinutes(pro('p7', 'u7'), { allowed: true, basis: 'meeting' }, meeting).allowed).toBe(
      true,
    );
    expect(decideMeetingMinutes(pro('p2', 'u1'), { allowed: true, basis: 'meeting' }, meeting).allowed).toBe(
      true,
    );
    expect(decideMeetingMinutes(pro('p8', 'u8'), { allowed: true, basis: 'meeting' }, meeting)).toMatchObject(
      {
        allowed: false,
        code: 'meeting.minutes-involved',
      },
    );
    expect(decideMeetingMinutes(pro('p8', 'u8'), { allowed: true, basis: 'referral' }, meeting).allowed).toBe(
      false,
    );
  });
});
