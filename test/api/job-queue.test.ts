import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { type ClaimedJob, enqueueJob, jobCounts, jobsIn } from '../../src/db/queries/jobs.queries.js';
import { createJobWorker } from '../../src/server/jobs/job-worker.js';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../support/test-database.js';

/**
 * The durable job queue (decision 0021) on the engine under test: the same key is one job, two
 * workers (on PostgreSQL: two pools, as two server processes have) run each job exactly once,
 * a failing job is retried with backoff and given up after its last attempt, and a job survives
 * the process that enqueued it.
 */
let test: TestDatabase;
const municipalityId = randomUUID();

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test?.dispose());

const at = (iso: string) => new Date(iso);

describe('the job queue', () => {
  it('makes one job of the same key enqueued twice, and moves it when its time changes', async () => {
    const { db } = test.database;
    const job = {
      municipalityId,
      kind: 'test-once',
      dedupeKey: 'once:1',
      runAt: at('2026-03-01T08:00:00Z'),
      payload: { meetingId: randomUUID() },
    };
    const now = at('2026-02-01T08:00:00Z');
    expect(await enqueueJob(db, job, now)).toBe('inserted');
    expect(await enqueueJob(db, job, now)).toBe('unchanged');
    expect(await enqueueJob(db, { ...job, runAt: at('2026-03-02T08:00:00Z') }, now)).toBe('rescheduled');
    const rows = await db.selectFrom('job').selectAll().where('dedupe_key', '=', 'once:1').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.run_at.toISOString()).toBe('2026-03-02T08:00:00.000Z');
    await db.deleteFrom('job').execute();
  });

  it('runs each job exactly once with two workers claiming at the same time', async () => {
    // On PostgreSQL the second worker has its own pool, as another server process would; PGlite
    // is one session in one process, so there the two share it (the same SQL must still hold).
    const second: Database =
      TEST_ENGINE === 'postgresql' && test.url
        ? await openDatabase({ engine: 'postgresql', url: test.url, poolSize: 4 })
        : test.database;
    try {
      const now = at('2026-02-01T08:00:00Z');
      const count = 60;
      for (let index = 0; index < count; index += 1) {
        await enqueueJob(
          test.database.db,
          { municipalityId, kind: 'count', dedupeKey: `count:${index}`, runAt: now, payload: { index } },
          now,
        );
      }
      const runs: { worker: string; index: number }[] = [];
      const handler = (worker: string) => async (job: ClaimedJob) => {
        // Yield between claim and completion, so the two workers' batches overlap.
        await new Promise((resolve) => setImmediate(resolve));
        runs.push({ worker, index: (job.payload as { index: number }).index });
        return 'counted';
      };
      const clock = () => now;
      const a = createJobWorker(test.database, { count: handler('a') }, { workerId: 'a', batch: 5, clock });
      const b = createJobWorker(second, { count: handler('b') }, { workerId: 'b', batch: 5, clock });
      const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
      expect(ranA + ranB).toBe(count);
      expect(runs.map((run) => run.index).sort((x, y) => x - y)).toEqual(
        Array.from({ length: count }, (_, index) => index),
      );
      if (TEST_ENGINE === 'postgresql') {
        // Both did some of the work: the claims really ran side by side.
        expect(new Set(runs.map((run) => run.worker))).toEqual(new Set(['a', 'b']));
      }
      expect(await jobCounts(test.database.db)).toEqual({ done: count });
      // Nothing left: running again does nothing.
      expect(await a.runDue()).toBe(0);
    } finally {
      if (second !== test.database) await second.close();
      await test.database.db.deleteFrom('job').execute();
    }
  });

  it('retries a failing job with backoff, and gives it up after the last attempt', async () => {
    let now = at('2026-02-01T08:00:00Z');
    const clock = () => now;
    const { db } = test.database;
    await enqueueJob(
      db,
      { municipalityId, kind: 'flaky', dedupeKey: 'flaky:1', runAt: now, payload: {}, maxAttempts: 3 },
      now,
    );
    let calls = 0;
    const worker = createJobWorker(
      test.database,
      {
        flaky: async () => {
          calls += 1;
          throw new Error('the mail server is away');
        },
      },
      { workerId: 'w', clock },
    );
    expect(await worker.runDue()).toBe(1);
    const [retry] = await jobsIn(db, 'queued', 10);
    expect(retry).toMatchObject({ attempts: 1, last_error: 'the mail server is away' });
    expect(retry?.run_at.toISOString()).toBe('2026-02-01T08:00:30.000Z');
    // Not before its time.
    expect(await worker.runDue()).toBe(0);
    now = at('2026-02-01T08:00:30Z');
    expect(await worker.runDue()).toBe(1);
    now = at('2026-02-01T08:03:00Z');
    expect(await worker.runDue()).toBe(1);
    expect(calls).toBe(3);
    const [dead] = await jobsIn(db, 'dead', 10);
    expect(dead).toMatchObject({ kind: 'flaky', attempts: 3 });
    now = at('2026-02-02T08:00:00Z');
    expect(await worker.runDue()).toBe(0);
    await db.deleteFrom('job').execute();
  });

  it('takes over a job whose worker died holding it, once its lease has run out', async () => {
    let now = at('2026-02-01T08:00:00Z');
    const clock = () => now;
    const { db } = test.database;
    await enqueueJob(db, { municipalityId, kind: 'slow', dedupeKey: 'slow:1', runAt: now, payload: {} }, now);
    // A worker claims it and dies: the handler never returns.
    const dying = createJobWorker(
      test.database,
      { slow: () => new Promise<string>(() => undefined) },
      {
        workerId: 'dying',
        leaseMs: 60_000,
        clock,
      },
    );
    void dying.runDue();
    const taken = async () => (await jobsIn(db, 'running', 10)).length === 1;
    while (!(await taken())) await new Promise((resolve) => setImmediate(resolve));
    const rescuer = createJobWorker(
      test.database,
      { slow: async () => 'finished' },
      { workerId: 'rescuer', clock },
    );
    expect(await rescuer.runDue()).toBe(0);
    now = at('2026-02-01T08:01:01Z');
    expect(await rescuer.runDue()).toBe(1);
    const [done] = await jobsIn(db, 'done', 10);
    expect(done).toMatchObject({ outcome: 'finished', attempts: 2 });
    await db.deleteFrom('job').execute();
  });

  it('survives a restart: enqueued by one process, run by the next', async () => {
    const now = at('2026-02-01T08:00:00Z');
    const clock = () => now;
    const folder = TEST_ENGINE === 'pglite' ? mkdtempSync(join(tmpdir(), 'samspil-jobs-')) : null;
    const open = async (): Promise<Database> => {
      if (folder) {
        const database = await openDatabase({ engine: 'pglite', dataDir: folder });
        await migrate(database);
        return database;
      }
      return openDatabase({ engine: 'postgresql', url: test.url ?? '', poolSize: 2 });
    };
    try {
      const first = await open();
      await enqueueJob(
        first.db,
        { municipalityId, kind: 'later', dedupeKey: 'later:1', runAt: now, payload: { n: 1 } },
        now,
      );
      await first.close();
      const next = await open();
      const ran: unknown[] = [];
      const worker = createJobWorker(
        next,
        {
          later: async (job) => {
            ran.push(job.payload);
            return 'ran';
          },
        },
        { clock },
      );
      expect(await worker.runDue()).toBe(1);
      expect(ran).toEqual([{ n: 1 }]);
      await next.db.deleteFrom('job').execute();
      await next.close();
    } finally {
      if (folder) rmSync(folder, { recursive: true, force: true });
    }
  });
});
