/**
 * `npm run bench`: Samspil's performance budgets, each reported as a ratio against a baseline
 * measured in the same process and run (ARCHITECTURE.md). Not a test: it prints figures.
 *
 *   BENCH_CITIZENS (default 50000)  size of the synthetic municipality (cached in .bench/)
 *   BENCH_SECONDS  (default 10)     duration of each load phase
 *   BENCH_ONLY     (optional)       run one section only: plan | pdf | web | coordination | analytics | load
 *   BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres)  the PostgreSQL
 *                  server the same sections run on, in a throwaway database created and
 *                  dropped by the run; unreachable: a failure under CI=true, otherwise PGlite only
 *   BENCH_ENGINES  (default pglite,postgresql)  which engines to run
 *   BENCH_ONLY=analytics  the analytics section alone, on its own cost table on each engine (10 million
 *                  entries on PostgreSQL, 1 million on PGlite); BENCH_COST_SCALE (default 1) scales both
 *   BENCH_PROFILE  (optional)       a folder: the plan section's steady state is CPU-profiled
 *                  (inspector) into <folder>/plan-<engine>.cpuprofile, for chrome://inspect
 *   BENCH_ONLY=load  load and scale-out alone (never part of the default run): two server
 *                  processes behind HAProxy on PostgreSQL, see test/bench/load-run.ts
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { type Config, loadConfig } from '../../src/config.js';
import { type Database, describeUrl, openDatabase } from '../../src/db/database.js';
import { openEmbeddedStore } from '../../src/db/data-folder.js';
import { migrate } from '../../src/db/migrate.js';
import { CprVault, parseCprKeys } from '../../src/security/cpr-vault.js';
import { buildApp } from '../../src/server/app.js';
import { SESSION_COOKIE } from '../../src/server/plugins/auth.js';
import { generateMunicipality } from '../../src/synth/generate.js';
import { progressBar } from '../../src/cli/progress.js';
import { measurePlanPage } from './web-plan-page.js';
import { benchCoordination, type CoordinationFigures } from './coordination-bench.js';
import pg from 'pg';
import { benchAnalytics } from './analytics-bench.js';
import { benchPlanPdf } from './plan-pdf-bench.js';
import { benchLoadRun } from './load-run.js';

const CITIZENS = Number(process.env.BENCH_CITIZENS ?? 50_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const ONLY = process.env.BENCH_ONLY ?? '';
const SECTIONS = ['plan', 'pdf', 'web', 'coordination', 'analytics', 'load'];
if (ONLY !== '' && !SECTIONS.includes(ONLY))
  throw new Error(`BENCH_ONLY must be one of ${SECTIONS.join(', ')}`);
const runs = (section: string): boolean => ONLY === '' || ONLY === section;
const BENCH_DIR = resolve('.bench', `municipality-${CITIZENS}`);
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgresql').split(',').map((item) => item.trim());

interface LoadSpec {
  url: string;
  paths: string[];
  cookie: string | null;
  connections: number;
  durationSeconds: number;
  /** A fixed number of requests instead of a duration. */
  amount?: number;
}

interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
}

function load(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(fileURLToPath(new URL('./load-worker.js', import.meta.url)), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.send(spec);
    child.once('message', (result) => resolvePromise(result as LoadResult));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
    });
  });
}

function line(label: string, value: string): void {
  console.log(`  ${label.padEnd(58)} ${value}`);
}

interface BenchStore {
  database: Database;
  close(): Promise<void>;
}

interface PlanFigures {
  ratio: number;
  p99: number;
}

interface PdfFigures {
  medianMs: number;
  ratio: number;
}

/** The cached PGlite municipality in .bench/ (generated on first use). */
async function openPgliteStore(vault: CprVault): Promise<BenchStore> {
  return openEmbeddedStore(BENCH_DIR, {
    initialise: async (database) => {
      await migrate(database);
      await generate(database, vault);
    },
    prepare: async (database) => {
      await migrate(database);
      // PGlite has no autovacuum: without statistics a bulk-loaded database plans badly.
      await sql`ANALYZE`.execute(database.db);
    },
  });
}

/** Whether BENCH_DATABASE_URL answers; a failure under CI=true, otherwise said and skipped. */
async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    const message = `PostgreSQL at ${describeUrl(POSTGRES_URL)} cannot be reached (${(error as Error).message})`;
    if (process.env.CI === 'true')
      throw new Error(`${message}; under CI the bench needs it (BENCH_DATABASE_URL).`);
    console.log(`${message}: the load run needs it and is skipped. Set BENCH_DATABASE_URL.\n`);
    return false;
  }
}

/**
 * A throwaway database on the PostgreSQL server, generated with the same seed and keys as the
 * PGlite one and dropped at the end. Null when the server cannot be reached outside CI.
 */
async function openPostgresStore(vault: CprVault): Promise<BenchStore | null> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  try {
    await admin.connect();
  } catch (error) {
    const message = `PostgreSQL at ${describeUrl(POSTGRES_URL)} cannot be reached (${(error as Error).message})`;
    if (process.env.CI === 'true')
      throw new Error(`${message}; under CI the bench needs it (BENCH_DATABASE_URL).`);
    console.log(`${message}: PostgreSQL skipped, PGlite only. Set BENCH_DATABASE_URL to include it.\n`);
    return null;
  }
  const name = `samspil_bench_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const drop = async (): Promise<void> => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
  try {
    const database = await openDatabase({ engine: 'postgresql', url: url.toString() });
    await migrate(database);
    await generate(database, vault);
    await sql`ANALYZE`.execute(database.db);
    return {
      database,
      async close() {
        await database.close();
        await drop();
      },
    };
  } catch (error) {
    await drop();
    throw error;
  }
}

async function generate(database: Database, vault: CprVault): Promise<void> {
  const bar = progressBar();
  const started = Date.now();
  const result = await generateMunicipality(database, vault, { citizens: CITIZENS, seed: 1 }, (p) =>
    bar.update(p),
  );
  bar.stop();
  console.log(
    `  generated ${result.citizens} citizens / ${result.interventions} interventions in ${((Date.now() - started) / 1000).toFixed(0)} s (${database.engine})`,
  );
}

async function main(): Promise<void> {
  // The analytics section builds its own cost table: it needs no synthetic municipality.
  if (ONLY === 'analytics') {
    await benchAnalytics(line, ENGINES, POSTGRES_URL);
    return;
  }
  // The load run needs PostgreSQL and ten minutes by default: only when asked for by name.
  if (ONLY === 'load') {
    if (!(await postgresReachable())) return;
    if (!(await benchLoadRun(line, POSTGRES_URL))) process.exitCode = 1;
    return;
  }
  console.log(`Samspil bench: ${CITIZENS} citizens, ${SECONDS} s per phase, ${CONNECTIONS} connections\n`);
  // Keys live beside the cached municipality so its CPR numbers stay readable across runs.
  // No job queue: on a freshly generated municipality its first reminder sweep enqueues and
  // sends thousands of reminders, which would run inside the measured phases (they are not
  // plan reads, and they held PGlite's one session away from the audit writer).
  const env = {
    ...process.env,
    SAMSPIL_DATA_DIR: BENCH_DIR,
    LOG_LEVEL: 'silent',
    DATABASE_URL: '',
    SAMSPIL_JOB_POLL_SECONDS: '0',
  };
  const config = loadConfig(env, { demo: true });
  const vault = new CprVault(parseCprKeys(config.cprKeys, config.cprHmacKey));

  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ status: 'ok' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  const summary: {
    engine: string;
    plan?: PlanFigures;
    pdf?: PdfFigures;
    coordination?: CoordinationFigures;
  }[] = [];
  for (const engine of ENGINES) {
    if (engine !== 'pglite' && engine !== 'postgresql')
      throw new Error(`unknown engine in BENCH_ENGINES: ${engine}`);
    if (!runs('plan') && !runs('pdf') && !runs('coordination')) break;
    console.log(
      `=== ${engine === 'pglite' ? 'PGlite (embedded)' : `PostgreSQL (${describeUrl(POSTGRES_URL)})`} ===`,
    );
    const store = engine === 'pglite' ? await openPgliteStore(vault) : await openPostgresStore(vault);
    if (!store) continue;
    try {
      summary.push({ engine, ...(await benchEngine(store.database, config, bareUrl)) });
    } finally {
      await store.close();
    }
    console.log('');
  }

  if (runs('analytics')) await benchAnalytics(line, ENGINES, POSTGRES_URL);

  const webAssets = resolve('web/dist/assets');
  if (runs('web') && existsSync(webAssets)) {
    const html = readFileSync(resolve('web/dist/index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map(
      (match) => match[1] ?? '',
    );
    const gzip = initial.reduce(
      (sum, file) => sum + gzipSync(readFileSync(resolve(webAssets, file))).length,
      0,
    );
    const all = readdirSync(webAssets).filter((file) => file.endsWith('.js'));
    const allBytes = all.reduce((sum, file) => sum + statSync(resolve(webAssets, file)).size, 0);
    console.log('Web');
    line(
      'initial JavaScript, gzip (budget ≤ 300 kB)',
      `${(gzip / 1024).toFixed(1)} kB ${gzip <= 300 * 1024 ? 'OK' : 'OVER BUDGET'}`,
    );
    line('all JavaScript chunks, raw', `${(allBytes / 1024).toFixed(1)} kB in ${all.length} files`);
    // The real demo server with the default demo municipality, in Chromium (test/bench/web-plan-page.ts).
    const page = await measurePlanPage();
    line(
      `plan page rendered + interactive, median of ${page.samples.length} (budget < 1 s)`,
      `${page.medianMs.toFixed(0)} ms ${page.medianMs < 1000 ? 'OK' : 'OVER BUDGET'} (${page.citizens} citizens)`,
    );
    console.log('');
  }
  await bare.close();

  if (summary.length > 0) {
    console.log('Both engines, each against its baselines of the same run');
    line('engine: plan/bare (≥ 0.25) · plan p99 (< 25 ms) · scan/read (≤ 3) · check p99 (< 5 ms)', '');
    for (const item of summary) {
      const figures = [
        item.plan ? `${item.plan.ratio.toFixed(3)} · ${item.plan.p99} ms` : '– · –',
        item.coordination
          ? `${item.coordination.scanRatio.toFixed(2)} · ${item.coordination.checkP99.toFixed(2)} ms`
          : '– · –',
      ];
      line(`  ${item.engine}`, figures.join(' · '));
    }
  }
}

/** The plan and coordination sections on one engine's database. */
async function benchEngine(
  database: Database,
  config: Config,
  bareUrl: string,
): Promise<{ plan?: PlanFigures; pdf?: PdfFigures; coordination?: CoordinationFigures }> {
  const counts = await sql<{ citizens: number; interventions: number }>`
    SELECT (SELECT count(*) FROM citizen)::int AS citizens, (SELECT count(*) FROM intervention)::int AS interventions`.execute(
    database.db,
  );
  const size = counts.rows[0];
  console.log(
    `  database: ${size?.citizens} citizens, ${size?.interventions} interventions (${database.engine})\n`,
  );
  const result: { plan?: PlanFigures; pdf?: PdfFigures; coordination?: CoordinationFigures } = {};

  // The persona with the widest access: the team leader sees the whole unit's caseload.
  const persona = await database.db
    .selectFrom('demo_persona')
    .select(['municipality_id', 'subject_id'])
    .where('id', '=', 'team-leader')
    .executeTakeFirstOrThrow();
  const leader = await database.db
    .selectFrom('professional')
    .select(['unit_id'])
    .where('id', '=', persona.subject_id)
    .executeTakeFirstOrThrow();
  const visible = await database.db
    .selectFrom('plan_document')
    .select('citizen_id')
    .where('municipality_id', '=', persona.municipality_id)
    .where(sql<boolean>`related_unit_ids @> ARRAY[${leader.unit_id}]::uuid[]`)
    .execute();
  const paths = visible.map((row) => `/api/citizens/${row.citizen_id}/plan`);

  const { app, context } = await buildApp(config, database, false);
  const session = await context.sessions.create({
    municipalityId: persona.municipality_id,
    kind: 'professional',
    id: persona.subject_id,
    persona: 'team-leader',
  });
  const cookie = `${SESSION_COOKIE}=${session.token}`;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const samspilUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  if (runs('plan')) {
    console.log(`Plan overview (${paths.length} distinct plans visible to the team leader)`);
    const bareCpu = process.cpuUsage();
    const baseline = await load({
      url: bareUrl,
      paths: ['/bare'],
      cookie: null,
      connections: CONNECTIONS,
      durationSeconds: SECONDS,
    });
    const bareMicros = cpuMicrosPerRequest(bareCpu, baseline.total);
    // First read of every plan: each request misses the cache and goes to the read model.
    const cold = await load({
      url: samspilUrl,
      paths,
      cookie,
      connections: CONNECTIONS,
      durationSeconds: 600,
      amount: paths.length,
    });
    // Steady state: the same plans read again, as a working day does.
    const auditBefore = await countAudit();
    const profile = await startProfile();
    const planCpu = process.cpuUsage();
    const plan = await load({
      url: samspilUrl,
      paths,
      cookie,
      connections: CONNECTIONS,
      durationSeconds: SECONDS,
    });
    const planMicros = cpuMicrosPerRequest(planCpu, plan.total);
    await profile.stop(`plan-${database.engine}`);
    const audited = (await countAudit()) - auditBefore;
    const ratio = plan.requestsPerSecond / baseline.requestsPerSecond;
    line(
      'first read of each plan (cache cold), for reference',
      `${cold.requestsPerSecond.toFixed(0)} req/s, p99 ${cold.p99} ms (${cold.total} requests, non-2xx ${cold.non2xx})`,
    );
    line(
      'bare Fastify route (baseline)',
      `${baseline.requestsPerSecond.toFixed(0)} req/s, p99 ${baseline.p99} ms`,
    );
    line(
      'GET /api/citizens/{id}/plan, authorised + audited',
      `${plan.requestsPerSecond.toFixed(0)} req/s, p99 ${plan.p99} ms`,
    );
    // Where the time goes: this process's CPU (all its threads; not the load generator's, nor a
    // PostgreSQL server's) per response. Steadier than req/s on a shared machine.
    line(
      'server CPU per response: bare route · plan overview',
      `${bareMicros.toFixed(0)} µs · ${planMicros.toFixed(0)} µs`,
    );
    line('ratio plan / bare (budget ≥ 0.25)', `${ratio.toFixed(3)} ${ratio >= 0.25 ? 'OK' : 'BELOW BUDGET'}`);
    line('p99 at 32 connections (budget < 25 ms)', `${plan.p99} ms ${plan.p99 < 25 ? 'OK' : 'OVER BUDGET'}`);
    line(
      'audit records written / 2xx responses',
      `${audited} / ${plan.total - plan.non2xx} (non-2xx ${plan.non2xx}, errors ${plan.errors})`,
    );
    result.plan = { ratio, p99: plan.p99 };
  }

  if (runs('pdf')) {
    const figures = await benchPlanPdf(
      database,
      samspilUrl,
      cookie,
      visible.map((row) => row.citizen_id),
      line,
    );
    result.pdf = { medianMs: figures.pdfMedianMs, ratio: figures.ratio };
  }

  if (runs('coordination')) result.coordination = await benchCoordination(database, line);
  await app.close();
  return result;

  async function countAudit(): Promise<number> {
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_event`.execute(database.db);
    return rows.rows[0]?.n ?? 0;
  }
}

/** CPU time of this process since `since`, per request. */
function cpuMicrosPerRequest(since: NodeJS.CpuUsage, requests: number): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / Math.max(1, requests);
}

/** A CPU profile of this process while a phase runs, when BENCH_PROFILE names a folder. */
async function startProfile(): Promise<{ stop(name: string): Promise<void> }> {
  const folder = process.env.BENCH_PROFILE;
  if (!folder) return { stop: async () => undefined };
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(name) {
      const { profile } = await session.post('Profiler.stop');
      mkdirSync(folder, { recursive: true });
      writeFileSync(resolve(folder, `${name}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
