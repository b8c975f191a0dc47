import { addDays } from '../calendar.js';
import type {
  InterventionCreate,
  InterventionUpdate,
  SubGoalCreate,
  SubGoalUpdate,
} from '../plan/plan.schemas.js';
import type { MeetingKind } from './meeting.schemas.js';
import type { AgendaSource, Agreement, CitizenConsent, MeetingRole } from './network-meeting.schemas.js';

/**
 * The rules of a network meeting, pure: whom the citizen agreed to invite, one tovholder, the
 * agenda proposed from her preparation and the plan, and what each agreement becomes in the plan.
 */

export interface InvitationFacts {
  kind: 'professional' | 'network' | 'civil_society';
  role?: MeetingRole;
  citizenConsent?: CitizenConsent | null;
}

export type InvitationProblem =
  | { reason: 'citizen-not-asked'; index: number }
  | { reason: 'one-coordinator'; index: number };

/**
 * At a network meeting the citizen decides who of her network and civil society is there: such a
 * participant needs her agreement (or her own wish). Every meeting has at most one tovholder.
 */
export function checkInvitations(
  meetingKind: MeetingKind,
  invitations: readonly InvitationFacts[],
): InvitationProblem | null {
  let coordinators = 0;
  for (const [index, invitation] of invitations.entries()) {
    if (meetingKind === 'network' && invitation.kind !== 'professional' && !invitation.citizenConsent)
      return { reason: 'citizen-not-asked', index };
    if (invitation.role === 'coordinator') {
      coordinators += 1;
      if (coordinators > 1) return { reason: 'one-coordinator', index };
    }
  }
  return null;
}

export interface AgendaFacts {
  preparation: { talkAbout: string | null; matters: string | null } | null;
  subGoals: readonly {
    id: string;
    title: string;
    status: string;
    targetDate: string | null;
    gasLevel: number | null;
  }[];
  /** Pending proposals: the unit that owns the intervention answers. */
  proposals: readonly { id: string; ownerUnitName: string }[];
  /** Referrals still waiting for an answer. */
  referrals: readonly { id: string; toName: string }[];
  /** The Danish day of the meeting (or today): a sub-goal due within two weeks of it is up. */
  day: string;
}

export interface ProposedPoint {
  text: string;
  source: AgendaSource;
  refId: string | null;
}

/** How near a sub-goal's target date must be for the meeting to follow it up. */
export const SUB_GOAL_DUE_DAYS = 14;

/**
 * The agenda proposed for a network meeting: her own points first (what she wants to talk
 * about, what matters to her), then the sub-goals due for follow-up or without progress (no GAS
 * level above the starting point), then open proposals and referrals. Her words are kept as
 * written; the organiser edits the list before it is saved.
 */
export function proposeAgenda(facts: AgendaFacts): ProposedPoint[] {
  const points: ProposedPoint[] = [];
  const own = (text: string | null | undefined, source: AgendaSource) => {
    const trimmed = text?.trim();
    if (trimmed) points.push({ text: trimmed.slice(0, 500), source, refId: null });
  };
  own(facts.preparation?.talkAbout, 'citizen-talk-about');
  own(facts.preparation?.matters, 'citizen-matters');
  const dueBy = addDays(facts.day, SUB_GOAL_DUE_DAYS);
  for (const goal of facts.subGoals) {
    if (goal.status !== 'active') continue;
    if (goal.targetDate !== null && goal.targetDate <= dueBy) {
      points.push({ text: `Opfølgning på delmålet: ${goal.title}`, source: 'sub-goal-due', refId: goal.id });
    } else if (goal.gasLevel === null || goal.gasLevel < 0) {
      points.push({
        text: `Delmålet uden fremskridt: ${goal.title}`,
        source: 'sub-goal-no-progress',
        refId: goal.id,
      });
    }
  }
  for (const proposal of facts.proposals)
    points.push({
      text: `Forslag til ${proposal.ownerUnitName}, som venter på svar`,
      source: 'proposal',
      refId: proposal.id,
    });
  for (const referral of facts.referrals)
    points.push({
      text: `Henvisning til ${referral.toName}, som venter på svar`,
      source: 'referral',
      refId: referral.id,
    });
  return points.slice(0, 30);
}

/** The plan command an agreement becomes, for the acting professional's unit. */
export type AgreementCommand =
  | { command: 'create-sub-goal'; input: SubGoalCreate }
  | { command: 'update-sub-goal'; subGoalId: string; input: SubGoalUpdate }
  | { command: 'create-intervention'; input: InterventionCreate }
  | { command: 'update-intervention'; interventionId: string; input: InterventionUpdate }
  | { command: 'propose'; interventionId: string; ownerUnitId: string; change: InterventionUpdate };

/**
 * An agreement as a plan change. A change to an intervention another unit owns is a proposal to
 * that unit (only the owner changes its interventions); a new intervention for another unit is
 * recorded awaiting that unit's confirmation (the plan's own rule for it).
 * `interventionUnitId` is the owning unit of the intervention the agreement changes, if any.
 */
export function agreementCommand(
  agreement: Agreement,
  actorUnitId: string,
  interventionUnitId?: string,
): AgreementCommand {
  switch (agreement.kind) {
    case 'new_sub_goal':
      return { command: 'create-sub-goal', input: agreement.subGoal };
    case 'change_sub_goal':
      return { command: 'update-sub-goal', subGoalId: agreement.subGoalId, input: agreement.change };
    case 'new_intervention':
      return { command: 'create-intervention', input: agreement.intervention };
    case 'change_intervention':
    case 'follow_up': {
      const change: InterventionUpdate =
        agreement.kind === 'follow_up' ? { followUpDate: agreement.followUpDate } : agreement.change;
      if (interventionUnitId !== undefined && interventionUnitId !== actorUnitId)
        return {
          command: 'propose',
          interventionId: agreement.interventionId,
          ownerUnitId: interventionUnitId,
          change,
        };
      return { command: 'update-intervention', interventionId: agreement.interventionId, input: change };
    }
  }
}

/** The intervention an agreement is about, if it changes one. */
export function agreementInterventionId(agreement: Agreement): string | null {
  return agreement.kind === 'change_intervention' || agreement.kind === 'follow_up'
    ? agreement.interventionId
    : null;
}

export type AgreementsBlock = 'not-held' | 'citizen-absent' | 'already-written' | 'none';

/**
 * Whether a meeting's agreements can be written to the plan: only of a held meeting, only
 * agreements made with the citizen present (nothing about her without her), once.
 */
export function agreementsBlock(meeting: {
  status: string;
  citizenPresent: boolean | null;
  writtenAt: Date | string | null;
  agreements: number;
}): AgreementsBlock | null {
  if (meeting.status !== 'held') return 'not-held';
  if (meeting.writtenAt !== null) return 'already-written';
  if (meeting.citizenPresent !== true) return 'citizen-absent';
  if (meeting.agreements === 0) return 'none';
  return null;
}
