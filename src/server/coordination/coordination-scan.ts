import type { Kysely } from 'kysely';
import { activeRules, evaluateCitizen } from '../../domain/coordination/engine.js';
import { diffFlags, type FlagChanges, hasChanges } from '../../domain/coordination/flag-diff.js';
import type { OwnedFinding } from '../../domain/coordination/rule.js';
import { danishToday } from '../../domain/calendar.js';
import { ensureStatistics, prepareScanRead } from '../../db/queries/coordination-scan.queries.js';
import { loadMunicipalityFacts } from '../../db/queries/coordination-facts.queries.js';
import {
  loadExistingFlags,
  loadRuleChoices,
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
  options: { today?: string; onProgress?: (progress: ScanProgress) => void } = {},
): Promise<ScanResult> {
  const started = performance.now();
  const today = options.today ?? danishToday();
  const report = (phase: string, done: number, total: number): void =>
    options.onProgress?.({ phase, done, total });
  report('reading', 0, 1);
  await ensureStatistics(db);
  const [choices, facts, existing] = await db.transaction().execute(async (trx) => {
    // One read of every table, each sorted by citizen, in one snapshot.
    await prepareScanRead(trx);
    return Promise.all([
      loadRuleChoices(trx, municipalityId),
      loadMunicipalityFacts(trx, municipalityId, today),
      loadExistingFlags(trx, municipalityId),
    ]);
  });
  report('reading', 1, 1);
  const rules = activeRules(choices);
  // Citizen by citizen, each compared with its own stored flags (both in citizen order): one
  // citizen's facts and findings are garbage by the time the next is built.
  const changes: FlagChanges = { create: [], reopen: [], autoResolve: [], reassign: [] };
  let findings = 0;
  let checked = 0;
  let next = 0;
  const compare = (found: (OwnedFinding & { citizenId: string })[], from: number, to: number): void => {
    if (found.length === 0 && from === to) return;
    const diff = diffFlags(found, from === to ? [] : existing.slice(from, to), today);
    for (const item of diff.create) changes.create.push(item);
    for (const id of diff.reopen) changes.reopen.push(id);
    for (const id of diff.autoResolve) changes.autoResolve.push(id);
    for (const item of diff.reassign) changes.reassign.push(item);
  };
  for (const citizen of facts.citizens()) {
    // Stored flags of citizens without a plan: nothing is found for them any more.
    const orphans = next;
    while (next < existing.length && (existing[next]?.citizenId ?? '') < citizen.citizenId) next++;
    compare([], orphans, next);
    const from = next;
    while (next < existing.length && existing[next]?.citizenId === citizen.citizenId) next++;
    const found: (OwnedFinding & { citizenId: string })[] = [];
    for (const finding of evaluateCitizen(citizen, rules, today))
      found.push({ ...finding, citizenId: citizen.citizenId });
    findings += found.length;
    compare(found, from, next);
    checked++;
    if (checked % 5000 === 0 || checked === facts.count) report('checking', checked, facts.count);
  }
  compare([], next, existing.length);
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
