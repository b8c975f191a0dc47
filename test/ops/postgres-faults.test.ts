import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statfsSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { verifyAuditChain } from '../../src/db/queries/audit-chain.queries.js';
import { CprVault, parseCprKeys } from '../../src/security/cpr-vault.js';
import { SessionStore } from '../../src/server/auth/session-store.js';
import { SESSION_COOKIE } from '../../src/server/plugins/auth.js';
import { freePort } from '../e2e/support/server.js';
import { Factories } from '../support/factories.js';
import { type PrivatePostgres, startPrivatePostgres } from '../support/private-postgres.js';
import { type ServerProcess, startProcess } from '../support/server-process.js';

/**
 * Faults on PostgreSQL, against a server of this file's own (never the shared one): a Samspil
 * process killed under write load, and PostgreSQL stopped and started under load. Samspil runs
 * as the real `samspil serve` in a child process.
 */
const root = join(import.meta.dirname, '..', '..');
const keys = {
  SAMSPIL_CPR_KEYS: `1:${randomBytes(32).toString('base64')}`,
  SAMSPIL_CPR_HMAC_KEY: randomBytes(32).toString('base64'),
};
const CITIZENS = 6;

let postgres: PrivatePostgres;
let database: Database;
let cookie: string;
let citizens: string[];

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  database = await openDatabase({ engine: 'postgresql', url: postgres.url });
  await migrate(database);
  const factories = new Factories(
    database.db,
    new CprVault(parseCprKeys(keys.SAMSPIL_CPR_KEYS, keys.SAMSPIL_CPR_HMAC_KEY)),
  );
  const { id: municipalityId } = await factories.municipality();
  const { id: unitId } = await factories.unit(municipalityId);
  const { id: professionalId } = await factories.professional(municipalityId, unitId);
  citizens = [];
  for (let index = 0; index < CITIZENS; index += 1)
    citizens.push((await factories.citizen(municipalityId, { coordinatorId: professionalId })).id);
  const sessions = new SessionStore(database.db, { absoluteHours: 12, idleMinutes: 30 });
  const session = await sessions.create({
    municipalityId,
    kind: 'professional',
    id: professionalId,
    persona: null,
  });
  cookie = `${SESSION_COOKIE}=${session.token}`;
}, 120_000);

afterAll(async () => {
  // Once more for a run without the disk-full test (it closes them itself, before unmounting).
  await database?.close().catch(() => undefined);
  postgres?.destroy();
});

async function startSamspil(): Promise<{ server: ServerProcess; url: string }> {
  const port = await freePort();
  const server = startProcess(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli.ts'), 'serve'], {
    PATH: process.env.PATH,
    PORT: String(port),
    DATABASE_URL: postgres.url,
    SAMSPIL_COORDINATION_SCAN_AT: 'off',
    SAMSPIL_AUDIT_ANCHOR_MINUTES: '0',
    LOG_LEVEL: 'warn',
    ...keys,
  });
  const url = `http://127.0.0.1:${port}`;
  await server.waitFor(`${url}/readyz`, 60_000);
  return { server, url };
}

const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
  cookie,
  'x-requested-with': 'samspil',
  ...extra,
});

async function planVersion(url: string, citizenId: string): Promise<number> {
  const response = await fetch(`${url}/api/citizens/${citizenId}/plan`, { headers: headers() });
  expect(response.status).toBe(200);
  return Number((response.headers.get('etag') ?? '').replaceAll('"', ''));
}

/** One sub-goal added to a citizen's plan; the new version on success, and the status. */
async function addSubGoal(
  url: string,
  citizenId: string,
  version: number,
  title: string,
): Promise<{ status: number; version: number; type: string }> {
  const response = await fetch(`${url}/api/citizens/${citizenId}/plan/sub-goals`, {
    method: 'POST',
    headers: headers({ 'content-type': 'application/json', 'if-match': `"${version}"` }),
    body: JSON.stringify({ title }),
    signal: AbortSignal.timeout(20_000),
  });
  await response.arrayBuffer();
  const etag = response.headers.get('etag');
  return {
    status: response.status,
    version: etag ? Number(etag.replaceAll('"', '')) : version,
    type: response.headers.get('content-type') ?? '',
  };
}

async function storedPlanVersion(citizenId: string): Promise<number> {
  const row = await database.db
    .selectFrom('plan')
    .select('version')
    .where('citizen_id', '=', citizenId)
    .executeTakeFirstOrThrow();
  return Number(row.version);
}

async function storedTitles(): Promise<Set<string>> {
  const rows = await database.db.selectFrom('sub_goal').select('title').execute();
  return new Set(rows.map((row) => row.title));
}

describe('kill -9 of a Samspil process under write load', () => {
  it('keeps every acknowledged write, and the process restarts clean', async () => {
    const { server, url } = await startSamspil();
    const acknowledged: string[] = [];
    let killed = false;
    const writer = async (citizenId: string, lane: number): Promise<void> => {
      let version = await planVersion(url, citizenId);
      for (let index = 0; !killed; index += 1) {
        const title = `kill-${lane}-${index}`;
        try {
          const result = await addSubGoal(url, citizenId, version, title);
          if (result.status !== 201) throw new Error(`write ${title} answered ${result.status}`);
          acknowledged.push(title);
          version = result.version;
        } catch (error) {
          if (killed) return; // the connection died with the process: not acknowledged
          throw error;
        }
      }
    };
    const lanes = citizens.map((citizenId, lane) => writer(citizenId, lane));
    // Kill once the load is well under way, without waiting for a quiet moment.
    while (acknowledged.length < 60) await new Promise((resolve) => setImmediate(resolve));
    killed = true;
    server.child.kill('SIGKILL');
    await Promise.all(lanes);
    expect(await server.stop()).toBeNull();

    const stored = await storedTitles();
    const missing = acknowledged.filter((title) => !stored.has(title));
    expect(missing).toEqual([]);
    // Each write and its audit record commit together: the chain is whole.
    expect((await verifyAuditChain(database.db)).problems).toEqual([]);

    const restarted = await startSamspil();
    try {
      const version = await planVersion(restarted.url, citizens[0] ?? '');
      const after = await addSubGoal(restarted.url, citizens[0] ?? '', version, 'after-restart');
      expect(after.status).toBe(201);
      expect(restarted.server.output()).not.toMatch(/error/i);
    } catch (error) {
      await restarted.server.stop('SIGKILL');
      throw error;
    }
    expect(await restarted.server.stop(), restarted.server.output()).toBe(0);
  }, 90_000);
});

describe('PostgreSQL restarted under load', () => {
  it('answers 503 problems while it is down and recovers by itself', async () => {
    const { server, url } = await startSamspil();
    try {
      const statuses = new Map<number, number>();
      const problems: string[] = [];
      let phase: 'before' | 'down' | 'after' = 'before';
      let stop = false;
      const seen = { before: 0, down503: 0, after: 0 };
      const client = async (citizenId: string, lane: number): Promise<void> => {
        let version = await planVersion(url, citizenId);
        for (let index = 0; !stop; index += 1) {
          const read = await fetch(`${url}/api/citizens/${citizenId}/plan`, {
            headers: headers(),
            signal: AbortSignal.timeout(20_000),
          });
          await read.arrayBuffer();
          const write = await addSubGoal(url, citizenId, version, `restart-${lane}-${index}`);
          for (const [status, type] of [
            [read.status, read.headers.get('content-type') ?? ''],
            [write.status, write.type],
          ] as const) {
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            if (status === 503) {
              if (!type.startsWith('application/problem+json')) problems.push(`503 as ${type}`);
              if (phase === 'down') seen.down503 += 1;
            } else if (status !== 200 && status !== 201 && status !== 412) problems.push(`status ${status}`);
          }
          if (write.status === 201) {
            version = write.version;
            if (phase === 'before') seen.before += 1;
            if (phase === 'after') seen.after += 1;
          }
          // A write that failed with 503 may or may not have moved the plan: ask again.
          if (write.status !== 201) version = await planVersion(url, citizenId).catch(() => version);
        }
      };
      const lanes = citizens.map((citizenId, lane) =>
        client(citizenId, lane).catch((error: Error) => {
          problems.push(`lane ${lane}: ${error.message}`);
        }),
      );
      const until = async (condition: () => boolean, what: string): Promise<void> => {
        const deadline = Date.now() + 30_000;
        while (!condition()) {
          if (Date.now() > deadline)
            throw new Error(
              `timed out waiting for ${what}: ${JSON.stringify({ seen, statuses: [...statuses], problems })}`,
            );
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      await until(() => seen.before >= 20, 'writes before the restart');
      postgres.stop('fast');
      phase = 'down';
      await until(() => seen.down503 >= 10, '503 answers while PostgreSQL is down');
      const liveness = await fetch(`${url}/healthz`);
      expect(liveness.status).toBe(200);
      const readiness = await fetch(`${url}/readyz`);
      expect(readiness.status).toBe(503);
      expect(readiness.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      postgres.start();
      phase = 'after';
      await until(() => seen.after >= 20, 'writes after PostgreSQL came back');
      stop = true;
      await Promise.all(lanes);
      expect(problems).toEqual([]);
      expect(statuses.get(500) ?? 0).toBe(0);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      expect((await verifyAuditChain(database.db)).problems).toEqual([]);
    } catch (error) {
      await server.stop('SIGKILL');
      console.log(server.output());
      throw error;
    }
    expect(await server.stop(), server.output()).toBe(0);
  }, 90_000);
});

describe('kill -9 of PostgreSQL under write load', () => {
  it('keeps every acknowledged write through crash recovery, and Samspil carries on by itself', async () => {
    const { server, url } = await startSamspil();
    try {
      const acknowledged: string[] = [];
      const statuses = new Set<number>();
      let phase: 'before' | 'down' | 'after' = 'before';
      let afterRecovery = 0;
      let stop = false;
      const writer = async (citizenId: string, lane: number): Promise<void> => {
        let version = await planVersion(url, citizenId);
        for (let index = 0; !stop; index += 1) {
          const title = `crash-${lane}-${index}`;
          const result = await addSubGoal(url, citizenId, version, title);
          statuses.add(result.status);
          if (result.status === 201) {
            acknowledged.push(title);
            version = result.version;
            if (phase === 'after') afterRecovery += 1;
          } else {
            // A write cut off by the crash may or may not have committed: ask for the version.
            version = await planVersion(url, citizenId).catch(() => version);
          }
        }
      };
      const lanes = citizens.map((citizenId, lane) => writer(citizenId, lane));
      const until = async (condition: () => boolean, what: string): Promise<void> => {
        const deadline = Date.now() + 30_000;
        while (!condition()) {
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      await until(() => acknowledged.length >= 40, 'writes before the crash');
      await postgres.kill();
      phase = 'down';
      await until(() => statuses.has(503), 'a 503 while PostgreSQL is gone');
      postgres.start();
      phase = 'after';
      await until(() => afterRecovery >= 20, 'writes after crash recovery');
      stop = true;
      await Promise.all(lanes);
      // 412 only when a write cut off by the crash had committed after all: the client re-reads.
      expect([...statuses].filter((status) => ![201, 412, 503].includes(status))).toEqual([]);
      expect(statuses.has(201) && statuses.has(503)).toBe(true);
      const stored = await storedTitles();
      expect(acknowledged.filter((title) => !stored.has(title))).toEqual([]);
      expect((await verifyAuditChain(database.db)).problems).toEqual([]);
    } catch (error) {
      await server.stop('SIGKILL');
      console.log(server.output());
      throw error;
    }
    expect(await server.stop(), server.output()).toBe(0);
  }, 90_000);
});

/**
 * Last in this file: it moves every table onto a small file system. Mounting one needs root
 * (as CI runs); elsewhere it is skipped, except under CI=true, where it must run.
 */
const canMount = process.getuid?.() === 0 || process.env.CI === 'true';
describe.skipIf(!canMount)('the disk full', () => {
  let mountPoint = '';
  afterAll(async () => {
    await database?.close();
    postgres?.destroy();
    if (mountPoint) {
      execFileSync('umount', [mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    }
  });

  it('gives clear 503 problems, writes nothing half, and recovers when space returns', async () => {
    mountPoint = mkdtempSync(join(tmpdir(), 'samspil-small-fs-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', mountPoint]);
    const tablespace = join(mountPoint, 'tablespace');
    mkdirSync(tablespace);
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(tablespace, uid, gid);
    await sql`CREATE TABLESPACE small LOCATION ${sql.lit(tablespace)}`.execute(database.db);
    await sql`ALTER TABLE ALL IN TABLESPACE pg_default SET TABLESPACE small`.execute(database.db);
    await sql`ALTER INDEX ALL IN TABLESPACE pg_default SET TABLESPACE small`.execute(database.db);

    // Fill the file system to within half a megabyte.
    const filler = join(mountPoint, 'filler');
    const block = Buffer.alloc(64 * 1024, 1);
    const fd = openSync(filler, 'w');
    try {
      const free = (): number => {
        const stats = statfsSync(mountPoint);
        return stats.bavail * stats.bsize;
      };
      while (free() > 512 * 1024) writeSync(fd, block);
    } finally {
      closeSync(fd);
    }

    const { server, url } = await startSamspil();
    try {
      const citizenId = citizens[0] ?? '';
      let version = await planVersion(url, citizenId);
      let full: { status: number; version: number; type: string } | null = null;
      const long = 'x'.repeat(480);
      for (let index = 0; index < 2000 && !full; index += 1) {
        const result = await addSubGoal(url, citizenId, version, `full-${index} ${long}`);
        if (result.status === 201) version = result.version;
        else full = result;
      }
      expect(full?.status).toBe(503);
      expect(full?.type).toMatch(/^application\/problem\+json/);
      const refused = await fetch(`${url}/api/citizens/${citizenId}/plan/sub-goals`, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json', 'if-match': `"${version}"` }),
        body: JSON.stringify({ title: 'still full' }),
      });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(((await refused.json()) as { detail: string }).detail).toMatch(/no space left/i);
      // Nothing half-written: the plan is at the last acknowledged version, the chain whole.
      // Read from the database itself: a plan read through the API writes an audit entry, and
      // while the disk is full that read is rightly refused too.
      expect(await storedPlanVersion(citizenId)).toBe(version);
      expect(await storedTitles()).not.toContain('still full');
      expect((await verifyAuditChain(database.db)).problems).toEqual([]);

      rmSync(filler);
      const after = await addSubGoal(url, citizenId, version, 'space is back');
      expect(after.status).toBe(201);
      expect(after.version).toBe(version + 1);
    } catch (error) {
      await server.stop('SIGKILL');
      console.log(server.output());
      throw error;
    }
    expect(await server.stop(), server.output()).toBe(0);
  }, 90_000);
});
