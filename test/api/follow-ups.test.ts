import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUpList } from '../../src/domain/plan/follow-up.responses.js';
import type { PlanHistory } from '../../src/domain/plan/plan.responses.js';
import type { PlanOverview } from '../../src/domain/plan/plan.types.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// A follow-up records measures and an FSIII code; what it decides is a versioned plan change
// in the same transaction, whose history names the follow-up. Clock: 4 December 2026.
const NOW = new Date('2026-12-04T10:00:00Z');
let t: TestApp;
let municipalityId: string;
let citizenId: string;
let jobcenter: { id: string; cookie: string };
let psychiatry: { id: string; cookie: string };
const WHO5 = { cheerful: '3', calm: '2', active: '4', rested: '1', interest: '5' };

beforeAll(async () => {
  t = await startTestApp({ clock: () => NOW });
  ({ id: municipalityId } = await t.factories.municipality());
  const { id: jobUnit } = await t.factories.unit(municipalityId, { sector: 'employment', name: 'Jobcenter' });
  const { id: psyUnit } = await t.factories.unit(municipalityId, {
    sector: 'region-psychiatry',
    name: 'Psykiatrien',
  });
  const job = await t.factories.professional(municipalityId, jobUnit);
  const psy = await t.factories.professional(municipalityId, psyUnit);
  jobcenter = { id: job.id, cookie: await t.login({ municipalityId, kind: 'professional', id: job.id }) };
  psychiatry = { id: psy.id, cookie: await t.login({ municipalityId, kind: 'professional', id: psy.id }) };
  ({ id: citizenId } = await t.factories.citizen(municipalityId, { coordinatorId: job.id }));
  await t.factories.teamMember({ municipalityId, citizenId, professionalId: psy.id });
}, 60_000);
afterAll(() => t?.dispose());

async function version(): Promise<string> {
  const response = await t.request(jobcenter.cookie, {
    method: 'GET',
    url: `/api/citizens/${citizenId}/plan`,
  });
  return `"${response.json<PlanOverview>().version}"`;
}

async function jobIntervention(overrides: { followUpDate?: string } = {}) {
  return t.factories.intervention({
    municipalityId,
    citizenId,
    unitId: (
      await t.context.database.db
        .selectFrom('professional')
        .select('unit_id')
        .where('id', '=', jobcenter.id)
        .executeTakeFirstOrThrow()
    ).unit_id,
    responsibleId: jobcenter.id,
    frequency: 'To gange om ugen',
    followUpDate: overrides.followUpDate ?? '2026-12-01',
  });
}

async function followUp(
  as: { cookie: string },
  path: string,
  payload: Record<string, unknown>,
): Promise<ReturnType<TestApp['request']> extends Promise<infer R> ? R : never> {
  return t.request(as.cookie, {
    method: 'POST',
    url: `/api/citizens/${citizenId}/plan/${path}/follow-ups`,
    headers: { 'if-match': await version() },
    payload,
  });
}

async function followUpRows() {
  return t.context.database.db
    .selectFrom('follow_up')
    .selectAll()
    .where('citizen_id', '=', citizenId)
    .execute();
}

async function history(): Promise<PlanHistory> {
  return (
    await t.request(jobcenter.cookie, { method: 'GET', url: `/api/citizens/${citizenId}/plan/history` })
  ).json<PlanHistory>();
}

describe('a follow-up', () => {
  it('continues: records WHO-5 linked to it and sets the next date as a plan change', async () => {
    const item = await jobIntervention();
    const response = await followUp(jobcenter, `interventions/${item.id}`, {
      code: 'continue',
      nextDate: '2027-03-01',
      measures: [{ instrument: 'who-5', respondent: 'citizen', answers: WHO5 }],
    });
    expect(response.statusCode).toBe(201);
    const { followUp: recorded } = response.json();
    expect(recorded).toMatchObject({ code: 'continue', heldOn: '2026-12-04', nextDate: '2027-03-01' });
    expect(recorded.measures).toEqual([expect.objectContaining({ instrument: 'who-5', score: 60 })]);
    const measure = await t.context.database.db
      .selectFrom('measure_response')
      .select(['context_kind', 'context_id'])
      .where('id', '=', recorded.measures[0].id)
      .executeTakeFirstOrThrow();
    expect(measure).toEqual({ context_kind: 'follow-up', context_id: recorded.id });
    const entry = (await history()).items.find((h) => h.entityId === item.id);
    expect(entry).toMatchObject({ action: 'update', origin: { kind: 'follow_up', id: recorded.id } });
    expect(entry?.after).toMatchObject({ followUpDate: '2027-03-01' });
    const list = (
      await t.request(jobcenter.cookie, { method: 'GET', url: `/api/citizens/${citizenId}/plan/follow-ups` })
    ).json<FollowUpList>();
    expect(list.items.find((f) => f.id === recorded.id)?.measures).toHaveLength(1);
  });

  it('changes within the frame: a versioned plan change whose history names the follow-up', async () => {
    const item = await jobIntervention();
    const before = Number(JSON.parse(await version()));
    const response = await followUp(jobcenter, `interventions/${item.id}`, {
      code: 'change',
      reasons: 'To gange om ugen er for meget lige nu.',
      nextDate: '2027-01-15',
      change: { frequency: 'En gang om ugen' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().planVersion).toBe(before + 1);
    const row = await t.context.database.db
      .selectFrom('intervention')
      .select(['frequency', 'follow_up_date'])
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ frequency: 'En gang om ugen', follow_up_date: '2027-01-15' });
    const entries = (await history()).items.filter((h) => h.origin?.id === response.json().followUp.id);
    expect(entries.map((h) => h.after?.frequency)).toContain('En gang om ugen');
    expect(new Set(entries.map((h) => h.planVersion))).toEqual(new Set([before + 1]));
  });

  it('ends: the intervention ends with the reasons', async () => {
    const item = await jobIntervention();
    const response = await followUp(jobcenter, `interventions/${item.id}`, {
      code: 'end',
      reasons: 'Målet er nået.',
    });
    expect(response.statusCode).toBe(201);
    const row = await t.context.database.db
      .selectFrom('intervention')
      .select(['status', 'end_reason', 'end_date'])
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'ended', end_reason: 'Målet er nået.', end_date: '2026-12-04' });
    const again = await followUp(jobcenter, `interventions/${item.id}`, {
      code: 'continue',
      nextDate: '2027-01-01',
    });
    expect(again.statusCode).toBe(409);
  });

  it("scores a sub-goal's GAS level, linked to the follow-up", async () => {
    const goal = await t.factories.subGoal({ municipalityId, citizenId, gasLevel: -1 });
    const response = await followUp(jobcenter, `sub-goals/${goal.id}`, {
      code: 'continue',
      gasLevel: 0,
      nextDate: '2027-02-01',
    });
    expect(response.statusCode).toBe(201);
    const row = await t.context.database.db
      .selectFrom('follow_up as f')
      .innerJoin('sub_goal_gas_history as g', 'g.id', 'f.gas_history_id')
      .select(['g.gas_level', 'f.next_date'])
      .where('f.id', '=', response.json().followUp.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ gas_level: 0, next_date: '2027-02-01' });
    const goalRow = await t.context.database.db
      .selectFrom('sub_goal')
      .select(['gas_level', 'follow_up_date'])
      .where('id', '=', goal.id)
      .executeTakeFirstOrThrow();
    expect(goalRow).toEqual({ gas_level: 0, follow_up_date: '2027-02-01' });
  });

  it('names the field a code needs', async () => {
    const item = await jobIntervention();
    const response = await followUp(jobcenter, `interventions/${item.id}`, {
      code: 'change',
      nextDate: '2027-01-15',
      change: { frequency: 'Dagligt' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual(['reasons']);
    const past = await followUp(jobcenter, `interventions/${item.id}`, {
      code: 'continue',
      nextDate: '2026-12-04',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].field).toBe('nextDate');
  });

  it('rolls back with a refused or broken change: no follow-up, no measure, no plan change', async () => {
    const item = await jobIntervention();
    const rowsBefore = (await followUpRows()).length;
    const versionBefore = await version();
    const measuresBefore = await t.context.database.db
      .selectFrom('measure_response')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // Another unit does not follow up the jobcenter's intervention: it proposes.
    const other = await followUp(psychiatry, `interventions/${item.id}`, {
      code: 'continue',
      nextDate: '2027-01-01',
      measures: [{ instrument: 'who-5', respondent: 'citizen', answers: WHO5 }],
    });
    expect(other.statusCode).toBe(403);
    // The owner's change breaks a plan rule (an end before the start) after the measure was taken.
    const broken = await followUp(jobcenter, `interventions/${item.id}`, {
      code: 'change',
      reasons: 'Slutter tidligere.',
      nextDate: '2027-01-01',
      measures: [{ instrument: 'who-5', respondent: 'citizen', answers: WHO5 }],
      change: { endDate: '2025-01-01' },
    });
    expect(broken.statusCode).toBe(400);
    expect((await followUpRows()).length).toBe(rowsBefore);
    expect(await version()).toBe(versionBefore);
    const measuresAfter = await t.context.database.db
      .selectFrom('measure_response')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(measuresAfter.n)).toBe(Number(measuresBefore.n));
  });

  it('lets whoever works with the citizen follow up a sub-goal', async () => {
    const goal = await t.factories.subGoal({ municipalityId, citizenId });
    const response = await followUp(psychiatry, `sub-goals/${goal.id}`, {
      code: 'reassess',
      reasons: 'Situationen har ændret sig.',
    });
    expect(response.statusCode).toBe(201);
  });

  it("raises a flag when a sub-goal's follow-up is overdue, resolved by the follow-up", async () => {
    const goal = await t.factories.subGoal({ municipalityId, citizenId, followUpDate: '2026-11-01' });
    const item = await jobIntervention({ followUpDate: '2027-01-10' });
    await t.context.database.db
      .insertInto('intervention_sub_goal')
      .values({ municipality_id: municipalityId, intervention_id: item.id, sub_goal_id: goal.id })
      .execute();
    // Any plan change runs the coordination check: here a re-assessment of the intervention.
    const reassess = await followUp(jobcenter, `interventions/${item.id}`, {
      code: 'reassess',
      reasons: 'Borgeren er flyttet.',
    });
    expect(reassess.statusCode).toBe(201);
    const flagOf = () =>
      t.context.database.db
        .selectFrom('coordination_flag')
        .select(['status', 'owner_id', 'explanation'])
        .where('citizen_id', '=', citizenId)
        .where('fingerprint', 'like', '%follow-up-overdue-2026-11-01%')
        .executeTakeFirst();
    const flag = await flagOf();
    expect(flag).toMatchObject({ status: 'open', owner_id: jobcenter.id });
    expect(JSON.stringify(flag?.explanation)).toContain('delmålet');
    const held = await followUp(jobcenter, `sub-goals/${goal.id}`, {
      code: 'continue',
      nextDate: '2027-02-01',
    });
    expect(held.statusCode).toBe(201);
    expect((await flagOf())?.status).toBe('resolved');
  });

  it('re-assess: a next step until the item is followed up again', async () => {
    const item = await jobIntervention({ followUpDate: '2027-01-10' });
    const reassess = await followUp(jobcenter, `interventions/${item.id}`, {
      code: 'reassess',
      reasons: 'Helbredet har ændret sig.',
    });
    expect(reassess.statusCode).toBe(201);
    const steps = async () =>
      (
        await t.request(jobcenter.cookie, { method: 'GET', url: `/api/citizens/${citizenId}/next-steps` })
      ).json();
    const before = await steps();
    expect(before.reassessments).toContainEqual(
      expect.objectContaining({
        followUpId: reassess.json().followUp.id,
        item: { kind: 'intervention', id: item.id },
      }),
    );
    expect(before.counts.reassessments).toBe(before.reassessments.length);
    const again = await followUp(jobcenter, `interventions/${item.id}`, {
      code: 'continue',
      nextDate: '2027-02-01',
    });
    expect(again.statusCode).toBe(201);
    const after = await steps();
    expect(after.reassessments.map((r: { item: { id: string } }) => r.item.id)).not.toContain(item.id);
  });

  it('ends a sub-goal with function levels rated at it, both linked to the follow-up', async () => {
    const goal = await t.factories.subGoal({ municipalityId, citizenId });
    const levels = {
      practical: '1',
      'self-care': '0',
      communication: '2',
      mobility: '0',
      community: '3',
      social: '2',
      health: '9',
    };
    const response = await followUp(jobcenter, `sub-goals/${goal.id}`, {
      code: 'end',
      reasons: 'Delmålet er nået.',
      measures: [{ instrument: 'function-levels', respondent: 'professional', answers: levels }],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().followUp.measures).toEqual([
      expect.objectContaining({ instrument: 'function-levels' }),
    ]);
    const row = await t.context.database.db
      .selectFrom('sub_goal')
      .select(['status', 'end_reason'])
      .where('id', '=', goal.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'ended', end_reason: 'Delmålet er nået.' });
    const bad = await followUp(
      jobcenter,
      `sub-goals/${(await t.factories.subGoal({ municipalityId, citizenId })).id}`,
      {
        code: 'continue',
        nextDate: '2027-01-01',
        measures: [{ instrument: 'who-5', respondent: 'citizen', answers: { cheerful: '3' } }],
      },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toMatch(/^measures\.0\.answers\./);
  });
});
