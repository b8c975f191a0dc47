import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costTableSheet } from '../../src/domain/analytics/figure-sheets.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The unit and age-group filters on small data: 30 citizens in two coordinating units and three
 * age groups, each with one cost and one pathway, and the figures checked against a direct
 * computation over these rows (suppression applied after the narrowing).
 */
const YEAR = 2026;

interface Person {
  id: string;
  unit: 'A' | 'B';
  born: number;
  amount: number;
  month: number;
}

let t: TestApp;
let leader: string;
let units: { A: string; B: string };
const people: Person[] = [];

/** The three birth years of the data and the age groups they fall in in 2026 (by hand). */
const AGE_GROUP_OF_BORN: Record<number, string> = { 1990: 'from30to39', 1970: 'from50to59', 2000: 'under30' };
const bornOf = (index: number): number => {
  if (index < 12) return 1990;
  if (index < 22) return 1970;
  return 2000;
};

beforeAll(async () => {
  t = await startTestApp();
  const { id: municipalityId } = await t.factories.municipality();
  units = {
    A: (await t.factories.unit(municipalityId, { name: 'Jobcenter Nord' })).id,
    B: (await t.factories.unit(municipalityId, { name: 'Jobcenter Syd' })).id,
  };
  const coordinators = {
    A: (await t.factories.professional(municipalityId, units.A)).id,
    B: (await t.factories.professional(municipalityId, units.B)).id,
  };
  const head = await t.factories.professional(municipalityId, units.A, { role: 'team_leader' });
  leader = await t.login({ municipalityId, kind: 'professional', id: head.id });
  const activationType = await t.factories.interventionType(municipalityId, {
    sector: 'employment',
    pyramidLevel: 4,
  });
  await t.context.database.db
    .updateTable('intervention_type')
    .set({ business_directed: true, category: 'job' })
    .where('id', '=', activationType.id)
    .execute();
  for (let index = 0; index < 30; index++) {
    const unit = index % 2 === 0 ? 'A' : 'B';
    const born = bornOf(index);
    const cpr = `${61 + (index % 28)}01${String(born % 100).padStart(2, '0')}${String(1000 + index)}`;
    const citizen = await t.factories.citizen(municipalityId, { cpr, coordinatorId: coordinators[unit] });
    const person: Person = {
      id: citizen.id,
      unit,
      born,
      amount: (index + 1) * 10_000,
      month: 1 + (index % 6),
    };
    people.push(person);
    // Six citizens have 30 days of business-directed activation in February.
    if (index < 6)
      await t.factories.intervention({
        municipalityId,
        citizenId: citizen.id,
        typeId: activationType.id,
        unitId: units[unit],
        status: 'ended',
        startDate: `${YEAR}-02-01`,
        endDate: `${YEAR}-03-02`,
      });
    await t.context.database.db
      .insertInto('cost_entry')
      .values({
        municipality_id: municipalityId,
        id: randomUUID(),
        citizen_id: citizen.id,
        intervention_id: null,
        sector: 'employment',
        budget_area: 'Forsørgelse',
        period_start: `${YEAR}-03-01`,
        period_end: `${YEAR}-03-31`,
        amount_ore: person.amount,
      })
      .execute();
    await t.context.database.db
      .insertInto('pathway')
      .values({
        municipality_id: municipalityId,
        id: randomUUID(),
        citizen_id: citizen.id,
        template_code: 'ressourceforloeb',
        start_date: `${YEAR}-${String(person.month).padStart(2, '0')}-10`,
        end_date: null,
      })
      .execute();
  }
}, 120_000);

afterAll(async () => {
  await t?.dispose();
});

const get = async (url: string) => {
  const response = await t.request(leader, { method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('the unit and age-group filters', () => {
  it('narrow the cost concentration to the citizens a direct computation picks', async () => {
    for (const [query, picked] of [
      [`unit=${units.A}`, people.filter((p) => p.unit === 'A')],
      ['ageGroup=from30to39', people.filter((p) => AGE_GROUP_OF_BORN[p.born] === 'from30to39')],
      [`unit=${units.B}&ageGroup=from50to59`, people.filter((p) => p.unit === 'B' && p.born === 1970)],
    ] as const) {
      const body = await get(`/api/analytics/cost-concentration?year=${YEAR}&${query}`);
      expect(body.citizens).toBe(picked.length);
      expect(body.total).toBe(picked.reduce((sum, p) => sum + p.amount, 0));
    }
  });

  it('re-apply suppression after narrowing: a band of one citizen is hidden, the total shown', async () => {
    const under30 = people.filter((p) => p.born === 2000);
    expect(under30).toHaveLength(8);
    const body = await get(`/api/analytics/cost-table?year=${YEAR}&ageGroup=under30`);
    expect(body.citizens).toBe(8);
    expect(body.totals.total).toEqual({
      citizens: 8,
      amount: under30.reduce((sum, p) => sum + p.amount, 0),
      hidden: null,
    });
    // The top 1 % of 8 citizens is one citizen: hidden, with a complement.
    expect(body.rows[0].cells[0]).toEqual({ citizens: null, amount: null, hidden: 'small' });
    const hidden = body.rows[0].cells.filter((cell: { hidden: string | null }) => cell.hidden !== null);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    // The export is narrowed the same way.
    const csv = await t.request(leader, {
      method: 'GET',
      url: `/api/analytics/cost-table/export?year=${YEAR}&ageGroup=under30`,
    });
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const sheet = costTableSheet(body);
    expect(rows).toEqual(
      [sheet.header, ...sheet.rows].map((row) =>
        row.map((cell) => (cell === null ? '' : String(cell))).join(';'),
      ),
    );
  });

  it('narrow the pathway inflow per month the same way, small months hidden', async () => {
    const picked = people.filter((p) => p.unit === 'A');
    const body = await get(`/api/analytics/pathways?year=${YEAR}&unit=${units.A}`);
    expect(body.timeToFirstIntervention.pathways).toBe(picked.length);
    for (const month of body.flow.months as { month: number; inflow: number | null }[]) {
      const direct = picked.filter((p) => p.month === month.month).length;
      if (month.inflow === null) expect(direct > 0 && direct < 5).toBe(true);
      else expect(month.inflow).toBe(direct);
    }
    const everyone = await get(`/api/analytics/pathways?year=${YEAR}`);
    expect(everyone.flow.months.slice(0, 6).map((month: { inflow: number }) => month.inflow)).toEqual([
      5, 5, 5, 5, 5, 5,
    ]);
  });

  it('give the steering KPIs a direct computation gives: activation, open spells, counts per year', async () => {
    const body = await get(`/api/analytics/steering?year=${YEAR}`);
    expect(body.activation).toEqual({
      definition: { id: 'activation', version: 1 },
      citizens: 30,
      activated: 6,
      activationRate: 0.2,
      businessDirectedShare: 1,
    });
    // No pathway has ended: each citizen's spell is open on the reference day.
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    const durations = people.map(
      (p) => day(body.referenceDay) - day(`${YEAR}-${String(p.month).padStart(2, '0')}-10`) + 1,
    );
    const limits = [91, 183, 366, 731];
    const direct = [0, 1, 2, 3, 4].map(
      (band) => durations.filter((d) => limits.filter((limit) => d >= limit).length === band).length,
    );
    const [ended, open] = body.spells.rows;
    expect(ended.total).toBe(0);
    open.cells.forEach((cell: number | null, band: number) => {
      if (cell === null) expect(direct[band]).toBeLessThan(5);
      else expect(cell).toBe(direct[band]);
    });
    expect(open.total).toBe(30);
    const counts = Object.fromEntries(
      body.periodCounts.measures.map((m: { measure: string; latest: unknown }) => [m.measure, m.latest]),
    );
    expect(counts.started).toEqual({ year: YEAR, count: 30, change: 30, changePercent: null });
    expect(counts.citizens).toEqual({ year: YEAR, count: 30, change: 30, changePercent: null });
    expect(counts.ended).toEqual({ year: YEAR, count: 0, change: 0, changePercent: null });
    // Narrowed to unit A: 15 citizens, 3 activated → the rate would single out 3: hidden.
    const narrowed = await get(`/api/analytics/steering?year=${YEAR}&unit=${units.A}`);
    expect(narrowed.activation).toMatchObject({ citizens: 15, activated: null, activationRate: null });
    const definitions = await get('/api/analytics/definitions');
    expect(
      definitions.definitions.map((d: { id: string; version: number }) => `${d.id}@${d.version}`),
    ).toEqual(
      expect.arrayContaining(['activation@1', 'pathway-spells@1', 'period-counts@1', 'cost-concentration@1']),
    );
  });

  it('answer an unknown age group or a unit that is not an id with a problem naming the field', async () => {
    for (const [query, field] of [
      ['ageGroup=old', 'querystring.ageGroup'],
      ['unit=nord', 'querystring.unit'],
    ]) {
      const response = await t.request(leader, {
        method: 'GET',
        url: `/api/analytics/gas-distribution?year=${YEAR}&${query}`,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe(field);
    }
  });
});
