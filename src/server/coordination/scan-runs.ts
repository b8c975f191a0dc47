import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import { danishToday } from '../../domain/calendar.js';
import {
  claimScanRun,
  finishScanRun,
  type ScanTrigger,
} from '../../db/queries/coordination-scan-runs.queries.js';
import { municipalitiesByCode } from '../../db/queries/municipality.queries.js';
import type { DB } from '../../db/schema.js';
import { messageOf } from '../../error-message.js';
import { coordinationScanDuration, secondsSince } from '../metrics/metrics.js';
import { startPeriodicJob } from '../periodic-job.js';
import { type ScanProgress, type ScanResult, scanMunicipality } from './coordination-scan.js';

/**
 * One recorded scan of a municipality: claims the run (a nightly run only once per night across
 * every process), scans, and records the counts or the error. Null when another process has
 * already claimed tonight's run.
 */
export async function recordedScan(
  db: Kysely<DB>,
  municipalityId: string,
  trigger: ScanTrigger,
  options: { today?: string; onProgress?: (progress: ScanProgress) => void } = {},
): Promise<ScanResult | null> {
  const today = options.today ?? danishToday();
  const runId = await claimScanRun(db, municipalityId, today, trigger);
  if (!runId) return null;
  const started = performance.now();
  try {
    const result = await scanMunicipality(db, municipalityId, { ...options, today });
    await finishScanRun(db, municipalityId, runId, { counts: result });
    coordinationScanDuration.observe({ trigger, outcome: 'ok' }, secondsSince(started));
    return result;
  } catch (error) {
    coordinationScanDuration.observe({ trigger, outcome: 'error' }, secondsSince(started));
    const message = messageOf(error);
    await finishScanRun(db, municipalityId, runId, { error: message.slice(0, 1000) }).catch(() => undefined);
    throw error;
  }
}

const RETRY_MS = 15 * 60_000;

export interface NightlyScanOptions {
  /** Danish wall-clock time to scan after, e.g. { hour: 2, minute: 30 }. */
  at: NonNullable<Config['coordinationScanAt']>;
  /** How often to look whether tonight's scan is due (ms). */
  everyMs?: number;
  now?: () => Date;
  log: { info(message: string): void; error(message: string): void };
}

/** Minutes past midnight on the Danish clock. */
function danishMinutes(now: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Copenhagen',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

/**
 * The server's own nightly scan: time-dependent flags (an overdue follow-up, an unanswered
 * referral, a pathway past six months) appear by morning without a cron job — the embedded
 * database cannot be scanned from outside while the server holds it. Looks once a minute
 * whether a municipality's scan for today's Danish date is due and not yet claimed; a server
 * that was down at the set time catches up when it starts.
 */
export function startNightlyScan(db: Kysely<DB>, options: NightlyScanOptions): { stop(): Promise<void> } {
  const now = options.now ?? (() => new Date());
  const due = options.at.hour * 60 + options.at.minute;
  /** Municipality/day pairs this process has scanned or seen claimed, to skip the claim query. */
  const settled = new Set<string>();
  /** After a failure, a municipality waits this long before the next attempt. */
  const retryAfter = new Map<string, number>();
  const tick = async (): Promise<void> => {
    const moment = now();
    if (danishMinutes(moment) < due) return;
    const today = danishToday(moment);
    const municipalities = await municipalitiesByCode(db);
    for (const municipality of municipalities) {
      const key = `${municipality.id}/${today}`;
      if (settled.has(key) || (retryAfter.get(key) ?? 0) > moment.getTime()) continue;
      try {
        const result = await recordedScan(db, municipality.id, 'nightly', { today });
        settled.add(key);
        if (result) {
          options.log.info(
            `Nightly coordination scan of ${municipality.code}: ${result.created} new, ${result.reopened} reopened, ` +
              `${result.resolved} resolved flag(s) for ${result.citizens} citizens in ${Math.round(result.milliseconds)} ms`,
          );
        }
      } catch (error) {
        // Not settled: retried in a quarter of an hour (the failed run no longer holds the claim).
        retryAfter.set(key, moment.getTime() + RETRY_MS);
        options.log.error(`Nightly coordination scan of ${municipality.code} failed: ${messageOf(error)}`);
      }
    }
  };

  const job = startPeriodicJob('nightly-scan', options.everyMs ?? 60_000, tick, (error) =>
    options.log.error(`Nightly coordination scan: ${messageOf(error)}`),
  );
  return { stop: job.stop };
}
