import type { Kysely } from 'kysely';
import { danishToday, type Day } from '../../domain/calendar.js';
import { type RetentionStatus, retentionStatus } from '../../domain/retention/retention.js';
import type { CitizenRetention } from '../../domain/retention/retention.schemas.js';
import {
  caseFacts,
  citizenRetentionMonths,
  deleteCitizenData,
  lockCitizen,
  municipalitiesWithRetention,
} from '../../db/queries/retention.queries.js';
import type { DB } from '../../db/schema.js';
import { deleteEndedRateLimitWindows } from '../../db/queries/rate-limit.queries.js';
import { deleteExpiredInvitations } from '../../db/queries/survey-invitations.queries.js';
import { surveyLinksIssuedAfter } from '../../domain/measures/survey-links.js';
import { messageOf } from '../../error-message.js';
import { auditSystemInTransaction } from '../audit/audit-writer.js';
import { type PeriodicJob, startPeriodicJob } from '../periodic-job.js';

/** The job's name: in the audit trail (actor_role) and in /metrics. */
export const RETENTION_JOB = 'retention';

function view(status: RetentionStatus, months: number | null): CitizenRetention {
  return {
    months,
    status: status.kind,
    caseEndedOn: status.kind === 'open' ? null : status.caseEndedOn,
    deletionDueOn: status.kind === 'due' || status.kind === 'scheduled' ? status.deletionDueOn : null,
  };
}

/** One citizen's case against the retention rule, for her own view and her export. */
export async function citizenRetention(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
  today: Day,
): Promise<CitizenRetention> {
  const months = await citizenRetentionMonths(db, municipalityId);
  const [facts] = await caseFacts(db, municipalityId, citizenId);
  if (!facts) return { months, status: 'open', caseEndedOn: null, deletionDueOn: null };
  return view(retentionStatus(facts, months, today), months);
}

/** How many of the municipality's cases are open, kept, scheduled for deletion and due. */
export async function retentionOverview(
  db: Kysely<DB>,
  municipalityId: string,
  today: Day,
): Promise<{ months: number | null; open: number; kept: number; scheduled: number; due: number }> {
  const months = await citizenRetentionMonths(db, municipalityId);
  const counts = { open: 0, kept: 0, scheduled: 0, due: 0 };
  for (const facts of await caseFacts(db, municipalityId))
    counts[retentionStatus(facts, months, today).kind] += 1;
  return { months, ...counts };
}

export interface RetentionProgress {
  municipality: string;
  done: number;
  due: number;
}

export interface RetentionResult {
  municipalities: number;
  checked: number;
  due: number;
  deleted: number;
}

/**
 * Deletes the data of every citizen whose case has been closed for the municipality's period.
 * Each deletion is its own transaction: the citizen's row is locked and the rule checked again
 * inside it (a case reopened a moment ago, or a citizen another process deleted first, is left
 * alone), everything but the audit trail is deleted, and the job's own audit record commits with
 * it. So several server processes may run the job at once, and a crash leaves no half-deleted
 * citizen. A dry run counts and deletes nothing.
 */
export async function runRetention(
  db: Kysely<DB>,
  options: { today: Day; dryRun?: boolean; onProgress?: (progress: RetentionProgress) => void },
): Promise<RetentionResult> {
  const result: RetentionResult = { municipalities: 0, checked: 0, due: 0, deleted: 0 };
  for (const municipality of await municipalitiesWithRetention(db)) {
    result.municipalities += 1;
    const facts = await caseFacts(db, municipality.id);
    result.checked += facts.length;
    const due = facts.filter(
      (fact) => retentionStatus(fact, municipality.months, options.today).kind === 'due',
    );
    result.due += due.length;
    let done = 0;
    options.onProgress?.({ municipality: municipality.code, done, due: due.length });
    if (options.dryRun) continue;
    for (const { citizenId } of due) {
      const deleted = await db.transaction().execute(async (trx) => {
        if (!(await lockCitizen(trx, municipality.id, citizenId))) return false;
        const [now] = await caseFacts(trx, municipality.id, citizenId);
        const status = now ? retentionStatus(now, municipality.months, options.today) : null;
        if (status?.kind !== 'due') return false;
        const rows = await deleteCitizenData(trx, municipality.id, citizenId);
        await auditSystemInTransaction(trx, {
          municipalityId: municipality.id,
          job: RETENTION_JOB,
          citizenId,
          action: 'delete',
          resource: 'citizen_data',
          details: {
            months: municipality.months,
            caseEndedOn: status.caseEndedOn,
            deletionDueOn: status.deletionDueOn,
            rows,
          },
        });
        return true;
      });
      if (deleted) result.deleted += 1;
      done += 1;
      options.onProgress?.({ municipality: municipality.code, done, due: due.length });
    }
  }
  return result;
}

/**
 * The server's retention job: looks every hour (by default) for cases whose period has run out
 * on today's Danish date, and deletes survey links past their validity and ended rate-limit windows. The embedded database cannot be reached from outside while the server
 * holds it, so the job runs in the server, as the nightly scan does.
 */
export function startRetentionJob(
  db: Kysely<DB>,
  options: {
    everyMs?: number;
    now?: () => Date;
    log: { info(message: string): void; error(message: string): void };
  },
): PeriodicJob {
  const now = options.now ?? (() => new Date());
  return startPeriodicJob(
    RETENTION_JOB,
    options.everyMs ?? 60 * 60_000,
    async () => {
      const at = now();
      const result = await runRetention(db, { today: danishToday(at) });
      if (result.deleted > 0)
        options.log.info(`Retention: deleted the data of ${result.deleted} citizen(s) whose case had closed`);
      // Expired survey links hold no citizen data, only a token hash and a group: no audit record.
      const links = await deleteExpiredInvitations(db, surveyLinksIssuedAfter(at));
      if (links > 0) options.log.info(`Retention: deleted ${links} expired survey link(s)`);
      await deleteEndedRateLimitWindows(db);
    },
    (error) => options.log.error(`Retention job failed: ${messageOf(error)}`),
  );
}
