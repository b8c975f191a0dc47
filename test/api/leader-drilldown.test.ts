import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastIsoWeeks } from '../../src/domain/analytics/weeks.js';
import { addDays, danishToday } from '../../src/domain/calendar.js';
import { scanMunicipality } from '../../src/server/coordination/coordination-scan.js';
import { generateMunicipality } from '../../src/synth/generate.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The demo's synthetic municipality, small: every figure a leader sees is compared with the list behind it. */
const CITIZENS = 250;

let t: TestApp;
let municipalityId: string;
let leader: string;
let leaderUnit: string;
let caseworker: string;

interface Pair {
  a: { id: string };
  b: { id: string };
  open: number;
}

async function get(cookie: string, url: string) {
  const response = await t.request(cookie, { method: 'GET', url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json();
}

/** Every row of a flag list, page by page: the rows a leader would see. */
async function allFlags(query: string): Promise<{ total: number; citizens: number; rows: number }> {
  let offset = 0;
  let rows = 0;
  let first: { total: number; citizens: number } | null = null;
  for (;;) {
    const page = await get(leader, `/api/coordination/flags?${query}&limit=200&offset=${offset}`);
    first ??= page;
    rows += page.items.length;
    if (page.items.length < 200) break;
    offset += 200;
  }
  return { total: first?.total ?? 0, citizens: first?.citizens ?? 0, rows };
}

beforeAll(async () => {
  t = await startTestApp();
  const result = await generateMunicipality(t.context.database, t.context.vault, {
    citizens: CITIZENS,
    seed: 1,
  });
  municipalityId = result.municipalityId;
  await scanMunicipality(t.context.database.db, municipalityId);
  const personas = await t.context.database.db
    .selectFrom('demo_persona')
    .select(['id', 'subject_id'])
    .execute();
  const persona = (id: string) => personas.find((row) => row.id === id)?.subject_id as string;
  const leaderRow = await t.context.database.db
    .selectFrom('professional')
    .select('unit_id')
    .where('id', '=', persona('team-leader'))
    .executeTakeFirstOrThrow();
  leaderUnit = leaderRow.unit_id;
  leader = await t.login({ municipalityId, kind: 'professional', id: persona('team-leader') });
  caseworker = await t.login({ municipalityId, kind: 'professional', id: persona('jobcenter-caseworker') });
}, 240_000);

afterAll(async () => {
  await t?.dispose();
});

describe('the coordination overview drills down', () => {
  it('has a list behind every tile, rule, unit pair and sector whose count is the figure', async () => {
    const overview = await get(leader, '/api/coordination/overview');
    expect(overview.totals.open).toBeGreaterThan(0);
    for (const status of ['open', 'acknowledged', 'resolved', 'dismissed'] as const) {
      const list = await get(leader, `/api/coordination/flags?status=${status}&limit=1`);
      expect(list.total, status).toBe(overview.totals[status]);
    }
    const active = await allFlags('status=active');
    expect(active.citizens).toBe(overview.totals.citizensWithOpenFlags);
    expect(active.rows).toBe(active.total);
    for (const rule of overview.byRule) {
      if (rule.open === 0) continue;
      const list = await allFlags(`status=open&ruleId=${rule.ruleId}`);
      expect(list.rows, rule.ruleId).toBe(rule.open);
    }
    expect(overview.byUnitPair.length).toBeGreaterThan(0);
    for (const pair of overview.byUnitPair.slice(0, 15) as Pair[]) {
      const list = await allFlags(`status=active&unitA=${pair.a.id}&unitB=${pair.b.id}`);
      expect(list.rows).toBe(pair.open);
    }
    for (const pair of overview.bySectorPair as Pair[]) {
      // A pair is two different sectors: "Beskæftigelse ↔ Beskæftigelse" is not one.
      expect(pair.a.id).not.toBe(pair.b.id);
      const list = await allFlags(`status=active&sectorA=${pair.a.id}&sectorB=${pair.b.id}`);
      expect(list.rows).toBe(pair.open);
    }
    for (const within of overview.withinSector as { sector: { id: string }; open: number }[]) {
      const list = await allFlags(`status=active&sector=${within.sector.id}`);
      expect(list.rows).toBe(within.open);
    }
    // Pairs, within-sector and single-sector flags together are all the active flags with a sector.
    const sectorTotal =
      (overview.bySectorPair as Pair[]).reduce((sum, pair) => sum + pair.open, 0) +
      (overview.withinSector as { open: number }[]).reduce((sum, row) => sum + row.open, 0);
    expect(sectorTotal).toBeLessThanOrEqual(active.total);
  });

  it('refuses a same-sector pair and a half pair with a problem naming the field', async () => {
    const same = await t.request(leader, {
      method: 'GET',
      url: '/api/coordination/flags?sectorA=employment&sectorB=employment',
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0].field).toBe('querystring.sectorB');
    const half = await t.request(leader, {
      method: 'GET',
      url: `/api/coordination/flags?unitA=${leaderUnit}`,
    });
    expect(half.statusCode).toBe(400);
    const caseworkerList = await t.request(caseworker, { method: 'GET', url: '/api/coordination/flags' });
    expect(caseworkerList.statusCode).toBe(403);
  });

  it('names a citizen in the list only to a leader the policy lets see them', async () => {
    const list = await get(leader, '/api/coordination/flags?status=active&limit=200');
    const named = list.items.filter((item: { citizen: unknown }) => item.citizen !== null);
    const unnamed = list.items.filter((item: { citizen: unknown }) => item.citizen === null);
    // The leader's own unit works with some of the citizens, not with all.
    expect(named.length).toBeGreaterThan(0);
    expect(unnamed.length).toBeGreaterThan(0);
    for (const item of named as { units: { id: string }[]; citizen: { id: string } }[]) {
      const plan = await t.request(leader, { method: 'GET', url: `/api/citizens/${item.citizen.id}/plan` });
      expect(plan.statusCode).toBe(200);
    }
  });
});

describe('the unit overview drills down', () => {
  it('has the citizens behind every figure and every professional’s caseload', async () => {
    const overview = await get(leader, `/api/units/${leaderUnit}/overview`);
    const all = await get(leader, `/api/units/${leaderUnit}/citizens?limit=500`);
    expect(all.total).toBe(overview.citizens);
    expect(all.items).toHaveLength(overview.citizens);
    for (const [kind, count] of Object.entries(overview.citizensWith as Record<string, number>)) {
      const list = await get(leader, `/api/units/${leaderUnit}/citizens?attention=${kind}&limit=500`);
      expect(list.items.length, kind).toBe(count);
      expect(list.total).toBe(count);
    }
    expect(overview.citizensWith.followUpsOverdue).toBeGreaterThan(0);
    for (const person of overview.professionals as { id: string; caseload: number }[]) {
      const list = await get(
        leader,
        `/api/units/${leaderUnit}/citizens?professionalId=${person.id}&limit=500`,
      );
      expect(list.items.length).toBe(person.caseload);
      expect(list.professional.id).toBe(person.id);
    }
  });

  it('refuses another unit to its team leader', async () => {
    const other = await t.context.database.db
      .selectFrom('unit')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('id', '!=', leaderUnit)
      .executeTakeFirstOrThrow();
    const refused = await t.request(leader, { method: 'GET', url: `/api/units/${other.id}/citizens` });
    expect(refused.statusCode).toBe(403);
  });
});

describe('the weekly trend of coordination signals', () => {
  it('equals a direct replay of the flag events for each of the last twelve ISO weeks', async () => {
    const db = t.context.database.db;
    const today = danishToday();
    const weeks = lastIsoWeeks(today, 12);
    // Give a few flags a history: raised weeks ago, some closed and one reopened since.
    const flags = await db
      .selectFrom('coordination_flag')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .orderBy('id')
      .limit(6)
      .execute();
    const at = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
    const week = (index: number) => (weeks[index] as { start: string }).start;
    const history: [number, string, string][] = [
      [0, 'opened', week(1)],
      [0, 'resolved', addDays(week(4), 2)],
      [1, 'opened', week(2)],
      [1, 'dismissed', week(3)],
      [1, 'reopened', addDays(week(6), 1)],
      [2, 'opened', addDays(week(5), 6)],
      [2, 'acknowledged', week(7)],
      [3, 'opened', week(0)],
    ];
    for (const index of [0, 1, 2, 3]) {
      const id = (flags[index] as { id: string }).id;
      await db.deleteFrom('coordination_flag_event').where('flag_id', '=', id).execute();
    }
    let seq = 0;
    for (const [index, action, day] of history) {
      seq += 1;
      await db
        .insertInto('coordination_flag_event')
        .values({
          municipality_id: municipalityId,
          // Time-ordered ids, as newId makes them; the hour keeps the order within a day.
          id: `00000000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
          flag_id: (flags[index] as { id: string }).id,
          at: at(day, 8 + seq),
          actor_id: null,
          action,
          comment: null,
        })
        .execute();
    }
    const trend = await get(leader, '/api/coordination/trends');
    expect(trend.weeks).toHaveLength(12);
    expect(trend.weeks.map((row: { start: string }) => row.start)).toEqual(weeks.map((row) => row.start));

    // The direct computation: replay every event of the municipality in JavaScript.
    const events = (
      await sql<{ flag_id: string; at: Date; action: string; id: string }>`
        SELECT flag_id, at, action, id FROM coordination_flag_event
         WHERE municipality_id = ${municipalityId} AND action <> 'owner_changed'`.execute(db)
    ).rows.sort((x, y) => x.at.getTime() - y.at.getTime() || x.id.localeCompare(y.id));
    const danishMidnight = (day: string): Date => {
      // Monday 00:00 in Copenhagen: 23:00 UTC the day before in winter, 22:00 in summer.
      for (const offset of [1, 2]) {
        const candidate = new Date(Date.parse(`${day}T00:00:00Z`) - offset * 3_600_000);
        if (danishToday(candidate) === day && danishToday(new Date(candidate.getTime() - 1)) !== day)
          return candidate;
      }
      throw new Error(`no midnight for ${day}`);
    };
    const now = Date.now();
    for (const [index, row] of trend.weeks.entries()) {
      const starts = danishMidnight(row.start).getTime();
      const ends = Math.min(danishMidnight(addDays(row.start, 7)).getTime(), now);
      const state = new Map<string, string>();
      for (const event of events) if (event.at.getTime() < ends) state.set(event.flag_id, event.action);
      const open = [...state.values()].filter((action) =>
        ['opened', 'acknowledged', 'reopened'].includes(action),
      ).length;
      const raised = events.filter(
        (event) => event.action === 'opened' && event.at.getTime() >= starts && event.at.getTime() < ends,
      ).length;
      expect({ index, open: row.open, raised: row.raised }).toEqual({ index, open, raised });
    }
    // The made-up history shows in the weeks: one flag open in week 1, more later.
    expect(trend.weeks[1].open).toBeGreaterThanOrEqual(1);
  });
});
