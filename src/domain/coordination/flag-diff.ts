import type { Day } from '../calendar.js';
import { dismissalReturns } from './flag-lifecycle.js';
import type { OwnedFinding } from './rule.js';

export const FLAG_STATUSES = ['open', 'acknowledged', 'resolved', 'dismissed'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** What a check needs to know of a stored flag. */
export interface ExistingFlag {
  id: string;
  citizenId: string;
  fingerprint: string;
  status: FlagStatus;
  /** Resolved by the system because its condition disappeared (not by a person). */
  closedBySystem: boolean;
  ownerId: string | null;
  /** A person took the flag on (acknowledged it): it stays theirs and no longer follows the plan. */
  ownerTaken: boolean;
  /** Dismissed until this day: it returns then if its cause remains (flag-lifecycle.ts). */
  dismissedUntil?: Day | null;
}

/** The writes that bring stored flags in line with what the rules found. */
export interface FlagChanges {
  create: (OwnedFinding & { citizenId: string })[];
  reopen: string[];
  autoResolve: string[];
  /** Open flags whose owner the plan now names differently (a new coordinator, say). */
  reassign: { id: string; ownerId: string | null }[];
}

/**
 * Compares findings with the stored flags of the same citizens. New problems become flags;
 * flags whose condition disappeared are resolved by the system, and reopen if it returns; a flag
 * dismissed with a return date reopens on that day if its cause remains, and closes by itself if
 * the cause goes first (flag-lifecycle.ts); one resolved, or dismissed before return dates
 * existed, stays closed for that fingerprint. An open flag's owner follows
 * the plan (the rule's choice, else the coordinator) until a person takes it on. Running it on
 * its own output changes nothing, which makes every check idempotent.
 */
export function diffFlags(
  findings: readonly (OwnedFinding & { citizenId: string })[],
  existing: readonly ExistingFlag[],
  /** The Danish day of the check; without it no dismissal runs out. */
  today: Day | null = null,
): FlagChanges {
  // Keyed by citizen, then fingerprint: the batch scan diffs a whole municipality, and nested
  // maps spare it a concatenated key per finding and per stored flag.
  const stored = new Map<string, Map<string, ExistingFlag>>();
  for (const flag of existing) {
    const ofCitizen = stored.get(flag.citizenId);
    if (ofCitizen) ofCitizen.set(flag.fingerprint, flag);
    else stored.set(flag.citizenId, new Map([[flag.fingerprint, flag]]));
  }
  const found = new Map<string, Set<string>>();
  const changes: FlagChanges = { create: [], reopen: [], autoResolve: [], reassign: [] };
  for (const finding of findings) {
    const seen = found.get(finding.citizenId);
    if (!seen) found.set(finding.citizenId, new Set([finding.fingerprint]));
    else if (seen.has(finding.fingerprint)) continue;
    else seen.add(finding.fingerprint);
    const flag = stored.get(finding.citizenId)?.get(finding.fingerprint);
    if (!flag) {
      changes.create.push(finding);
      continue;
    }
    const reopened =
      (flag.status === 'resolved' && flag.closedBySystem) ||
      (flag.status === 'dismissed' &&
        today !== null &&
        dismissalReturns(flag.dismissedUntil ?? null, today, true));
    if (reopened) changes.reopen.push(flag.id);
    const open = reopened || flag.status === 'open' || flag.status === 'acknowledged';
    if (open && !flag.ownerTaken && flag.ownerId !== finding.ownerId)
      changes.reassign.push({ id: flag.id, ownerId: finding.ownerId });
  }
  for (const flag of existing) {
    // A dismissal with a return date waits on its cause: gone, the flag closes like an open one.
    const waiting = flag.status === 'dismissed' && (flag.dismissedUntil ?? null) !== null;
    const open = flag.status === 'open' || flag.status === 'acknowledged' || waiting;
    if (open && !found.get(flag.citizenId)?.has(flag.fingerprint)) changes.autoResolve.push(flag.id);
  }
  return changes;
}

/** Whether a diff has anything to write. */
export function hasChanges(changes: FlagChanges): boolean {
  return (
    changes.create.length + changes.reopen.length + changes.autoResolve.length + changes.reassign.length > 0
  );
}
