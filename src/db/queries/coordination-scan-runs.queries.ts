import type { Kysely } from 'kysely';
import { newId } from '../ids.js';
import type { CoordinationScanRunTable, DB } from '../schema.js';

export type ScanTrigger = CoordinationScanRunTable['trigger'];

/** The counts a finished scan records. */
export interface ScanRunCounts {
  citizens: number;
  findings: number;
  created: number;
  reopened: number;
  resolved: number;
}

/**
 * Starts a scan run's record. A nightly run is a claim: of several processes only the first to
 * insert the (municipality, day) row gets an id back; the others get null and do not scan. A
 * failed run releases its claim (its error is set), so the next attempt that night retries.
 */
export async function claimScanRun(
  db: Kysely<DB>,
  municipalityId: string,
  day: string,
  trigger: ScanTrigger,
): Promise<string | null> {
  const id = newId();
  const row = await db
    .insertInto('coordination_scan_run')
    .values({ municipality_id: municipalityId, id, day, trigger })
    .onConflict((conflict) =>
      conflict
        .columns(['municipality_id', 'day'])
        .where('trigger', '=', 'nightly')
        .where('error', 'is', null)
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Records how a run ended: its counts, or the error that stopped it. */
export async function finishScanRun(
  db: Kysely<DB>,
  municipalityId: string,
  id: string,
  outcome: { counts: ScanRunCounts } | { error: string },
): Promise<void> {
  await db
    .updateTable('coordination_scan_run')
    .set({
      finished_at: new Date(),
      ...('counts' in outcome
        ? {
            citizens: outcome.counts.citizens,
            findings: outcome.counts.findings,
            created: outcome.counts.created,
            reopened: outcome.counts.reopened,
            resolved: outcome.counts.resolved,
          }
        : { error: outcome.error }),
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .execute();
}

/** The latest finished run of a municipality, for the leaders' overview. */
export async function latestScanRun(db: Kysely<DB>, municipalityId: string) {
  return db
    .selectFrom('coordination_scan_run')
    .select(['day', 'trigger', 'started_at', 'finished_at', 'created', 'resolved', 'error'])
    .where('municipality_id', '=', municipalityId)
    .where('finished_at', 'is not', null)
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
