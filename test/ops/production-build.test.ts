import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../e2e/support/server.js';
import { startProcess } from '../support/server-process.js';

/**
 * The production build: `npm run build:server` compiles to dist/, and plain `node dist/cli.js`
 * runs it (no tsx, no TypeScript at run time), with the migrations found from dist/.
 */
const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
let dataDir: string;

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-server.js')], { cwd: root, stdio: 'pipe' });
  dataDir = mkdtempSync(join(tmpdir(), 'samspil-build-'));
}, 180_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const productionEnv = (port: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  PORT: String(port),
  SAMSPIL_DATA_DIR: dataDir,
  SAMSPIL_CPR_KEYS: `1:${randomBytes(32).toString('base64')}`,
  SAMSPIL_CPR_HMAC_KEY: randomBytes(32).toString('base64'),
  SAMSPIL_COORDINATION_SCAN_AT: 'off',
  ...extra,
});

describe('node dist/cli.js', () => {
  it('is compiled JavaScript with the migrations beside it', () => {
    expect(existsSync(cli)).toBe(true);
    expect(existsSync(join(root, 'dist', 'db', 'migrations', '001_foundation.sql'))).toBe(true);
    const help = execFileSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    expect(help).toContain('serve');
    expect(help).toContain('migrate');
  });

  it('serves on the embedded database, logs JSON, is ready, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const server = startProcess(process.execPath, [cli, 'serve'], productionEnv(port));
    // A first start on the embedded database creates it (initdb and migrations): slow on a busy machine.
    await server.waitFor(`http://127.0.0.1:${port}/readyz`, 150_000);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('samspil_http_request_duration_seconds_count{method="GET",route="/readyz"');
    expect(await server.stop('SIGTERM')).toBe(0);
    const requestLine = server
      .output()
      .split('\n')
      .find((line) => line.includes('"url":"/healthz"'));
    expect(requestLine, server.output()).toBeDefined();
    expect(JSON.parse(requestLine ?? '{}')).toMatchObject({ level: 30, req: { method: 'GET' } });
    expect(server.output()).toContain('Stopped.');
  }, 180_000);

  it('logs one readable line per request with SAMSPIL_LOG_FORMAT=pretty', async () => {
    const port = await freePort();
    const server = startProcess(
      process.execPath,
      [cli, 'serve'],
      productionEnv(port, { SAMSPIL_LOG_FORMAT: 'pretty' }),
    );
    await server.waitFor(`http://127.0.0.1:${port}/healthz?name=Bodil`);
    expect(await server.stop('SIGTERM')).toBe(0);
    const lines = server.output().split('\n');
    const healthLines = lines.filter((line) => line.includes('/healthz'));
    expect(
      healthLines.some((line) => / INFO.*GET \/healthz 200 \d+ ms/.test(line)),
      server.output(),
    ).toBe(true);
    // One line per request (not Fastify's incoming + completed), no JSON, no query string.
    expect(healthLines.filter((line) => line.includes(' 200 ')).length).toBe(healthLines.length);
    expect(server.output()).not.toContain('{"level"');
    expect(server.output()).not.toContain('Bodil');
    expect(server.output()).not.toContain('Deprecation');
  }, 180_000);
});
