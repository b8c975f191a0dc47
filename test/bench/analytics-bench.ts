/**
 * The analytics budgets of `npm run bench` (issue 15), each as a ratio measured in the same run
 * on its own database (PGlite in memory) of BENCH_COST_ENTRIES cost entries (default 200,000;
 * the full sizes are 1 million on PGlite and 10 million on PostgreSQL):
 *   - every dashboard figure vs one bare full scan of cost_entry (budget ≤ 2×);
 *   - the CSV import (parse, validate, write, pre-aggregate, audit) vs a raw COPY of the same
 *     rows into the same table (budget: import rate ≥ 50 % of COPY's).
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { pgliteAsPool } from '../../src/db/pglite-pool.js';
import type { DB } from '../../src/db/schema.js';
import type { ProfessionalActor } from '../../src/domain/access/policy.js';
import {
  costByAreaAndBand,
  costConcentration,
  costTopGroups,
} from '../../src/server/analytics/analytics.commands.js';
import type { AppContext } from '../../src/server/context.js';
import { importCosts } from '../../src/server/costs/costs.commands.js';

type Line = (label: string, value: string) => void;

const ENTRIES = Number(process.env.BENCH_COST_ENTRIES ?? 200_000);
/** Two budget areas × 24 months. */
const ENTRIES_PER_CITIZEN = 48;
const IMPORT_LINES = Math.min(100_000, Math.max(1000, Math.round(ENTRIES / 4)));
const REPEATS = 5;
const YEAR = 2026;

/** An in-memory PGlite with raw access for COPY beside the usual Database. */
async function openBenchDatabase(): Promise<{ database: Database; pglite: PGlite }> {
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
  return { database, pglite };
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

export async function benchAnalytics(line: Line): Promise<void> {
  console.log(`\nAnalytics (${ENTRIES} cost entries, PGlite in memory)`);
  const { database, pglite } = await openBenchDatabase();
  await migrate(database);
  const { db } = database;
  const municipalityId = '01900000-0000-7000-8000-000000000015';
  await db.insertInto('municipality').values({ id: municipalityId, code: '0015', name: 'Bench' }).execute();
  const citizens = Math.max(100, Math.round(ENTRIES / ENTRIES_PER_CITIZEN));
  await sql`INSERT INTO citizen (municipality_id, id, cpr_encrypted, cpr_hmac, cpr_birth_part, given_name, family_name)
    SELECT ${municipalityId}::uuid, gen_random_uuid(), '\\x00'::bytea, uuid_send(gen_random_uuid()), '010190', 'B', 'B' || i
    FROM generate_series(1, ${citizens}) AS i`.execute(db);
  const loadStarted = performance.now();
  // Monthly entries as a finance system books them: each citizen in two budget areas (of the
  // sector that pays) for the 24 months of 2025–2026, with a heavy tail of yearly cost per citizen.
  await sql`INSERT INTO cost_entry (municipality_id, id, citizen_id, sector, budget_area, period_start, period_end, amount_ore)
    SELECT ${municipalityId}::uuid, gen_random_uuid(), c.id,
      (ARRAY['employment','social-adult','health-care','housing','social-adult'])[1 + (c.n + a) % 5],
      (ARRAY['Forsørgelse','Socialpsykiatri','Hjemmepleje','Boligsocialt arbejde','Botilbud'])[1 + (c.n + a) % 5],
      make_date(2025 + m / 12, 1 + m % 12, 1), make_date(2025 + m / 12, 1 + m % 12, 28),
      floor(c.weight * (0.5 + random()))::bigint
    FROM (SELECT id, row_number() OVER () AS n, 1000 * exp(random() * 9) AS weight FROM citizen) AS c,
      generate_series(0, 1) AS a, generate_series(0, 23) AS m`.execute(db);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  await sql`ANALYZE`.execute(db);
  const written = await sql<{ entries: number; aggregate: number }>`SELECT
    (SELECT count(*)::int FROM cost_entry) AS entries, (SELECT count(*)::int FROM cost_citizen_year) AS aggregate`.execute(
    db,
  );
  line(
    'cost entries written with the pre-aggregate trigger',
    `${written.rows[0]?.entries} (${citizens} citizens, ${written.rows[0]?.aggregate} aggregate rows) in ${loadSeconds.toFixed(1)} s`,
  );

  const scan = await median(() => sql`SELECT count(*), sum(amount_ore) FROM cost_entry`.execute(db));
  line('bare full scan of cost_entry (count, sum)', `${scan.toFixed(1)} ms`);
  const context = { database } as AppContext;
  const filter = { municipalityId, year: YEAR };
  const figures: [string, () => Promise<unknown>][] = [
    ['cost concentration (shares, Gini, Lorenz)', () => costConcentration(context, filter)],
    ['cost concentration, one sector', () => costConcentration(context, { ...filter, sector: 'employment' })],
    ['top groups (2+ sectors, interventions at once)', () => costTopGroups(context, filter)],
    ['cost table (budget area × band, suppressed)', () => costByAreaAndBand(context, filter)],
    // The age group is a semi-join with the citizens (citizen-groups.ts): it must stay in budget.
    [
      'cost concentration, one age group',
      () => costConcentration(context, { ...filter, ageGroup: 'from30to39' }),
    ],
  ];
  for (const [label, work] of figures) {
    const time = await median(work);
    const ratio = time / scan;
    line(
      `${label} / scan (budget ≤ 2×)`,
      `${ratio.toFixed(2)}× (${time.toFixed(1)} ms) ${ratio <= 2 ? 'OK' : 'OVER BUDGET'}`,
    );
  }

  // Import vs COPY: the same rows, the same table (with its trigger), one after the other.
  const ids = (await db.selectFrom('citizen').select('id').limit(IMPORT_LINES).execute()).map(
    (row) => row.id,
  );
  const rows = Array.from({ length: IMPORT_LINES }, (_, index) => ({
    citizen: ids[index % ids.length] as string,
    month: 1 + (index % 12),
    amount: 10_000 + index,
  }));
  const csv = [
    'citizen_id;sector;budget_area;month;amount_ore',
    ...rows.map(
      (row) =>
        `${row.citizen};employment;Forsørgelse;${YEAR}-${String(row.month).padStart(2, '0')};${row.amount}`,
    ),
  ].join('\n');
  const actor: ProfessionalActor = {
    kind: 'professional',
    municipalityId,
    id: '01900000-0000-7000-8000-0000000000ad',
    role: 'administrator',
    unitId: '01900000-0000-7000-8000-0000000000ae',
    name: 'Bench',
  };
  const copyText = rows
    .map((row) => {
      const month = String(row.month).padStart(2, '0');
      return `${municipalityId},${crypto.randomUUID()},${row.citizen},employment,Forsørgelse,${YEAR}-${month}-01,${YEAR}-${month}-28,${row.amount}`;
    })
    .join('\n');
  const copyStarted = performance.now();
  await pglite.query(
    `COPY cost_entry (municipality_id, id, citizen_id, sector, budget_area, period_start, period_end, amount_ore) FROM '/dev/blob' WITH (FORMAT csv)`,
    [],
    { blob: new Blob([copyText]) },
  );
  const copySeconds = (performance.now() - copyStarted) / 1000;
  const importStarted = performance.now();
  const result = await importCosts(context, actor, csv, 'bench.csv', { clientIp: null, visit: null });
  const importSeconds = (performance.now() - importStarted) / 1000;
  if (result.lines !== IMPORT_LINES || result.alreadyImported) throw new Error('bench import did not import');
  const ratio = copySeconds / importSeconds;
  line('raw COPY of the same rows', `${(IMPORT_LINES / copySeconds).toFixed(0)} rows/s`);
  line(
    'CSV import (parse, validate, write, pre-aggregate, audit)',
    `${(IMPORT_LINES / importSeconds).toFixed(0)} rows/s`,
  );
  line('import / COPY rate (budget ≥ 0.50)', `${ratio.toFixed(2)} ${ratio >= 0.5 ? 'OK' : 'BELOW BUDGET'}`);
  await database.close();
}
