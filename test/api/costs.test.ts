import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { insertCostEntries } from '../../src/db/queries/cost.queries.js';
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

/** The pre-aggregate and a direct scan of cost_entry, as comparable rows. */
async function aggregateAndScan() {
  const { db } = t.context.database;
  const aggregate = await sql<{ key: string }>`
    SELECT concat_ws('|', year, citizen_id, sector, budget_area, amount_ore, entries) AS key
    FROM cost_citizen_year WHERE municipality_id = ${municipalityId} ORDER BY 1`.execute(db);
  const scan = await sql<{ key: string }>`
    SELECT concat_ws('|', extract(year FROM period_start)::int, citizen_id, sector, budget_area,
                     sum(amount_ore), count(*)) AS key
    FROM cost_entry WHERE municipality_id = ${municipalityId}
    GROUP BY extract(year FROM period_start), citizen_id, sector, budget_area ORDER BY 1`.execute(db);
  return { aggregate: aggregate.rows.map((row) => row.key), scan: scan.rows.map((row) => row.key) };
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
  for (let index = 0; index < 6; index++) citizens.push((await t.factories.citizen(municipalityId)).id);
});

afterAll(async () => {
  await t?.dispose();
});

describe('POST /api/costs/imports', () => {
  it('imports a good file once: the same file again adds nothing', async () => {
    const file = [
      HEADER,
      ...citizens.map((id, index) => `${id};employment;Forsørgelse;2025-03;${(index + 1) * 100_000}`),
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

  it('keeps the pre-aggregate equal to a direct scan under random inserts, updates, deletes and imports', async () => {
    const { db } = t.context.database;
    const entry = fc.record({
      citizen: fc.integer({ min: 0, max: citizens.length - 1 }),
      sector: fc.constantFrom('employment', 'social-adult', 'health-care'),
      budgetArea: fc.constantFrom('Forsørgelse', 'Botilbud', 'Sundhed'),
      year: fc.integer({ min: 2023, max: 2026 }),
      month: fc.integer({ min: 1, max: 12 }),
      amount: fc.integer({ min: 0, max: 5_000_000 }),
    });
    const operation = fc.oneof(
      fc.record({
        kind: fc.constant('insert' as const),
        entries: fc.array(entry, { minLength: 1, maxLength: 8 }),
      }),
      fc.record({
        kind: fc.constant('import' as const),
        entries: fc.array(entry, { minLength: 1, maxLength: 8 }),
      }),
      fc.record({ kind: fc.constant('delete' as const), share: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('update' as const), amount: fc.integer({ min: 0, max: 100 }) }),
      fc.record({ kind: fc.constant('move' as const), sector: fc.constantFrom('employment', 'housing') }),
    );
    const day = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 6 }), async (operations) => {
        for (const op of operations) {
          if (op.kind === 'insert') {
            await insertCostEntries(
              db,
              municipalityId,
              null,
              op.entries.map((e) => ({
                id: newId(),
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
              (e) =>
                `${citizens[e.citizen]};${e.sector};${e.budgetArea};${e.year}-${String(e.month).padStart(2, '0')};${e.amount}`,
            );
            const response = await importFile(administrator, [HEADER, ...lines, `# ${newId()}`].join('\n'));
            // The trailing comment line makes every file unique; it is itself an error line…
            expect(response.statusCode).toBe(422);
            const good = await importFile(administrator, [HEADER, ...lines].join('\n'));
            expect([200, 201]).toContain(good.statusCode);
          } else if (op.kind === 'delete') {
            await sql`DELETE FROM cost_entry WHERE municipality_id = ${municipalityId}
              AND get_byte(uuid_send(id), 15) % ${op.share + 1} = 0`.execute(db);
          } else if (op.kind === 'update') {
            await sql`UPDATE cost_entry SET amount_ore = amount_ore + ${op.amount}
              WHERE municipality_id = ${municipalityId} AND get_byte(uuid_send(id), 14) % 2 = 0`.execute(db);
          } else {
            await sql`UPDATE cost_entry SET sector = ${op.sector}, period_start = period_start - interval '1 year'
              WHERE municipality_id = ${municipalityId} AND get_byte(uuid_send(id), 13) % 3 = 0`.execute(db);
          }
        }
        const { aggregate, scan } = await aggregateAndScan();
        expect(aggregate).toEqual(scan);
      }),
      { numRuns: 25 },
    );
  });
});
