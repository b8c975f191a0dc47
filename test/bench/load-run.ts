/**
 * `BENCH_ONLY=load npm run bench`: load and scale-out (issue 16). Two production server
 * processes (`node dist/cli.js serve`, compiled first) on one throwaway PostgreSQL database,
 * HAProxy in front (round robin, health check GET /readyz), and BENCH_LOAD_USERS virtual users,
 * each with its own session, driven from a separate process (load-users.js) with a weighted mix
 * for BENCH_LOAD_SECONDS. Loopback only; every process it starts is stopped on the way out.
 *
 *   BENCH_LOAD_SECONDS  (default 600)  how long the users work
 *   BENCH_LOAD_USERS    (default 200)  concurrent virtual users
 *   BENCH_LOAD_CITIZENS (default 2000) size of the generated municipality
 *   BENCH_LOAD_THINK_MS (default 500)  mean pause between a user's requests (uniform 0–2×)
 *   HAPROXY             (default haproxy) the HAProxy binary (Debian: apt-get install haproxy)
 *
 * Passes when no request failed (non-2xx other than a 412 on an edit, which is an expected
 * conflict), every write through one server was seen through the other on the very next read,
 * every logout on one server was refused on the other, and the nightly coordination job ran
 * once for the two. Exits 1 otherwise.
 */
import { type ChildProcess, execFileSync, fork, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { danishToday } from '../../src/domain/calendar.js';
import { type Database, describeUrl, openDatabase } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { CprVault, generateKeyText, parseCprKeys } from '../../src/security/cpr-vault.js';
import { SessionStore } from '../../src/server/auth/session-store.js';
import { generateMunicipality } from '../../src/synth/generate.js';
import { startProcess, type ServerProcess } from '../support/server-process.js';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 600);
const USERS = Number(process.env.BENCH_LOAD_USERS ?? 200);
const CITIZENS = Number(process.env.BENCH_LOAD_CITIZENS ?? 2000);
const THINK_MS = Number(process.env.BENCH_LOAD_THINK_MS ?? 500);
const HAPROXY = process.env.HAPROXY ?? 'haproxy';
/** Relative weights of the request types each virtual user picks from. */
const MIX = { plan: 35, myDay: 15, search: 15, edit: 10, referrals: 10, inbox: 15 };
/** Sessions the logout check ends, spread over the run. */
const LOGOUT_CHECKS = 40;
/** The nightly job's first tick comes a minute after start (startPeriodicJob). */
const JOB_TICK_MS = 60_000;

type Line = (label: string, value: string) => void;

interface Tally {
  count: number;
  errors: number;
  conflicts: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
}

interface UsersResult {
  summary: Record<string, Tally>;
  servedBy: Record<string, number>;
  consistency: { writes: number; misses: number; lateMs: number[]; errors: number };
  logout: { logouts: number; misses: number; lateMs: number[]; errors: number };
  samples: string[];
}

/** Everything the run started, stopped in reverse order whatever happens. */
class Cleanup {
  private readonly steps: { name: string; run: () => Promise<unknown> }[] = [];
  add(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }
  async runAll(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.run();
      } catch (error) {
        console.error(`  cleanup: ${step.name} failed: ${(error as Error).message}`);
      }
    }
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

function haproxyConfig(port: number, servers: { name: string; port: number }[]): string {
  return [
    'global',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  timeout connect 5s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  option http-keep-alive',
    '  option forwardfor',
    'frontend samspil',
    `  bind 127.0.0.1:${port}`,
    '  default_backend samspil_servers',
    'backend samspil_servers',
    '  balance roundrobin',
    '  option httpchk GET /readyz',
    '  http-check expect status 200',
    // Which server answered, so the bench can show the round robin at work.
    '  http-response set-header X-Samspil-Server %s',
    ...servers.map((server) => `  server ${server.name} 127.0.0.1:${server.port} check inter 2s`),
    '',
  ].join('\n');
}

/** The users: professionals with plans they are directly related to (they read and edit those). */
async function prepareUsers(database: Database, municipalityId: string) {
  const sessions = new SessionStore(database.db, { absoluteHours: 12, idleMinutes: 60 });
  const rows = await sql<{ id: string; citizen_ids: string[]; names: string[] }>`
    SELECT p.id,
           (array_agg(d.citizen_id ORDER BY d.citizen_id))[1:40] AS citizen_ids,
           (array_agg(DISTINCT c.family_name))[1:20] AS names
      FROM professional p
      JOIN plan_document d ON d.municipality_id = p.municipality_id
                          AND d.related_professional_ids @> ARRAY[p.id]::uuid[]
      JOIN citizen c ON c.municipality_id = d.municipality_id AND c.id = d.citizen_id
     WHERE p.municipality_id = ${municipalityId} AND p.active
     GROUP BY p.id
     ORDER BY p.id`.execute(database.db);
  const professionals = rows.rows;
  if (professionals.length < 2) throw new Error('the generated municipality has too few professionals');
  const session = async (id: string): Promise<string> =>
    (await sessions.create({ municipalityId, kind: 'professional', id, persona: null, method: 'test' }))
      .token;
  // More users than professionals: some professionals work in several sessions (each its own).
  const users = [];
  for (let index = 0; index < USERS; index += 1) {
    const professional = professionals[index % professionals.length];
    if (!professional) continue;
    users.push({
      token: await session(professional.id),
      reads: professional.citizen_ids,
      edits: professional.citizen_ids,
      names: professional.names,
    });
  }
  const checker = professionals[professionals.length - 1];
  if (!checker) throw new Error('no professional for the consistency check');
  const logoutTokens = [];
  for (let index = 0; index < LOGOUT_CHECKS; index += 1) logoutTokens.push(await session(checker.id));
  return {
    users,
    professionals: professionals.length,
    checks: { checkerToken: await session(checker.id), checkerCitizens: checker.citizen_ids, logoutTokens },
  };
}

function drive(spec: unknown, cleanup: Cleanup): Promise<UsersResult> {
  return new Promise((resolveResult, reject) => {
    const child: ChildProcess = fork(fileURLToPath(new URL('./load-users.js', import.meta.url)), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [],
    });
    cleanup.add('virtual users', async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    child.send(spec as object);
    child.once('message', (result) => resolveResult(result as UsersResult));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the virtual users' process exited with ${code}`));
    });
  });
}

export async function benchLoadRun(line: Line, postgresUrl: string): Promise<boolean> {
  console.log(
    `Load and scale-out: ${USERS} users, ${SECONDS} s, two server processes behind HAProxy, ` +
      `${CITIZENS} citizens on PostgreSQL (${describeUrl(postgresUrl)})\n`,
  );
  const version = spawnSync(HAPROXY, ['-v'], { encoding: 'utf8' });
  if (version.status !== 0)
    throw new Error(`${HAPROXY} cannot be run: install HAProxy (apt-get install haproxy) or set HAPROXY`);
  console.log(`  ${version.stdout.split('\n')[0]}`);

  const cleanup = new Cleanup();
  const onSignal = (signal: NodeJS.Signals): void => {
    console.error(`${signal}: stopping the load run…`);
    void cleanup.runAll().then(() => process.exit(1));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    console.log('  building the server (npm run build:server)…');
    execFileSync(process.execPath, [resolve('scripts/build-server.js')], { stdio: 'ignore' });

    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    const name = `samspil_load_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    cleanup.add('database', async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    });
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();

    const keys = { cprKeys: `1:${generateKeyText()}`, cprHmacKey: generateKeyText() };
    const database = await openDatabase({ engine: 'postgresql', url: databaseUrl });
    cleanup.add('bench connection', () => database.close());
    await migrate(database);
    const vault = new CprVault(parseCprKeys(keys.cprKeys, keys.cprHmacKey));
    const generated = await generateMunicipality(database, vault, {
      citizens: CITIZENS,
      seed: 1,
      today: danishToday(),
    });
    await sql`ANALYZE`.execute(database.db);
    const prepared = await prepareUsers(database, generated.municipalityId);
    console.log(
      `  generated ${generated.citizens} citizens; ${prepared.users.length} sessions for ${prepared.professionals} professionals`,
    );

    const proxyPort = await freePort();
    const servers: { name: string; port: number; process: ServerProcess }[] = [];
    for (const serverName of ['a', 'b']) {
      const port = await freePort();
      const child = startProcess(
        process.execPath,
        [resolve('dist/cli.js'), 'serve', '--port', String(port)],
        {
          PATH: process.env.PATH,
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          DATABASE_URL: databaseUrl,
          SAMSPIL_CPR_KEYS: keys.cprKeys,
          SAMSPIL_CPR_HMAC_KEY: keys.cprHmacKey,
          SAMSPIL_PUBLIC_URL: `http://127.0.0.1:${proxyPort}`,
          SAMSPIL_TRUST_PROXY: '127.0.0.1',
          // Already due today, so both processes try the nightly scan at their first tick.
          SAMSPIL_COORDINATION_SCAN_AT: '00:00',
          SAMSPIL_AUDIT_ANCHOR_MINUTES: '0',
          LOG_LEVEL: 'warn',
        },
      );
      cleanup.add(`server ${serverName}`, async () => {
        const code = await child.stop('SIGTERM');
        if (code !== 0 && code !== null) console.error(`  server ${serverName} exited with ${code}`);
      });
      servers.push({ name: serverName, port, process: child });
    }
    for (const server of servers) await server.process.waitFor(`http://127.0.0.1:${server.port}/readyz`);
    const serversStarted = Date.now();

    const folder = mkdtempSync(join(tmpdir(), 'samspil-haproxy-'));
    cleanup.add('haproxy folder', async () => rmSync(folder, { recursive: true, force: true }));
    const configFile = join(folder, 'haproxy.cfg');
    writeFileSync(configFile, haproxyConfig(proxyPort, servers));
    const proxy = startProcess(HAPROXY, ['-f', configFile, '-db'], { PATH: process.env.PATH });
    cleanup.add('haproxy', () => proxy.stop('SIGTERM'));
    await proxy.waitFor(`http://127.0.0.1:${proxyPort}/readyz`);
    console.log(
      `  servers a :${servers[0]?.port} and b :${servers[1]?.port} (node dist/cli.js serve), HAProxy :${proxyPort}\n`,
    );

    const result = await drive(
      {
        proxyUrl: `http://127.0.0.1:${proxyPort}`,
        serverUrls: servers.map((server) => `http://127.0.0.1:${server.port}`),
        users: prepared.users,
        checks: prepared.checks,
        seconds: SECONDS,
        thinkMs: THINK_MS,
        mix: MIX,
      },
      cleanup,
    );

    // Jobs across the two: both processes tried tonight's scan; exactly one may have run it.
    const waitForTick = serversStarted + JOB_TICK_MS + 15_000 - Date.now();
    if (waitForTick > 0) {
      console.log(`  waiting ${(waitForTick / 1000).toFixed(0)} s for both servers' first nightly-job tick…`);
      await new Promise((resolveWait) => setTimeout(resolveWait, waitForTick));
    }
    const runs = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM coordination_scan_run
       WHERE municipality_id = ${generated.municipalityId} AND trigger = 'nightly'`.execute(database.db);
    const nightlyRuns = runs.rows[0]?.n ?? 0;

    const ok = report(line, result, nightlyRuns);
    for (const server of servers) {
      const output = server.process.output().trim();
      if (output) console.log(`\n  server ${server.name} logged (warn and above):\n${output.slice(-2000)}`);
    }
    return ok;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup.runAll();
  }
}

function report(line: Line, result: UsersResult, nightlyRuns: number): boolean {
  const kinds = ['plan', 'myDay', 'search', 'edit', 'referrals', 'inbox', 'check: read', 'check: write'];
  const labels: Record<string, string> = {
    plan: 'GET /api/citizens/{id}/plan',
    myDay: 'GET /api/my-day',
    search: 'GET /api/citizens?q={name}',
    edit: 'PUT /api/citizens/{id}/plan/goal (If-Match)',
    referrals: 'GET /api/referrals',
    inbox: 'GET /api/inbox',
    'check: read': 'check: GET plan, direct to a server',
    'check: write': 'check: PUT goal, direct to a server',
  };
  console.log(
    `  ${'request'.padEnd(46)} ${'count'.padStart(8)} ${'errors'.padStart(7)} ${'412'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`,
  );
  let errors = 0;
  let total = 0;
  for (const kind of kinds) {
    const tally = result.summary[kind];
    if (!tally) continue;
    errors += tally.errors;
    total += tally.count;
    console.log(
      `  ${(labels[kind] ?? kind).padEnd(46)} ${String(tally.count).padStart(8)} ${String(tally.errors).padStart(7)} ${String(tally.conflicts).padStart(6)} ${tally.p50.toFixed(1).padStart(8)} ${tally.p99.toFixed(1).padStart(8)}`,
    );
  }
  console.log('');
  const served = Object.entries(result.servedBy)
    .map(([server, count]) => `${server} ${count}`)
    .join(', ');
  line('requests through HAProxy, by server', served);
  line(
    'requests in all / per second',
    `${total} / ${(total / SECONDS).toFixed(0)} (errors ${errors}, budget 0) ${errors === 0 ? 'OK' : 'FAILED'}`,
  );
  const { consistency, logout } = result;
  const late = (ms: number[], what: string): string =>
    ms.length > 0 ? ` (${what} after at most ${Math.max(...ms).toFixed(0)} ms)` : '';
  line(
    'write on one server, read on the other at once: misses',
    `${consistency.misses} of ${consistency.writes}${late(consistency.lateMs, 'seen')} ${consistency.misses === 0 && consistency.writes > 0 ? 'OK' : 'FAILED'}`,
  );
  line(
    'logout on one server, session refused on the other: misses',
    `${logout.misses} of ${logout.logouts}${late(logout.lateMs, 'refused')} (errors ${logout.errors}) ${logout.misses === 0 && logout.errors === 0 && logout.logouts > 0 ? 'OK' : 'FAILED'}`,
  );
  line(
    'nightly coordination job run by the two servers (once)',
    `${nightlyRuns} ${nightlyRuns === 1 ? 'OK' : 'FAILED'}`,
  );
  for (const sample of result.samples) console.log(`  error: ${sample}`);
  return (
    errors === 0 &&
    consistency.misses === 0 &&
    consistency.writes > 0 &&
    logout.misses === 0 &&
    logout.errors === 0 &&
    logout.logouts > 0 &&
    nightlyRuns === 1
  );
}
