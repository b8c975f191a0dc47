import type { HistoryEntry } from '../../api/plan.js';

/** Fields that only the system cares about; the history does not list them as changes. */
const HIDDEN = new Set([
  'id',
  'citizenId',
  'municipalityId',
  'createdAt',
  'updatedAt',
  'endedAt',
  'typeId',
  'unitId',
  'interventionId',
  'ownerUnitId',
  'recordedBy',
]);

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields a change touched, with their values before and after (only those that differ). */
export function changedFields(entry: HistoryEntry): FieldChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (HIDDEN.has(field)) continue;
    const old = before[field] ?? null;
    const next = after[field] ?? null;
    if (entry.action !== 'create' && JSON.stringify(old) === JSON.stringify(next)) continue;
    if (entry.action === 'create' && next === null) continue;
    changes.push({ field, before: old, after: next });
  }
  return changes;
}

/** Whether a change is new to me: made by someone else after I last looked. */
export function isNewToMe(entry: HistoryEntry, previousVisitAt: string | null, meId: string | null): boolean {
  if (previousVisitAt === null || entry.actor.id === meId) return false;
  return entry.at > previousVisitAt;
}

/**
 * The day of the follow-up a change was made at, for "changed at the follow-up of <date>": the
 * day it was held when the follow-up is known to the viewer, else the day of the change; null
 * for a change that did not come from a follow-up.
 */
export function followUpDay(entry: HistoryEntry, heldOnById: ReadonlyMap<string, string>): string | null {
  if (entry.origin?.kind !== 'follow_up') return null;
  return heldOnById.get(entry.origin.id) ?? entry.at.slice(0, 10);
}

/**
 * The meeting a change came from: the meeting (with its start) when the viewer's list holds it,
 * null when it came from a meeting the viewer cannot find, undefined when not from a meeting.
 */
export function meetingOrigin<M extends { id: string; startsAt: string }>(
  entry: HistoryEntry,
  meetings: readonly M[],
): M | null | undefined {
  if (entry.origin?.kind !== 'meeting') return undefined;
  const id = entry.origin.id;
  return meetings.find((meeting) => meeting.id === id) ?? null;
}
