import { describe, expect, it } from 'vitest';
import {
  type Actor,
  canSeeInterventionDetails,
  canSeeMeetingDetails,
  canSetCaseReference,
  auditCitizenNameScope,
  canSuperviseAudit,
  DEFAULT_MEETING_RELATION_DAYS,
  decideBreakGlass,
  decideCitizenAccess,
  decideCitizenPlanAct,
  decideAccessLogRead,
  decideConsentChange,
  decideCprReveal,
  decideDelegationChange,
  decideFlagFollowUp,
  decideMeetingChange,
  decidePlanAct,
  decideReferralCreate,
  MEETING_HORIZON_DAYS,
  meetingRelationUntil,
  NO_GRANTS,
} from './policy.js';

const relations = { citizenId: 'citizen-1', professionalIds: ['pro-1'], unitIds: ['unit-1'] };
const professional = (id: string, role: 'caseworker' | 'team_leader', unitId: string): Actor => ({
  kind: 'professional',
  municipalityId: 'm',
  id,
  role,
  unitId,
  name: 'x',
});

describe('access policy', () => {
  it('allows a related professional', () => {
    expect(decideCitizenAccess(professional('pro-1', 'caseworker', 'unit-9'), relations)).toEqual({
      allowed: true,
      basis: 'relationship',
    });
  });

  it('denies an unrelated professional, even of a related unit, unless they lead it', () => {
    expect(decideCitizenAccess(professional('pro-2', 'caseworker', 'unit-1'), relations).allowed).toBe(false);
    expect(decideCitizenAccess(professional('pro-3', 'team_leader', 'unit-1'), relations)).toEqual({
      allowed: true,
      basis: 'unit-leader',
    });
    expect(decideCitizenAccess(professional('pro-3', 'team_leader', 'unit-2'), relations).allowed).toBe(
      false,
    );
  });

  it('lets a citizen read only their own plan, and not change it directly', () => {
    const self: Actor = { kind: 'citizen', municipalityId: 'm', id: 'citizen-1', name: 'x' };
    const other: Actor = { kind: 'citizen', municipalityId: 'm', id: 'citizen-2', name: 'x' };
    expect(decideCitizenAccess(self, relations).allowed).toBe(true);
    expect(decideCitizenAccess(other, relations).allowed).toBe(false);
    expect(decidePlanAct(self, 'set-goal', { allowed: true, basis: 'own-plan' }).allowed).toBe(false);
  });
});

describe('break the glass, consent and supervision', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const stranger = professional('pro-9', 'caseworker', 'unit-9');

  it('grants access while an emergency access lasts, and for reading only', () => {
    const grants = {
      consents: [],
      breakGlass: [{ professionalId: 'pro-9', expiresAt: new Date('2026-06-01T14:00:00Z') }],
    };
    expect(decideCitizenAccess(stranger, relations, grants, now)).toEqual({
      allowed: true,
      basis: 'break-glass',
    });
    expect(decideCitizenAccess(stranger, relations, grants, new Date('2026-06-01T15:00:00Z')).allowed).toBe(
      false,
    );
    expect(
      decideBreakGlass({ kind: 'citizen', municipalityId: 'm', id: 'citizen-1', name: 'x' }).allowed,
    ).toBe(false);
    expect(decideBreakGlass(stranger).allowed).toBe(true);
  });

  it('shows details of the own unit, of an own record awaiting confirmation, under consent, and in an emergency', () => {
    const viewer = professional('pro-1', 'caseworker', 'unit-1');
    const other = { unitId: 'unit-2', sector: 'social-adult' as const, responsibleId: 'pro-2' };
    expect(canSeeInterventionDetails(viewer, 'relationship', { ...other, unitId: 'unit-1' }, [], now)).toBe(
      true,
    );
    // Being named responsible for another unit's intervention no longer opens it (finding H1).
    expect(
      canSeeInterventionDetails(viewer, 'relationship', { ...other, responsibleId: 'pro-1' }, [], now),
    ).toBe(false);
    const recorded = { ...other, recordedBy: 'pro-1', awaitingConfirmation: true };
    expect(canSeeInterventionDetails(viewer, 'relationship', recorded, [], now)).toBe(true);
    expect(
      canSeeInterventionDetails(
        viewer,
        'relationship',
        { ...recorded, awaitingConfirmation: false },
        [],
        now,
      ),
    ).toBe(false);
    expect(canSeeInterventionDetails(viewer, 'relationship', other, [], now)).toBe(false);
    expect(canSeeInterventionDetails(viewer, 'break-glass', other, [], now)).toBe(true);
    const consent = {
      id: 'c',
      citizenId: 'citizen-1',
      grantee: { unitId: 'unit-1' },
      categories: ['intervention-details' as const],
      purpose: 'coordination' as const,
      basis: 'consent' as const,
      legalProvision: null,
      validFrom: '2026-01-01',
      validUntil: null,
      withdrawnAt: null,
    };
    expect(canSeeInterventionDetails(viewer, 'relationship', other, [consent], now)).toBe(true);
    expect(
      canSeeInterventionDetails(viewer, 'relationship', other, [{ ...consent, withdrawnAt: now }], now),
    ).toBe(false);
  });

  it('lets only the citizen herself write her own part of the plan', () => {
    const self: Actor = { kind: 'citizen', municipalityId: 'm', id: 'citizen-1', name: 'x' };
    const relative: Actor = { ...self, delegate: { delegationId: 'd', name: 'y' } };
    const stranger: Actor = { ...self, id: 'citizen-2' };
    const related = professional('pro-1', 'caseworker', 'unit-9');
    const leader = professional('pro-3', 'team_leader', 'unit-1');
    expect(decideCitizenPlanAct(self, decideCitizenAccess(self, relations))).toEqual({
      allowed: true,
      basis: 'own-plan',
    });
    for (const [actor, reason] of [
      [relative, 'plan.relative-reads'],
      [related, 'plan.citizen-own-part'],
      [leader, 'plan.citizen-own-part'],
    ] as const) {
      const decision = decideCitizenPlanAct(actor, decideCitizenAccess(actor, relations));
      expect(decision.allowed).toBe(false);
      expect(decision.allowed ? null : decision.code).toBe(reason);
    }
    // No access at all stays the refusal it was (the caller hides the plan).
    expect(decideCitizenPlanAct(stranger, decideCitizenAccess(stranger, relations)).allowed).toBe(false);
    // And the citizen still makes none of the professionals' acts.
    expect(decidePlanAct(self, 'set-goal', decideCitizenAccess(self, relations)).allowed).toBe(false);
  });

  it('lets only the citizen (not a relative) and related professionals change consent', () => {
    const record = { act: 'record', basis: 'consent', withDeclaration: true } as const;
    const self: Actor = { kind: 'citizen', municipalityId: 'm', id: 'citizen-1', name: 'x' };
    const relative: Actor = { ...self, delegate: { delegationId: 'd', name: 'y' } };
    expect(decideConsentChange(self, decideCitizenAccess(self, relations), record).allowed).toBe(true);
    expect(decideConsentChange(relative, decideCitizenAccess(relative, relations), record).allowed).toBe(
      false,
    );
    const related = professional('pro-1', 'caseworker', 'unit-9');
    expect(decideConsentChange(related, decideCitizenAccess(related, relations), record).allowed).toBe(true);
    expect(decideConsentChange(related, { allowed: true, basis: 'break-glass' }, record).allowed).toBe(false);
    expect(decideCprReveal(self, { allowed: true, basis: 'own-plan' }).allowed).toBe(false);
    expect(canSuperviseAudit(professional('pro-3', 'team_leader', 'unit-1'))).toBe(true);
    expect(canSuperviseAudit(related)).toBe(false);
    // Citizens' names beside audit rows: the municipality for an administrator, the unit's for a leader.
    expect(
      auditCitizenNameScope({
        ...professional('pro-4', 'team_leader', 'unit-1'),
        role: 'administrator',
      } as Actor),
    ).toBe('municipality');
    expect(auditCitizenNameScope(professional('pro-3', 'team_leader', 'unit-1'))).toBe('unit');
    expect(auditCitizenNameScope(related)).toBe('none');
    expect(auditCitizenNameScope(self)).toBe('none');
  });
});

describe('pending referrals and meetings are relationships', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const withReferral = { ...relations, referralUnitIds: ['unit-ref'] };

  it('lets every professional of a unit with a pending referral see the plan, on its own basis', () => {
    expect(
      decideCitizenAccess(professional('pro-5', 'caseworker', 'unit-ref'), withReferral, NO_GRANTS, now),
    ).toEqual({ allowed: true, basis: 'referral' });
    expect(
      decideCitizenAccess(professional('pro-6', 'team_leader', 'unit-ref'), withReferral, NO_GRANTS, now)
        .allowed,
    ).toBe(true);
    // Another unit, or the referral ended (the read model no longer lists the unit): denied.
    expect(
      decideCitizenAccess(professional('pro-5', 'caseworker', 'unit-x'), withReferral, NO_GRANTS, now)
        .allowed,
    ).toBe(false);
    expect(
      decideCitizenAccess(professional('pro-5', 'caseworker', 'unit-ref'), relations, NO_GRANTS, now).allowed,
    ).toBe(false);
    // The receiving unit may add its own intervention, but not change the team or record consent.
    const receiver = professional('pro-5', 'caseworker', 'unit-ref');
    const access = decideCitizenAccess(receiver, withReferral, NO_GRANTS, now);
    expect(decidePlanAct(receiver, 'add-intervention', access, { unitId: 'unit-ref' }).allowed).toBe(true);
    expect(decidePlanAct(receiver, 'add-intervention', access, { unitId: 'unit-1' }).allowed).toBe(false);
    expect(decidePlanAct(receiver, 'change-team', access).allowed).toBe(false);
    expect(decidePlanAct(receiver, 'set-coordinator', access).allowed).toBe(false);
    expect(decidePlanAct(receiver, 'change-intervention', access, { unitId: 'unit-1' }).allowed).toBe(false);
    expect(decideReferralCreate(receiver, access).allowed).toBe(false);
    expect(
      decideConsentChange(
        receiver,
        { allowed: true, basis: 'referral' },
        { act: 'record', basis: 'consent', withDeclaration: true },
      ).allowed,
    ).toBe(false);
  });

  it('keeps "that, not what" under a referral: no details of other units without consent', () => {
    const receiver = professional('pro-5', 'caseworker', 'unit-ref');
    const other = { unitId: 'unit-2', sector: 'social-adult' as const, responsibleId: 'pro-2' };
    expect(canSeeInterventionDetails(receiver, 'referral', other, [], now)).toBe(false);
    expect(canSeeInterventionDetails(receiver, 'meeting', other, [], now)).toBe(false);
  });

  it('relates a meeting participant from the invitation until the configured days after the meeting', () => {
    const startsAt = new Date('2026-06-10T09:00:00Z');
    const until = meetingRelationUntil(startsAt, DEFAULT_MEETING_RELATION_DAYS);
    expect(until.toISOString()).toBe('2026-06-24T09:00:00.000Z');
    expect(meetingRelationUntil(startsAt, 3).toISOString()).toBe('2026-06-13T09:00:00.000Z');
    const withMeeting = {
      ...relations,
      meetings: [{ professionalId: 'pro-7', meetingId: 'm-1', until: until.toISOString() }],
    };
    const participant = professional('pro-7', 'caseworker', 'unit-7');
    expect(decideCitizenAccess(participant, withMeeting, NO_GRANTS, now)).toEqual({
      allowed: true,
      basis: 'meeting',
    });
    expect(
      decideCitizenAccess(participant, withMeeting, NO_GRANTS, new Date('2026-06-24T08:59:00Z')).allowed,
    ).toBe(true);
    expect(
      decideCitizenAccess(participant, withMeeting, NO_GRANTS, new Date('2026-06-24T09:00:00Z')).allowed,
    ).toBe(false);
    expect(
      decideCitizenAccess(professional('pro-8', 'caseworker', 'unit-7'), withMeeting, NO_GRANTS, now).allowed,
    ).toBe(false);
    // A participant reads the plan: no plan act, no meetings of their own (finding M1).
    const access = decideCitizenAccess(participant, withMeeting, NO_GRANTS, now);
    for (const act of ['set-goal', 'change-team', 'propose-change', 'add-intervention'] as const) {
      expect(decidePlanAct(participant, act, access, { unitId: 'unit-7' }).allowed).toBe(false);
    }
    expect(decideMeetingChange(participant, { allowed: true, basis: 'meeting' }).allowed).toBe(false);
  });

  it('lets only a direct relationship arrange meetings, not invitees, referrals, citizens or broken glass', () => {
    const self: Actor = { kind: 'citizen', municipalityId: 'm', id: 'citizen-1', name: 'x' };
    const related = professional('pro-1', 'caseworker', 'unit-1');
    expect(decideMeetingChange(related, { allowed: true, basis: 'relationship' }).allowed).toBe(true);
    expect(decideMeetingChange(related, { allowed: true, basis: 'unit-leader' }).allowed).toBe(true);
    expect(decideMeetingChange(related, { allowed: true, basis: 'referral' }).allowed).toBe(false);
    expect(decideMeetingChange(related, { allowed: true, basis: 'meeting' }).allowed).toBe(false);
    expect(MEETING_HORIZON_DAYS).toBeLessThanOrEqual(183);
    expect(decideMeetingChange(related, { allowed: true, basis: 'break-glass' }).allowed).toBe(false);
    expect(decideMeetingChange(self, { allowed: true, basis: 'own-plan' }).allowed).toBe(false);
    expect(
      decideMeetingChange(related, { allowed: false, reason: 'no', code: 'access.no-relationship' }).allowed,
    ).toBe(false);
  });

  it('shows a meeting’s purpose and summary to the citizen, its people and the team, not to others', () => {
    const meeting = { organiserId: 'pro-1', organiserUnitId: 'unit-1', participantIds: ['pro-7'] };
    const self: Actor = { kind: 'citizen', municipalityId: 'm', id: 'citizen-1', name: 'x' };
    expect(canSeeMeetingDetails(self, 'own-plan', meeting)).toBe(true);
    expect(canSeeMeetingDetails(professional('pro-7', 'caseworker', 'unit-7'), 'meeting', meeting)).toBe(
      true,
    );
    expect(canSeeMeetingDetails(professional('pro-2', 'caseworker', 'unit-1'), 'referral', meeting)).toBe(
      true,
    );
    expect(canSeeMeetingDetails(professional('pro-3', 'caseworker', 'unit-3'), 'relationship', meeting)).toBe(
      true,
    );
    expect(canSeeMeetingDetails(professional('pro-4', 'caseworker', 'unit-4'), 'referral', meeting)).toBe(
      false,
    );
    expect(canSeeMeetingDetails(professional('pro-4', 'team_leader', 'unit-4'), 'unit-leader', meeting)).toBe(
      false,
    );
  });
});

describe('consent limited to one case', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const viewer = professional('pro-1', 'caseworker', 'unit-1');
  const consent = {
    id: 'c',
    citizenId: 'citizen-1',
    grantee: { unitId: 'unit-1' },
    categories: ['intervention-details' as const],
    purpose: 'coordination' as const,
    basis: 'consent' as const,
    legalProvision: null,
    caseReference: 'Sag A-2026-1',
    validFrom: '2026-01-01',
    validUntil: null,
    withdrawnAt: null,
  };
  const caseA = {
    unitId: 'unit-2',
    sector: 'social-adult' as const,
    responsibleId: 'pro-2',
    caseReference: 'sag a-2026-1',
  };

  it('lets only the intervention’s own unit record its case', () => {
    expect(canSetCaseReference(viewer, { unitId: 'unit-1' })).toBe(true);
    expect(canSetCaseReference(viewer, { unitId: 'unit-2' })).toBe(false);
  });

  it('reveals the details of that case only', () => {
    expect(canSeeInterventionDetails(viewer, 'relationship', caseA, [consent], now)).toBe(true);
    expect(
      canSeeInterventionDetails(
        viewer,
        'relationship',
        { ...caseA, caseReference: 'Sag B-2026-2' },
        [consent],
        now,
      ),
    ).toBe(false);
    expect(
      canSeeInterventionDetails(viewer, 'relationship', { ...caseA, caseReference: null }, [consent], now),
    ).toBe(false);
    // A consent without a case covers every case of its unit.
    expect(
      canSeeInterventionDetails(
        viewer,
        'relationship',
        { ...caseA, caseReference: 'Sag B-2026-2' },
        [{ ...consent, caseReference: null }],
        now,
      ),
    ).toBe(true);
  });
});

describe('the citizen’s own: powers of attorney, the access log; following a flag up', () => {
  const self: Actor = { kind: 'citizen', municipalityId: 'm', id: 'citizen-1', name: 'x' };
  const relative: Actor = { ...self, delegate: { delegationId: 'd', name: 'y' } };
  const worker = professional('pro-1', 'caseworker', 'unit-1');
  const allowed = { allowed: true, basis: 'own-plan' } as const;
  const denied = { allowed: false, reason: 'no relationship', code: 'access.no-relationship' } as const;

  it('lets only the citizen themself grant or revoke a power of attorney', () => {
    expect(decideDelegationChange(self, allowed, 'grant').allowed).toBe(true);
    expect(decideDelegationChange(relative, allowed, 'grant')).toMatchObject({ allowed: false });
    expect(decideDelegationChange(worker, { allowed: true, basis: 'relationship' }, 'revoke')).toEqual({
      allowed: false,
      reason: 'Only the citizen can revoke delegated access.',
      code: 'delegation.citizen-revokes',
    });
    expect(decideDelegationChange(self, denied, 'grant').allowed).toBe(false);
  });

  it('shows the access log to the citizen and their relative, never to professionals', () => {
    expect(decideAccessLogRead(self, allowed).allowed).toBe(true);
    expect(decideAccessLogRead(relative, { allowed: true, basis: 'delegated' }).allowed).toBe(true);
    expect(decideAccessLogRead(worker, { allowed: true, basis: 'relationship' }).allowed).toBe(false);
  });

  it('lets a flag’s owner follow it up without access to the plan, and nobody else', () => {
    expect(decideFlagFollowUp(worker, denied, 'pro-1').allowed).toBe(true);
    expect(decideFlagFollowUp(worker, denied, 'pro-2')).toEqual(denied);
    expect(decideFlagFollowUp(worker, { allowed: true, basis: 'relationship' }, null).allowed).toBe(true);
  });
});

describe('ownership: one decision per act on the plan', () => {
  const related = { allowed: true, basis: 'relationship' } as const;
  const jobcenter = professional('pro-1', 'caseworker', 'unit-job');
  const leader = professional('pro-2', 'team_leader', 'unit-job');

  it('lets only the owning unit change, end, reassign or confirm an intervention', () => {
    expect(decidePlanAct(jobcenter, 'change-intervention', related, { unitId: 'unit-job' }).allowed).toBe(
      true,
    );
    expect(decidePlanAct(jobcenter, 'change-intervention', related, { unitId: 'unit-psy' }).allowed).toBe(
      false,
    );
    expect(decidePlanAct(jobcenter, 'change-intervention', related).allowed).toBe(false);
    expect(
      decidePlanAct(
        leader,
        'change-intervention',
        { allowed: true, basis: 'unit-leader' },
        { unitId: 'unit-psy' },
      ).allowed,
    ).toBe(false);
  });

  it('lets everyone else with a writing basis propose, and only the owner answer', () => {
    expect(decidePlanAct(jobcenter, 'propose-change', related, { unitId: 'unit-psy' }).allowed).toBe(true);
    expect(decidePlanAct(jobcenter, 'propose-change', related, { unitId: 'unit-job' }).allowed).toBe(false);
    expect(decidePlanAct(jobcenter, 'answer-proposal', related, { unitId: 'unit-psy' }).allowed).toBe(false);
    expect(decidePlanAct(jobcenter, 'answer-proposal', related, { unitId: 'unit-job' }).allowed).toBe(true);
  });

  it('lets a direct relationship set the goal, sub-goals, team and pathways and add any unit’s intervention', () => {
    for (const act of ['set-goal', 'change-sub-goal', 'change-team', 'change-pathway'] as const) {
      expect(decidePlanAct(jobcenter, act, related).allowed).toBe(true);
    }
    expect(decidePlanAct(jobcenter, 'add-intervention', related, { unitId: 'unit-psy' }).allowed).toBe(true);
  });

  it('lets the coordinator (or a team leader) hand coordination over, not someone taking it', () => {
    expect(decidePlanAct(jobcenter, 'set-coordinator', related, { coordinatorId: null }).allowed).toBe(true);
    expect(decidePlanAct(jobcenter, 'set-coordinator', related, { coordinatorId: 'pro-1' }).allowed).toBe(
      true,
    );
    expect(decidePlanAct(jobcenter, 'set-coordinator', related, { coordinatorId: 'pro-9' }).allowed).toBe(
      false,
    );
    expect(decidePlanAct(leader, 'set-coordinator', related, { coordinatorId: 'pro-9' }).allowed).toBe(true);
  });

  it('keeps break-the-glass to reading plus the listed urgent acts: no referral, no team change', () => {
    const glass = { allowed: true, basis: 'break-glass' } as const;
    expect(decidePlanAct(jobcenter, 'propose-change', glass, { unitId: 'unit-psy' }).allowed).toBe(true);
    for (const act of [
      'set-goal',
      'change-team',
      'set-coordinator',
      'add-intervention',
      'change-intervention',
    ] as const) {
      expect(decidePlanAct(jobcenter, act, glass, { unitId: 'unit-job' }).allowed).toBe(false);
    }
    expect(decideReferralCreate(jobcenter, glass).allowed).toBe(false);
    expect(decideReferralCreate(jobcenter, related).allowed).toBe(true);
    expect(decideReferralCreate(jobcenter, { allowed: true, basis: 'meeting' }).allowed).toBe(false);
  });

  it('refuses every act to a citizen and to a denied access', () => {
    const self: Actor = { kind: 'citizen', municipalityId: 'm', id: 'citizen-1', name: 'x' };
    expect(decidePlanAct(self, 'propose-change', { allowed: true, basis: 'own-plan' }).allowed).toBe(false);
    const denied = { allowed: false, reason: 'no', code: 'access.no-relationship' } as const;
    expect(decidePlanAct(jobcenter, 'set-goal', denied)).toEqual({
      allowed: false,
      reason: 'no',
      code: 'access.no-relationship',
    });
  });
});
