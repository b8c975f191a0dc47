import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The citizen's objection to management figures (decision 0025). Two municipalities hold the
 * same small world of twelve citizens, but the twin lacks Sara (the one who objects): every
 * figure of the first while she objects must equal the twin's figure — the direct computation
 * of "the figures without her" — and differ from it again once she takes the objection back.
 */
const YEAR = 2026;
const PEOPLE = 12;
/** Sara is person 0: the most expensive, with every kind of data the figures read. */
const SARA = 0;

interface World {
  municipalityId: string;
  leader: string;
  caseworker: string;
  citizens: string[];
}

let t: TestApp;
let world: World;
let twin: World;
let saraCookie: string;

async function buildWorld(without: number | null, cprOffset: number): Promise<World> {
  const { db } = t.context.database;
  const { id: municipalityId } = await t.factories.municipality();
  const unit = await t.factories.unit(municipalityId, { name: 'Jobcenter Midt' });
  const coordinator = await t.factories.professional(municipalityId, unit.id);
  const head = await t.factories.professional(municipalityId, unit.id, { role: 'team_leader' });
  const type = await t.factories.interventionType(municipalityId, { sector: 'employment', pyramidLevel: 4 });
  await db
    .updateTable('intervention_type')
    .set({ business_directed: true, category: 'job' })
    .where('id', '=', type.id)
    .execute();
  const citizens: string[] = [];
  for (let index = 0; index < PEOPLE; index++) {
    if (index === without) continue;
    const cpr = `${String(1 + (index % 28)).padStart(2, '0')}0185${String(cprOffset + index).padStart(4, '0')}`;
    const citizen = await t.factories.citizen(municipalityId, { cpr, coordinatorId: coordinator.id });
    citizens.push(citizen.id);
    await db
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
        amount_ore: (PEOPLE - index) * 1_000_000,
      })
      .execute();
    await db
      .insertInto('pathway')
      .values({
        municipality_id: municipalityId,
        id: randomUUID(),
        citizen_id: citizen.id,
        template_code: 'ressourceforloeb',
        start_date: `${YEAR}-02-10`,
        end_date: index % 2 === 0 ? `${YEAR}-06-01` : null,
        end_reason: index % 2 === 0 ? 'Ansat' : null,
        outcome: index % 2 === 0 ? 'job' : null,
      })
      .execute();
    await t.factories.intervention({
      municipalityId,
      citizenId: citizen.id,
      typeId: type.id,
      unitId: unit.id,
      status: 'active',
      startDate: `${YEAR}-03-01`,
    });
    const goal = await t.factories.subGoal({ municipalityId, citizenId: citizen.id, gasLevel: 0 });
    for (const [level, month] of [
      [-1, '01'],
      [index % 3 === 0 ? 1 : 0, '05'],
    ] as const)
      await db
        .insertInto('sub_goal_gas_history')
        .values({
          municipality_id: municipalityId,
          id: randomUUID(),
          sub_goal_id: goal.id,
          citizen_id: citizen.id,
          gas_level: level,
          recorded_at: new Date(`${YEAR}-${month}-15T10:00:00Z`),
          recorded_by: null,
          note: null,
          scorer_kind: null,
        })
        .execute();
    const decision = await t.factories.decision({
      municipalityId,
      citizenId: citizen.id,
      createdBy: coordinator.id,
      status: 'hearing',
    });
    await db
      .updateTable('decision')
      .set({ status: 'final', decided_on: `${YEAR}-04-0${1 + (index % 9)}` })
      .where('id', '=', decision.id)
      .execute();
  }
  return {
    municipalityId,
    citizens,
    leader: await t.login({ municipalityId, kind: 'professional', id: head.id }),
    caseworker: await t.login({ municipalityId, kind: 'professional', id: coordinator.id }),
  };
}

/** Every management figure, with its query: the JSON routes the page and integrations read. */
const FIGURES = [
  `/api/analytics/cost-concentration?year=${YEAR}`,
  `/api/analytics/cost-concentration/top-groups?year=${YEAR}`,
  `/api/analytics/cost-table?year=${YEAR}`,
  `/api/analytics/cost-by-month?year=${YEAR}`,
  `/api/analytics/pathways?year=${YEAR}`,
  `/api/analytics/steering?year=${YEAR}`,
  `/api/analytics/gas-distribution?year=${YEAR}`,
  `/api/analytics/decisions?year=${YEAR}`,
  `/api/analytics/pathway-outcomes?year=${YEAR}`,
];

/** A figure as JSON, with the municipality's own unit ids taken out (the twins' differ). */
async function figure(of: World, url: string): Promise<unknown> {
  const response = await t.request(of.leader, { method: 'GET', url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return JSON.parse(response.body.replaceAll(/"id":"[0-9a-f-]{36}"/g, '"id":"unit"'));
}

async function exportCsv(of: World, path: string): Promise<string> {
  const response = await t.request(of.leader, { method: 'GET', url: `${path}/export?year=${YEAR}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.body;
}

async function setObjection(cookie: string, citizenId: string, objects: boolean) {
  return t.request(cookie, {
    method: 'PUT',
    url: `/api/citizens/${citizenId}/reporting-objection`,
    payload: { objects },
  });
}

beforeAll(async () => {
  t = await startTestApp();
  world = await buildWorld(null, 1000);
  twin = await buildWorld(SARA, 2000);
  saraCookie = await t.login({
    municipalityId: world.municipalityId,
    kind: 'citizen',
    id: world.citizens[SARA] as string,
  });
}, 180_000);

afterAll(async () => {
  await t?.dispose();
});

describe('the objection to management figures', () => {
  it('is no objection to begin with, and every figure counts her', async () => {
    const state = await t.request(saraCookie, {
      method: 'GET',
      url: `/api/citizens/${world.citizens[SARA]}/reporting-objection`,
    });
    expect(state.statusCode, state.body).toBe(200);
    expect(state.json()).toMatchObject({ objects: false, since: null, recordedBy: null, history: [] });
    const concentration = (await figure(world, FIGURES[0] as string)) as { citizens: number };
    expect(concentration.citizens).toBe(PEOPLE);
    for (const url of FIGURES) expect(await figure(world, url), url).not.toEqual(await figure(twin, url));
  });

  it('leaves her out of every figure and export at once when she objects', async () => {
    const set = await setObjection(saraCookie, world.citizens[SARA] as string, true);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ objects: true, recordedBy: { kind: 'citizen', name: null } });
    for (const url of FIGURES) expect(await figure(world, url), url).toEqual(await figure(twin, url));
    for (const path of [
      '/api/analytics/cost-table',
      '/api/analytics/pathway-outcomes',
      '/api/analytics/gas-scores',
    ])
      expect(await exportCsv(world, path), path).toBe(await exportCsv(twin, path));
    const concentration = (await figure(world, FIGURES[0] as string)) as { citizens: number; total: number };
    // The direct sum: the others' costs, (12 − i) × 10,000 kr for i = 1…11.
    expect(concentration.citizens).toBe(PEOPLE - 1);
    expect(concentration.total).toBe(
      Array.from({ length: PEOPLE - 1 }, (_, i) => (PEOPLE - 1 - i) * 1_000_000).reduce((a, b) => a + b),
    );
  });

  it('is hers: a caseworker cannot take back what she set herself', async () => {
    const refused = await setObjection(world.caseworker, world.citizens[SARA] as string, false);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('reporting-objection.citizens-own');
    for (const url of FIGURES) expect(await figure(world, url), url).toEqual(await figure(twin, url));
  });

  it('brings her back at once when she takes it back, with the history kept and audited', async () => {
    const back = await setObjection(saraCookie, world.citizens[SARA] as string, false);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().objects).toBe(false);
    expect(back.json().history).toHaveLength(1);
    expect(back.json().history[0].withdrawnAt).not.toBeNull();
    for (const url of FIGURES) expect(await figure(world, url), url).not.toEqual(await figure(twin, url));
    const concentration = (await figure(world, FIGURES[0] as string)) as { citizens: number };
    expect(concentration.citizens).toBe(PEOPLE);
    const audit = await t.context.database.db
      .selectFrom('audit_event')
      .select(['action', 'resource', 'actor_kind'])
      .where('citizen_id', '=', world.citizens[SARA] as string)
      .where('resource', 'like', 'reporting-objection%')
      .orderBy('at')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['read', 'create', 'withdraw']));
  });

  it('is recorded by a caseworker on her behalf, and then taken back by the caseworker too', async () => {
    const other = world.citizens[1] as string;
    const recorded = await setObjection(world.caseworker, other, true);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().recordedBy.kind).toBe('professional');
    const concentration = (await figure(world, FIGURES[0] as string)) as { citizens: number };
    expect(concentration.citizens).toBe(PEOPLE - 1);
    const back = await setObjection(world.caseworker, other, false);
    expect(back.statusCode, back.body).toBe(200);
    expect(((await figure(world, FIGURES[0] as string)) as { citizens: number }).citizens).toBe(PEOPLE);
  });

  it('refuses a bad body with a problem naming the field', async () => {
    const bad = await t.request(saraCookie, {
      method: 'PUT',
      url: `/api/citizens/${world.citizens[SARA]}/reporting-objection`,
      payload: { objects: 'ja' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('objects');
  });
});
