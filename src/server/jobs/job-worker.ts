import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { afterFailure } from '../../domain/jobs/backoff.js';
import {
  buryAbandonedJobs,
  type ClaimedJob,
  claimJobs,
  completeJob,
  deleteDoneJobs,
  failJob,
  jobCounts,
} from '../../db/queries/jobs.queries.js';
import type { Database } from '../../db/database.js';
import { jobDuration, jobQueueSize, queuedJobRuns, secondsSince } from '../metrics/metrics.js';

/**
 * Runs one job; resolves with what it came to ('sent', 'not-relevant', …), kept on the job.
 * Throwing is a failed attempt: tried again later with backoff, dead after the last attempt.
 * A handler must be safe to run again: a worker can die after the work and before marking it
 * done (at least once, never twice at the same time).
 */
export type JobHandler = (job: ClaimedJob) => Promise<string>;

export interface JobWorkerOptions {
  /** Names this worker in the lease (host, process, random); one per process. */
  workerId?: string;
  /** How long a claim is held before another worker may take the job over. */
  leaseMs?: number;
  /** Jobs claimed at a time. */
  batch?: number;
  clock?: () => Date;
  onError?: (error: unknown, job: ClaimedJob) => void;
}

export interface JobWorker {
  readonly workerId: string;
  /** Runs every job due now, batch after batch, until none is; how many attempts were made. */
  runDue(): Promise<number>;
}

const DEFAULT_LEASE_MS = 5 * 60_000;
const DONE_KEPT_DAYS = 30;
const ERROR_CHARS = 300;

/** A worker over the database's job table, running each kind with its handler. */
export function createJobWorker(
  database: Database,
  handlers: Readonly<Record<string, JobHandler>>,
  options: JobWorkerOptions = {},
): JobWorker {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const batch = options.batch ?? 20;
  const clock = options.clock ?? (() => new Date());
  const { db } = database;

  const runOne = async (job: ClaimedJob): Promise<void> => {
    const started = performance.now();
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const outcome = await handler(job);
      const held = await completeJob(db, job, workerId, outcome, clock());
      queuedJobRuns.inc({ kind: job.kind, result: held ? 'done' : 'lost' });
      jobDuration.observe({ job: `queue:${job.kind}`, outcome: 'ok' }, secondsSince(started));
    } catch (error) {
      jobDuration.observe({ job: `queue:${job.kind}`, outcome: 'error' }, secondsSince(started));
      options.onError?.(error, job);
      const now = clock();
      const next = afterFailure(job.attempts, job.max_attempts, now);
      const message = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_CHARS);
      const held = await failJob(db, job, workerId, next, message, now);
      let result = 'lost';
      if (held) result = next.status === 'dead' ? 'dead' : 'retry';
      queuedJobRuns.inc({ kind: job.kind, result });
    }
  };

  return {
    workerId,
    async runDue() {
      let attempts = 0;
      await buryAbandonedJobs(db, clock());
      for (;;) {
        const claimed = await claimJobs(db, workerId, clock(), leaseMs, batch);
        for (const job of claimed) await runOne(job);
        attempts += claimed.length;
        if (claimed.length < batch) break;
      }
      const now = clock();
      await deleteDoneJobs(db, new Date(now.getTime() - DONE_KEPT_DAYS * 86_400_000));
      const counts = await jobCounts(db);
      for (const status of ['queued', 'running', 'done', 'dead'])
        jobQueueSize.set({ status }, counts[status] ?? 0);
      return attempts;
    },
  };
}
