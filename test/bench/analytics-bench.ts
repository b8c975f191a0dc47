/**
 * The analytics budgets of `npm run bench` (issue 15), on each engine, each as a ratio measured
 * in the same run on its own database of cost entries (no synthetic municipality needed):
 *   - every dashboard figure that reads costs (as its route answers it, analytics.figures.ts)
 *     vs one bare full scan of cost_entry (budget ≤ 2×);
 *   - the CSV import (parse, validate, write, pre-aggregate, audit: the real importCosts) vs a
 *     raw COPY of the same rows into the same table (budget: import rate ≥ 50 % of COPY's).
 *
 * Sizes are the issue's: 10,000,000 cost entries on PostgreSQL (a throwaway database on
 * BENCH_DATABASE_URL, created and dropped by the run), 1,000,000 on PGlite (in memory).
 * BENCH_COST_SCALE (default 1) multiplies both, e.g. 0.1 for a quick run.
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { progressBar } from '../../src/cli/progress.js';
import { type Database, describeUrl, openDatabase } from '../../src/db/database.js';
import { newIds } from '../../src/db/ids.js';
import { migrate } from '../../src/db/migrate.js';
import { pgliteAsPool } from '../../src/db/pglite-pool.js';
import type { DB } from '../../src/db/schema.js';
import type { ProfessionalActor } from '../../src/domain/access/policy.js';
import { FIGURES } from '../../src/server/analytics/analytics.figures.js';
import type { AppContext } from '../../src/server/context.js';
import { importCosts } from '../../src/server/costs/costs.commands.js';
import { copyFrom } from './postgres-copy.js';

type Line = (label: string, value: string) => void;
type Engine = 'pglite' | 'postgresql';

const SCALE = Number(process.env.BENCH_COST_SCALE ?? 1);
const ENTRIES: Record<Engine, number> = {
  postgresql: Math.round(10_000_000 * SCALE),
  pglite: Math.round(1_000_000 * SCALE),
};
/** Two budget areas × 24 months. */
const ENTRIES_PER_CITIZEN = 48;
/** Citizens per INSERT while filling: a progress step each, and transition tables of a bounded size. */
const FILL_CITIZENS = 10_000;
const REPEATS = 5;
const YEAR = 2026;
const COST_COLUMNS =
  'municipality_id, id, citizen_id, sector, budget_area, period_start, period_end, amount_ore';

/** One engine's bench database, with a raw COPY beside the usual Database. */
interface BenchDatabase {
  database: Database;
  describe: string;
  /** COPY of CSV rows (COST_COLUMNS) into cost_entry. */
  copy(csv: string): Promise<void>;
  close(): Promise<void>;
}

/** What one engine measured, for the summary. */
export interface AnalyticsFigures {
  engine: Engine;
  entries: number;
  scanMs: number;
  /** The largest figure / scan ratio, and its figure. */
  worst: { label: string; ratio: number };
  importRatio: number;
}

/** An in-memory PGlite with raw access for COPY. */
async function openPglite(): Promise<BenchDatabase> {
  const pglite = await PGlite.create(undefined, {
    parsers: { 1082: (value: string) => value, 20: (value: string) => Number(value) },
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pgliteAsPool(pglite) }) });
  const database: Database = {
    db,
    engine: 'pglite',
    exec: async (text) => {
      await pglite.exec(text);
    },
    exclusively: (work) => work(),
    listen: async () => ({ caughtUp: async () => undefined, stop: async () => undefined }),
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
  return {
    database,
    describe: 'PGlite in memory',
    copy: async (csv) => {
      await pglite.query(`COPY cost_entry (${COST_COLUMNS}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    close: () => database.close(),
  };
}

/**
 * A throwaway database on the PostgreSQL server, dropped by close(). Null when the server
 * cannot be reached outside CI (said so); under CI=true that is a failure.
 */
async function openPostgres(serverUrl: string): Promise<BenchDatabase | null> {
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch (error) {
    const message = `PostgreSQL at ${describeUrl(serverUrl)} cannot be reached (${(error as Error).message})`;
    if (process.env.CI === 'true')
      throw new Error(`${message}; under CI the bench needs it (BENCH_DATABASE_URL).`);
    console.log(`  ${message}: analytics on PGlite only. Set BENCH_DATABASE_URL to include it.\n`);
    return null;
  }
  const name = `samspil_bench_costs_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = async (): Promise<void> => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
  try {
    const database = await openDatabase({ engine: 'postgresql', url: url.toString() });
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    return {
      database,
      describe: `PostgreSQL (${describeUrl(serverUrl)}, throwaway database)`,
      copy: (csv) => copyFrom(client, `COPY cost_entry (${COST_COLUMNS}) FROM STDIN WITH (FORMAT csv)`, csv),
      close: async () => {
        await client.end();
        await database.close();
        await drop();
      },
    };
  } catch (error) {
    await drop();
    throw error;
  }
}

async function median(work: () => Promise<unknown>): Promise<number> {
  await work(); // warm: plans prepared, pages in memory
  const times: number[] = [];
  for (let run = 0; run < REPEATS; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** A UUID made from a number: ids in insertion order, so the indexes are appended to. */
const numberedId = (prefix: string, n: ReturnType<typeof sql>) =>
  sql`(${prefix} || lpad(to_hex(${n}), 12, '0'))::uuid`;

/**
 * Fills cost_entry in SQL (generate_series), FILL_CITIZENS citizens per statement, with the
 * pre-aggregate triggers on as in production. Monthly entries as a finance system books them:
 * each citizen in two budget areas (of the sector that pays) for the 24 months of 2025–2026,
 * with a heavy tail of yearly cost per citizen; birth years 1940–1999.
 */
export async function fill(database: Database, municipalityId: string, entries: number): Promise<number> {
  const { db } = database;
  const citizens = Math.max(100, Math.round(entries / ENTRIES_PER_CITIZEN));
  const citizenId = numberedId('01900000-0000-7000-8000-', sql`n`);
  await sql`INSERT INTO citizen (municipality_id, id, cpr_encrypted, cpr_hmac, cpr_birth_part, given_name, family_name)
    SELECT ${municipalityId}::uuid, ${citizenId}, '\\x00'::bytea, uuid_send(${citizenId}),
      '0101' || lpad((40 + n % 60)::text, 2, '0'), 'B', 'B' || n
    FROM generate_series(1, ${citizens}) AS n`.execute(db);
  const bar = progressBar();
  for (let first = 1; first <= citizens; first += FILL_CITIZENS) {
    const last = Math.min(citizens, first + FILL_CITIZENS - 1);
    bar.update({
      phase: 'cost entries',
      done: (first - 1) * ENTRIES_PER_CITIZEN,
      total: citizens * ENTRIES_PER_CITIZEN,
    });
    await sql`INSERT INTO cost_entry (municipality_id, id, citizen_id, sector, budget_area, period_start, period_end, amount_ore)
      SELECT ${municipalityId}::uuid, ${numberedId('01900000-0000-7000-9000-', sql`c.n * 48 + a * 24 + m`)},
        ${numberedId('01900000-0000-7000-8000-', sql`c.n`)},
        (ARRAY['employment','social-adult','health-care','housing','social-adult'])[1 + (c.n + a) % 5],
        (ARRAY['Forsørgelse','Socialpsykiatri','Hjemmepleje','Boligsocialt arbejde','Botilbud'])[1 + (c.n + a) % 5],
        make_date(2025 + m / 12, 1 + m % 12, 1), make_date(2025 + m / 12, 1 + m % 12, 28),
        floor(c.weight * (0.5 + random()))::bigint
      FROM (SELECT n, 1000 * exp(random() * 9) AS weight FROM generate_series(${first}::int, ${last}::int) AS n
            OFFSET 0) AS c,
        generate_series(0, 1) AS a, generate_series(0, 23) AS m
      ORDER BY c.n, a, m`.execute(db);
  }
  bar.update({
    phase: 'cost entries',
    done: citizens * ENTRIES_PER_CITIZEN,
    total: citizens * ENTRIES_PER_CITIZEN,
  });
  bar.stop();
  return citizens;
}

/** The analytics section on one engine's database of `entries` cost entries. */
async function benchEngine(
  engine: Engine,
  bench: BenchDatabase,
  entries: number,
  line: Line,
): Promise<AnalyticsFigures> {
  console.log(`\nAnalytics on ${bench.describe}: ${entries} cost entries`);
  const { database } = bench;
  await migrate(database);
  const { db } = database;
  const municipalityId = '01900000-0000-7000-8000-000000000015';
  await db.insertInto('municipality').values({ id: municipalityId, code: '0015', name: 'Bench' }).execute();
  const loadStarted = performance.now();
  const citizens = await fill(database, municipalityId, entries);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  // As autovacuum would leave it (PGlite has none): statistics, visibility map, hint bits.
  await sql`VACUUM ANALYZE`.execute(db);
  const written = await sql<{ entries: number; aggregate: number }>`SELECT
    (SELECT count(*)::int FROM cost_entry) AS entries, (SELECT count(*)::int FROM cost_citizen_year) AS aggregate`.execute(
    db,
  );
  line(
    'cost entries written with the pre-aggregate triggers',
    `${written.rows[0]?.entries} (${citizens} citizens, ${written.rows[0]?.aggregate} aggregate rows) in ${loadSeconds.toFixed(1)} s`,
  );

  const scan = await median(() => sql`SELECT count(*), sum(amount_ore) FROM cost_entry`.execute(db));
  line('bare full scan of cost_entry (count, sum), median of 5', `${scan.toFixed(1)} ms`);
  const context = { database } as AppContext;
  const year = { year: YEAR };
  // Each figure as its GET /api/analytics/… route answers it (analytics.figures.ts), filters too.
  const figures: [string, () => Promise<unknown>][] = [
    [
      'cost-concentration?year= (shares, Gini, Lorenz)',
      () => FIGURES.costConcentration.compute(context, municipalityId, year),
    ],
    [
      'cost-concentration, one sector',
      () => FIGURES.costConcentration.compute(context, municipalityId, { ...year, sector: 'employment' }),
    ],
    [
      'cost-concentration, one budget area',
      () => FIGURES.costConcentration.compute(context, municipalityId, { ...year, budgetArea: 'Botilbud' }),
    ],
    // The age group is a semi-join with the citizens (citizen-groups.ts): it must stay in budget.
    [
      'cost-concentration, one age group',
      () => FIGURES.costConcentration.compute(context, municipalityId, { ...year, ageGroup: 'from30to39' }),
    ],
    ['cost-concentration/top-groups', () => FIGURES.topGroups.compute(context, municipalityId, year)],
    ['cost-table (budget area × band)', () => FIGURES.costTable.compute(context, municipalityId, year)],
    [
      'cost-table, one age group',
      () => FIGURES.costTable.compute(context, municipalityId, { ...year, ageGroup: 'from30to39' }),
    ],
    ['cost-by-month (budget area × month)', () => FIGURES.costByMonth.compute(context, municipalityId, year)],
    [
      'cost-by-month, one sector',
      () => FIGURES.costByMonth.compute(context, municipalityId, { ...year, sector: 'social-adult' }),
    ],
  ];
  let worst = { label: '', ratio: 0 };
  line('each figure as its route answers it, median of 5', 'time / scan (budget ≤ 2×)');
  for (const [label, work] of figures) {
    const time = await median(work);
    const ratio = time / scan;
    if (ratio > worst.ratio) worst = { label, ratio };
    line(`  ${label}`, `${ratio.toFixed(2)}× (${time.toFixed(1)} ms) ${ratio <= 2 ? 'OK' : 'OVER BUDGET'}`);
  }
  const importRatio = await benchImport(bench, municipalityId, citizens, entries, line);
  return { engine, entries, scanMs: scan, worst, importRatio };
}

/** Import vs COPY: the same rows, the same table (with its triggers), one after the other. */
async function benchImport(
  bench: BenchDatabase,
  municipalityId: string,
  citizens: number,
  entries: number,
  line: Line,
): Promise<number> {
  const importLines = Math.min(100_000, Math.max(1000, Math.round(entries / 10)));
  const citizenOf = (index: number) =>
    `01900000-0000-7000-8000-${(1 + (index % citizens)).toString(16).padStart(12, '0')}`;
  const rows = Array.from({ length: importLines }, (_, index) => ({
    citizen: citizenOf(index),
    month: String(1 + (index % 12)).padStart(2, '0'),
    amount: 10_000 + index,
  }));
  const csv = [
    'citizen_id;sector;budget_area;month;amount_ore',
    ...rows.map((row) => `${row.citizen};employment;Forsørgelse;${YEAR}-${row.month};${row.amount}`),
  ].join('\n');
  // Ids as the import makes them (UUID v7, in order): the COPY gets the same index locality.
  const ids = newIds(importLines);
  const copyText = rows
    .map(
      (row, index) =>
        `${municipalityId},${ids[index]},${row.citizen},employment,Forsørgelse,${YEAR}-${row.month}-01,${YEAR}-${row.month}-28,${row.amount}`,
    )
    .join('\n');
  const actor: ProfessionalActor = {
    kind: 'professional',
    municipalityId,
    id: '01900000-0000-7000-8000-0000000000ad',
    role: 'administrator',
    unitId: '01900000-0000-7000-8000-0000000000ae',
    name: 'Bench',
  };
  const context = { database: bench.database } as AppContext;
  const copyStarted = performance.now();
  await bench.copy(copyText);
  const copySeconds = (performance.now() - copyStarted) / 1000;
  const importStarted = performance.now();
  const result = await importCosts(context, actor, csv, 'bench.csv', { clientIp: null, visit: null });
  const importSeconds = (performance.now() - importStarted) / 1000;
  if (result.lines !== importLines || result.alreadyImported) throw new Error('bench import did not import');
  const ratio = copySeconds / importSeconds;
  line(`raw COPY of ${importLines} rows`, `${(importLines / copySeconds).toFixed(0)} rows/s`);
  line(
    'CSV import (parse, validate, write, pre-aggregate, audit)',
    `${(importLines / importSeconds).toFixed(0)} rows/s`,
  );
  line('import / COPY rate (≥ 0.50)', `${ratio.toFixed(2)} ${ratio >= 0.5 ? 'OK' : 'BELOW BUDGET'}`);
  return ratio;
}

/** The analytics section on each engine asked for, then a summary of both. */
export async function benchAnalytics(
  line: Line,
  engines: readonly string[],
  postgresUrl: string,
): Promise<AnalyticsFigures[]> {
  const results: AnalyticsFigures[] = [];
  for (const engine of engines) {
    if (engine !== 'pglite' && engine !== 'postgresql')
      throw new Error(`unknown engine in BENCH_ENGINES: ${engine}`);
    const bench = engine === 'pglite' ? await openPglite() : await openPostgres(postgresUrl);
    if (!bench) continue;
    try {
      results.push(await benchEngine(engine, bench, ENTRIES[engine], line));
    } finally {
      await bench.close();
    }
  }
  if (results.length > 0) {
    console.log('\nAnalytics, each engine against its own scan and COPY of the same run');
    line('engine (cost entries)', 'slowest figure / scan (≤ 2×) · import / COPY (≥ 0.5)');
    for (const item of results) {
      line(
        `  ${item.engine} (${item.entries})`,
        `${item.worst.ratio.toFixed(2)}× ${item.worst.ratio <= 2 ? 'OK' : 'OVER BUDGET'} (${item.worst.label}) · ${item.importRatio.toFixed(2)} ${item.importRatio >= 0.5 ? 'OK' : 'BELOW BUDGET'}`,
      );
    }
  }
  return results;
}
