import { type Kysely, sql, type Transaction } from 'kysely';
import { newId } from '../ids.js';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * The durable job queue (migration 032, decision 0021). Every statement here is one statement,
 * so it is atomic on PostgreSQL with many processes and on PGlite's one session alike; a claim
 * locks the rows it takes with FOR UPDATE SKIP LOCKED, so two workers claiming at once take
 * different jobs, and its lease lets another worker take over a job whose worker died.
 */

export interface JobToEnqueue {
  municipalityId: string;
  kind: string;
  /** Unique per municipality: enqueuing the same key again is the same job. */
  dedupeKey: string;
  runAt: Date;
  /** Ids and times only: never a name, a CPR number or a text about a citizen. */
  payload: Record<string, string | number | boolean | null>;
  maxAttempts?: number;
}

/** A job a worker holds the lease of. */
export interface ClaimedJob {
  municipality_id: string;
  id: string;
  kind: string;
  dedupe_key: string;
  payload: unknown;
  run_at: Date;
  attempts: number;
  max_attempts: number;
}

/**
 * Puts a job in the queue, or, when its key is there already, moves it to the new time and
 * payload and queues it again (a meeting moved: its reminder moves too, even one already sent).
 * The same key with the same time and payload changes nothing, so enqueuing twice is one job.
 * 'inserted', 'rescheduled' or 'unchanged'.
 */
export async function enqueueJob(
  db: Executor,
  job: JobToEnqueue,
  now: Date,
): Promise<'inserted' | 'rescheduled' | 'unchanged'> {
  const id = newId();
  const row = await db
    .insertInto('job')
    .values({
      municipality_id: job.municipalityId,
      id,
      kind: job.kind,
      dedupe_key: job.dedupeKey,
      payload: JSON.stringify(job.payload),
      run_at: job.runAt,
      max_attempts: job.maxAttempts ?? 5,
      locked_by: null,
      locked_until: null,
      last_error: null,
      outcome: null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['municipality_id', 'dedupe_key'])
        .doUpdateSet({
          kind: (eb) => eb.ref('excluded.kind'),
          run_at: (eb) => eb.ref('excluded.run_at'),
          payload: (eb) => eb.ref('excluded.payload'),
          max_attempts: (eb) => eb.ref('excluded.max_attempts'),
          status: 'queued',
          attempts: 0,
          locked_by: null,
          locked_until: null,
          last_error: null,
          outcome: null,
          updated_at: now,
        })
        .where((eb) =>
          eb.or([
            eb('job.run_at', 'is distinct from', eb.ref('excluded.run_at')),
            eb('job.payload', 'is distinct from', eb.ref('excluded.payload')),
          ]),
        ),
    )
    .returning(['id'])
    .executeTakeFirst();
  if (!row) return 'unchanged';
  return row.id === id ? 'inserted' : 'rescheduled';
}

/** Gives up the jobs whose worker died on their last attempt (their lease ran out). */
export async function buryAbandonedJobs(db: Executor, now: Date): Promise<number> {
  const result = await db
    .updateTable('job')
    .set({
      status: 'dead',
      locked_by: null,
      locked_until: null,
      last_error: sql`coalesce(last_error, 'the worker stopped during the last attempt')`,
      updated_at: now,
    })
    .where('status', '=', 'running')
    .where('locked_until', '<', now)
    .whereRef('attempts', '>=', 'max_attempts')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Claims up to `limit` jobs that are due (queued with run_at passed, or running with a lease that
 * has run out), oldest first, for `workerId` until `now + leaseMs`; counts the attempt.
 */
export async function claimJobs(
  db: Executor,
  workerId: string,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<ClaimedJob[]> {
  const lockedUntil = new Date(now.getTime() + leaseMs);
  const result = await sql<ClaimedJob>`
    UPDATE job AS j
    SET status = 'running', locked_by = ${workerId}, locked_until = ${lockedUntil},
        attempts = j.attempts + 1, updated_at = ${now}
    FROM (
      SELECT municipality_id, id FROM job
      WHERE (status = 'queued' AND run_at <= ${now})
         OR (status = 'running' AND locked_until < ${now})
      ORDER BY run_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE j.municipality_id = due.municipality_id AND j.id = due.id
    RETURNING j.municipality_id, j.id, j.kind, j.dedupe_key, j.payload, j.run_at, j.attempts,
      j.max_attempts`.execute(db);
  return result.rows;
}

/** Marks a job done with what it came to, if this worker still holds it; whether it did. */
export async function completeJob(
  db: Executor,
  job: Pick<ClaimedJob, 'municipality_id' | 'id'>,
  workerId: string,
  outcome: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('job')
    .set({ status: 'done', outcome, locked_by: null, locked_until: null, updated_at: now })
    .where('municipality_id', '=', job.municipality_id)
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a failed attempt: queued again for `runAt`, or dead; if this worker still holds it. */
export async function failJob(
  db: Executor,
  job: Pick<ClaimedJob, 'municipality_id' | 'id'>,
  workerId: string,
  next: { status: 'queued'; runAt: Date } | { status: 'dead'; runAt: null },
  error: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('job')
    .set({
      status: next.status,
      ...(next.runAt ? { run_at: next.runAt } : {}),
      last_error: error,
      locked_by: null,
      locked_until: null,
      updated_at: now,
    })
    .where('municipality_id', '=', job.municipality_id)
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many jobs are in each state (for /metrics and `samspil jobs`). */
export async function jobCounts(db: Executor): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('job')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

/** Jobs in a state, newest change first: what an operator looks at (no payload: ids only anyway). */
export async function jobsIn(db: Executor, status: string, limit: number) {
  return db
    .selectFrom('job')
    .select([
      'municipality_id',
      'id',
      'kind',
      'dedupe_key',
      'run_at',
      'status',
      'attempts',
      'max_attempts',
      'last_error',
      'outcome',
      'updated_at',
    ])
    .where('status', '=', status)
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

/** Queues a dead job again for now, with its attempts reset; whether there was one. */
export async function retryDeadJob(db: Executor, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('job')
    .set({ status: 'queued', attempts: 0, run_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes done jobs last changed before `before` (they hold ids only; nothing is lost). */
export async function deleteDoneJobs(db: Executor, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('job')
    .where('status', '=', 'done')
    .where('updated_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
