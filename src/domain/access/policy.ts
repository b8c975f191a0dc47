import {
  type ConsentPurpose,
  type ConsentRecord,
  consentCovers,
  type InformationCategory,
  PLAN_PURPOSE,
} from '../consent/consent.js';
import type { ProfessionalRole, Sector } from '../organisation/sectors.js';

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
      /** Set when a relative acts for the citizen with delegated access (fuldmagt). */
      delegate?: { delegationId: string; name: string };
    };

export type ProfessionalActor = Extract<Actor, { kind: 'professional' }>;

/** The relationships between a citizen and the organisation, as kept in the plan's read model. */
export interface CitizenRelations {
  citizenId: string;
  /** Professionals who are coordinator, team member or responsible for an intervention. */
  professionalIds: readonly string[];
  /** Units of those professionals and of the citizen's interventions. */
  unitIds: readonly string[];
  /** Units with a pending referral (requested or accepted): every professional there is related. */
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
  return new Date(startsAt.getTime() + days * 24 * 60 * 60 * 1000);
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
export type AccessDecision = { allowed: true; basis: AccessBasis } | { allowed: false; reason: string };

const DENIED: AccessDecision = {
  allowed: false,
  reason:
    'You have no relationship to this citizen (coordinator, team member, responsible for an intervention, a pending referral to your unit or a meeting you are invited to).',
};

/** How long break-the-glass access lasts. */
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
 * Whether an actor may change a plan. Citizens comment and approve in a later capability, not
 * edit here. A meeting invitation lets a professional read the plan, not change it; a pending
 * referral lets the receiving unit add its intervention.
 */
export function decidePlanChange(
  actor: Actor,
  relations: CitizenRelations,
  grants: AccessGrants = NO_GRANTS,
  now: Date = new Date(),
): AccessDecision {
  if (actor.kind === 'citizen') {
    return { allowed: false, reason: 'Citizens cannot change the plan directly; comment on it instead.' };
  }
  const access = decideCitizenAccess(actor, relations, grants, now);
  if (access.allowed && access.basis === 'meeting') {
    return { allowed: false, reason: 'A meeting invitation lets you read the plan, not change it.' };
  }
  return access;
}

/**
 * Whether an actor may arrange a meeting with the citizen or change one (update, hold, cancel):
 * professionals who work with the citizen, the receiving unit of a pending referral and the
 * participants of a meeting. Not through break-the-glass (an emergency read), never citizens
 * (they are invited; the professionals arrange).
 */
export function decideMeetingChange(actor: Actor, access: AccessDecision): AccessDecision {
  if (!access.allowed) return access;
  if (actor.kind === 'citizen') {
    return { allowed: false, reason: 'Meetings are arranged by the professionals; you are invited.' };
  }
  return access.basis === 'break-glass'
    ? { allowed: false, reason: 'Arrange meetings only for a citizen you work with.' }
    : access;
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
}

/**
 * "That, not what": may this viewer see the details (type, purpose, legal basis, frequency,
 * cost, linked sub-goals) of an intervention, or only that it exists (category, unit, contact,
 * period)? The citizen sees everything; a professional sees their own unit's interventions,
 * those they are responsible for, those covered by a consent or recorded legal basis for
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
  if (intervention.unitId === actor.unitId || intervention.responsibleId === actor.id) return true;
  const viewer = { unitId: actor.unitId, sector: actor.sector ?? null };
  const subject = { caseReference: intervention.caseReference ?? null };
  return consents.some((consent) => consentCovers(consent, viewer, category, purpose, now, subject));
}

/**
 * Who may record or change an intervention's case reference: its own unit or its responsible
 * professional. Anyone else could otherwise move another unit's intervention under a case their
 * case-limited consent covers, and so read its details.
 */
export function canSetCaseReference(actor: Actor, intervention: Omit<InterventionScope, 'sector'>): boolean {
  return (
    actor.kind === 'professional' &&
    (intervention.unitId === actor.unitId || intervention.responsibleId === actor.id)
  );
}

/** Who may give, withdraw or record consent for a citizen. Relatives with fuldmagt may not. */
export function decideConsentChange(actor: Actor, access: AccessDecision): AccessDecision {
  if (!access.allowed) return access;
  if (actor.kind === 'citizen') {
    return actor.delegate
      ? { allowed: false, reason: 'Only the citizen can give or withdraw consent.' }
      : access;
  }
  // Professionals record consent (or a legal basis) only within a real relationship.
  return access.basis === 'relationship' || access.basis === 'unit-leader'
    ? access
    : { allowed: false, reason: 'Record consent only for a citizen you work with.' };
}

/** Whether a professional may search the audit trail and review break-the-glass. */
export function canSuperviseAudit(actor: Actor): boolean {
  return actor.kind === 'professional' && SUPERVISOR_ROLES.includes(actor.role);
}

/** Whether a professional may break the glass for a citizen (no relationship needed; never citizens). */
export function decideBreakGlass(actor: Actor): AccessDecision {
  if (actor.kind !== 'professional')
    return { allowed: false, reason: 'Only professionals can break the glass.' };
  return { allowed: true, basis: 'break-glass' };
}

/** Whether an actor may see a citizen's full CPR number (always audited, with a reason). */
export function decideCprReveal(actor: Actor, access: AccessDecision): AccessDecision {
  if (!access.allowed) return access;
  if (actor.kind !== 'professional') {
    return { allowed: false, reason: 'The full CPR number is revealed only to professionals.' };
  }
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
  | { allowed: false; reason: string };

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
  if (!reason || reason.trim().length < 10)
    return {
      allowed: false,
      reason: 'Say why the export needs the full CPR number (at least 10 characters).',
    };
  return reveal;
}

/** Whether an actor may grant or revoke a power of attorney (fuldmagt): only the citizen themself. */
export function decideDelegationChange(
  actor: Actor,
  access: AccessDecision,
  change: 'grant' | 'revoke',
): AccessDecision {
  if (actor.kind === 'citizen' && !actor.delegate && access.allowed) return access;
  return { allowed: false, reason: `Only the citizen can ${change} delegated access.` };
}

/** Whether an actor may read a citizen's access log: the citizen's own (or their relative's with fuldmagt). */
export function decideAccessLogRead(actor: Actor, access: AccessDecision): AccessDecision {
  if (actor.kind === 'citizen') return access;
  return {
    allowed: false,
    reason: 'The access log is the citizen’s own; supervisors search the audit trail.',
  };
}

/**
 * Whether an actor may follow a coordination flag up: anyone who may see the citizen, and the
 * flag's owner even after losing access to the plan (what they see is still "that, not what").
 */
export function decideFlagFollowUp(
  actor: Actor,
  access: AccessDecision,
  ownerId: string | null,
): { allowed: true } | { allowed: false; reason: string } {
  return access.allowed || ownerId === actor.id ? { allowed: true } : access;
}

// --- Management figures and costs (issue 15) ------------------------------------------------

/** What about management figures an actor asks to do. */
export type AnalyticsAction = 'read' | 'export' | 'import-costs';

/**
 * Whether an actor may see or export management figures (aggregates over the whole
 * municipality, already suppressed for privacy): team leaders and the administrator only.
 * Importing cost files changes what every figure says: the administrator only.
 */
export function decideAnalyticsAccess(
  actor: Actor,
  action: AnalyticsAction,
): { allowed: true } | { allowed: false; reason: string } {
  if (actor.kind !== 'professional')
    return { allowed: false, reason: 'Management figures are for team leaders and the administrator.' };
  if (action === 'import-costs')
    return actor.role === 'administrator'
      ? { allowed: true }
      : { allowed: false, reason: 'Only the administrator imports cost files.' };
  return SUPERVISOR_ROLES.includes(actor.role)
    ? { allowed: true }
    : { allowed: false, reason: 'Management figures are for team leaders and the administrator.' };
}
