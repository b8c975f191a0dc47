import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { danishToday } from '../../src/domain/calendar.js';
import { RULE_IDS } from '../../src/domain/coordination/rule.js';
import { newId } from '../../src/db/ids.js';
import { recordedScan } from '../../src/server/coordination/scan-runs.js';
import { generateMunicipality } from '../../src/synth/generate.js';
import { managementLogins } from '../support/management-logins.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The coordination, collaboration and quality figures on the synthetic municipality: the scan's
 * flags spread over the year (and a part of them closed), referrals with a known loop, and the
 * demo surveys; each figure checked against a direct computation over the rows.
 */
const CITIZENS = 400;
const YEAR = Number(danishToday().slice(0, 4));

let t: TestApp;
let municipalityId: string;
let leader: string;
let administrator: string;
let caseworker: string;
let citizen: string;

const db = () => t.context.database.db;
/** The last day the figures count: 31 December, or today in the current year. */
const referenceDay = () => {
  const today = danishToday();
  return today < `${YEAR}-12-31` ? today : `${YEAR}-12-31`;
};
type Cell = { count: number | null; citizens: number | null; hidden: string | null };

beforeAll(async () => {
  t = await startTestApp();
  ({ municipalityId } = await generateMunicipality(t.context.database, t.context.vault, {
    citizens: CITIZENS,
    seed: 5,
  }));
  await recordedScan(db(), municipalityId, 'manual');
  // The scan opened every flag now: spread the openings over the year's months before today,
  // and close about a third of the flags by themselves 3–40 days later.
  await sql`UPDATE coordination_flag_event SET at = make_timestamptz(${YEAR},
      1 + abs(hashtext(flag_id::text)) % 11, 1 + abs(hashtext(flag_id::text || 'd')) % 27, 10, 0, 0,
      'Europe/Copenhagen')
    WHERE municipality_id = ${municipalityId} AND action = 'opened'`.execute(db());
  await sql`INSERT INTO coordination_flag_event (municipality_id, id, flag_id, at, actor_id, action)
    SELECT e.municipality_id, gen_random_uuid(), e.flag_id,
      e.at + make_interval(days => 3 + abs(hashtext(e.flag_id::text || 'r')) % 38), NULL, 'auto_resolved'
    FROM coordination_flag_event e
    WHERE e.municipality_id = ${municipalityId} AND e.action = 'opened'
      AND abs(hashtext(e.flag_id::text || 'c')) % 3 = 0`.execute(db());
  // Referrals of 24 citizens in February and March: answered on day 3 + i % 20, closed on day
  // 10 + i % 40 for two in three, the rest still open.
  const citizens = await db()
    .selectFrom('citizen')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .orderBy('id')
    .limit(24)
    .execute();
  const units = await db()
    .selectFrom('unit')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .limit(2)
    .execute();
  const professional = await db()
    .selectFrom('professional')
    .select(['id', 'unit_id'])
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  for (const [index, row] of citizens.entries()) {
    const id = newId();
    const sent = `${YEAR}-0${2 + (index % 2)}-0${1 + (index % 9)}T09:00:00+01:00`;
    const at = (days: number) => new Date(Date.parse(sent) + days * 86_400_000);
    await db()
      .insertInto('referral')
      .values({
        municipality_id: municipalityId,
        id,
        citizen_id: row.id,
        sub_goal_id: null,
        from_unit_id: professional.unit_id,
        from_professional_id: professional.id,
        to_unit_id: units[1]?.id ?? professional.unit_id,
        to_civil_society: null,
        type_id: null,
        reason: 'Henvisning',
        status: index % 3 === 2 ? 'accepted' : 'completed',
        answer_due: at(14).toISOString().slice(0, 10),
        decline_reason: null,
        intervention_id: null,
        created_at: at(0),
        updated_at: at(0),
      })
      .execute();
    const events: [number, string][] = [
      [0, 'requested'],
      [3 + (index % 20), 'accepted'],
      ...(index % 3 === 2 ? [] : ([[10 + (index % 40), 'completed']] as [number, string][])),
    ];
    for (const [days, status] of events)
      await db()
        .insertInto('referral_event')
        .values({
          municipality_id: municipalityId,
          id: newId(),
          referral_id: id,
          at: at(days),
          actor_id: professional.id,
          status,
          comment: null,
        })
        .execute();
  }
  ({ leader, administrator, caseworker, citizen } = await managementLogins(t, municipalityId));
}, 240_000);

afterAll(async () => {
  await t?.dispose();
});

/** Flag events per rule and Danish month in the year, straight from the tables. */
async function directEvents(actions: string[], where = sql`true`) {
  const result = await sql<{ kind: string; month: number; count: number; citizens: number }>`
    SELECT f.rule_id AS kind, extract(month FROM e.at AT TIME ZONE 'Europe/Copenhagen')::int AS month,
      count(*)::int AS count, count(DISTINCT f.citizen_id)::int AS citizens
    FROM coordination_flag_event e JOIN coordination_flag f ON f.municipality_id = e.municipality_id AND f.id = e.flag_id
    WHERE e.municipality_id = ${municipalityId} AND e.action IN (${sql.join(actions.map((a) => sql`${a}`))})
      AND extract(year FROM e.at AT TIME ZONE 'Europe/Copenhagen') = ${YEAR} AND ${where}
      AND e.at < ((${referenceDay()}::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen')
    GROUP BY 1, 2`.execute(db());
  return result.rows;
}

function expectTableMatches(
  table: { rows: { kind: string; cells: Cell[]; total: Cell }[]; totals: { cells: Cell[]; total: Cell } },
  direct: { kind: string; month: number; count: number; citizens: number }[],
): number {
  let hidden = 0;
  for (const row of table.rows)
    row.cells.forEach((cell, index) => {
      const expected = direct.find((one) => one.kind === row.kind && one.month === index + 1);
      if (cell.hidden !== null) {
        hidden++;
        expect(cell.count).toBeNull();
        return;
      }
      expect([cell.count, cell.citizens]).toEqual([expected?.count ?? 0, expected?.citizens ?? 0]);
      expect(cell.citizens === 0 || (cell.citizens as number) >= 5).toBe(true);
    });
  const sum = direct.reduce((total, one) => total + one.count, 0);
  if (table.totals.total.hidden === null) expect(table.totals.total.count).toBe(sum);
  return hidden;
}

describe('GET /api/analytics/coordination', () => {
  it('counts flags raised and resolved per rule and month as the event rows do, small cells hidden', async () => {
    const response = await t.request(leader, {
      method: 'GET',
      url: `/api/analytics/coordination?year=${YEAR}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.flags.definition).toEqual({ id: 'coordination-flags', version: 1 });
    expect(body.flags.kinds).toEqual([...RULE_IDS]);
    const raised = await directEvents(['opened']);
    expect(raised.length).toBeGreaterThan(0);
    const hidden = expectTableMatches(body.flags.raised, raised);
    expectTableMatches(body.flags.resolved, await directEvents(['resolved', 'auto_resolved']));
    // A few rules flag few citizens a month: some cells are hidden, and their complements.
    expect(hidden).toBeGreaterThan(0);
  });

  it('open at each month end, and the multi-sector citizens with an open flag, as a replay of the rows', async () => {
    const body = (
      await t.request(leader, { method: 'GET', url: `/api/analytics/coordination?year=${YEAR}` })
    ).json();
    const referenceDay = body.referenceDay as string;
    expect(body.flags.openAtMonthEnd.at(-1).day).toBe(referenceDay);
    for (const month of body.flags.openAtMonthEnd as { day: string; total: Cell }[]) {
      const direct = await sql<{ count: number }>`
        SELECT count(*)::int AS count FROM (
          SELECT DISTINCT ON (e.flag_id) e.action FROM coordination_flag_event e
          WHERE e.municipality_id = ${municipalityId}
            AND e.at < ((${month.day}::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen')
          ORDER BY e.flag_id, e.at DESC, e.id DESC) AS last
        WHERE last.action IN ('opened', 'acknowledged', 'reopened')`.execute(db());
      if (month.total.hidden === null) expect(month.total.count).toBe(direct.rows[0]?.count);
    }
    const multi = await sql<{ open: boolean }>`
      WITH multi AS (
        SELECT i.citizen_id FROM intervention i JOIN intervention_type t ON t.municipality_id = i.municipality_id AND t.id = i.type_id
        WHERE i.municipality_id = ${municipalityId} AND i.status <> 'planned' AND i.start_date <= ${referenceDay}::date
          AND (i.end_date IS NULL OR i.end_date >= ${referenceDay}::date)
        GROUP BY i.citizen_id HAVING count(DISTINCT t.sector) > 1)
      SELECT EXISTS (SELECT 1 FROM coordination_flag f WHERE f.municipality_id = ${municipalityId}
        AND f.citizen_id = multi.citizen_id AND NOT EXISTS (SELECT 1 FROM coordination_flag_event e
          WHERE e.flag_id = f.id AND e.municipality_id = f.municipality_id AND e.action = 'auto_resolved'
            AND e.at < ((${referenceDay}::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen'))) AS open
      FROM multi`.execute(db());
    const withOpen = multi.rows.filter((row) => row.open).length;
    expect(body.multiSector.definition).toEqual({ id: 'multi-sector-open-flags', version: 1 });
    const small = (count: number) => count > 0 && count < 5;
    if (body.multiSector.citizens === null)
      expect(small(withOpen) || small(multi.rows.length - withOpen) || multi.rows.length < 5).toBe(true);
    else {
      expect(body.multiSector.citizens).toBe(multi.rows.length);
      expect(body.multiSector.withOpenFlag).toBe(withOpen);
      expect(body.multiSector.share).toBeCloseTo(withOpen / multi.rows.length, 4);
    }
    expect(multi.rows.length).toBeGreaterThan(0);
  });

  it('the referral loop per month sent: states and answers as built, medians exact', async () => {
    const body = (
      await t.request(leader, { method: 'GET', url: `/api/analytics/coordination?year=${YEAR}` })
    ).json();
    const { referrals } = body;
    expect(referrals.definition).toEqual({ id: 'referral-loop', version: 1 });
    expect(referrals.totals.total).toEqual({ count: 24, citizens: 24, hidden: null });
    // By hand from the loop built above: i in 0…23, closed (two in three) on day 10 + i % 40.
    const closedDays = Array.from({ length: 24 }, (_, i) => i)
      .filter((i) => i % 3 !== 2)
      .map((i) => 10 + (i % 40));
    const within = closedDays.filter((days) => days <= 30).length;
    const rows = referrals.rows as { month: number; cells: Cell[]; total: Cell }[];
    const shownWithin = referrals.totals.cells[0] as Cell;
    if (shownWithin.hidden === null) expect(shownWithin.count).toBe(within);
    expect(
      rows.filter((row) => row.total.count !== null && row.total.count > 0).map((row) => row.month),
    ).toEqual([2, 3]);
    const sorted = [...closedDays].sort((a, b) => a - b);
    expect(referrals.medianDaysToClose).toBe(((sorted[7] as number) + (sorted[8] as number)) / 2);
    const answers = Array.from({ length: 24 }, (_, i) => 3 + (i % 20)).sort((a, b) => a - b);
    expect(referrals.medianDaysToAnswer).toBe(((answers[11] as number) + (answers[12] as number)) / 2);
    // Answered by the due date (14 days): 3 + i % 20 ≤ 14.
    const byDue = Array.from({ length: 24 }, (_, i) => 3 + (i % 20)).filter((days) => days <= 14).length;
    if (referrals.answered[0].hidden === null) expect(referrals.answered[0].count).toBe(byDue);
    expect(referrals.answered[2]).toEqual({ count: 0, citizens: 0, hidden: null });
  });

  it('the pathway-type filter narrows to citizens with such a pathway in the year (pyramid on the day)', async () => {
    const type = 'ressourceforloeb';
    const body = (
      await t.request(leader, {
        method: 'GET',
        url: `/api/analytics/coordination?year=${YEAR}&pathwayType=${type}`,
      })
    ).json();
    expect(body.pathwayType).toBe(type);
    const inType = sql`f.citizen_id IN (SELECT citizen_id FROM pathway WHERE municipality_id = ${municipalityId}
      AND template_code = ${type} AND start_date <= make_date(${YEAR}, 12, 31)
      AND (end_date IS NULL OR end_date >= make_date(${YEAR}, 1, 1)))`;
    expectTableMatches(body.flags.raised, await directEvents(['opened'], inType));

    const pathways = (
      await t.request(leader, {
        method: 'GET',
        url: `/api/analytics/pathways?year=${YEAR}&pathwayType=${type}`,
      })
    ).json();
    const day = pathways.pyramid.day as string;
    const direct = await sql<{ level: number; interventions: number }>`
      SELECT t.pyramid_level::int AS level, count(*)::int AS interventions FROM intervention i
      JOIN intervention_type t ON t.municipality_id = i.municipality_id AND t.id = i.type_id
      WHERE i.municipality_id = ${municipalityId} AND i.status = 'active' AND i.start_date <= ${day}::date
        AND (i.end_date IS NULL OR i.end_date >= ${day}::date)
        AND i.citizen_id IN (SELECT citizen_id FROM pathway WHERE municipality_id = ${municipalityId}
          AND template_code = ${type} AND start_date <= ${day}::date AND (end_date IS NULL OR end_date >= ${day}::date))
      GROUP BY 1`.execute(db());
    const all = (
      await t.request(leader, { method: 'GET', url: `/api/analytics/pathways?year=${YEAR}` })
    ).json();
    expect(pathways.pyramid.definition).toEqual({ id: 'activity-pyramid', version: 2 });
    for (const level of pathways.pyramid.levels as { level: number; interventions: number | null }[])
      if (level.interventions !== null)
        expect(level.interventions).toBe(
          direct.rows.find((row) => row.level === level.level)?.interventions ?? 0,
        );
    if (pathways.pyramid.interventions !== null && all.pyramid.interventions !== null)
      expect(pathways.pyramid.interventions).toBeLessThan(all.pyramid.interventions);
  });

  it('is for team leaders and the administrator only; reads and refusals are audited', async () => {
    const url = `/api/analytics/coordination?year=${YEAR}`;
    expect((await t.request(administrator, { method: 'GET', url })).statusCode).toBe(200);
    for (const cookie of [caseworker, citizen])
      expect((await t.request(cookie, { method: 'GET', url })).statusCode).toBe(403);
    const audited = await db()
      .selectFrom('audit_event')
      .select(['outcome', 'citizen_id'])
      .where('resource', '=', 'analytics:coordination')
      .execute();
    expect(audited.filter((row) => row.outcome === 'denied')).toHaveLength(2);
    expect(audited.every((row) => row.citizen_id === null)).toBe(true);
    expect((await t.request(leader, { method: 'GET', url: `${url}&ageGroup=old` })).statusCode).toBe(400);
  });
});

describe('GET /api/analytics/collaboration', () => {
  it('the demo survey’s ties equal the survey’s own results; the group of four is hidden with complements', async () => {
    const response = await t.request(leader, { method: 'GET', url: '/api/analytics/collaboration' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const survey = body.collaboration.surveys[0];
    expect(survey.groups).toContain('Mentorer');
    for (const round of survey.rounds) {
      const own = (
        await t.request(leader, {
          method: 'GET',
          url: `/api/collaboration-surveys/${survey.id}/results?round=${round.round}`,
        })
      ).json();
      for (const row of round.rows as {
        group: string;
        cells: { index: number | null; respondents: number; hidden: string | null }[];
      }[])
        row.cells.forEach((cell, index) => {
          const tie = own.ties.find(
            (one: { from: string; to: string }) => one.from === row.group && one.to === survey.groups[index],
          );
          expect(cell.respondents).toBe(tie.respondents);
          if (row.group === 'Mentorer') expect(cell.hidden).toBe('small');
          if (cell.hidden === null) expect(cell.index).toBe(tie.index);
        });
      // Every column total pools the mentors: each column has a second hidden figure or a hidden total.
      survey.groups.forEach((_: string, c: number) => {
        const hiddenInColumn = round.rows.filter(
          (row: { cells: { hidden: string | null }[] }) => row.cells[c]?.hidden !== null,
        ).length;
        expect(hiddenInColumn >= 2 || round.totals.cells[c].hidden !== null).toBe(true);
      });
    }
    const quality = body.quality.surveys[0];
    const own = (
      await t.request(leader, { method: 'GET', url: `/api/quality-surveys/${quality.id}/results` })
    ).json();
    for (const item of quality.items)
      for (const round of ['baseline', 'end'] as const)
        if (item[round].hidden === null)
          expect(item[round].mean).toBe(
            own.items.find((one: { code: string }) => one.code === item.code)[round],
          );
    expect(
      (await t.request(caseworker, { method: 'GET', url: '/api/analytics/collaboration' })).statusCode,
    ).toBe(403);
  });
});
