import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../src/db/data-folder.js';
import { type Database, openDatabase } from '../../src/db/database.js';
import { newId } from '../../src/db/ids.js';
import { migrate } from '../../src/db/migrate.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../support/test-database.js';

/**
 * `samspil instruments load <file> --municipality <code>` run as the operator runs it: a child
 * process (tsx) on the engine under test — a temporary embedded data folder, or a throwaway
 * PostgreSQL database — after which the instrument is listed and used through the API.
 */
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const CODE = '0913';

const LICENSED = {
  code: 'licensed-cli',
  version: '3',
  title: { da: 'Licenseret via CLI', en: 'Licensed through the CLI' },
  licence: 'Licensed to Klikommune until 2028',
  respondents: ['citizen'],
  items: ['first', 'second'].map((linkId) => ({
    linkId,
    text: { da: linkId, en: linkId },
    options: [0, 1, 2, 3].map((i) => ({ code: String(i), score: i, display: { da: `${i}`, en: `${i}` } })),
  })),
  scoring: { method: 'sum' },
  bands: [
    { code: 'low', atMost: 2, label: { da: 'Lav', en: 'Low' } },
    { code: 'high', label: { da: 'Høj', en: 'High' } },
  ],
};

let work: string;
let dataDir: string;
let postgres: TestDatabase | null = null;
let municipalityId: string;

/** Opens the engine's store in this process (the embedded folder is locked while open). */
async function openStore(): Promise<{ database: Database; close(): Promise<void> }> {
  if (postgres?.url) {
    const database = await openDatabase({ engine: 'postgresql', url: postgres.url });
    return { database, close: () => database.close() };
  }
  const store = await openEmbeddedStore(dataDir, {
    initialise: async (database) => void (await migrate(database)),
  });
  return { database: store.database, close: () => store.close() };
}

/** Runs the CLI; resolves with its exit code and output, whatever the code. */
async function samspil(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, SAMSPIL_DATA_DIR: dataDir, NO_COLOR: '1' };
  delete env.DATABASE_URL;
  if (postgres?.url) {
    env.DATABASE_URL = postgres.url;
    env.SAMSPIL_CPR_KEYS = `1:${Buffer.alloc(32, 7).toString('base64')}`;
    env.SAMSPIL_CPR_HMAC_KEY = Buffer.alloc(32, 9).toString('base64');
  }
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      {
        cwd: REPO,
        env,
        timeout: 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : -1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
    };
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'samspil-cli-'));
  dataDir = join(work, 'data');
  if (TEST_ENGINE === 'postgresql') postgres = await createTestDatabase('postgresql');
  const store = await openStore();
  try {
    municipalityId = newId();
    await store.database.db
      .insertInto('municipality')
      .values({ id: municipalityId, code: CODE, name: 'Klikommune' })
      .execute();
  } finally {
    await store.close();
  }
  await writeFile(join(work, 'licensed.json'), JSON.stringify(LICENSED));
  await writeFile(join(work, 'broken.json'), '{"code": "licensed-cli", ');
  await writeFile(join(work, 'invalid.json'), JSON.stringify({ ...LICENSED, version: '4', items: [] }));
});
afterAll(async () => {
  await postgres?.dispose();
  await rm(work, { recursive: true, force: true });
});

describe('samspil instruments load', () => {
  it('loads a licensed instrument from JSON, which the municipality can then list and use', async () => {
    const run = await samspil('instruments', 'load', join(work, 'licensed.json'), '--municipality', CODE);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Loaded licensed-cli version 3.');

    const store = await openStore();
    let t: TestApp | null = null;
    try {
      t = await startTestApp({ database: store.database });
      const { id: unitId } = await t.factories.unit(municipalityId);
      const { id: coordinatorId } = await t.factories.professional(municipalityId, unitId);
      const { id: citizenId } = await t.factories.citizen(municipalityId, { coordinatorId });
      const cookie = await t.login({ municipalityId, kind: 'professional', id: coordinatorId });
      const listed = await t.request(cookie, { method: 'GET', url: '/api/instruments' });
      expect(listed.statusCode, listed.body).toBe(200);
      expect(listed.json().items).toContainEqual({
        source: 'loaded',
        definition: expect.objectContaining({ code: 'licensed-cli', version: '3' }),
      });
      const recorded = await t.request(cookie, {
        method: 'POST',
        url: `/api/citizens/${citizenId}/measures`,
        payload: { instrument: 'licensed-cli', respondent: 'citizen', answers: { first: '2', second: '3' } },
      });
      expect(recorded.statusCode, recorded.body).toBe(201);
      expect(recorded.json()).toMatchObject({
        instrument: { code: 'licensed-cli', version: '3' },
        raw: 5,
        score: 5,
        band: 'high',
      });
    } finally {
      await t?.dispose();
      await store.close();
    }
  }, 60_000);

  it('refuses a bad file, an invalid definition, a loaded version and an unknown municipality: clear message, exit 1', async () => {
    const cases = [
      {
        args: [join(work, 'missing.json'), '--municipality', CODE],
        says: `Cannot read ${join(work, 'missing.json')}`,
      },
      {
        args: [join(work, 'broken.json'), '--municipality', CODE],
        says: `${join(work, 'broken.json')} is not JSON`,
      },
      {
        args: [join(work, 'invalid.json'), '--municipality', CODE],
        says: `${join(work, 'invalid.json')} was not loaded: items:`,
      },
      {
        args: [join(work, 'licensed.json'), '--municipality', CODE],
        says: `${join(work, 'licensed.json')} was not loaded: licensed-cli version 3 is already loaded`,
      },
      {
        args: [join(work, 'licensed.json'), '--municipality', '9999'],
        says: 'No municipality with code 9999',
      },
    ];
    for (const { args, says } of cases) {
      const run = await samspil('instruments', 'load', ...args);
      expect(run.code, `${args[0]}: ${run.stdout}`).toBe(1);
      expect(run.stderr).toContain(`samspil: ${says}`);
    }
    const store = await openStore();
    try {
      const loaded = await store.database.db
        .selectFrom('instrument')
        .select(['code', 'version'])
        .where('municipality_id', '=', municipalityId)
        .execute();
      expect(loaded).toEqual([{ code: 'licensed-cli', version: '3' }]);
    } finally {
      await store.close();
    }
    // Five processes, three of which open the store (PGlite starts in some 5 s each).
  }, 120_000);
});
