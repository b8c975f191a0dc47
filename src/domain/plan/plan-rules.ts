import { LEGAL_BASES } from '../organisation/legal-bases.js';

/**
 * The plan's own rules, apart from who may do what (that is the access policy): what an item's
 * state allows, which dates go together, and that a plan has one coordinator. Each rule answers
 * with a reason when it is broken and null when it holds; the command that asked turns the
 * reason into a problem for the API (src/server/plan/plan.commands.ts). Each check is named
 * check<What> and answers the reason it fails, or null.
 */
export type PlanRuleReason =
  /** An ended item (sub-goal, intervention) cannot change. */
  | 'ended'
  /** An ended item cannot end again. */
  | 'already-ended'
  /** An end date lies before its start date. */
  | 'end-before-start'
  /** Only an intervention recorded by someone outside its unit awaits the unit's confirmation. */
  | 'not-awaiting-confirmation'
  /** Only a professional is the plan's coordinator. */
  | 'coordinator-not-professional'
  /** A professional's phone and e-mail come from their own record, not the team entry. */
  | 'contact-from-record'
  /** A pathway of the same kind has not ended (one at a time). */
  | 'pathway-open'
  /** The legal basis code is not one the law knows. */
  | 'unknown-legal-basis';

type Verdict = PlanRuleReason | null;

/** An ended item cannot change. */
export function checkChange(item: { status: string }): Verdict {
  return item.status === 'ended' ? 'ended' : null;
}

/** An item ends once. */
export function checkEnd(item: { status: string }): Verdict {
  return item.status === 'ended' ? 'already-ended' : null;
}

/** A pathway ends once (it has ended when it has an end date). */
export function checkPathwayEnd(pathway: { endDate: string | null }): Verdict {
  return pathway.endDate !== null ? 'already-ended' : null;
}

/** End ≥ start: an end date (ISO day), when there is one, is not before the start date. */
export function checkDates(startDate: string, endDate: string | null | undefined): Verdict {
  return endDate && endDate < startDate ? 'end-before-start' : null;
}

/** Only an intervention awaiting confirmation is confirmed. */
export function checkConfirmation(intervention: { awaitingConfirmation: boolean }): Verdict {
  return intervention.awaitingConfirmation ? null : 'not-awaiting-confirmation';
}

/** One coordinator, and a professional: making someone else the coordinator needs a professional. */
export function checkCoordinator(member: { kind: string }, makeCoordinator: boolean | undefined): Verdict {
  return makeCoordinator && member.kind !== 'professional' ? 'coordinator-not-professional' : null;
}

/**
 * One coordinator: naming a team member coordinator who is not one already steps the current
 * coordinator down in the same change.
 */
export function replacesCoordinator(makeCoordinator: boolean | undefined, isCoordinator: boolean): boolean {
  return makeCoordinator === true && !isCoordinator;
}

/** A professional's contact details are their own record's; the field that tried to set one, if any. */
export function checkContact(
  member: { kind: string },
  input: { phone?: unknown; email?: unknown },
): { reason: 'contact-from-record'; field: 'phone' | 'email' } | null {
  if (member.kind !== 'professional' || (input.phone === undefined && input.email === undefined)) return null;
  return { reason: 'contact-from-record', field: input.phone !== undefined ? 'phone' : 'email' };
}

/** One pathway of a kind at a time: a new one starts only when no other of its kind is open. */
export function checkPathwayStart(openOfSameKind: boolean): Verdict {
  return openOfSameKind ? 'pathway-open' : null;
}

/** A legal basis is one of the codes the law knows. */
export function checkLegalBasis(code: string): Verdict {
  return code in LEGAL_BASES ? null : 'unknown-legal-basis';
}
