import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../src/db/queries/jobs.queries.js';
import { CprVault, parseCprKeys } from '../../src/security/cpr-vault.js';
import { freePort } from '../e2e/support/server.js';
import { Factories } from '../support/factories.js';
import { type ServerProcess, startProcess } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { until } from '../support/waiting.js';

/**
 * The job queue across real server processes on PostgreSQL (decision 0021): two `samspil serve`
 * processes take the same due reminders and each is sent exactly once; a reminder enqueued while
 * no server runs is sent by the next one to start.
 */
const root = join(import.meta.dirname, '..', '..');
const keys = {
  SAMSPIL_CPR_KEYS: `1:${randomBytes(32).toString('base64')}`,
  SAMSPIL_CPR_HMAC_KEY: randomBytes(32).toString('base64'),
};
const MEETINGS = 30;

let test: TestDatabase;
let factories: Factories;
let municipalityId = '';
const servers: ServerProcess[] = [];

beforeAll(async () => {
  test = await createTestDatabase('postgresql');
  factories = new Factories(
    test.database.db,
    new CprVault(parseCprKeys(keys.SAMSPIL_CPR_KEYS, keys.SAMSPIL_CPR_HMAC_KEY)),
  );
  municipalityId = (await factories.municipality()).id;
}, 60_000);
afterAll(async () => {
  for (const server of servers) await server.stop();
  await test?.dispose();
});

async function startSamspil(): Promise<ServerProcess> {
  const port = await freePort();
  const server = startProcess(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli.ts'), 'serve'], {
    PATH: process.env.PATH,
    PORT: String(port),
    DATABASE_URL: test.url ?? '',
    SAMSPIL_COORDINATION_SCAN_AT: 'off',
    SAMSPIL_AUDIT_ANCHOR_MINUTES: '0',
    SAMSPIL_JOB_POLL_SECONDS: '1',
    LOG_LEVEL: 'warn',
    ...keys,
  });
  servers.push(server);
  await server.waitFor(`http://127.0.0.1:${port}/readyz`, 60_000);
  return server;
}

/**
 * Meetings, each with its reminder job due now. A week ahead, beyond the servers' hourly sweep
 * (four days), which would otherwise move each job to its proper time, the day before.
 */
async function dueReminders(count: number): Promise<string[]> {
  const ids: string[] = [];
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  for (let index = 0; index < count; index += 1) {
    const meeting = await factories.meeting({ municipalityId, startsAt });
    ids.push(meeting.id);
    await enqueueJob(
      test.database.db,
      {
        municipalityId,
        kind: 'reminder-meeting',
        dedupeKey: `reminder-meeting:${meeting.id}`,
        runAt: new Date(Date.now() - 60_000),
        payload: { subjectId: meeting.id, at: startsAt.toISOString() },
      },
      new Date(),
    );
  }
  return ids;
}

const jobsOf = (ids: string[]) =>
  test.database.db
    .selectFrom('job')
    .select(['dedupe_key', 'status', 'attempts', 'outcome'])
    .where(
      'dedupe_key',
      'in',
      ids.map((id) => `reminder-meeting:${id}`),
    )
    .execute();

const remindersOf = (ids: string[]) =>
  test.database.db
    .selectFrom('notification')
    .select(['subject_id', 'recipient_id'])
    .where('kind', '=', 'reminder-meeting')
    .where('subject_id', 'in', ids)
    .execute();

describe('the job queue across server processes', () => {
  it('sends each reminder exactly once with two servers taking jobs at once', async () => {
    const ids = await dueReminders(MEETINGS);
    await Promise.all([startSamspil(), startSamspil()]);
    await until(
      async () => (await jobsOf(ids)).every((job) => job.status === 'done'),
      'both servers to work the queue off',
      { timeoutMs: 60_000, everyMs: 200 },
    );
    const jobs = await jobsOf(ids);
    expect(jobs).toHaveLength(MEETINGS);
    // Claimed once each: a second claim would have counted a second attempt.
    expect(jobs.every((job) => job.attempts === 1 && job.outcome === 'sent')).toBe(true);
    // The organiser and the citizen of each meeting, once each.
    const reminders = await remindersOf(ids);
    expect(reminders).toHaveLength(MEETINGS * 2);
    expect(new Set(reminders.map((row) => `${row.subject_id}:${row.recipient_id}`)).size).toBe(MEETINGS * 2);
  });

  it('sends a reminder enqueued while no server runs, once the next one starts', async () => {
    for (const server of servers.splice(0)) expect(await server.stop()).not.toBeNull();
    const ids = await dueReminders(1);
    expect((await jobsOf(ids))[0]?.status).toBe('queued');
    await startSamspil();
    await until(async () => (await jobsOf(ids))[0]?.status === 'done', 'the new server to send it', {
      timeoutMs: 30_000,
      everyMs: 200,
    });
    expect(await remindersOf(ids)).toHaveLength(2);
  });
});
