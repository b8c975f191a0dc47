import { momentPlusDays } from '../calendar.js';
import {
  type ConsentBasis,
  type ConsentPurpose,
  type ConsentRecord,
  type ConsentState,
  consentCovers,
  type InformationCategory,
  PLAN_PURPOSE,
} from '../consent/consent.js';
import type { ProfessionalRole, Sector } from '../organisation/sectors.js';
import { type Refusal, refusal } from './refusals.js';

export type { Refusal } from './refusals.js';

/**
 * THE access policy of Samspil: every decision about who may see or do what about a
 * citizen is made here, deny by default. Routes ask; presenters apply; nothing else decides.
 */

/** Who is acting. Professionals act within a unit; citizens act on their own plan. */
export type Actor =
  | {
      kind: 'professional';
      municipalityId: string;
      id: string;
      role: ProfessionalRole;
      unitId: string;
      name: string;
      /** The sector of the professional's unit, for consents given to a whole sector. */
      sector?: Sector;
    }
  | {
      kind: 'citizen';
      municipalityId: string;
      id: string;
      name: string;
      /**
       * Set when a relative acts for the citizen with delegated access (fuldmagt);
       * `includesConsent` when the power of attorney covers giving and withdrawing consent.
       */
      delegate?: { delegationId: string; name: string; includesConsent?: boolean };
    };

export type ProfessionalActor = Extract<Actor, { kind: 'professional' }>;

/** The relationships between a citizen and the organisation, as kept in the plan's read model. */
export interface CitizenRelations {
  citizenId: string;
  /** Professionals who are coordinator, team member or responsible for an intervention. */
  professionalIds: readonly string[];
  /** Units of those professionals and of the citizen's interventions. */
  unitIds: readonly string[];
  /** Units with a pending (requested, unanswered) referral: every professional there may read. */
  referralUnitIds?: readonly string[];
  /** Professionals invited to a planned or held meeting with the citizen, and until when. */
  meetings?: readonly MeetingRelation[];
}

/** A meeting participant's relationship: from the invitation until some days after the meeting. */
export interface MeetingRelation {
  professionalId: string;
  meetingId: string;
  /** ISO date-time when the relationship ends: the meeting's start plus the municipality's days. */
  until: string;
}

/** Days after a meeting its participants keep their relationship, unless the municipality says otherwise. */
export const DEFAULT_MEETING_RELATION_DAYS = 14;

/** When a meeting participant's relationship ends: `days` after the meeting starts. */
export function meetingRelationUntil(startsAt: Date, days: number = DEFAULT_MEETING_RELATION_DAYS): Date {
  return momentPlusDays(startsAt, days);
}

/** Whether a meeting relationship still holds (it exists from the invitation, so only the end is checked). */
export function isMeetingRelationActive(relation: MeetingRelation, now: Date): boolean {
  return now.getTime() < Date.parse(relation.until);
}

/** An active break-the-glass access to one citizen. */
export interface BreakGlassGrant {
  professionalId: string;
  expiresAt: Date;
}

/** What a citizen has granted, and who has broken the glass: the per-request side of access. */
export interface AccessGrants {
  consents: readonly ConsentRecord[];
  breakGlass: readonly BreakGlassGrant[];
}

export const NO_GRANTS: AccessGrants = { consents: [], breakGlass: [] };

export type AccessBasis =
  | 'own-plan'
  | 'delegated'
  | 'relationship'
  | 'unit-leader'
  | 'referral'
  | 'meeting'
  | 'break-glass';

/** Every basis of access, for audit filters and labels. */
export const ACCESS_BASES: readonly AccessBasis[] = [
  'own-plan',
  'delegated',
  'relationship',
  'unit-leader',
  'referral',
  'meeting',
  'break-glass',
];
export type AccessDecision = { allowed: true; basis: AccessBasis } | Refusal;

const DENIED: AccessDecision = refusal('access.no-relationship');

/** How long break-the-glass access lasts unless configured otherwise (SAMSPIL_BREAK_GLASS_HOURS). */
export const BREAK_GLASS_HOURS = 4;

/** Roles that supervise: search the audit trail, review break-the-glass. */
export const SUPERVISOR_ROLES: readonly ProfessionalRole[] = ['team_leader', 'administrator'];

/**
 * Decides whether an actor may see a citizen's plan. Deny by default: access exists only
 * through a relationship, as the citizen themself (or a relative with delegated access), as
 * leader of a unit that works with the citizen, as a professional of a unit with a pending
 * referral, as a participant of a meeting (until its relationship ends), or through an
 * unexpired break-the-glass.
 * Tenants never mix (the caller answers 404 for another tenant's records).
 */
export function decideCitizenAccess(
  actor: Actor,
  relations: CitizenRelations,
  grants: AccessGrants = NO_GRANTS,
  now: Date = new Date(),
): AccessDecision {
  if (actor.kind === 'citizen') {
    if (actor.id !== relations.citizenId) return DENIED;
    return { allowed: true, basis: actor.delegate ? 'delegated' : 'own-plan' };
  }
  if (relations.professionalIds.includes(actor.id)) return { allowed: true, basis: 'relationship' };
  if (actor.role === 'team_leader' && relations.unitIds.includes(actor.unitId)) {
    return { allowed: true, basis: 'unit-leader' };
  }
  if (relations.referralUnitIds?.includes(actor.unitId)) return { allowed: true, basis: 'referral' };
  if (
    relations.meetings?.some(
      (meeting) => meeting.professionalId === actor.id && isMeetingRelationActive(meeting, now),
    )
  ) {
    return { allowed: true, basis: 'meeting' };
  }
  if (grants.breakGlass.some((grant) => grant.professionalId === actor.id && grant.expiresAt > now)) {
    return { allowed: true, basis: 'break-glass' };
  }
  return DENIED;
}

/**
 * The acts on a plan, each one decision of decidePlanAct. Changing, ending, reassigning and
 * confirming an intervention is one act (`change-intervention`): only its owning unit does it.
 */
export type PlanAct =
  | 'set-goal'
  | 'change-sub-goal'
  | 'change-team'
  | 'set-coordinator'
  | 'change-pathway'
  | 'add-intervention'
  | 'change-intervention'
  | 'propose-change'
  | 'answer-proposal';

export const PLAN_ACTS: readonly PlanAct[] = [
  'set-goal',
  'change-sub-goal',
  'change-team',
  'set-coordinator',
  'change-pathway',
  'add-intervention',
  'change-intervention',
  'propose-change',
  'answer-proposal',
];

/**
 * The citizen's own part of the plan (issue 11): her goal in her own words, her own steps (what
 * she and her network do), and her comments on the plan, an approval among them.
 */
export type CitizenPlanAct = 'set-own-goal' | 'change-own-step' | 'comment-on-plan';

export const CITIZEN_PLAN_ACTS: readonly CitizenPlanAct[] = [
  'set-own-goal',
  'change-own-step',
  'comment-on-plan',
];

/**
 * Whether an actor may write the citizen's own part of the plan: the citizen herself, on her own
 * plan. A relative with a power of attorney reads it (the approval and the words are the
 * citizen's); professionals keep to their own acts (decidePlanAct), so her words are never
 * overwritten by anyone else.
 */
export function decideCitizenPlanAct(actor: Actor, access: AccessDecision): AccessDecision {
  if (!access.allowed) return access;
  if (actor.kind !== 'citizen') return refusal('plan.citizen-own-part');
  if (actor.delegate || access.basis !== 'own-plan') return refusal('plan.relative-reads');
  return access;
}

/**
 * Whether an actor may write the preparation of a meeting (what matters to her, what she wants
 * to talk about, whom she would like invited): the citizen herself, on her own plan. It is her
 * voice, like her own part of the plan.
 */
export function decideMeetingPreparation(actor: Actor, access: AccessDecision): AccessDecision {
  if (!access.allowed) return access;
  if (actor.kind !== 'citizen' || actor.delegate || access.basis !== 'own-plan')
    return refusal('meeting.citizen-prepares');
  return access;
}

/**
 * Who may draft a preliminary decision and send it to hearing: a professional of the deciding
 * unit with a direct relationship to the citizen (or its leader). Not through a referral, a
 * meeting invitation or break-the-glass.
 */
export function decideDecisionDraft(actor: Actor, access: AccessDecision, unitId: string): AccessDecision {
  if (!access.allowed) return access;
  if (actor.kind !== 'professional' || actor.unitId !== unitId || !DIRECT_BASES.includes(access.basis))
    return refusal('decision.own-unit-drafts');
  return access;
}

/** Who answers a hearing (comments, corrects facts): the citizen herself, on her own case. */
export function decideHearingResponse(actor: Actor, access: AccessDecision): AccessDecision {
  if (!access.allowed) return access;
  if (actor.kind !== 'citizen' || actor.delegate || access.basis !== 'own-plan')
    return refusal('decision.citizen-answers');
  return access;
}

/**
 * The acts on a decision after its draft (issue 14, item 4). Each is the deciding unit's: only a
 * professional of the unit that owns the decision, with a lasting relationship to the citizen (or
 * its leader), records them. Not through a referral, a meeting invitation or break-the-glass, and
 * never another unit, even one that works with her: the case is the deciding unit's.
 */
export type DecisionAct =
  | 'draft'
  | 'send-to-hearing'
  | 'record-informal-contact'
  | 'finalise'
  | 'record-appeal'
  | 'record-reconsideration'
  | 'record-appeal-result';

export const DECISION_ACTS: readonly DecisionAct[] = [
  'draft',
  'send-to-hearing',
  'record-informal-contact',
  'finalise',
  'record-appeal',
  'record-reconsideration',
  'record-appeal-result',
];

export function decideDecisionAct(
  actor: Actor,
  _act: DecisionAct,
  access: AccessDecision,
  decidingUnitId: string,
): AccessDecision {
  if (!access.allowed) return access;
  if (actor.kind !== 'professional') return refusal('decision.own-unit-acts');
  if (actor.unitId !== decidingUnitId || !DIRECT_BASES.includes(access.basis))
    return refusal('decision.own-unit-acts');
  return access;
}

/**
 * Who gets a decision's letters (the hearing letter, the final decision) as PDF: the citizen
 * herself and a relative with power of attorney (they are hers), and the professionals who see
 * the decision (canSeeDecision). A passing basis or another unit gets no letter.
 */
export function decideDecisionLetter(
  actor: Actor,
  access: AccessDecision,
  decidingUnitId: string,
): AccessDecision {
  if (!access.allowed) return access;
  return canSeeDecision(actor, access.basis, decidingUnitId) ? access : refusal('decision.letters');
}

/**
 * The team's recommendation (indstilling) on a case at a team meeting: a professional of the
 * unit that holds the team meeting, with a lasting relationship to the citizen (or its leader).
 * Putting a case on the list is the caseworker's: a professional with a lasting relationship.
 */
export function decideTeamCaseAct(
  actor: Actor,
  act: 'list-case' | 'recommend',
  access: AccessDecision,
  teamUnitId: string,
): AccessDecision {
  if (!access.allowed) return access;
  if (actor.kind !== 'professional' || !DIRECT_BASES.includes(access.basis))
    return refusal('team.relationship');
  if (act === 'recommend' && actor.unitId !== teamUnitId) return refusal('team.own-team-recommends');
  return access;
}

/**
 * Who holds and reads a team meeting (its case list): the professionals of the unit that holds
 * it. Each case's material is shown only to a reader who may see that citizen's decisions
 * (canSeeDecisions); to the rest of the team a case is "a case", its status only.
 */
export function decideTeamMeetingAccess(actor: Actor, teamUnitId: string | null): AccessDecision {
  if (actor.kind !== 'professional') return refusal('team.own-team');
  if (teamUnitId !== null && actor.unitId !== teamUnitId) return refusal('team.own-team');
  return { allowed: true, basis: 'relationship' };
}

/**
 * Who reads the citizen's decisions and hearings: she (and a relative with power of attorney)
 * and the professionals with a lasting relationship. Passing bases (a referral, a meeting, an
 * emergency) do not: a decision is the deciding unit's case with her.
 */
export function canSeeDecisions(actor: Actor, basis: AccessBasis): boolean {
  return actor.kind === 'citizen' || DIRECT_BASES.includes(basis);
}

/**
 * Whether this reader sees one decision at all: she does (and her relative), and so do the
 * deciding unit's professionals with a lasting relationship. Another unit's professional does
 * not, even one who works with her — a decision is "what", like an intervention's details — so
 * it is left out of lists, counts, letters and the inbox for them (hidden stays hidden).
 */
export function canSeeDecision(actor: Actor, basis: AccessBasis, decidingUnitId: string): boolean {
  if (actor.kind === 'citizen') return true;
  return DIRECT_BASES.includes(basis) && actor.unitId === decidingUnitId;
}

/** What an act is about: the intervention's (owning) unit, or the current coordinator. */
export interface PlanActTarget {
  /** The unit that owns the intervention, or that a new intervention is recorded for. */
  unitId?: string;
  /** The professional who coordinates now (for `set-coordinator`), if anyone. */
  coordinatorId?: string | null;
}

/**
 * What break-the-glass allows beyond reading: only acts that change nothing themselves. A
 * proposal reaches the owning unit, which decides. No referrals, no team or plan changes.
 */
export const BREAK_GLASS_URGENT_ACTS: readonly PlanAct[] = ['propose-change'];

/** The bases that make a professional a lasting part of the citizen's plan. */
const DIRECT_BASES: readonly AccessBasis[] = ['relationship', 'unit-leader'];

/**
 * Whether an actor may make one act on a plan, given their access (decideCitizenAccess):
 * - citizens and meeting invitees read only;
 * - break-the-glass reads, plus BREAK_GLASS_URGENT_ACTS;
 * - a pending referral lets the receiving unit add (and change) its own interventions;
 * - a direct relationship (or a unit leader) sets the goal, sub-goals, team and pathways,
 *   adds interventions (for another unit: awaiting that unit's confirmation) and proposes
 *   changes to other units' interventions;
 * - only the owning unit changes, ends, reassigns or confirms an intervention and answers
 *   proposals about it;
 * - the coordinator hands coordination over (or a team leader reassigns it).
 * docs/security.md holds the whole table.
 */
export function decidePlanAct(
  actor: Actor,
  act: PlanAct,
  access: AccessDecision,
  target: PlanActTarget = {},
): AccessDecision {
  if (!access.allowed) return access;
  if (actor.kind === 'citizen') {
    return refusal('plan.citizen-comments');
  }
  const owns = target.unitId !== undefined && target.unitId === actor.unitId;
  switch (access.basis) {
    case 'meeting':
      return refusal('plan.meeting-reads');
    case 'break-glass':
      return BREAK_GLASS_URGENT_ACTS.includes(act) ? access : refusal('plan.break-glass-proposes');
    case 'referral':
      return (act === 'add-intervention' || act === 'change-intervention') && owns
        ? access
        : refusal('plan.referral-own-intervention');
    case 'relationship':
    case 'unit-leader':
      break;
    default:
      return refusal('plan.professionals-only');
  }
  if (act === 'change-intervention' || act === 'answer-proposal') {
    return owns ? access : refusal('plan.other-unit-owns');
  }
  if (act === 'propose-change' && owns) {
    return refusal('plan.own-unit-owns');
  }
  if (
    act === 'set-coordinator' &&
    target.coordinatorId &&
    target.coordinatorId !== actor.id &&
    actor.role !== 'team_leader'
  ) {
    return refusal('plan.coordinator-hands-over');
  }
  return access;
}

/** An item followed up, as the policy needs it: an intervention names its owning unit. */
export type FollowUpTarget = { kind: 'intervention'; unitId: string } | { kind: 'sub_goal' };

/**
 * The plan act a follow-up of an item is: recording it may change or end the item, so it is
 * the owner's act. An intervention is followed up by its owning unit (everyone else proposes a
 * change to it); a sub-goal, which is the whole plan's, by those who change sub-goals.
 */
export function followUpPlanAct(item: FollowUpTarget): { act: PlanAct; target: PlanActTarget } {
  return item.kind === 'intervention'
    ? { act: 'change-intervention', target: { unitId: item.unitId } }
    : { act: 'change-sub-goal', target: {} };
}

/** Whether an actor may record a follow-up of an item (followUpPlanAct). */
export function decideFollowUpRecord(
  actor: Actor,
  access: AccessDecision,
  item: FollowUpTarget,
): AccessDecision {
  const { act, target } = followUpPlanAct(item);
  return decidePlanAct(actor, act, access, target);
}

/**
 * Whether an actor may arrange a meeting with the citizen or change one (update, hold, cancel):
 * only professionals with a direct relationship (or the leader of a unit that works with the
 * citizen). A meeting invitation, a pending referral and break-the-glass are passing bases:
 * they read, they do not invite others in. Never citizens (they are invited).
 */
export function decideMeetingChange(actor: Actor, access: AccessDecision): AccessDecision {
  if (!access.allowed) return access;
  if (actor.kind === 'citizen') {
    return refusal('meeting.citizen-invited');
  }
  return DIRECT_BASES.includes(access.basis) ? access : refusal('meeting.no-relationship');
}

/**
 * The acts of a network meeting beyond arranging it: the invitation list with roles, the
 * agenda, the record of the held meeting, and writing its agreements to the plan. Each is for
 * professionals with a direct relationship (as arranging is); writing agreements then asks the
 * plan's own acts for every change (decidePlanAct), so a meeting never widens what one may change.
 */
export type NetworkMeetingAct = 'invite' | 'plan-agenda' | 'record' | 'write-agreements';
export const NETWORK_MEETING_ACTS: readonly NetworkMeetingAct[] = [
  'invite',
  'plan-agenda',
  'record',
  'write-agreements',
];

export function decideNetworkMeetingAct(
  actor: Actor,
  access: AccessDecision,
  _act: NetworkMeetingAct,
): AccessDecision {
  return decideMeetingChange(actor, access);
}

/**
 * Who gets a meeting's minutes: the citizen (and a relative with power of attorney) and those
 * who may see the meeting's details. One who may see only that it takes place does not.
 */
export function decideMeetingMinutes(
  actor: Actor,
  access: AccessDecision,
  meeting: MeetingScope,
): AccessDecision {
  if (!access.allowed) return access;
  return canSeeMeetingDetails(actor, access.basis, meeting) ? access : refusal('meeting.minutes-involved');
}

/**
 * How far ahead a meeting may be placed. A meeting gives its invitees read access until some
 * days after it, so this bounds how long an invitation can last (about six months).
 */
export const MEETING_HORIZON_DAYS = 183;

/**
 * Whether a professional may refer the citizen to another unit (which gives that whole unit
 * read access until it answers): only with a direct relationship. Not through a pending
 * referral, a meeting invitation or break-the-glass.
 */
export function decideReferralCreate(actor: Actor, access: AccessDecision): AccessDecision {
  if (!access.allowed) return access;
  if (actor.kind !== 'professional') return refusal('referral.professionals-only');
  return DIRECT_BASES.includes(access.basis) ? access : refusal('referral.no-relationship');
}

/** The parts of a meeting the detail rule needs. */
export interface MeetingScope {
  organiserId: string;
  organiserUnitId: string;
  participantIds: readonly string[];
}

/**
 * "That, not what" for meetings: may this viewer see a meeting's purpose, agenda, summary and
 * non-professional participants, or only that it takes place (kind, time, place, status, the
 * professionals)? The citizen, the organiser and their unit, the invited professionals, those
 * with a standing relationship (the citizen's team) and an emergency access see it.
 */
export function canSeeMeetingDetails(actor: Actor, basis: AccessBasis, meeting: MeetingScope): boolean {
  if (actor.kind === 'citizen') return true;
  if (basis === 'relationship' || basis === 'break-glass') return true;
  return (
    meeting.organiserId === actor.id ||
    meeting.organiserUnitId === actor.unitId ||
    meeting.participantIds.includes(actor.id)
  );
}

/** The parts of an intervention the detail rule needs. */
export interface InterventionScope {
  unitId: string;
  sector: Sector;
  responsibleId: string | null;
  /** The unit's case the intervention belongs to, if recorded: a case-limited consent covers only its case. */
  caseReference?: string | null;
  /** Who recorded it from outside its unit, while it awaits the unit's confirmation. */
  recordedBy?: string | null;
  awaitingConfirmation?: boolean;
}

/**
 * "That, not what": may this viewer see the details (type, purpose, legal basis, frequency,
 * cost, linked sub-goals) of an intervention, or only that it exists (category, unit, contact,
 * period)? The citizen sees everything; a professional sees their own unit's interventions
 * (its responsible professional belongs to that unit), one they recorded for another unit
 * while it awaits that unit's confirmation, those covered by a consent or recorded legal basis for
 * their unit or sector (and, when the consent names a case, for that case only), and
 * everything while an emergency access (break the glass) lasts. The basis of access (a pending
 * referral, a meeting) never widens this.
 */
export function canSeeInterventionDetails(
  actor: Actor,
  basis: AccessBasis,
  intervention: InterventionScope,
  consents: readonly ConsentRecord[],
  now: Date = new Date(),
  purpose: ConsentPurpose = PLAN_PURPOSE,
  category: InformationCategory = 'intervention-details',
): boolean {
  if (actor.kind === 'citizen') return true;
  if (basis === 'break-glass') return true;
  if (intervention.unitId === actor.unitId) return true;
  if (intervention.awaitingConfirmation && intervention.recordedBy === actor.id) return true;
  const viewer = { unitId: actor.unitId, sector: actor.sector ?? null };
  const subject = { caseReference: intervention.caseReference ?? null };
  return consents.some((consent) => consentCovers(consent, viewer, category, purpose, now, subject));
}

/**
 * Who may record or change an intervention's case reference: its own unit. Anyone else could
 * otherwise move another unit's intervention under a case their case-limited consent covers,
 * and so read its details.
 */
export function canSetCaseReference(actor: Actor, intervention: Pick<InterventionScope, 'unitId'>): boolean {
  return actor.kind === 'professional' && intervention.unitId === actor.unitId;
}

/** A change to a citizen's consents, as the policy weighs it. */
export type ConsentChange =
  /** Give (citizen) or register (professional) a consent, or record a legal basis instead of consent. */
  | { act: 'record'; basis: ConsentBasis; withDeclaration: boolean }
  /** Withdraw a consent, or end a recorded legal basis. */
  | { act: 'withdraw'; consent: { basis: ConsentBasis; recordedBy: { kind: string; id: string } } }
  /** Confirm or reject a consent a professional registered as pending. */
  | { act: 'answer' };

/** Allowed, with the state a recorded consent starts in (pending until the citizen confirms it). */
export type ConsentDecision = { allowed: true; basis: AccessBasis; state: ConsentState } | Refusal;

/**
 * Consent is the citizen's. The citizen (or a relative whose power of attorney includes consent)
 * gives, withdraws, confirms and rejects. A professional who works with the citizen registers a
 * consent given outside the system: with a reference to the signed declaration it holds at once,
 * without one it is pending (no access) until the citizen confirms it. Only a team leader records
 * a legal basis instead of consent, and only that team leader ends it. No professional withdraws
 * a citizen's consent.
 */
export function decideConsentChange(
  actor: Actor,
  access: AccessDecision,
  change: ConsentChange,
): ConsentDecision {
  if (!access.allowed) return access;
  const allowed = (state: ConsentState = 'confirmed'): ConsentDecision => ({ ...access, state });
  if (actor.kind === 'citizen') {
    if (actor.delegate && !actor.delegate.includesConsent) return refusal('consent.delegate-not-included');
    if (change.act === 'record' && change.basis !== 'consent')
      return refusal('consent.citizen-gives-consent');
    if (change.act === 'withdraw' && change.consent.basis !== 'consent')
      return refusal('consent.legal-basis-end');
    return allowed();
  }
  if (access.basis !== 'relationship' && access.basis !== 'unit-leader')
    return refusal('consent.no-relationship');
  switch (change.act) {
    case 'record':
      if (change.basis === 'legal_provision')
        return actor.role === 'team_leader' ? allowed() : refusal('consent.legal-basis-team-leader');
      return allowed(change.withDeclaration ? 'confirmed' : 'pending');
    case 'withdraw':
      if (change.consent.basis === 'consent') return refusal('consent.professional-withdraw');
      return actor.role === 'team_leader' &&
        change.consent.recordedBy.kind === 'professional' &&
        change.consent.recordedBy.id === actor.id
        ? allowed()
        : refusal('consent.legal-basis-end');
    case 'answer':
      return refusal('consent.confirm-citizen');
  }
}

/** A change to the citizen's objection to her data in management figures (decision 0025). */
export type ReportingObjectionChange =
  | { act: 'object' }
  /** Take the objection in force back; who recorded it decides who may. */
  | { act: 'withdraw'; objection: { recordedBy: { kind: string } } };

/**
 * The objection to management figures is the citizen's right (decision 0025). She (or a
 * relative whose power of attorney includes consent) objects and takes it back herself; a
 * professional who works with her records either on her behalf (she told them), except that an
 * objection she set herself is taken back only by her: what she did in her own view, nobody
 * undoes for her.
 */
export function decideReportingObjectionChange(
  actor: Actor,
  access: AccessDecision,
  change: ReportingObjectionChange,
): AccessDecision {
  if (!access.allowed) return access;
  if (actor.kind === 'citizen') {
    if (actor.delegate && !actor.delegate.includesConsent) return refusal('consent.delegate-not-included');
    return access;
  }
  if (access.basis !== 'relationship' && access.basis !== 'unit-leader')
    return refusal('reporting-objection.no-relationship');
  if (change.act === 'withdraw' && change.objection.recordedBy.kind === 'citizen')
    return refusal('reporting-objection.citizens-own');
  return access;
}

/** Whether a professional may search the audit trail and review break-the-glass. */
export function canSuperviseAudit(actor: Actor): boolean {
  return actor.kind === 'professional' && SUPERVISOR_ROLES.includes(actor.role);
}

/**
 * Whose names the audit search shows beside the entries: an administrator supervises the whole
 * municipality and sees every citizen's name; a team leader the names of the citizens their unit
 * works with (whose plan names the unit); anyone else none. A citizen whose name is not shown is
 * "a citizen" in the row; the CPR number is never shown there.
 */
export function auditCitizenNameScope(actor: Actor): 'municipality' | 'unit' | 'none' {
  if (!canSuperviseAudit(actor) || actor.kind !== 'professional') return 'none';
  return actor.role === 'administrator' ? 'municipality' : 'unit';
}

/** Whether a professional may break the glass for a citizen (no relationship needed; never citizens). */
export function decideBreakGlass(actor: Actor): AccessDecision {
  if (actor.kind !== 'professional') return refusal('break-glass.professionals-only');
  return { allowed: true, basis: 'break-glass' };
}

/** The break-the-glass access a review is about. */
export interface BreakGlassScope {
  professionalId: string;
  unitId: string;
}

/**
 * Who reviews a break-the-glass access: a supervisor other than the professional who broke the
 * glass (a review of one's own would clear it unseen): the team leader of that professional's
 * unit, or an administrator.
 */
export function decideBreakGlassReview(actor: Actor, glass: BreakGlassScope): { allowed: true } | Refusal {
  if (!canSuperviseAudit(actor) || actor.kind !== 'professional')
    return refusal('break-glass.review-supervisor');
  if (actor.id === glass.professionalId) return refusal('break-glass.review-own');
  if (actor.role === 'team_leader' && actor.unitId !== glass.unitId)
    return refusal('break-glass.review-other-unit');
  return { allowed: true };
}

/**
 * Who changes settings that hold for the whole municipality (coordination rules and their
 * thresholds): administrators. A unit's team leader reads them, as everyone does.
 */
export function decideSettingsChange(actor: Actor): { allowed: true } | Refusal {
  return actor.kind === 'professional' && actor.role === 'administrator'
    ? { allowed: true }
    : refusal('settings.administrator');
}

/**
 * Whose contact details (phone, e-mail) an actor may list: professionals see the municipality's
 * directory (they refer and invite across units); a citizen, and a relative for her, sees only
 * the professionals who work with her (coordinator, team, responsible for an intervention).
 */
export function professionalDirectoryScope(actor: Actor): 'municipality' | 'own-team' {
  return actor.kind === 'professional' ? 'municipality' : 'own-team';
}

/**
 * Whose citizens a professional's caseload lists: a team leader's is the unit's citizens,
 * everyone else's the citizens they are related to (coordinator, team, responsible).
 */
export function caseloadScope(actor: ProfessionalActor): 'unit' | 'related' {
  return actor.role === 'team_leader' ? 'unit' : 'related';
}

/** Who disables and enables accounts and links them to a login identity: administrators. */
export function canManageAccounts(actor: ProfessionalActor): boolean {
  return actor.role === 'administrator';
}

/** Whether an actor may see a citizen's full CPR number (always audited, with a reason). */
export function decideCprReveal(actor: Actor, access: AccessDecision): AccessDecision {
  if (!access.allowed) return access;
  if (actor.kind !== 'professional') return refusal('cpr.professionals-only');
  return access;
}

// --- Step-up authentication, delegation choice and export ---------------------------------

/**
 * Whether the last authentication is recent enough for a sensitive act (revealing a CPR
 * number, breaking the glass, a CPR number in an export): ASVS asks for re-authentication.
 * An authentication time in the future (clock skew beyond a minute) is not trusted.
 */
export function isAuthenticationRecent(authTime: Date, now: Date, maxAgeMinutes: number): boolean {
  const age = now.getTime() - authTime.getTime();
  return age <= maxAgeMinutes * 60_000 && age >= -60_000;
}

/** A delegation (fuldmagt) as the policy needs it. */
export interface DelegationTerms {
  validFrom: string;
  validUntil: string | null;
  revokedAt: Date | null;
}

/** Whether a delegation is in force on a day (ISO date): not withdrawn, begun, not expired. */
export function isDelegationActive(delegation: DelegationTerms, today: string): boolean {
  if (delegation.revokedAt !== null) return false;
  if (delegation.validFrom > today) return false;
  return delegation.validUntil === null || delegation.validUntil >= today;
}

/**
 * What an export of a citizen's plan is: for the citizen (or their relative with fuldmagt) a
 * copy of their data (GDPR art. 15: plan, consents, who has looked); for a professional with
 * access, the plan as they may see it.
 */
export type ExportDecision =
  | { allowed: true; basis: AccessBasis; kind: 'data-subject' | 'professional' }
  | Refusal;

/** Who may export a citizen's plan: exactly those who may see it, each their own view of it. */
export function decideExport(actor: Actor, access: AccessDecision): ExportDecision {
  if (!access.allowed) return access;
  return { ...access, kind: actor.kind === 'citizen' ? 'data-subject' : 'professional' };
}

/**
 * Whether an export may carry the full CPR number: only when asked for, with a reason, by
 * someone allowed to reveal it (never the citizen's copy, which keeps the number masked).
 */
export function decideExportCpr(actor: Actor, access: AccessDecision, reason: string | null): AccessDecision {
  const reveal = decideCprReveal(actor, access);
  if (!reveal.allowed) return reveal;
  if (!reason || reason.trim().length < 10) return refusal('export.cpr-reason');
  return reveal;
}

/**
 * Who a plan PDF is for, decided like reading the plan: whoever may see the plan may download it
 * as a PDF, each their own view of it — the citizen's plain-language version for the citizen and
 * a relative with fuldmagt, the professional's for a professional.
 */
export type PlanPdfDecision =
  | { allowed: true; basis: AccessBasis; audience: 'professional' | 'citizen' | 'relative' }
  | Refusal;

/** Which version of a PDF an actor reads: the professional's, the citizen's, or the relative's. */
export function pdfAudience(actor: Actor): 'professional' | 'citizen' | 'relative' {
  if (actor.kind === 'professional') return 'professional';
  return actor.delegate ? 'relative' : 'citizen';
}

/** Whether an actor may download a citizen's plan as a PDF, and which version: the plan-read rule. */
export function decidePlanPdf(actor: Actor, access: AccessDecision): PlanPdfDecision {
  if (!access.allowed) return access;
  return { ...access, audience: pdfAudience(actor) };
}

/** Whether an actor may grant or revoke a power of attorney (fuldmagt): only the citizen themself. */
export function decideDelegationChange(
  actor: Actor,
  access: AccessDecision,
  change: 'grant' | 'revoke',
): AccessDecision {
  if (actor.kind === 'citizen' && !actor.delegate && access.allowed) return access;
  return refusal(change === 'grant' ? 'delegation.citizen-grants' : 'delegation.citizen-revokes');
}

/** Whether an actor may read a citizen's access log: the citizen's own (or their relative's with fuldmagt). */
export function decideAccessLogRead(actor: Actor, access: AccessDecision): AccessDecision {
  if (actor.kind === 'citizen') return access;
  return refusal('access-log.citizens-own');
}

/**
 * Whether an actor may follow a coordination flag up: anyone who may see the citizen, and the
 * flag's owner even after losing access to the plan (what they see is still "that, not what").
 */
export function decideFlagFollowUp(
  actor: Actor,
  access: AccessDecision,
  ownerId: string | null,
): { allowed: true } | Refusal {
  return access.allowed || ownerId === actor.id ? { allowed: true } : access;
}

// --- Measures and surveys (issue 13) ------------------------------------------------------

/** Who answered a questionnaire about a citizen. */
export type MeasureRespondent = 'citizen' | 'relative' | 'professional' | 'independent-assessor';

/** Measures about a citizen are plan data: whoever may see the plan may see them (audited). */
export function decideMeasureRead(_actor: Actor, access: AccessDecision): AccessDecision {
  return access;
}

/**
 * Who may record a measure about a citizen, answered by whom. The citizen records their own
 * answers (a relative with fuldmagt records as a relative); a professional who works with the
 * citizen records their own rating or an independent assessor's, or the answers the citizen or
 * a relative gave on paper. Not on a meeting's read-only relationship, not through
 * break-the-glass (an emergency read).
 */
export function decideMeasureRecord(
  actor: Actor,
  access: AccessDecision,
  respondent: MeasureRespondent,
): AccessDecision {
  if (!access.allowed) return access;
  if (actor.kind === 'citizen') {
    const own = actor.delegate ? 'relative' : 'citizen';
    return respondent === own
      ? access
      : refusal(own === 'relative' ? 'measure.relative-own-answers' : 'measure.citizen-own-answers');
  }
  if (access.basis === 'meeting' || access.basis === 'break-glass') {
    return refusal('measure.no-relationship');
  }
  return access;
}

/** A survey's scope as the policy needs it: the unit it is about. */
export interface SurveyUnit {
  unitId: string;
}

/**
 * Collaboration and quality surveys are a unit's management tool: team leaders create them for
 * their unit and read their own unit's; the administrator every unit's. Never citizens, never
 * other professionals (answers are anonymous and results are per group, never per person).
 */
export function decideSurveyAccess(actor: Actor, survey?: SurveyUnit): { allowed: true } | Refusal {
  if (actor.kind === 'professional' && actor.role === 'administrator') return { allowed: true };
  if (actor.kind === 'professional' && actor.role === 'team_leader') {
    return !survey || survey.unitId === actor.unitId ? { allowed: true } : refusal('survey.other-unit');
  }
  return refusal('survey.team-leaders');
}

/**
 * Issuing invitation links to a collaboration survey round (and seeing how many were issued and
 * used) is for whoever may read the survey: its unit's team leaders and the administrator. A
 * link lets one person answer once, anonymously; whoever holds it needs no login, so the link is
 * the only grant and is shown to the issuer once (decision 0012).
 */
export function decideSurveyInvitationIssue(actor: Actor, survey: SurveyUnit): { allowed: true } | Refusal {
  return decideSurveyAccess(actor, survey);
}

/** Loading a licensed instrument is the administrator's: they answer for the licence. */
export function decideInstrumentLoad(actor: Actor): { allowed: true } | Refusal {
  return actor.kind === 'professional' && actor.role === 'administrator'
    ? { allowed: true }
    : refusal('instrument.administrator');
}

// --- Management figures and costs (issue 15) ------------------------------------------------

/** What about management figures an actor asks to do. */
export type AnalyticsAction = 'read' | 'export' | 'import-costs';

/**
 * Whether an actor may see or export management figures (aggregates over the whole
 * municipality, already suppressed for privacy): team leaders and the administrator only.
 * Importing cost files changes what every figure says: the administrator only.
 */
export function decideAnalyticsAccess(actor: Actor, action: AnalyticsAction): { allowed: true } | Refusal {
  if (actor.kind !== 'professional') return refusal('analytics.supervisors');
  if (action === 'import-costs')
    return actor.role === 'administrator' ? { allowed: true } : refusal('analytics.import-administrator');
  return SUPERVISOR_ROLES.includes(actor.role) ? { allowed: true } : refusal('analytics.supervisors');
}

/** Whose calendar feed it is: a professional's meetings, or a citizen's own appointments. */
export interface CalendarFeedOwner {
  kind: 'professional' | 'citizen';
  id: string;
}

/**
 * Who makes, lists and revokes a secret calendar link (iCal feed), for whom: everyone for
 * themselves only: a professional for her own meetings, a citizen for her own appointments.
 * Not a relative with a power of attorney: the link works without a login and outlives a
 * session, so it would outlive a withdrawn power of attorney (decision 0021); the relative reads
 * the appointments in Samspil. Not a leader for her staff: the link is its owner's alone.
 */
export function decideCalendarFeed(actor: Actor, owner: CalendarFeedOwner): { allowed: true } | Refusal {
  if (actor.kind === 'citizen' && actor.delegate) return refusal('calendar.citizen-herself');
  if (owner.kind !== actor.kind || owner.id !== actor.id) return refusal('calendar.own-feed');
  return { allowed: true };
}

/**
 * Who reads a citizen's reminders (the list on her page): she, and a relative with a power of
 * attorney, who reads her plan. Professionals read their own reminders in their inbox.
 */
export function decideCitizenReminders(actor: Actor, access: AccessDecision): AccessDecision {
  if (!access.allowed) return access;
  if (actor.kind !== 'citizen') return refusal('reminders.citizens-own');
  return access;
}

// --- Pathway templates (issue 14, decision 0019) --------------------------------------------

/** What about the municipality's pathway templates an actor asks to do. */
export type PathwayTemplateAct = 'read' | 'change';

/**
 * Pathway templates are the municipality's rulebook for its pathways, with no citizen data:
 * every professional reads them (the plan shows their stages); team leaders and the
 * administrator copy one to a draft, change the draft and publish it.
 */
export function decidePathwayTemplateAct(actor: Actor, act: PathwayTemplateAct): { allowed: true } | Refusal {
  if (actor.kind !== 'professional') return refusal('pathway-template.professionals');
  if (act === 'read') return { allowed: true };
  return SUPERVISOR_ROLES.includes(actor.role) ? { allowed: true } : refusal('pathway-template.supervisors');
}
