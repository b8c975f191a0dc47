import type { Kysely } from 'kysely';
import { type ActiveRule, activeRules, evaluateCitizen } from '../../domain/coordination/engine.js';
import {
  diffFlags,
  type ExistingFlag,
  type FlagChanges,
  hasChanges,
} from '../../domain/coordination/flag-diff.js';
import type { OwnedFinding } from '../../domain/coordination/rule.js';
import { danishToday } from '../../domain/calendar.js';
import {
  citizenRanges,
  databaseRunsElsewhere,
  ensureStatistics,
  prepareScanRead,
} from '../../db/queries/coordination-scan.queries.js';
import {
  type CitizenRecords,
  citizensOf,
  loadCitizenRange,
  type LinkReading,
  loadSharedFacts,
  type SharedFacts,
} from '../../db/queries/coordination-facts.queries.js';
import {
  loadRuleChoices,
  parseStoredFlags,
  writeFlagChanges,
} from '../../db/queries/coordination-flags.queries.js';
import type { DB } from '../../db/schema.js';

export interface ScanProgress {
  phase: string;
  done: number;
  total: number;
}

export interface ScanResult {
  citizens: number;
  findings: number;
  created: number;
  reopened: number;
  resolved: number;
  /** Open flags whose owner now follows the plan to someone else. */
  reassigned: number;
  milliseconds: number;
}

/**
 * The batch check of a whole municipality (`samspil coordination scan`, nightly): every table
 * read once, the same rules as the incremental check, and the differences written set-based in
 * one transaction. Running it twice changes nothing the second time.
 */
export async function scanMunicipality(
  db: Kysely<DB>,
  municipalityId: string,
  options: {
    today?: string;
    onProgress?: (progress: ScanProgress) => void;
    /** Read the citizens in ranges of this many, on either engine (tests); by default only on PostgreSQL. */
    citizensPerRange?: number;
  } = {},
): Promise<ScanResult> {
  const started = performance.now();
  const today = options.today ?? danishToday();
  const report = (phase: string, done: number, total: number): void =>
    options.onProgress?.({ phase, done, total });
  report('reading', 0, 1);
  await ensureStatistics(db);
  const rules: ActiveRule[] = [];
  const changes: FlagChanges = { create: [], reopen: [], autoResolve: [], reassign: [] };
  let findings = 0;
  let checked = 0;
  const addDiff = (found: (OwnedFinding & { citizenId: string })[], flags: ExistingFlag[]): void => {
    if (found.length === 0 && flags.length === 0) return;
    const diff = diffFlags(found, flags, today);
    for (const item of diff.create) changes.create.push(item);
    for (const id of diff.reopen) changes.reopen.push(id);
    for (const id of diff.autoResolve) changes.autoResolve.push(id);
    for (const item of diff.reassign) changes.reassign.push(item);
  };
  /** Checks one range of citizens, each against its own stored flags (both in citizen order). */
  const check = (shared: SharedFacts, records: CitizenRecords): void => {
    const existing = parseStoredFlags(records.flags);
    let next = 0;
    for (const citizen of citizensOf(shared, records)) {
      // Stored flags of citizens without a plan: nothing is found for them any more.
      const orphans = next;
      while (next < existing.length && (existing[next]?.citizenId ?? '') < citizen.citizenId) next++;
      addDiff([], existing.slice(orphans, next));
      const from = next;
      while (next < existing.length && existing[next]?.citizenId === citizen.citizenId) next++;
      const found: (OwnedFinding & { citizenId: string })[] = [];
      for (const finding of evaluateCitizen(citizen, rules, today))
        found.push({ ...finding, citizenId: citizen.citizenId });
      findings += found.length;
      addDiff(found, existing.slice(from, next));
      checked++;
    }
    addDiff([], existing.slice(next));
  };
  // One snapshot for every read. On PostgreSQL the citizens are read in ranges, each range in
  // one statement sent before the rules run on the range before it: the database works on the
  // next range in its own process while this one checks (two cores instead of one in turn).
  // PGlite runs on this thread, so there it is one range.
  await db.transaction().execute(async (trx) => {
    await prepareScanRead(trx);
    const elsewhere = await databaseRunsElsewhere(trx);
    const links: LinkReading = elsewhere ? 'per-range' : 'once';
    const ranges = await citizenRanges(
      trx,
      municipalityId,
      options.citizensPerRange ?? (elsewhere ? undefined : 0),
    );
    const first = Promise.all([
      loadRuleChoices(trx, municipalityId),
      loadSharedFacts(trx, municipalityId, today, links),
    ]);
    // Queued behind the shared reads: the database goes on to it while those are taken apart.
    let pending = loadCitizenRange(trx, municipalityId, ranges[0] ?? { from: null, to: null }, links);
    pending.catch(() => undefined);
    const [choices, shared] = await first;
    rules.push(...activeRules(choices));
    for (const [index] of ranges.entries()) {
      const records = await pending;
      const range = ranges[index + 1];
      if (range) {
        pending = loadCitizenRange(trx, municipalityId, range, links);
        // Awaited on the next turn; until then a failure must not count as unhandled.
        pending.catch(() => undefined);
        // Let the statement reach the connection before the rules take the thread.
        await new Promise((resolveLater) => setImmediate(resolveLater));
      }
      report('reading', index + 1, ranges.length);
      check(shared, records);
      report('checking', index + 1, ranges.length);
    }
  });
  const total =
    changes.create.length + changes.reopen.length + changes.autoResolve.length + changes.reassign.length;
  // Owner changes alone are changes too (they were left unwritten when nothing else changed).
  if (hasChanges(changes)) {
    report('writing', 0, total);
    await db
      .transaction()
      .execute((trx) =>
        writeFlagChanges(trx, municipalityId, changes, (done, all) => report('writing', done, all)),
      );
  }
  return {
    citizens: checked,
    findings,
    created: changes.create.length,
    reopened: changes.reopen.length,
    resolved: changes.autoResolve.length,
    reassigned: changes.reassign.length,
    milliseconds: performance.now() - started,
  };
}
