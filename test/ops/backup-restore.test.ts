import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../src/db/data-folder.js';
import { type Database, openDatabase } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { verifyAuditChain } from '../../src/db/queries/audit-chain.queries.js';
import {
  type PrivatePostgres,
  postgresBinaries,
  postgresOwnedFolder,
  startPrivatePostgres,
} from '../support/private-postgres.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Backups as docs/operations.md describes them, restored and checked: pg_dump/pg_restore of a
 * PostgreSQL database, and a copy of the embedded data folder taken with the server stopped.
 */
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'samspil-backup-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A citizen with a plan, written to through the API (each write audited in its transaction). */
async function citizenWithPlan(
  t: TestApp,
): Promise<{ citizenId: string; write(title: string): Promise<void> }> {
  const { id: municipalityId } = await t.factories.municipality();
  const { id: unitId } = await t.factories.unit(municipalityId);
  const { id: professionalId } = await t.factories.professional(municipalityId, unitId);
  const { id: citizenId } = await t.factories.citizen(municipalityId, { coordinatorId: professionalId });
  const cookie = await t.login({ municipalityId, kind: 'professional', id: professionalId });
  let version = 1;
  return {
    citizenId,
    async write(title) {
      const response = await t.request(cookie, {
        method: 'POST',
        url: `/api/citizens/${citizenId}/plan/sub-goals`,
        payload: { title },
        headers: { 'if-match': `"${version}"` },
      });
      expect(response.statusCode).toBe(201);
      version += 1;
    },
  };
}

async function titles(database: Database): Promise<string[]> {
  return (await database.db.selectFrom('sub_goal').select('title').orderBy('title').execute()).map(
    (row) => row.title,
  );
}

describe('PostgreSQL: pg_dump and pg_restore', () => {
  let postgres: PrivatePostgres;
  beforeAll(async () => {
    postgres = await startPrivatePostgres();
  }, 60_000);
  afterAll(() => postgres?.destroy());

  it('restores exactly what was committed before the dump, with the audit chain intact', async () => {
    const bin = postgresBinaries() ?? '';
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query('CREATE DATABASE samspil');
    await admin.query('CREATE DATABASE samspil_restored');
    await admin.end();
    const url = (name: string): string => postgres.url.replace(/\/postgres$/, `/${name}`);
    const database = await openDatabase({ engine: 'postgresql', url: url('samspil') });
    await migrate(database);
    const t = await startTestApp({ database });
    const plan = await citizenWithPlan(t);
    await plan.write('before the backup 1');
    await plan.write('before the backup 2');

    const dump = join(work, 'samspil.dump');
    execFileSync(join(bin, 'pg_dump'), ['--format=custom', '--file', dump, '--dbname', url('samspil')]);
    await plan.write('after the backup');
    await t.dispose();
    await database.close();

    execFileSync(join(bin, 'pg_restore'), [
      '--no-owner',
      '--exit-on-error',
      '--dbname',
      url('samspil_restored'),
      dump,
    ]);
    const restored = await openDatabase({ engine: 'postgresql', url: url('samspil_restored') });
    try {
      expect(await titles(restored)).toEqual(['before the backup 1', 'before the backup 2']);
      const chain = await verifyAuditChain(restored.db);
      expect(chain.problems).toEqual([]);
      expect(chain.records).toBeGreaterThanOrEqual(2);
      // The restored database serves: migrations applied, ready.
      expect((await migrate(restored)).applied).toEqual([]);
      const app = await startTestApp({ database: restored });
      try {
        expect((await app.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      } finally {
        await app.dispose();
      }
    } finally {
      await restored.close();
    }
  }, 90_000);
});

describe('PostgreSQL: point-in-time recovery from a base backup and archived WAL', () => {
  it('recovers what was committed up to the chosen moment, and nothing after', async () => {
    const archive = postgresOwnedFolder('samspil-wal-archive-');
    const primary = await startPrivatePostgres({
      settings: { wal_level: 'replica', archive_mode: 'on', archive_command: `cp %p ${archive}/%f` },
    });
    let recovered: PrivatePostgres | null = null;
    try {
      const database = await openDatabase({ engine: 'postgresql', url: primary.url });
      await migrate(database);
      const t = await startTestApp({ database });
      const plan = await citizenWithPlan(t);
      // The base backup, taken while the server runs.
      recovered = await startPrivatePostgres({
        prepare: (dataDir, run) =>
          run('pg_basebackup', [
            '-D',
            dataDir,
            '-d',
            primary.url,
            '--wal-method=stream',
            '--checkpoint=fast',
          ]),
        settings: {
          archive_mode: 'off',
          restore_command: `cp ${archive}/%f %p`,
          recovery_target_action: 'promote',
        },
      });
      await plan.write('before the moment 1');
      await plan.write('before the moment 2');
      const moment = await sql<{ at: string }>`SELECT clock_timestamp()::text AS at`.execute(database.db);
      await plan.write('after the moment');
      await t.dispose();
      // Close the WAL segment holding all three writes and wait until it is archived.
      const segment = await sql<{ name: string }>`SELECT pg_walfile_name(pg_switch_wal()) AS name`.execute(
        database.db,
      );
      const deadline = Date.now() + 30_000;
      for (;;) {
        const archived = await sql<{ last: string | null }>`
          SELECT last_archived_wal AS last FROM pg_stat_archiver`.execute(database.db);
        if ((archived.rows[0]?.last ?? '') >= (segment.rows[0]?.name ?? '')) break;
        if (Date.now() > deadline) throw new Error('the WAL segment was not archived in time');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await database.close();
      primary.stop('fast');

      writeFileSync(join(recovered.dataDir, 'recovery.signal'), '');
      appendFileSync(
        join(recovered.dataDir, 'postgresql.auto.conf'),
        `recovery_target_time = '${moment.rows[0]?.at ?? ''}'\n`,
      );
      recovered.start();
      const restored = await openDatabase({ engine: 'postgresql', url: recovered.url });
      try {
        for (const end = Date.now() + 30_000; ; ) {
          const state = await sql<{ recovering: boolean }>`SELECT pg_is_in_recovery() AS recovering`.execute(
            restored.db,
          );
          if (!state.rows[0]?.recovering) break;
          if (Date.now() > end) throw new Error('recovery did not finish in time');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(await titles(restored)).toEqual(['before the moment 1', 'before the moment 2']);
        expect((await verifyAuditChain(restored.db)).problems).toEqual([]);
      } finally {
        await restored.close();
      }
    } finally {
      recovered?.destroy();
      primary.destroy();
      rmSync(archive, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('PGlite: a copy of the data folder taken with the server stopped', () => {
  it('opens as the database it was, with the audit chain intact', async () => {
    const live = join(work, 'live');
    const copy = join(work, 'copy');
    const store = await openEmbeddedStore(live, {
      initialise: async (database) => void (await migrate(database)),
    });
    const t = await startTestApp({ database: store.database });
    const plan = await citizenWithPlan(t);
    await plan.write('in the backup');
    await t.dispose();
    await store.close();

    cpSync(live, copy, { recursive: true });

    const reopened = await openEmbeddedStore(live);
    const app = await startTestApp({ database: reopened.database });
    const later = await citizenWithPlan(app);
    await later.write('after the backup');
    await app.dispose();
    await reopened.close();

    const restored = await openEmbeddedStore(copy);
    try {
      expect(restored.report.staleLock).toBeNull();
      expect(await titles(restored.database)).toEqual(['in the backup']);
      expect((await verifyAuditChain(restored.database.db)).problems).toEqual([]);
    } finally {
      await restored.close();
    }
  }, 90_000);
});
