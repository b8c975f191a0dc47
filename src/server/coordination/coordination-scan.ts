import type { Kysely } from 'kysely';
import { activeRules, evaluateCitizen } from '../../domain/coordination/engine.js';
import { diffFlags, type FlagChanges, hasChanges } from '../../domain/coordination/flag-diff.js';
import type { OwnedFinding } from '../../domain/coordination/rule.js';
import { danishToday } from '../../domain/calendar.js';
import { ensureStatistics, raiseWorkMemory } from '../../db/queries/coordination-scan.queries.js';
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
    // One read of every table (grouped by citizen in JavaScript): give the few sorts left in the
    // database (pathways, GAS history) the memory to stay off disk, for this transaction only.
    await raiseWorkMemory(trx);
    return Promise.all([
      loadRuleChoices(trx, municipalityId),
      loadMunicipalityFacts(trx, municipalityId, today),
      loadExistingFlags(trx, municipalityId),
    ]);
  });
  report('reading', 1, 1);
  const rules = activeRules(choices);
  const findings: (OwnedFinding & { citizenId: string })[] = [];
  for (const [index, citizen] of facts.entries()) {
    for (const finding of evaluateCitizen(citizen, rules, today))
      findings.push({ ...finding, citizenId: citizen.citizenId });
    if ((index + 1) % 5000 === 0 || index + 1 === facts.length) report('checking', index + 1, facts.length);
  }
  const changes: FlagChanges = diffFlags(findings, existing, today);
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
    citizens: facts.length,
    findings: findings.length,
    created: changes.create.length,
    reopened: changes.reopen.length,
    resolved: changes.autoResolve.length,
    reassigned: changes.reassign.length,
    milliseconds: performance.now() - started,
  };
}
