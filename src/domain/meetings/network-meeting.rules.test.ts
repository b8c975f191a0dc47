import { describe, expect, it } from 'vitest';
import {
  agreementCommand,
  agreementsBlock,
  checkInvitations,
  proposeAgenda,
} from './network-meeting.rules.js';

const OWN = '01900000-0000-7000-8000-00000000000a';
const OTHER = '01900000-0000-7000-8000-00000000000b';
const ITEM = '01900000-0000-7000-8000-00000000000c';

describe('the invitations of a network meeting', () => {
  it('need her consent for her network and civil society, not for professionals', () => {
    expect(checkInvitations('network', [{ kind: 'professional' }, { kind: 'network' }])).toEqual({
      reason: 'citizen-not-asked',
      index: 1,
    });
    expect(checkInvitations('network', [{ kind: 'civil_society', citizenConsent: 'asked' }])).toBeNull();
    // A team meeting's support person is the citizen's own choice, recorded elsewhere.
    expect(checkInvitations('team', [{ kind: 'network' }])).toBeNull();
  });

  it('have one tovholder', () => {
    expect(
      checkInvitations('network', [
        { kind: 'professional', role: 'coordinator' },
        { kind: 'professional', role: 'facilitator' },
        { kind: 'network', role: 'coordinator', citizenConsent: 'agreed' },
      ]),
    ).toEqual({ reason: 'one-coordinator', index: 2 });
  });
});

describe('the proposed agenda', () => {
  it('puts her own points first, then due or stalled sub-goals, proposals and referrals', () => {
    const points = proposeAgenda({
      preparation: { talkAbout: ' At flytte ', matters: null },
      subGoals: [
        { id: 'a', title: 'Praktik', status: 'active', targetDate: '2027-01-10', gasLevel: 1 },
        { id: 'b', title: 'Bolig', status: 'active', targetDate: null, gasLevel: -1 },
        { id: 'c', title: 'Motion', status: 'active', targetDate: '2027-06-01', gasLevel: 0 },
        { id: 'd', title: 'Skole', status: 'achieved', targetDate: '2027-01-01', gasLevel: null },
      ],
      proposals: [{ id: 'p', ownerUnitName: 'Psykiatrien' }],
      referrals: [{ id: 'r', toName: 'Hjemmeplejen' }],
      day: '2027-01-01',
    });
    expect(points.map((point) => [point.source, point.refId])).toEqual([
      ['citizen-talk-about', null],
      ['sub-goal-due', 'a'],
      ['sub-goal-no-progress', 'b'],
      ['proposal', 'p'],
      ['referral', 'r'],
    ]);
    expect(points[0]?.text).toBe('At flytte');
  });
});

describe('an agreement as a plan change', () => {
  it('uses the plan commands, and proposes a change to another unit’s intervention', () => {
    expect(agreementCommand({ kind: 'new_sub_goal', text: 'x', subGoal: { title: 'Bolig' } }, OWN)).toEqual({
      command: 'create-sub-goal',
      input: { title: 'Bolig' },
    });
    expect(
      agreementCommand(
        { kind: 'change_intervention', text: 'x', interventionId: ITEM, change: { frequency: 'ugentligt' } },
        OWN,
        OWN,
      ),
    ).toEqual({ command: 'update-intervention', interventionId: ITEM, input: { frequency: 'ugentligt' } });
    expect(
      agreementCommand(
        { kind: 'follow_up', text: 'x', interventionId: ITEM, followUpDate: '2027-03-01' },
        OWN,
        OTHER,
      ),
    ).toEqual({
      command: 'propose',
      interventionId: ITEM,
      ownerUnitId: OTHER,
      change: { followUpDate: '2027-03-01' },
    });
  });

  it('is written only for a held meeting with the citizen present, once', () => {
    const held = { status: 'held', citizenPresent: true, writtenAt: null, agreements: 2 };
    expect(agreementsBlock(held)).toBeNull();
    expect(agreementsBlock({ ...held, status: 'planned' })).toBe('not-held');
    expect(agreementsBlock({ ...held, citizenPresent: false })).toBe('citizen-absent');
    expect(agreementsBlock({ ...held, citizenPresent: null })).toBe('citizen-absent');
    expect(agreementsBlock({ ...held, writtenAt: '2027-01-01T10:00:00Z' })).toBe('already-written');
    expect(agreementsBlock({ ...held, agreements: 0 })).toBe('none');
  });
});
