import { describe, expect, it } from 'vitest';
import {
  type AccessDecision,
  type Actor,
  type CitizenRelations,
  decideAccessLogRead,
  decideAnalyticsAccess,
  decideBreakGlass,
  decideBreakGlassReview,
  decideCalendarFeed,
  decideCitizenAccess,
  decideCitizenReminders,
  decideConsentChange,
  decideCprReveal,
  decideDelegationChange,
  decideExport,
  decideExportCpr,
  decideFlagFollowUp,
  decideInstrumentLoad,
  decideMeasureRead,
  decideMeasureRecord,
  decideMeetingChange,
  decideMeetingMinutes,
  decideCitizenPlanAct,
  decideDecisionAct,
  decideDecisionDraft,
  decideDecisionLetter,
  decideTeamCaseAct,
  decideTeamMeetingAccess,
  decideHearingResponse,
  decideMeetingPreparation,
  decidePathwayTemplateAct,
  decidePlanAct,
  decideReferralCreate,
  decideReportingObjectionChange,
  decideSettingsChange,
  decideSurveyAccess,
} from './policy.js';
import { REFUSALS } from './refusals.js';

const caseworker: Actor = {
  kind: 'professional',
  municipalityId: 'm',
  id: 'pro-1',
  role: 'caseworker',
  unitId: 'unit-a',
  name: 'Caseworker',
};
const teamLeader: Actor = { ...caseworker, id: 'leader-1', role: 'team_leader' };
const citizen: Actor = { kind: 'citizen', municipalityId: 'm', id: 'citizen-1', name: 'Citizen' };
const relative: Actor = { ...citizen, delegate: { delegationId: 'd-1', name: 'Relative' } };
const relations: CitizenRelations = { citizenId: 'citizen-1', professionalIds: [], unitIds: [] };

const as = (basis: Extract<AccessDecision, { allowed: true }>['basis']): AccessDecision => ({
  allowed: true,
  basis,
});
const related = as('relationship');
const record = { act: 'record', basis: 'consent', withDeclaration: true } as const;
const professionalConsent = { basis: 'consent', recordedBy: { kind: 'professional', id: 'pro-1' } } as const;
const legalBasis = { basis: 'legal_provision', recordedBy: { kind: 'professional', id: 'other' } } as const;

/**
 * Every refusing case of every decider of policy.ts, so that a new refusal without a code, or a
 * code no decider gives, fails here.
 */
const refusals = {
  'decideCitizenAccess, no relationship': decideCitizenAccess(caseworker, relations),
  'decideCitizenAccess, another citizen': decideCitizenAccess({ ...citizen, id: 'other' }, relations),
  'decidePlanAct, citizen': decidePlanAct(citizen, 'set-goal', as('own-plan')),
  'decideCitizenPlanAct, relative': decideCitizenPlanAct(relative, as('delegated')),
  'decideCitizenPlanAct, professional': decideCitizenPlanAct(caseworker, as('relationship')),
  'decideMeetingPreparation, relative': decideMeetingPreparation(relative, as('delegated')),
  'decideDecisionDraft, another unit': decideDecisionDraft(caseworker, as('relationship'), 'unit-elsewhere'),
  'decideDecisionAct, another unit': decideDecisionAct(caseworker, 'finalise', related, 'unit-elsewhere'),
  'decideDecisionLetter, referral': decideDecisionLetter(caseworker, as('referral'), 'unit-a'),
  'decideTeamCaseAct, meeting': decideTeamCaseAct(caseworker, 'list-case', as('meeting'), 'unit-a'),
  'decideTeamMeetingAccess, another unit': decideTeamMeetingAccess(caseworker, 'unit-b'),
  'decideTeamCaseAct, another team': decideTeamCaseAct(caseworker, 'recommend', related, 'unit-b'),
  'decideHearingResponse, relative': decideHearingResponse(relative, as('delegated')),
  'decidePlanAct, meeting': decidePlanAct(caseworker, 'set-goal', as('meeting')),
  'decidePlanAct, break-glass': decidePlanAct(caseworker, 'set-goal', as('break-glass')),
  'decidePlanAct, referral': decidePlanAct(caseworker, 'set-goal', as('referral')),
  'decidePlanAct, delegated basis': decidePlanAct(caseworker, 'set-goal', as('delegated')),
  'decidePlanAct, another unit': decidePlanAct(caseworker, 'change-intervention', related, {
    unitId: 'unit-b',
  }),
  'decidePlanAct, own unit proposes': decidePlanAct(caseworker, 'propose-change', related, {
    unitId: 'unit-a',
  }),
  'decidePlanAct, coordinator': decidePlanAct(caseworker, 'set-coordinator', related, {
    coordinatorId: 'someone-else',
  }),
  'decideMeetingChange, citizen': decideMeetingChange(citizen, as('own-plan')),
  'decideMeetingChange, meeting': decideMeetingChange(caseworker, as('meeting')),
  'decideMeetingMinutes, another meeting': decideMeetingMinutes(caseworker, as('meeting'), {
    organiserId: 'someone-else',
    organiserUnitId: 'another-unit',
    participantIds: [],
  }),
  'decideReferralCreate, citizen': decideReferralCreate(citizen, as('own-plan')),
  'decideReferralCreate, break-glass': decideReferralCreate(caseworker, as('break-glass')),
  'decideConsentChange, relative': decideConsentChange(relative, as('delegated'), record),
  'decideConsentChange, citizen legal basis': decideConsentChange(citizen, as('own-plan'), {
    ...record,
    basis: 'legal_provision',
  }),
  'decideConsentChange, citizen ends legal basis': decideConsentChange(citizen, as('own-plan'), {
    act: 'withdraw',
    consent: legalBasis,
  }),
  'decideConsentChange, meeting': decideConsentChange(caseworker, as('meeting'), record),
  'decideConsentChange, caseworker legal basis': decideConsentChange(caseworker, related, {
    ...record,
    basis: 'legal_provision',
  }),
  'decideConsentChange, professional withdraws': decideConsentChange(caseworker, related, {
    act: 'withdraw',
    consent: professionalConsent,
  }),
  'decideConsentChange, another leader ends': decideConsentChange(teamLeader, related, {
    act: 'withdraw',
    consent: legalBasis,
  }),
  'decideConsentChange, professional answers': decideConsentChange(caseworker, related, { act: 'answer' }),
  'decideBreakGlass, citizen': decideBreakGlass(citizen),
  'decideBreakGlassReview, caseworker': decideBreakGlassReview(caseworker, {
    professionalId: 'x',
    unitId: 'unit-a',
  }),
  'decideBreakGlassReview, own': decideBreakGlassReview(teamLeader, {
    professionalId: 'leader-1',
    unitId: 'unit-a',
  }),
  'decideBreakGlassReview, other unit': decideBreakGlassReview(teamLeader, {
    professionalId: 'x',
    unitId: 'unit-b',
  }),
  'decideSettingsChange, team leader': decideSettingsChange(teamLeader),
  'decideCprReveal, citizen': decideCprReveal(citizen, as('own-plan')),
  'decideExport, no access': decideExport(caseworker, decideCitizenAccess(caseworker, relations)),
  'decideExportCpr, no reason': decideExportCpr(caseworker, related, 'short'),
  'decideDelegationChange, grant': decideDelegationChange(caseworker, related, 'grant'),
  'decideDelegationChange, revoke': decideDelegationChange(relative, as('delegated'), 'revoke'),
  'decideAccessLogRead, professional': decideAccessLogRead(caseworker, related),
  'decideFlagFollowUp, not the owner': decideFlagFollowUp(
    caseworker,
    decideCitizenAccess(caseworker, relations),
    'other',
  ),
  'decideMeasureRead, no access': decideMeasureRead(caseworker, decideCitizenAccess(caseworker, relations)),
  'decideMeasureRecord, citizen as professional': decideMeasureRecord(
    citizen,
    as('own-plan'),
    'professional',
  ),
  'decideMeasureRecord, relative as citizen': decideMeasureRecord(relative, as('delegated'), 'citizen'),
  'decideMeasureRecord, break-glass': decideMeasureRecord(caseworker, as('break-glass'), 'professional'),
  'decideSurveyAccess, another unit': decideSurveyAccess(teamLeader, { unitId: 'unit-b' }),
  'decideSurveyAccess, caseworker': decideSurveyAccess(caseworker),
  'decideInstrumentLoad, team leader': decideInstrumentLoad(teamLeader),
  'decideAnalyticsAccess, citizen': decideAnalyticsAccess(citizen, 'read'),
  'decideAnalyticsAccess, caseworker': decideAnalyticsAccess(caseworker, 'read'),
  'decideAnalyticsAccess, team leader imports': decideAnalyticsAccess(teamLeader, 'import-costs'),
  'decideCalendarFeed, for another': decideCalendarFeed(caseworker, { kind: 'professional', id: 'other' }),
  'decideCalendarFeed, relative': decideCalendarFeed(relative, { kind: 'citizen', id: relative.id }),
  'decideCitizenReminders, professional': decideCitizenReminders(caseworker, as('relationship')),
  'decidePathwayTemplateAct, citizen': decidePathwayTemplateAct(citizen, 'read'),
  'decidePathwayTemplateAct, caseworker changes': decidePathwayTemplateAct(caseworker, 'change'),
  'decideReportingObjectionChange, meeting': decideReportingObjectionChange(caseworker, as('meeting'), {
    act: 'object',
  }),
  'decideReportingObjectionChange, her own': decideReportingObjectionChange(caseworker, related, {
    act: 'withdraw',
    objection: { recordedBy: { kind: 'citizen' } },
  }),
};

describe('refusals', () => {
  it('has a Danish and an English text for every code', () => {
    for (const [code, text] of Object.entries(REFUSALS)) {
      expect(text.en.trim(), code).not.toBe('');
      expect(text.da.trim(), code).not.toBe('');
      expect(text.da, `${code} is translated`).not.toBe(text.en);
    }
  });

  it.each(Object.entries(refusals))('%s is refused with a code and its English text', (_, decision) => {
    expect(decision.allowed).toBe(false);
    if (decision.allowed) return;
    expect(Object.keys(REFUSALS)).toContain(decision.code);
    expect(decision.reason).toBe(REFUSALS[decision.code].en);
  });

  it('gives every code from some decision of the policy', () => {
    const given = new Set(Object.values(refusals).map((decision) => !decision.allowed && decision.code));
    expect(Object.keys(REFUSALS).filter((code) => !given.has(code as never))).toEqual([]);
  });
});
