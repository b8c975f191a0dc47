import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface MigrationResult {
  applied: string[];
  current: number;
}

/** The migration files shipped with this build, in order. */
async function migrationFiles(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR)).filter((name) => /^\d{3}_[a-z0-9_-]+\.sql$/.test(name)).sort();
}

/**
 * How many migrations of this build the database has applied and which it lacks (for
 * /readyz). Throws when the database cannot be reached; a database never migrated lacks all.
 */
export async function migrationStatus(database: Database): Promise<{ applied: number; pending: string[] }> {
  const files = await migrationFiles();
  const exists = await sql<{
    found: string | null;
  }>`SELECT to_regclass('schema_migration')::text AS found`.execute(database.db);
  if (!exists.rows[0]?.found) return { applied: 0, pending: files };
  const done = new Set(
    (await database.db.selectFrom('schema_migration').select('version').execute()).map((row) => row.version),
  );
  const pending = files.filter((file) => !done.has(Number(file.slice(0, 3))));
  return { applied: files.length - pending.length, pending };
}

/** Applies the numbered plain-SQL migrations not yet applied, each in its own transaction. */
export async function migrate(database: Database): Promise<MigrationResult> {
  const files = await migrationFiles();
  return database.exclusively(async () => {
    await database.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await database.db.selectFrom('schema_migration').select('version').execute()).map(
        (row) => row.version,
      ),
    );
    const applied: string[] = [];
    for (const file of files) {
      const version = Number(file.slice(0, 3));
      if (done.has(version)) continue;
      const body = await readFile(`${MIGRATIONS_DIR}${file}`, 'utf8');
      await database.exec(
        `BEGIN;\n${body}\n;\nINSERT INTO schema_migration (version, name) VALUES (${version}, '${file}');\nCOMMIT;`,
      );
      applied.push(file);
    }
    const current = files.length ? Number(files[files.length - 1]?.slice(0, 3)) : 0;
    return { applied, current };
  });
}
