import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, describeUrl, openDatabase } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';

export type TestEngine = 'pglite' | 'postgresql';

export const TEST_ENGINE: TestEngine =
  process.env.SAMSPIL_TEST_ENGINE === 'postgresql' ? 'postgresql' : 'pglite';
/** The server our tests create throwaway databases on (trust auth on loopback by default). */
export const TEST_POSTGRES_URL =
  process.env.SAMSPIL_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  database: Database;
  /** The PostgreSQL database's URL, for another process to reach it; null on PGlite (in memory). */
  url: string | null;
  /** Closes it; on PostgreSQL also drops the throwaway database. */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server. A PostgreSQL that cannot be reached fails the test: it is never skipped.
 */
export async function createTestDatabase(engine: TestEngine = TEST_ENGINE): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const database = await openDatabase({ engine: 'pglite' });
    await migrate(database);
    return { database, url: null, dispose: () => database.close() };
  }
  const name = `samspil_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect().catch((error: Error) => {
    throw new Error(`PostgreSQL tests need a server at ${describeUrl(TEST_POSTGRES_URL)}: ${error.message}`);
  });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgresql', url: url.toString(), poolSize: 4 });
  await migrate(database);
  return {
    database,
    url: url.toString(),
    async dispose() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
