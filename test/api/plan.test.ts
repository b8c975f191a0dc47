import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanOverview } from '../../src/domain/plan/plan.types.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let municipalityId: string;
let caseworker: { id: string; cookie: string };
let stranger: { id: string; cookie: string };
let citizen: { id: string; cpr: string };
let unitId: string;
let typeId: string;

async function auditCount(citizenId: string, action: string, outcome = 'allowed'): Promise<number> {
  const row = await t.context.database.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('citizen_id', '=', citizenId)
    .where('action', '=', action)
    .where('outcome', '=', outcome)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await startTestApp();
  ({ id: municipalityId } = await t.factories.municipality());
  ({ id: unitId } = await t.factories.unit(municipalityId, { sector: 'employment', name: 'Jobcenter' }));
  ({ id: typeId } = await t.factories.interventionType(municipalityId, { legalBasis: 'LAB-47' }));
  const worker = await t.factories.professional(municipalityId, unitId);
  const other = await t.factories.professional(municipalityId, unitId);
  caseworker = {
    id: worker.id,
    cookie: await t.login({ municipalityId, kind: 'professional', id: worker.id }),
  };
  stranger = { id: other.id, cookie: await t.login({ municipalityId, kind: 'professional', id: other.id }) };
  citizen = await t.factories.citizen(municipalityId, { coordinatorId: worker.id });
});
afterAll(() => t?.dispose());

describe('the plan overview', () => {
  it('answers 401 with problem details without a session', async () => {
    const response = await t.request(null, { method: 'GET', url: `/api/citizens/${citizen.id}/plan` });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 401, title: 'Not logged in' });
  });

  it('answers 403 to a professional with no relationship, and audits the denial', async () => {
    const response = await t.request(stranger.cookie, {
      method: 'GET',
      url: `/api/citizens/${citizen.id}/plan`,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().detail).toMatch(/no relationship/);
    expect(await auditCount(citizen.id, 'read', 'denied')).toBeGreaterThanOrEqual(1);
  });

  it('serves the whole plan with an ETag and masked CPR, and audits the read', async () => {
    const before = await auditCount(citizen.id, 'read');
    const response = await t.request(caseworker.cookie, {
      method: 'GET',
      url: `/api/citizens/${citizen.id}/plan`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers['cache-control']).toBe('no-store');
    const plan = response.json<PlanOverview>();
    expect(plan.citizen.cprMasked).toBe(`${citizen.cpr.slice(0, 6)}-xxxx`);
    expect(response.body).not.toContain(citizen.cpr.slice(6));
    expect(plan.team).toHaveLength(1);
    expect(plan.team[0]?.isCoordinator).toBe(true);
    expect(plan.gaps.missingGoal).toBe(true);
    expect(await auditCount(citizen.id, 'read')).toBe(before + 1);
  });

  it('answers 404 for an unknown citizen and for another tenant', async () => {
    const other = await t.factories.municipality();
    const foreign = await t.factories.citizen(other.id);
    for (const id of [foreign.id, '01900000-0000-7000-8000-000000000000']) {
      const response = await t.request(caseworker.cookie, { method: 'GET', url: `/api/citizens/${id}/plan` });
      expect(response.statusCode).toBe(404);
    }
  });

  it('names the field when the id is not a UUID', async () => {
    const response = await t.request(caseworker.cookie, {
      method: 'GET',
      url: '/api/citizens/not-a-uuid/plan',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ field: 'params.citizenId' });
  });
});

describe('changing the plan', () => {
  let version = 1;
  let subGoalId: string;

  async function write(
    method: 'POST' | 'PUT' | 'PATCH',
    path: string,
    payload: unknown,
    ifMatch: string | null = `"${version}"`,
  ) {
    return t.request(caseworker.cookie, {
      method,
      url: `/api/citizens/${citizen.id}/plan${path}`,
      payload: payload as Record<string, unknown>,
      headers: ifMatch === null ? {} : { 'if-match': ifMatch },
    });
  }

  it('sets the goal, with history and audit in the same change', async () => {
    const response = await write('PUT', '/goal', { ownWords: 'Jeg vil gerne have et job med mine hænder.' });
    expect(response.statusCode).toBe(200);
    version += 1;
    expect(response.headers.etag).toBe(`"${version}"`);
    const { plan } = response.json<{ plan: PlanOverview }>();
    expect(plan.goal?.ownWords).toBe('Jeg vil gerne have et job med mine hænder.');
    expect(plan.gaps.missingGoal).toBe(false);
    expect(await auditCount(citizen.id, 'create')).toBe(1);
  });

  it('requires If-Match (428) and refuses a stale version (412) without writing', async () => {
    const missing = await write('POST', '/sub-goals', { title: 'Uden version' }, null);
    expect(missing.statusCode).toBe(428);
    const stale = await write('POST', '/sub-goals', { title: 'Forældet' }, '"1"');
    expect(stale.statusCode).toBe(412);
    expect(stale.headers.etag).toBe(`"${version}"`);
    expect(stale.json().detail).toMatch(/changed the plan/);
    const plan = (
      await t.request(caseworker.cookie, { method: 'GET', url: `/api/citizens/${citizen.id}/plan` })
    ).json<PlanOverview>();
    expect(plan.subGoals).toHaveLength(0);
    expect(plan.version).toBe(version);
  });

  it('rejects bad input with 400 naming the field, and writes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ title: '' }, 'title'],
      [{ title: 'Mål', gasLevel: 3 }, 'gasLevel'],
      [{ title: 'Mål', targetDate: '2026-13-45' }, 'targetDate'],
      [{ title: 'Mål', unknownField: 1 }, ''],
    ];
    for (const [payload, field] of cases) {
      const response = await write('POST', '/sub-goals', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      if (field) expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const plan = (
      await t.request(caseworker.cookie, { method: 'GET', url: `/api/citizens/${citizen.id}/plan` })
    ).json<PlanOverview>();
    expect(plan.version).toBe(version);
  });

  it('adds a sub-goal and an intervention linked to it', async () => {
    const goal = await write('POST', '/sub-goals', {
      title: 'Møde stabilt op tre dage om ugen',
      gasLevel: -1,
      targetDate: '2027-03-01',
    });
    expect(goal.statusCode).toBe(201);
    version += 1;
    subGoalId = goal.json().id;
    const intervention = await write('POST', '/interventions', {
      typeId,
      unitId,
      responsibleId: caseworker.id,
      startDate: '2026-11-01',
      followUpDate: '2027-01-15',
      frequency: '1 gang om ugen',
      status: 'active',
      subGoalIds: [subGoalId],
    });
    expect(intervention.statusCode).toBe(201);
    version += 1;
    const { plan } = intervention.json<{ plan: PlanOverview }>();
    const item = plan.sectors[0]?.interventions[0];
    expect(item?.legalBasis).toBe('LAB-47');
    expect(item?.subGoalIds).toEqual([subGoalId]);
    expect(plan.subGoals[0]?.interventionIds).toEqual([item?.id]);
    expect(plan.gaps.subGoalsWithoutIntervention).toEqual([]);
  });

  it('refuses references outside the plan with a named field', async () => {
    const otherCitizen = await t.factories.citizen(municipalityId);
    const unknown = await write('POST', '/interventions', {
      typeId: '01900000-0000-7000-8000-000000000001',
      unitId,
      startDate: '2026-11-01',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('typeId');
    const endBeforeStart = await write('POST', '/interventions', {
      typeId,
      unitId,
      startDate: '2026-11-01',
      endDate: '2026-10-01',
    });
    expect(endBeforeStart.statusCode).toBe(400);
    expect(endBeforeStart.json().errors[0].field).toBe('endDate');
    expect(otherCitizen.id).toBeTruthy();
  });

  it('records every change in the history, newest first', async () => {
    const response = await t.request(caseworker.cookie, {
      method: 'GET',
      url: `/api/citizens/${citizen.id}/plan/history`,
    });
    expect(response.statusCode).toBe(200);
    const { items } = response.json<{
      items: { entity: string; action: string; planVersion: number; actor: { id: string } }[];
    }>();
    expect(items.map((item) => `${item.entity}:${item.action}`)).toEqual([
      'intervention:create',
      'sub_goal:create',
      'goal:create',
    ]);
    expect(items[0]?.planVersion).toBe(version);
    expect(items.every((item) => item.actor.id === caseworker.id)).toBe(true);
  });

  it('ends a sub-goal with a reason and keeps the before/after', async () => {
    const response = await write('POST', `/sub-goals/${subGoalId}/end`, { reason: 'Nået før tid' });
    expect(response.statusCode).toBe(200);
    version += 1;
    const history = (
      await t.request(caseworker.cookie, { method: 'GET', url: `/api/citizens/${citizen.id}/plan/history` })
    ).json();
    expect(history.items[0]).toMatchObject({
      entity: 'sub_goal',
      action: 'end',
      before: { status: 'active' },
      after: { status: 'ended', endReason: 'Nået før tid' },
    });
  });

  it('does not let a stranger change the plan, and audits the attempt', async () => {
    const response = await t.request(stranger.cookie, {
      method: 'POST',
      url: `/api/citizens/${citizen.id}/plan/sub-goals`,
      payload: { title: 'Ikke min borger' },
      headers: { 'if-match': `"${version}"` },
    });
    expect(response.statusCode).toBe(403);
    expect(await auditCount(citizen.id, 'update', 'denied')).toBe(1);
  });

  it('refuses a state change without the CSRF header', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/citizens/${citizen.id}/plan/sub-goals`,
      payload: { title: 'CSRF' },
      headers: { cookie: caseworker.cookie, 'if-match': `"${version}"` },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().title).toBe('Missing CSRF header');
  });
});
