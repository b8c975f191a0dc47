import { resourceKind } from './audit-text.js';

/**
 * How the audit search makes one row of a page visit. The web app sends a visit id with every
 * call one page makes while it is shown (web/src/api/visit.ts → details.visit), so the entries of
 * one actor with one visit id about one citizen are one visit. Entries without a visit id (older
 * clients, the CLI, a PDF link opened on its own) are grouped as a burst: the same actor, citizen
 * and visit-less, each within BURST_SECONDS of the one before. A row never mixes actors or citizens.
 */
export const BURST_SECONDS = 10;

/** One audit entry, as much of it as the grouping needs. */
export interface GroupableEntry {
  id: string;
  at: Date;
  actorId: string;
  citizenId: string | null;
  action: string;
  resource: string;
  outcome: string;
  visit: string | null;
}

export interface EntryGroup<T extends GroupableEntry> {
  /** The visit id, or the first entry's id for a burst. */
  key: string;
  /** Oldest first. */
  entries: T[];
}

/** Which action says what a visit did: a change or a break-the-glass outweighs the reads around it. */
const ACTION_WEIGHT: Record<string, number> = {
  'break-glass': 9,
  update: 8,
  create: 8,
  end: 8,
  withdraw: 8,
  disable: 8,
  export: 7,
  reveal: 6,
  search: 5,
  read: 4,
  list: 3,
  login: 2,
  logout: 2,
};

/**
 * Groups entries (any order) into visits, newest visit first; each visit's entries oldest first.
 */
export function groupVisits<T extends GroupableEntry>(entries: readonly T[]): EntryGroup<T>[] {
  const sorted = [...entries].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
  const groups = new Map<string, EntryGroup<T>>();
  // The open burst of each actor and citizen, and when its last entry was.
  const bursts = new Map<string, { group: EntryGroup<T>; last: number }>();
  for (const entry of sorted) {
    const who = `${entry.actorId}|${entry.citizenId ?? ''}`;
    if (entry.visit) {
      const key = `${entry.visit}|${who}`;
      const group = groups.get(key) ?? { key: entry.visit, entries: [] };
      group.entries.push(entry);
      groups.set(key, group);
      continue;
    }
    const open = bursts.get(who);
    const time = entry.at.getTime();
    if (open && time - open.last <= BURST_SECONDS * 1000) {
      open.group.entries.push(entry);
      open.last = time;
      continue;
    }
    const group: EntryGroup<T> = { key: entry.id, entries: [entry] };
    groups.set(`burst|${entry.id}`, group);
    bursts.set(who, { group, last: time });
  }
  const lastAt = (group: EntryGroup<T>): number => group.entries.at(-1)?.at.getTime() ?? 0;
  return [...groups.values()].sort((a, b) => lastAt(b) - lastAt(a) || b.key.localeCompare(a.key));
}

/** What a visit was about: its weightiest action, and the plan if it saw the plan, else its first kind. */
export function visitGist(entries: readonly GroupableEntry[]): {
  action: string;
  kind: string;
  kinds: string[];
  outcome: 'allowed' | 'denied';
} {
  const weight = (action: string): number => ACTION_WEIGHT[action] ?? 0;
  const main = entries.reduce<GroupableEntry | undefined>(
    (best, entry) => (!best || weight(entry.action) > weight(best.action) ? entry : best),
    undefined,
  );
  const action = main?.action ?? 'read';
  const kinds = [...new Set(entries.map((entry) => resourceKind(entry.resource)))];
  const ofMain = entries
    .filter((entry) => entry.action === action)
    .map((entry) => resourceKind(entry.resource));
  const kind = ofMain.includes('plan') ? 'plan' : (ofMain[0] ?? kinds[0] ?? 'plan');
  const outcome = entries.some((entry) => entry.outcome === 'denied') ? 'denied' : 'allowed';
  return { action, kind, kinds, outcome };
}
