#!/usr/bin/env node
import { appendFile, readFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { type Config, isLoopbackUrl, loadConfig } from './config.js';
import { messageOf } from './error-message.js';
import { openEmbeddedStore } from './db/data-folder.js';
import { type Database, describeUrl, openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { checkAuditAnchors, parseAnchorLines, takeAuditAnchors } from './db/queries/audit-anchors.queries.js';
import { purgeAuditTrail, verifyAuditChain } from './db/queries/audit-chain.queries.js';
import { upgradePlanDocuments } from './db/queries/plan-document.queries.js';
import {
  anyMunicipality,
  municipalitiesByCode,
  municipalityIdByCode,
} from './db/queries/municipality.queries.js';
import { danishToday } from './domain/calendar.js';
import { CprVault, parseCprKeys } from './security/cpr-vault.js';
import { buildApp } from './server/app.js';
import { startAuditAnchoring } from './server/audit/audit-anchoring.js';
import { recordedScan, startNightlyScan } from './server/coordination/scan-runs.js';
import { runRetention, startRetentionJob } from './server/retention/retention.commands.js';
import { generateMunicipality, type SynthOptions } from './synth/generate.js';
import { progressBar } from './cli/progress.js';
import { printJobs, retryJob } from './cli/jobs.js';
import { loadInstrument } from './server/measures/measures.commands.js';

const DEFAULT_DEMO_CITIZENS = 2000;
const DEFAULT_SEED = 1;
/** Longest a graceful shutdown may take before the process exits anyway (systemd waits 90 s). */
const SHUTDOWN_SECONDS = 30;

interface OpenedStore {
  database: Database;
  close(): Promise<void>;
}

/**
 * Opens the configured store: PostgreSQL when DATABASE_URL is set, otherwise the embedded
 * PGlite data folder (locked, created atomically). Migrations run on every open; a demo
 * municipality is generated into an empty store when asked.
 */
/** Plans stored by an older shape of the code are rebuilt before the server serves them. */
async function upgradeReadModel(database: Database): Promise<void> {
  const rebuilt = await upgradePlanDocuments(database.db, (done) => {
    if (done % 5000 === 0) console.log(`Rebuilding stored plans for this version: ${done} so far…`);
  });
  if (rebuilt > 0) console.log(`Rebuilt ${rebuilt} stored plan(s) for this version.`);
}

async function openStore(
  config: Config,
  demo: { citizens: number; seed: number } | null,
): Promise<OpenedStore> {
  const seedDemo = async (database: Database): Promise<void> => {
    if (!demo) return;
    if (await anyMunicipality(database.db)) return;
    // The demo's dates follow the calendar, so follow-ups are due around today, not in the past.
    await runGenerator(database, config, { citizens: demo.citizens, seed: demo.seed, today: danishToday() });
  };
  if (config.databaseUrl) {
    const database = await openDatabase({ engine: 'postgresql', url: config.databaseUrl });
    await migrate(database);
    await database.exclusively(() => upgradeReadModel(database));
    // Two processes starting at once on an empty database must not both generate.
    await database.exclusively(() => seedDemo(database));
    return { database, close: () => database.close() };
  }
  console.log(
    `Embedded database (PGlite) in ${config.dataDir} — for production, use PostgreSQL (DATABASE_URL).`,
  );
  const prepare = async (database: Database): Promise<void> => {
    await migrate(database);
    await upgradeReadModel(database);
    await seedDemo(database);
  };
  const store = await openEmbeddedStore(config.dataDir, {
    initialise: async (database) => {
      console.log('First start: creating the database…');
      await prepare(database);
    },
    prepare,
  });
  if (store.report.staleLock) console.log('Took over a stale lock left by a process that is gone.');
  return store;
}

async function runGenerator(database: Database, config: Config, options: SynthOptions): Promise<void> {
  const vault = new CprVault(parseCprKeys(config.cprKeys, config.cprHmacKey));
  const bar = progressBar();
  const started = Date.now();
  const result = await generateMunicipality(database, vault, options, (progress) => bar.update(progress));
  bar.stop();
  console.log(
    `Synthetic municipality: ${result.citizens} citizens, ${result.interventions} interventions, ` +
      `${result.costEntries} cost entries, ${result.personas} personas in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  // The demo shows coordination flags from the start, as the nightly scan would have found them.
  const scanBar = progressBar();
  const scan = await recordedScan(database.db, result.municipalityId, 'demo', {
    today: options.today,
    onProgress: (progress) => scanBar.update(progress),
  });
  scanBar.stop();
  console.log(`Coordination scan: ${scan?.created ?? 0} flags for ${scan?.citizens ?? 0} citizens.`);
}

function positiveInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError('must be a whole number of 1 or more');
  return number;
}

const program = new Command('samspil').description('One coherent plan per citizen across all sectors.');

program
  .command('serve')
  .description('Start the web app and API')
  .option('--demo', 'demo mode: persona login and a synthetic municipality on first start')
  .option('--citizens <n>', 'size of the demo municipality', positiveInt)
  .option('--port <port>', 'port to listen on (PORT)', positiveInt)
  .action(async (options: { demo?: boolean; citizens?: number; port?: number }) => {
    const config = loadConfig(process.env, {
      ...(options.demo ? { demo: true } : {}),
      ...(options.port
        ? {
            port: options.port,
            publicUrl: process.env.SAMSPIL_PUBLIC_URL ?? `http://localhost:${options.port}`,
          }
        : {}),
    });
    if (config.demo && !isLoopbackUrl(config.publicUrl)) {
      throw new Error(
        `Demo mode (persona login without a password) is only for a local machine, not ${config.publicUrl}.`,
      );
    }
    const citizens = options.citizens ?? Number(process.env.SAMSPIL_DEMO_CITIZENS ?? DEFAULT_DEMO_CITIZENS);
    const store = await openStore(config, config.demo ? { citizens, seed: DEFAULT_SEED } : null);
    const { app } = await buildApp(config, store.database);
    const nightly = config.coordinationScanAt
      ? startNightlyScan(store.database.db, { at: config.coordinationScanAt, log: app.log })
      : null;
    const retention = startRetentionJob(store.database.db, { log: app.log });
    const anchoring =
      config.auditAnchorMinutes > 0
        ? startAuditAnchoring(store.database.db, {
            everyMinutes: config.auditAnchorMinutes,
            file: config.auditAnchorFile,
            log: app.log,
          })
        : null;
    // Stop accepting, let requests under way finish and their audit records commit, then the
    // jobs and the database; a shutdown that hangs ends the process anyway.
    const shutdown = async (signal: string): Promise<void> => {
      console.log(`${signal}: stopping (finishing requests under way)…`);
      setTimeout(() => {
        console.error(`Shutdown took over ${SHUTDOWN_SECONDS} s; exiting anyway.`);
        process.exit(1);
      }, SHUTDOWN_SECONDS * 1000).unref();
      await app.close();
      await nightly?.stop();
      await retention.stop();
      await anchoring?.stop();
      await store.close();
      console.log('Stopped.');
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen({ port: config.port, host: config.host });
    console.log(
      `Samspil is ready at ${config.publicUrl}${config.demo ? ' (demo mode: log in as a persona)' : ''}`,
    );
  });

program
  .command('migrate')
  .description('Apply database migrations')
  .action(async () => {
    const config = loadConfig(process.env, { demo: !process.env.DATABASE_URL });
    const database = config.databaseUrl
      ? await openDatabase({ engine: 'postgresql', url: config.databaseUrl })
      : null;
    if (database) {
      const result = await migrate(database);
      console.log(
        `${describeUrl(config.databaseUrl ?? '')}: applied ${result.applied.length} migration(s); schema version ${result.current}.`,
      );
      await database.close();
      return;
    }
    const store = await openEmbeddedStore(config.dataDir, {
      initialise: async (database) => {
        await migrate(database);
      },
    });
    const result = await migrate(store.database);
    console.log(
      `${config.dataDir}: applied ${result.applied.length} migration(s); schema version ${result.current}.`,
    );
    await store.close();
  });

program
  .command('demo')
  .description('Generate a deterministic synthetic municipality')
  .option('--citizens <n>', 'number of citizens', positiveInt, DEFAULT_DEMO_CITIZENS)
  .option('--seed <n>', 'random seed (same seed, same municipality)', positiveInt, DEFAULT_SEED)
  .option('--code <code>', 'municipality code (4 digits)', '0766')
  .option('--today <date>', 'the "today" of the data, YYYY-MM-DD (default: today in Denmark)')
  .action(async (options: { citizens: number; seed: number; code: string; today?: string }) => {
    const config = loadConfig(process.env, { demo: true });
    const store = await openStore(config, null);
    try {
      await runGenerator(store.database, config, {
        citizens: options.citizens,
        seed: options.seed,
        municipalityCode: options.code,
        today: options.today ?? danishToday(),
      });
    } finally {
      await store.close();
    }
  });

const audit = program
  .command('audit')
  .description('The audit trail: verify its hash chain, purge by retention');

audit
  .command('verify')
  .description('Check every municipality’s audit hash chain; exits 1 when a record was changed or removed')
  .option('--anchors <file>', 'also check anchors kept outside the database (JSON lines, see `audit anchor`)')
  .action(async (options: { anchors?: string }) => {
    const config = loadConfig(process.env, { demo: !process.env.DATABASE_URL });
    const anchors = options.anchors ? parseAnchorLines(await readFile(options.anchors, 'utf8')) : [];
    const store = await openStore(config, null);
    try {
      const result = await verifyAuditChain(store.database.db);
      result.problems.push(...(await checkAuditAnchors(store.database.db, anchors)));
      if (options.anchors) console.log(`${anchors.length} anchor(s) checked from ${options.anchors}.`);
      for (const problem of result.problems) {
        console.log(
          `municipality ${problem.municipalityId}${problem.lane ? `, lane ${problem.lane}` : ''}: record ${problem.seq ?? '?'}${problem.id ? ` (${problem.id})` : ''} ${problem.problem}`,
        );
      }
      console.log(
        `${result.records} audit record(s) in ${result.municipalities} chain(s): ${result.problems.length === 0 ? 'intact' : `${result.problems.length} problem(s)`}.`,
      );
      if (result.problems.length > 0) process.exitCode = 1;
    } finally {
      await store.close();
    }
  });

audit
  .command('anchor')
  .description('Print (or append to a file) the head of every audit chain, to keep outside the database')
  .option('--file <file>', 'append the anchors to this JSON-lines file instead of printing them')
  .action(async (options: { file?: string }) => {
    const config = loadConfig(process.env, { demo: !process.env.DATABASE_URL });
    const store = await openStore(config, null);
    try {
      const lines = (await takeAuditAnchors(store.database.db)).map(
        (anchor) => `${JSON.stringify(anchor)}\n`,
      );
      if (options.file) {
        await appendFile(options.file, lines.join(''));
        console.log(`${lines.length} anchor(s) appended to ${options.file}.`);
      } else process.stdout.write(lines.join(''));
    } finally {
      await store.close();
    }
  });

audit
  .command('purge')
  .description(
    'Remove audit records older than the retention period (SAMSPIL_AUDIT_RETENTION_YEARS, default 5), keeping the chain verifiable',
  )
  .option('--years <n>', 'retention in years (overrides the configuration)', positiveInt)
  .action(async (options: { years?: number }) => {
    const config = loadConfig(process.env, { demo: !process.env.DATABASE_URL });
    const store = await openStore(config, null);
    try {
      const result = await purgeAuditTrail(store.database.db, options.years ?? config.auditRetentionYears);
      console.log(
        `Removed ${result.purged} audit record(s) from before ${result.cutoff.toISOString()}; ${result.checkpoints} checkpoint(s) recorded.`,
      );
    } finally {
      await store.close();
    }
  });

program
  .command('retention')
  .description(
    "Delete the data of citizens whose case has been closed for the municipality's retention period (the server does it hourly)",
  )
  .option('--dry-run', 'count the cases due for deletion, delete nothing')
  .action(async (options: { dryRun?: boolean }) => {
    const config = loadConfig(process.env, { demo: !process.env.DATABASE_URL });
    const store = await openStore(config, null);
    try {
      const bar = progressBar();
      const result = await runRetention(store.database.db, {
        today: danishToday(),
        dryRun: options.dryRun ?? false,
        onProgress: (progress) =>
          bar.update({
            phase: `${progress.municipality} deleting`,
            done: progress.done,
            total: progress.due,
          }),
      });
      bar.stop();
      if (result.municipalities === 0)
        console.log('No municipality has set a retention period: nothing is deleted.');
      console.log(
        options.dryRun
          ? `${result.due} of ${result.checked} case(s) are due for deletion (dry run: nothing deleted).`
          : `Deleted the data of ${result.deleted} of ${result.due} citizen(s) due, of ${result.checked} checked.`,
      );
    } finally {
      await store.close();
    }
  });

const coordination = program
  .command('coordination')
  .description('Coordination across silos: duplicates, collisions, contradictions, gaps, stalls');

coordination
  .command('scan')
  .description('Re-check every citizen of one or all municipalities (idempotent; run it nightly)')
  .option('--municipality <code>', 'only this municipality (4-digit code)')
  .action(async (options: { municipality?: string }) => {
    const config = loadConfig(process.env, { demo: !process.env.DATABASE_URL });
    const store = await openStore(config, null);
    try {
      const municipalities = await municipalitiesByCode(store.database.db, options.municipality);
      if (municipalities.length === 0) {
        throw new Error(
          options.municipality ? `No municipality with code ${options.municipality}` : 'No municipality',
        );
      }
      for (const municipality of municipalities) {
        console.log(`${municipality.code} ${municipality.name}`);
        const bar = progressBar();
        const result = await recordedScan(store.database.db, municipality.id, 'manual', {
          onProgress: (progress) => bar.update(progress),
        });
        bar.stop();
        if (!result) throw new Error('The scan was not recorded');
        console.log(
          `  ${result.citizens} citizens, ${result.findings} findings: ${result.created} new flag(s), ` +
            `${result.reopened} reopened, ${result.resolved} resolved in ${(result.milliseconds / 1000).toFixed(1)} s.`,
        );
      }
    } finally {
      await store.close();
    }
  });

program
  .command('instruments')
  .description('Questionnaire instruments')
  .command('load <file>')
  .description('Load a licensed instrument (JSON definition) for a municipality that holds the licence')
  .requiredOption('--municipality <code>', 'the municipality (4-digit code)')
  .action(async (file: string, options: { municipality: string }) => {
    const text = await readFile(file, 'utf8').catch((error: unknown) => {
      throw new Error(`Cannot read ${file}: ${messageOf(error)}`);
    });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(`${file} is not JSON: ${messageOf(error)}`);
    }
    const config = loadConfig(process.env, { demo: !process.env.DATABASE_URL });
    const store = await openStore(config, null);
    try {
      const municipalityId = await municipalityIdByCode(store.database.db, options.municipality);
      if (!municipalityId) throw new Error(`No municipality with code ${options.municipality}`);
      const result = await loadInstrument(store.database.db, municipalityId, json, null);
      if (!result.loaded) throw new Error(`${file} was not loaded: ${result.problem.detail}`);
      console.log(`Loaded ${result.code} version ${result.version}.`);
    } finally {
      await store.close();
    }
  });

const jobs = program
  .command('jobs')
  .description('The background job queue (reminders): its size by state, and dead jobs')
  .option('--status <status>', 'list the jobs in this state (queued, running, done, dead)', 'dead')
  .option('--limit <n>', 'at most this many', '50')
  .action(async (options: { status: string; limit: string }) => {
    const config = loadConfig(process.env, { demo: !process.env.DATABASE_URL });
    const store = await openStore(config, null);
    try {
      await printJobs(store.database.db, options.status, Number(options.limit) || 50);
    } finally {
      await store.close();
    }
  });

jobs
  .command('retry <id>')
  .description('Queue a dead job again (after fixing what made it fail)')
  .action(async (id: string) => {
    const config = loadConfig(process.env, { demo: !process.env.DATABASE_URL });
    const store = await openStore(config, null);
    try {
      await retryJob(store.database.db, id);
    } finally {
      await store.close();
    }
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`samspil: ${messageOf(error)}`);
  process.exit(1);
});
