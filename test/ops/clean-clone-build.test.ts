import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../e2e/support/server.js';
import { startProcess } from '../support/server-process.js';
import { TEST_POSTGRES_URL } from '../support/test-database.js';

/**
 * What docs/operations.md promises: from a clean checkout, `npm ci && npm run build` and then
 * `node dist/cli.js serve` runs the product, web app included, with no TypeScript at run time, on
 * the embedded database and on PostgreSQL. The checkout is a copy of this tree without anything
 * installed or built (node_modules, dist/, web/dist/, data folders); npm installs from its cache
 * (the one `npm ci` filled), so the test needs no network.
 */
const root = join(import.meta.dirname, '..', '..');
const SKIPPED = new Set(['node_modules', '.git', 'dist', 'coverage', 'test-results']);
let checkout: string;

const npm = (args: string[]) =>
  execFileSync('npm', args, {
    cwd: checkout,
    stdio: 'pipe',
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });

beforeAll(() => {
  checkout = mkdtempSync(join(tmpdir(), 'samspil-clone-'));
  cpSync(root, checkout, {
    recursive: true,
    filter: (source) => {
      const name = basename(source);
      return !SKIPPED.has(name) && !name.startsWith('.samspil') && !relative(root, source).startsWith('..');
    },
  });
  try {
    npm(['ci', '--offline', '--no-audit', '--no-fund']);
  } catch {
    // A cache without some package (a first run on this machine): let npm fetch what it lacks.
    npm(['ci', '--prefer-offline', '--no-audit', '--no-fund']);
  }
  npm(['run', 'build']);
}, 600_000);
afterAll(() => rmSync(checkout, { recursive: true, force: true }));

const environment = (port: number, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  NODE_ENV: 'production',
  PORT: String(port),
  SAMSPIL_CPR_KEYS: `1:${randomBytes(32).toString('base64')}`,
  SAMSPIL_CPR_HMAC_KEY: randomBytes(32).toString('base64'),
  SAMSPIL_COORDINATION_SCAN_AT: 'off',
  ...extra,
});

async function serveAndCheck(extra: NodeJS.ProcessEnv, database: string): Promise<void> {
  const port = await freePort();
  const server = startProcess(
    process.execPath,
    [join(checkout, 'dist', 'cli.js'), 'serve'],
    environment(port, extra),
  );
  try {
    await server.waitFor(`http://127.0.0.1:${port}/readyz`, 180_000);
    const health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
    expect(health).toEqual({ status: 'ok', database });
    // The built web app, served by the built server.
    const page = await (await fetch(`http://127.0.0.1:${port}/login`)).text();
    expect(page).toContain('<div id="root">');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
    expect(script, page).toBeDefined();
    expect((await fetch(`http://127.0.0.1:${port}${script}`)).status).toBe(200);
  } finally {
    expect(await server.stop('SIGTERM'), server.output()).toBe(0);
  }
}

describe('a clean checkout, npm ci && npm run build, then node dist/cli.js serve', () => {
  it('holds compiled JavaScript only: no TypeScript compiler or tsx is needed to start', () => {
    expect(existsSync(join(checkout, 'dist', 'cli.js'))).toBe(true);
    expect(existsSync(join(checkout, 'web', 'dist', 'index.html'))).toBe(true);
    const help = execFileSync(process.execPath, [join(checkout, 'dist', 'cli.js'), '--help'], {
      encoding: 'utf8',
    });
    expect(help).toContain('serve');
  });

  it('serves the product on the embedded database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samspil-clone-data-'));
    try {
      await serveAndCheck({ SAMSPIL_DATA_DIR: dataDir }, 'pglite');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);

  it('serves the product on PostgreSQL, migrating a new database on start', async () => {
    const name = `samspil_clone_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = `/${name}`;
    try {
      await serveAndCheck({ DATABASE_URL: url.toString() }, 'postgresql');
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 240_000);
});
