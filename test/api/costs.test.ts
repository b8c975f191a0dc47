import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { insertCostEntries } from '../../src/db/queries/cost.queries.js';
import { concentration } from '../../src/domain/analytics/concentration.js';
import { costByMonth, costTable } from '../../src/domain/analytics/cost-table.js';
import { BUDGET_AREAS } from '../../src/domain/organisation/budget-areas.js';
import { FIGURES } from '../../src/server/analytics/analytics.figures.js';
import {
  presentConcentration,
  presentCostByMonth,
  presentCostTable,
} from '../../src/server/analytics/analytics.presenter.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let municipalityId: string;
let administrator: string;
let leader: string;
let caseworker: string;
const citizens: string[] = [];

const HEADER = 'citizen_id;sector;budget_area;month;amount_ore';

function importFile(cookie: string, body: string) {
  return t.request(cookie, {
    method: 'POST',
    url: '/api/costs/imports?fileName=okonomi.csv',
    headers: { 'content-type': 'text/csv' },
    payload: body,
  });
}

async function entryCount(): Promise<number> {
  const row = await t.context.database.db
    .selectFrom('cost_entry')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The month sums of a direct scan, as `{m1,…,m12}` like the pre-aggregate's month_amounts. */
const SCAN_MONTHS = sql.raw(
  `ARRAY[${Array.from(
    { length: 12 },
    (_, index) =>
      `coalesce(sum(amount_ore) FILTER (WHERE extract(month FROM period_start) = ${index + 1}), 0)`,
  ).join(', ')}]::bigint[]`,
);

/** The pre-aggregate (with its months) and a direct scan of cost_entry, as comparable rows. */
async function aggregateAndScan() {
  const { db } = t.context.database;
  const aggregate = await sql<{ key: string }>`
    SELECT concat_ws('|', year, citizen_id, sector, budget_area, amount_ore, entries, month_amounts) AS key
    FROM cost_citizen_year WHERE municipality_id = ${municipalityId} ORDER BY 1`.execute(db);
  const scan = await sql<{ key: string }>`
    SELECT concat_ws('|', extract(year FROM period_start)::int, citizen_id, sector, budget_area,
                     sum(amount_ore), count(*), ${SCAN_MONTHS}) AS key
    FROM cost_entry WHERE municipality_id = ${municipalityId}
    GROUP BY extract(year FROM period_start), citizen_id, sector, budget_area ORDER BY 1`.execute(db);
  return { aggregate: aggregate.rows.map((row) => row.key), scan: scan.rows.map((row) => row.key) };
}

/** The stored entries' count and sum: what an import that must add nothing must leave alone. */
async function entryTotals() {
  const row = await sql<{ n: number; amount: string | null }>`
    SELECT count(*)::int AS n, sum(amount_ore)::text AS amount FROM cost_entry
    WHERE municipality_id = ${municipalityId}`.execute(t.context.database.db);
  return row.rows[0];
}

/**
 * The cost figures as a direct computation over cost_entry makes them (no pre-aggregate): the
 * rows the figures were made from before the pre-aggregate had months, given to the domain's
 * reference functions and presented as the routes present them.
 */
async function directFigures(year: number, sector?: string) {
  const { db } = t.context.database;
  const where = sql`municipality_id = ${municipalityId} AND extract(year FROM period_start) = ${year}
    ${sector === undefined ? sql`` : sql`AND sector = ${sector}`}`;
  const perCitizen = await sql<{ amount: number }>`
    SELECT sum(amount_ore)::float8 AS amount FROM cost_entry WHERE ${where}
    GROUP BY citizen_id HAVING sum(amount_ore) > 0`.execute(db);
  const ranked = await sql<{ rank: number; area: string; amount: number }>`
    WITH per_area AS (
      SELECT citizen_id, budget_area, sum(amount_ore)::float8 AS amount FROM cost_entry WHERE ${where}
      GROUP BY citizen_id, budget_area
    ), ranked AS (
      SELECT citizen_id, row_number() OVER (ORDER BY sum(amount) DESC, citizen_id)::int AS rank
      FROM per_area GROUP BY citizen_id HAVING sum(amount) > 0
    )
    SELECT r.rank, a.budget_area AS area, a.amount FROM per_area a JOIN ranked r USING (citizen_id)
    WHERE a.amount > 0`.execute(db);
  const monthly = await sql<{ citizen: number; area: string; month: number; amount: number }>`
    SELECT citizen, area, month, amount FROM (
      SELECT dense_rank() OVER (ORDER BY citizen_id)::int AS citizen, budget_area AS area,
        extract(month FROM period_start)::int AS month, sum(amount_ore)::float8 AS amount
      FROM cost_entry WHERE ${where} GROUP BY citizen_id, budget_area, extract(month FROM period_start)
    ) AS m WHERE amount > 0`.execute(db);
  const areasOf = (rows: { area: string }[]) =>
    BUDGET_AREAS.filter((area) => rows.some((row) => row.area === area));
  const n = ranked.rows.reduce((most, row) => Math.max(most, row.rank), 0);
  return {
    concentration: presentConcentration(concentration(perCitizen.rows.map((row) => row.amount))),
    costTable: presentCostTable(year, costTable(ranked.rows, n, areasOf(ranked.rows))),
    costByMonth: presentCostByMonth(year, costByMonth(monthly.rows, areasOf(monthly.rows))),
  };
}

/** The same figures as the routes compute them, from the pre-aggregate. */
async function routeFigures(year: number, sector?: string) {
  const query = { year, ...(sector === undefined ? {} : { sector: sector as 'employment' }) };
  return {
    concentration: await FIGURES.costConcentration.compute(t.context, municipalityId, query),
    costTable: await FIGURES.costTable.compute(t.context, municipalityId, query),
    costByMonth: await FIGURES.costByMonth.compute(t.context, municipalityId, query),
  };
}

beforeAll(async () => {
  t = await startTestApp();
  municipalityId = (await t.factories.municipality()).id;
  const unit = await t.factories.unit(municipalityId);
  const admin = await t.factories.professional(municipalityId, unit.id, { role: 'administrator' });
  const lead = await t.factories.professional(municipalityId, unit.id, { role: 'team_leader' });
  const worker = await t.factories.professional(municipalityId, unit.id);
  administrator = await t.login({ municipalityId, kind: 'professional', id: admin.id });
  leader = await t.login({ municipalityId, kind: 'professional', id: lead.id });
  caseworker = await t.login({ municipalityId, kind: 'professional', id: worker.id });
  // Enough citizens that some cells of the figures are shown (five or more citizens each).
  for (let index = 0; index < 24; index++) citizens.push((await t.factories.citizen(municipalityId)).id);
});

afterAll(async () => {
  await t?.dispose();
});

describe('POST /api/costs/imports', () => {
  it('imports a good file once: the same file again adds nothing', async () => {
    const file = [
      HEADER,
      ...citizens
        .slice(0, 6)
        .map((id, index) => `${id};employment;Forsørgelse;2025-03;${(index + 1) * 100_000}`),
    ].join('\n');
    const before = await entryCount();
    const first = await importFile(administrator, file);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ lines: 6, amountOre: 2_100_000, alreadyImported: false });
    expect(await entryCount()).toBe(before + 6);
    // The same file from another system: other line endings and a byte-order mark.
    const again = await importFile(administrator, `\uFEFF${file.replaceAll('\n', '\r\n')}\r\n`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ...first.json(), alreadyImported: true });
    expect(await entryCount()).toBe(before + 6);
    const { aggregate, scan } = await aggregateAndScan();
    expect(aggregate).toEqual(scan);
  });

  it('stores nothing when a line is wrong, and names every wrong line and column', async () => {
    const stranger = newId();
    const file = [
      HEADER,
      `${citizens[0]};employment;Forsørgelse;2025-04;100`,
      `${citizens[1]};employment;Forsørgelse;2025-4;100`,
      `${stranger};employment;Forsørgelse;2025-04;100`,
      `${citizens[2]};employment;Forsørgelse;2025-04;1.5`,
    ].join('\n');
    const before = await entryCount();
    const response = await importFile(administrator, file);
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.errors.map((error: { field: string }) => error.field)).toEqual([
      'line 3: month',
      'line 5: amount_ore',
    ]);
    expect(problem.lines[0]).toEqual({ line: 3, column: 'month', message: 'must be a month as YYYY-MM' });
    expect(await entryCount()).toBe(before);
    // Format right, but a citizen who is not the municipality's: still nothing stored.
    const unknown = await importFile(
      administrator,
      `${HEADER}\n${citizens[0]};employment;Forsørgelse;2025-04;100\n${stranger};employment;Forsørgelse;2025-04;100`,
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([
      { field: 'line 3: citizen_id', message: 'is not a citizen of this municipality' },
    ]);
    expect(await entryCount()).toBe(before);
  });

  it('is for the administrator only, and takes only text/csv', async () => {
    const file = `${HEADER}\n${citizens[0]};employment;Forsørgelse;2025-05;100`;
    for (const cookie of [leader, caseworker]) expect((await importFile(cookie, file)).statusCode).toBe(403);
    const json = await t.request(administrator, {
      method: 'POST',
      url: '/api/costs/imports',
      payload: { file },
    });
    expect(json.statusCode).toBe(415);
  });

  it('keeps the pre-aggregate and every cost figure equal to a direct computation under random inserts, imports, updates and deletes', async () => {
    const { db } = t.context.database;
    const entry = fc.record({
      citizen: fc.integer({ min: 0, max: citizens.length - 1 }),
      sector: fc.constantFrom('employment', 'social-adult', 'health-care'),
      budgetArea: fc.constantFrom('Forsørgelse', 'Botilbud', 'Sundhed'),
      year: fc.integer({ min: 2025, max: 2026 }),
      month: fc.integer({ min: 1, max: 12 }),
      amount: fc.integer({ min: 0, max: 5_000_000 }),
    });
    type Entry = typeof entry extends fc.Arbitrary<infer T> ? T : never;
    const entries = fc.array(entry, { minLength: 1, maxLength: 30 });
    // Written directly (not from a file), an entry may be negative: a correction, so sums of a
    // citizen, area or month can be 0 or less and must then count nowhere.
    const signed = fc.array(
      fc
        .record({ entry, credit: fc.integer({ min: 0, max: 3 }) })
        .map(({ entry, credit }) => (credit === 0 ? { ...entry, amount: -entry.amount } : entry)),
      { minLength: 1, maxLength: 30 },
    );
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), entries: signed }),
      fc.record({
        kind: fc.constant('import' as const),
        entries,
        // Where in the refused copy of the file its one bad line goes.
        badAt: fc.nat(),
        bad: fc.constantFrom('month', 'amount', 'citizen', 'sector'),
      }),
      fc.record({ kind: fc.constant('delete' as const), share: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('update' as const), amount: fc.integer({ min: 0, max: 100 }) }),
      fc.record({
        kind: fc.constant('move' as const),
        sector: fc.constantFrom('employment', 'housing'),
        months: fc.integer({ min: 1, max: 13 }),
      }),
    );
    /** The files imported so far (the store refuses them again, by hash). */
    const imported = new Set<string>();
    const day = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;
    const month = (e: { year: number; month: number }) => `${e.year}-${String(e.month).padStart(2, '0')}`;
    /** One wrong line of each kind: a bad month or amount, a stranger, an unknown sector. */
    const badLines: Record<string, (e: Entry) => string> = {
      month: (e) => `${citizens[e.citizen]};${e.sector};${e.budgetArea};${e.year}-${e.month}-1;${e.amount}`,
      amount: (e) => `${citizens[e.citizen]};${e.sector};${e.budgetArea};${month(e)};${e.amount}.5`,
      citizen: (e) => `${newId()};${e.sector};${e.budgetArea};${month(e)};${e.amount}`,
      sector: (e) => `${citizens[e.citizen]};space;${e.budgetArea};${month(e)};${e.amount}`,
    };
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 6 }), async (operations) => {
        for (const op of operations) {
          if (op.kind === 'insert') {
            await insertCostEntries(
              db,
              municipalityId,
              null,
              op.entries.map((e) => ({
                citizenId: citizens[e.citizen] as string,
                interventionId: null,
                sector: e.sector,
                budgetArea: e.budgetArea,
                periodStart: day(e.year, e.month),
                periodEnd: day(e.year, e.month),
                amountOre: e.amount,
              })),
            );
          } else if (op.kind === 'import') {
            const lines = op.entries.map(
              (e) => `${citizens[e.citizen]};${e.sector};${e.budgetArea};${month(e)};${e.amount}`,
            );
            const file = [HEADER, ...lines].join('\n');
            const before = await entryTotals();
            // The file with one bad line: refused, and nothing of it is stored.
            const refused = [...lines];
            refused.splice(
              op.badAt % (lines.length + 1),
              0,
              (badLines[op.bad] as (e: Entry) => string)(op.entries[0] as Entry),
            );
            const refusal = await importFile(administrator, [HEADER, ...refused].join('\n'));
            expect(refusal.statusCode, refusal.body).toBe(422);
            expect(await entryTotals()).toEqual(before);
            // A file generated before (in this run or an earlier one) counts once: not again.
            const first = await importFile(administrator, file);
            expect(first.statusCode, first.body).toBe(imported.has(file) ? 200 : 201);
            const added = await entryTotals();
            expect(added?.n).toBe((before?.n ?? 0) + (imported.has(file) ? 0 : op.entries.length));
            imported.add(file);
            // The same file again (as another system sends it): counted once.
            const again = await importFile(administrator, `\uFEFF${file.replaceAll('\n', '\r\n')}`);
            expect(again.statusCode).toBe(200);
            expect(again.json()).toEqual({ ...first.json(), alreadyImported: true });
            expect(await entryTotals()).toEqual(added);
          } else if (op.kind === 'delete') {
            await sql`DELETE FROM cost_entry WHERE municipality_id = ${municipalityId}
              AND get_byte(uuid_send(id), 15) % ${op.share + 1} = 0`.execute(db);
          } else if (op.kind === 'update') {
            await sql`UPDATE cost_entry SET amount_ore = amount_ore + ${op.amount}
              WHERE municipality_id = ${municipalityId} AND get_byte(uuid_send(id), 14) % 2 = 0`.execute(db);
          } else {
            // Another sector and another month (across a year boundary when it falls so).
            await sql`UPDATE cost_entry SET sector = ${op.sector},
                period_start = period_start - make_interval(months => ${op.months})
              WHERE municipality_id = ${municipalityId} AND get_byte(uuid_send(id), 13) % 3 = 0`.execute(db);
          }
        }
        const { aggregate, scan } = await aggregateAndScan();
        expect(aggregate).toEqual(scan);
        for (const year of [2024, 2025, 2026])
          for (const sector of [undefined, 'employment'])
            expect(await routeFigures(year, sector)).toEqual(await directFigures(year, sector));
      }),
      { numRuns: 25 },
    );
  });
});
