import type { Kysely } from 'kysely';
import { jobCounts, jobsIn, retryDeadJob } from '../db/queries/jobs.queries.js';
import type { DB } from '../db/schema.js';

/** `samspil jobs`: the queue's size by state, and the jobs in one state (dead by default). */
export async function printJobs(db: Kysely<DB>, status: string, limit: number): Promise<void> {
  const counts = await jobCounts(db);
  const states = ['queued', 'running', 'done', 'dead'];
  console.log(states.map((state) => `${state} ${counts[state] ?? 0}`).join('  '));
  const rows = await jobsIn(db, status, limit);
  if (rows.length === 0) {
    console.log(`No ${status} jobs.`);
    return;
  }
  // Ids, kinds and times only: a job holds no personal data, and its error is the handler's message.
  for (const row of rows) {
    console.log(
      [
        row.id,
        row.kind,
        `run_at ${row.run_at.toISOString()}`,
        `attempts ${row.attempts}/${row.max_attempts}`,
        row.outcome ? `outcome ${row.outcome}` : null,
        row.last_error ? `error: ${row.last_error}` : null,
      ]
        .filter(Boolean)
        .join('  '),
    );
  }
}

/** `samspil jobs retry <id>`: a dead job queued again for now, its attempts from zero. */
export async function retryJob(db: Kysely<DB>, id: string): Promise<void> {
  if (!(await retryDeadJob(db, id, new Date()))) throw new Error(`No dead job with id ${id}`);
  console.log(`Job ${id} is queued again; a running server takes it within SAMSPIL_JOB_POLL_SECONDS.`);
}
