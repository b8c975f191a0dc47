import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMunicipality } from '../../src/synth/generate.js';
import { managementLogins } from '../support/management-logins.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The synthetic municipality at test size; its costs are calibrated to top 1 % ≈ 22 %, top 10 % ≈ 72 %. */
const CITIZENS = 600;
const YEAR = 2026;

let t: TestApp;
let municipalityId: string;
let leader: string;
let administrator: string;
let caseworker: string;
let citizen: string;

/** Each citizen's cost in the year, straight from cost_entry (not the pre-aggregate). */
async function directCosts(where = sql`true`): Promise<number[]> {
  const result = await sql<{ amount: number }>`
    SELECT sum(amount_ore)::float8 AS amount FROM cost_entry
    WHERE municipality_id = ${municipalityId} AND extract(year FROM period_start) = ${YEAR} AND ${where}
    GROUP BY citizen_id HAVING sum(amount_ore) > 0`.execute(t.context.database.db);
  return result.rows.map((row) => Number(row.amount));
}

/** Share of the most expensive fraction k, whole citizens plus the fraction of the boundary one. */
function topShare(values: number[], k: number): number {
  const descending = [...values].sort((a, b) => b - a);
  const total = values.reduce((a, b) => a + b, 0);
  let remaining = values.length * k;
  let carried = 0;
  for (const value of descending) {
    if (remaining <= 0) break;
    carried += value * Math.min(1, remaining);
    remaining -= 1;
  }
  return carried / total;
}

function giniByPairs(values: number[]): number {
  const total = values.reduce((a, b) => a + b, 0);
  let differences = 0;
  for (const a of values) for (const b of values) differences += Math.abs(a - b);
  return differences / (2 * values.length * total);
}

beforeAll(async () => {
  t = await startTestApp();
  const result = await generateMunicipality(t.context.database, t.context.vault, {
    citizens: CITIZENS,
    seed: 1,
  });
  municipalityId = result.municipalityId;
  ({ leader, administrator, caseworker, citizen } = await managementLogins(t, municipalityId));
}, 240_000);

afterAll(async () => {
  await t?.dispose();
});

describe('GET /api/analytics/cost-concentration', () => {
  it('gives the documented shape with figures equal to a direct computation over cost_entry', async () => {
    const response = await t.request(leader, {
      method: 'GET',
      url: `/api/analytics/cost-concentration?year=${YEAR}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['samspil-definition']).toBe('cost-concentration@1');
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['citizens', 'gini', 'lorenz', 'shares', 'total']);
    expect(Object.keys(body.shares).sort()).toEqual(['top1', 'top10', 'top20', 'top5']);

    const costs = await directCosts();
    expect(body.citizens).toBe(costs.length);
    expect(body.total).toBe(costs.reduce((a, b) => a + b, 0));
    expect(body.shares.top1).toBeCloseTo(topShare(costs, 0.01), 5);
    expect(body.shares.top5).toBeCloseTo(topShare(costs, 0.05), 5);
    expect(body.shares.top10).toBeCloseTo(topShare(costs, 0.1), 5);
    expect(body.shares.top20).toBeCloseTo(topShare(costs, 0.2), 5);
    expect(body.gini).toBeCloseTo(giniByPairs(costs), 5);
    // The synthetic municipality is calibrated to the Danish figures.
    expect(body.shares.top1).toBeGreaterThan(0.17);
    expect(body.shares.top10).toBeGreaterThan(0.65);
    expect(body.lorenz[0]).toEqual([0, 0]);
    expect(body.lorenz.at(-1)).toEqual([1, 1]);
    expect(body.lorenz).toHaveLength(101);
  });

  it('filters by sector and by budget area', async () => {
    for (const [query, where] of [
      ['sector=employment', sql`sector = 'employment'`],
      ['budgetArea=Forsørgelse', sql`budget_area = 'Forsørgelse'`],
    ] as const) {
      const response = await t.request(leader, {
        method: 'GET',
        url: `/api/analytics/cost-concentration?year=${YEAR}&${encodeURI(query)}`,
      });
      expect(response.statusCode, response.body).toBe(200);
      const costs = await directCosts(where);
      const body = response.json();
      expect(body.citizens).toBe(costs.length);
      expect(body.total).toBe(costs.reduce((a, b) => a + b, 0));
      expect(body.shares.top10).toBeCloseTo(topShare(costs, 0.1), 5);
    }
  });

  it('answers a bad year or sector with a problem naming the field', async () => {
    for (const url of [
      '/api/analytics/cost-concentration',
      '/api/analytics/cost-concentration?year=soon',
      `/api/analytics/cost-concentration?year=${YEAR}&sector=finance`,
    ]) {
      const response = await t.request(leader, { method: 'GET', url });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors[0].field).toMatch(/^querystring\.(year|sector)$/);
    }
  });

  it('is for team leaders and the administrator only (403 for others, audited)', async () => {
    const url = `/api/analytics/cost-concentration?year=${YEAR}`;
    expect((await t.request(administrator, { method: 'GET', url })).statusCode).toBe(200);
    for (const cookie of [caseworker, citizen]) {
      const response = await t.request(cookie, { method: 'GET', url });
      expect(response.statusCode).toBe(403);
      expect(response.json().total).toBeUndefined();
    }
    expect((await t.request(null, { method: 'GET', url })).statusCode).toBe(401);
    const denied = await t.context.database.db
      .selectFrom('audit_event')
      .select('actor_role')
      .where('resource', '=', 'analytics:cost-concentration')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(2);
  });
});

describe('GET /api/analytics/cost-concentration/top-groups', () => {
  it('counts the top groups whole, with 2+ sectors and interventions at once', async () => {
    const response = await t.request(leader, {
      method: 'GET',
      url: `/api/analytics/cost-concentration/top-groups?year=${YEAR}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const n = (await directCosts()).length;
    expect(body.citizens).toBe(n);
    expect(body.definition).toEqual({ id: 'cost-concentration', version: 1 });
    expect(body.groups.map((group: { citizens: number }) => group.citizens)).toEqual(
      [0.01, 0.05, 0.1, 0.2].map((k) => Math.ceil(n * k)),
    );
    const top20 = body.groups[3];
    expect(top20.simultaneousMean).toBeGreaterThan(0);
    // The expensive citizens are the ones many sectors work with.
    if (top20.multiSector !== null) expect(top20.multiSector / top20.citizens).toBeGreaterThan(0.3);
  });
});

describe('GET /api/analytics/cost-table and its export', () => {
  it('adds up to cost_entry, shows no cell under five citizens, and exports the same cells, audited', async () => {
    const response = await t.request(leader, {
      method: 'GET',
      url: `/api/analytics/cost-table?year=${YEAR}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const costs = await directCosts();
    expect(body.citizens).toBe(costs.length);
    expect(body.totals.total.amount).toBe(costs.reduce((a, b) => a + b, 0));
    type Cell = { citizens: number | null; amount: number | null; hidden: string | null };
    const all: Cell[] = [
      ...body.rows.flatMap((row: { cells: Cell[]; total: Cell }) => [...row.cells, row.total]),
      ...body.totals.cells,
    ];
    for (const cell of all) {
      if (cell.hidden === null) expect(cell.citizens === 0 || (cell.citizens as number) >= 5).toBe(true);
      else expect(cell).toMatchObject({ citizens: null, amount: null });
    }
    // The top 1 % of some 600 citizens is 6 people: shown only where 5+ of them have cost in the area.
    const forsorgelse = body.rows.find((row: { budgetArea: string }) => row.budgetArea === 'Forsørgelse');
    expect(forsorgelse).toBeDefined();

    const exported = await t.request(leader, {
      method: 'GET',
      url: `/api/analytics/cost-table/export?year=${YEAR}`,
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    const lines = exported.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(body.rows.length + 2);
    const firstRow = lines[1]?.split(';') ?? [];
    expect(firstRow[0]).toBe(body.rows[0].budgetArea);
    expect(firstRow[1]).toBe(
      body.rows[0].cells[0].citizens === null ? '' : String(body.rows[0].cells[0].citizens),
    );
    const audited = await t.context.database.db
      .selectFrom('audit_event')
      .select(['action', 'outcome'])
      .where('resource', '=', 'analytics:cost-table')
      .where('action', '=', 'export')
      .execute();
    expect(audited).toEqual([{ action: 'export', outcome: 'allowed' }]);

    // The same table as a workbook: the same cells, hidden ones empty.
    const xlsx = await t.request(leader, {
      method: 'GET',
      url: `/api/analytics/cost-table/export?year=${YEAR}&format=xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const csvRows = lines.map((csvLine) => csvLine.split(';'));
    expect(sheet.rowCount).toBe(csvRows.length);
    csvRows.forEach((csvRow, index) => {
      const values = (sheet.getRow(index + 1).values as unknown[]).slice(1);
      const asText = csvRow.map((_, column) => (values[column] == null ? '' : String(values[column])));
      expect(asText).toEqual(csvRow);
    });
    const exports = await t.context.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('resource', '=', 'analytics:cost-table')
      .where('action', '=', 'export')
      .execute();
    expect(exports.map((row) => (row.details as { format: string }).format)).toEqual(['csv', 'xlsx']);
    expect(
      (await t.request(caseworker, { method: 'GET', url: `/api/analytics/cost-table/export?year=${YEAR}` }))
        .statusCode,
    ).toBe(403);
  });
});

describe('GET /api/analytics/pathways', () => {
  it('names each definition, counts no-offer apart, and agrees with the pathway rows', async () => {
    const response = await t.request(leader, { method: 'GET', url: `/api/analytics/pathways?year=${YEAR}` });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.timeToFirstIntervention.definition).toEqual({ id: 'time-to-first-intervention', version: 1 });
    expect(body.timeToFirstBusinessDirected.definition).toEqual({
      id: 'time-to-first-business-directed',
      version: 1,
    });
    expect(body.pyramid.definition).toEqual({ id: 'activity-pyramid', version: 2 });
    expect(body.flow.definition).toEqual({ id: 'pathway-flow', version: 1 });
    const started = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pathway
      WHERE municipality_id = ${municipalityId} AND extract(year FROM start_date) = ${YEAR}`.execute(
      t.context.database.db,
    );
    const n = started.rows[0]?.n ?? 0;
    for (const figure of [body.timeToFirstIntervention, body.timeToFirstBusinessDirected]) {
      expect(figure.pathways).toBe(n);
      // The two parts are shown together, or hidden together when one of them is 1–4.
      if (figure.withOffer === null) expect(figure.noOffer).toBeNull();
      else expect(figure.withOffer + figure.noOffer).toBe(n);
      const shares = Object.values(figure.within).filter((share) => share !== null) as number[];
      for (let index = 1; index < shares.length; index++)
        expect(shares[index]).toBeGreaterThanOrEqual(shares[index - 1] as number);
    }
    const shownInflow = body.flow.months.map((month: { inflow: number | null }) => month.inflow);
    for (const value of shownInflow) if (value !== null) expect(value === 0 || value >= 5).toBe(true);
    if (body.flow.inflow !== null) expect(body.flow.inflow).toBe(n);
    expect(body.pyramid.levels).toHaveLength(5);
    const bad = await t.request(leader, {
      method: 'GET',
      url: `/api/analytics/pathways?year=${YEAR}&pathwayType=x`,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await t.request(caseworker, { method: 'GET', url: `/api/analytics/pathways?year=${YEAR}` }))
        .statusCode,
    ).toBe(403);
  });
});

describe('GET /api/analytics/cost-by-month', () => {
  it('shows who pays over the year per budget area, adding up to cost_entry, no small cell shown', async () => {
    const response = await t.request(leader, {
      method: 'GET',
      url: `/api/analytics/cost-by-month?year=${YEAR}&sector=employment`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.definition).toEqual({ id: 'cost-by-area-and-month', version: 1 });
    expect(body.months).toHaveLength(12);
    const costs = await directCosts(sql`sector = 'employment'`);
    if (body.totals.total.hidden === null)
      expect(body.totals.total.amount).toBe(costs.reduce((a, b) => a + b, 0));
    type Cell = { citizens: number | null; hidden: string | null };
    for (const row of body.rows as { cells: Cell[]; total: Cell }[])
      for (const cell of [...row.cells, row.total])
        if (cell.hidden === null) expect(cell.citizens === 0 || (cell.citizens as number) >= 5).toBe(true);
    expect(
      (await t.request(caseworker, { method: 'GET', url: `/api/analytics/cost-by-month?year=${YEAR}` }))
        .statusCode,
    ).toBe(403);
  });
});

describe('GET /api/analytics/gas-distribution', () => {
  /** Every citizen's follow-ups and coordinator's unit straight from the tables, and T by the formula. */
  async function directGas() {
    const result = await sql<{ citizen: string; goal: string; level: number; at: Date; weight: number }>`
      SELECT h.citizen_id AS citizen, h.sub_goal_id AS goal, h.gas_level AS level, h.recorded_at AS at,
             g.gas_weight AS weight
      FROM sub_goal_gas_history h JOIN sub_goal g ON g.municipality_id = h.municipality_id AND g.id = h.sub_goal_id
      WHERE h.municipality_id = ${municipalityId}
        AND h.recorded_at < ${`${YEAR + 1}-01-01T00:00:00+01:00`}::timestamptz`.execute(
      t.context.database.db,
    );
    const units = await sql<{ citizen: string; unit: string }>`
      SELECT DISTINCT ON (m.citizen_id) m.citizen_id AS citizen, p.unit_id AS unit
      FROM team_member m JOIN professional p ON p.municipality_id = m.municipality_id AND p.id = m.professional_id
      WHERE m.municipality_id = ${municipalityId} AND m.is_coordinator AND m.ended_at IS NULL
      ORDER BY m.citizen_id, m.start_date`.execute(t.context.database.db);
    const unitOf = new Map(units.rows.map((row) => [row.citizen, row.unit]));
    const yearStart = new Date(`${YEAR}-01-01T00:00:00+01:00`).getTime();
    const byCitizen = new Map<string, { goal: string; level: number; at: number; weight: number }[]>();
    for (const row of result.rows) {
      const list = byCitizen.get(row.citizen) ?? [];
      list.push({ goal: row.goal, level: row.level, at: new Date(row.at).getTime(), weight: row.weight });
      byCitizen.set(row.citizen, list);
    }
    const tScore = (goals: { level: number; weight: number }[]) => {
      const wx = goals.reduce((s, g) => s + g.weight * g.level, 0);
      const w2 = goals.reduce((s, g) => s + g.weight ** 2, 0);
      const w = goals.reduce((s, g) => s + g.weight, 0);
      return Math.round(100 * (50 + (10 * wx) / Math.sqrt(0.7 * w2 + 0.3 * w * w))) / 100;
    };
    const counted: { unit: string | null; score: number; change: number | null }[] = [];
    for (const [citizenId, records] of byCitizen) {
      const times = [...new Set(records.map((r) => r.at))].sort((a, b) => a - b);
      const last = times.at(-1) as number;
      if (last < yearStart) continue;
      const scoreAt = (time: number) => {
        const latest = new Map<string, { level: number; weight: number; at: number }>();
        for (const r of records.filter((r) => r.at <= time).sort((a, b) => a.at - b.at))
          latest.set(r.goal, r);
        return tScore([...latest.values()]);
      };
      const score = scoreAt(last);
      const change = times.length > 1 ? Math.round(100 * (score - scoreAt(times[0] as number))) / 100 : null;
      counted.push({ unit: unitOf.get(citizenId) ?? null, score, change });
    }
    return counted;
  }
  const band = (value: number, limits: readonly number[]) => limits.filter((limit) => value >= limit).length;

  it('counts each unit’s citizens in the bands a direct computation gives, none under five, audited', async () => {
    const response = await t.request(leader, {
      method: 'GET',
      url: `/api/analytics/gas-distribution?year=${YEAR}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['samspil-definition']).toBe('gas-distribution@1');
    const body = response.json();
    expect(body.scoreBands).toEqual(['below40', 'from40to50', 'from50to60', 'from60']);
    expect(body.changeBands).toEqual(['fell', 'from0to5', 'from5to10', 'from10']);
    const direct = await directGas();
    expect(direct.length).toBeGreaterThan(20);
    type Cell = { citizens: number | null; hidden: string | null };
    type Row = { unit: { id: string; name: string } | null; cells: Cell[]; total: Cell };
    for (const [table, limits, figureOf] of [
      [body.scores, [40, 50, 60], (c: (typeof direct)[number]) => c.score],
      [body.changes, [0, 5, 10], (c: (typeof direct)[number]) => c.change],
    ] as const) {
      const check = (cell: Cell, expected: number) => {
        if (cell.hidden === null) expect(cell.citizens).toBe(expected);
        else expect(cell.citizens).toBeNull();
        if (expected > 0 && expected < 5) expect(cell.hidden).toBe('small');
      };
      const count = (unit: string | null | undefined, column: number | undefined) =>
        direct.filter((c) => {
          const value = figureOf(c);
          if (value === null) return false;
          if (unit !== undefined && c.unit !== unit) return false;
          return column === undefined || band(value, limits) === column;
        }).length;
      for (const row of table.rows as Row[]) {
        const unit = row.unit?.id ?? null;
        row.cells.forEach((cell, column) => {
          check(cell, count(unit, column));
        });
        check(row.total, count(unit, undefined));
        expect(Object.keys(row).sort()).toEqual(['cells', 'total', 'unit']);
      }
      (table.totals.cells as Cell[]).forEach((cell, column) => {
        check(cell, count(undefined, column));
      });
      check(table.totals.total, count(undefined, undefined));
      // Every unit with a counted citizen has its row, and no one is left out of the totals.
      const units = new Set(direct.filter((c) => figureOf(c) !== null).map((c) => c.unit));
      expect(new Set((table.rows as Row[]).map((row) => row.unit?.id ?? null))).toEqual(units);
    }
    // Distributions only: no professional in the response.
    const professionals = await t.context.database.db
      .selectFrom('professional')
      .select(['id', 'name'])
      .execute();
    for (const professional of professionals) {
      expect(response.body).not.toContain(professional.id);
      expect(response.body).not.toContain(professional.name);
    }
    const audited = await t.context.database.db
      .selectFrom('audit_event')
      .select(['action', 'outcome', 'details'])
      .where('resource', '=', 'analytics:gas-distribution')
      .execute();
    expect(audited).toEqual([{ action: 'read', outcome: 'allowed', details: { year: YEAR } }]);
  });

  it('is for team leaders and the administrator only, and names a bad year', async () => {
    const url = `/api/analytics/gas-distribution?year=${YEAR}`;
    expect((await t.request(administrator, { method: 'GET', url })).statusCode).toBe(200);
    expect((await t.request(caseworker, { method: 'GET', url })).statusCode).toBe(403);
    expect((await t.request(citizen, { method: 'GET', url })).statusCode).toBe(403);
    const bad = await t.request(leader, { method: 'GET', url: '/api/analytics/gas-distribution?year=nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.year');
    const denied = await t.context.database.db
      .selectFrom('audit_event')
      .select('outcome')
      .where('resource', '=', 'analytics:gas-distribution')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toHaveLength(2);
  });
});
