import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, danishToday } from '../../src/domain/calendar.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let municipalityId: string;
let unitId: string;
let me: { id: string; cookie: string };
let colleague: { id: string; cookie: string };
let leader: { cookie: string };
let otherLeader: { cookie: string };
let busy: { id: string };
let quiet: { id: string };
const today = danishToday();

async function planVersion(cookie: string, citizenId: string): Promise<string> {
  const response = await t.request(cookie, { method: 'GET', url: `/api/citizens/${citizenId}/plan` });
  return String(response.headers.etag);
}

beforeAll(async () => {
  t = await startTestApp();
  ({ id: municipalityId } = await t.factories.municipality());
  ({ id: unitId } = await t.factories.unit(municipalityId, { name: 'Jobcenter' }));
  const otherUnit = await t.factories.unit(municipalityId, { name: 'Hjemmeplejen', sector: 'health-care' });
  const typeId = (await t.factories.interventionType(municipalityId)).id;
  const mine = await t.factories.professional(municipalityId, unitId, { name: 'Mette Mig' });
  const theirs = await t.factories.professional(municipalityId, unitId, { name: 'Kim Kollega' });
  const teamLeader = await t.factories.professional(municipalityId, unitId, { role: 'team_leader' });
  const elsewhereLeader = await t.factories.professional(municipalityId, otherUnit.id, {
    role: 'team_leader',
  });
  me = { id: mine.id, cookie: await t.login({ municipalityId, kind: 'professional', id: mine.id }) };
  colleague = {
    id: theirs.id,
    cookie: await t.login({ municipalityId, kind: 'professional', id: theirs.id }),
  };
  leader = { cookie: await t.login({ municipalityId, kind: 'professional', id: teamLeader.id }) };
  otherLeader = { cookie: await t.login({ municipalityId, kind: 'professional', id: elsewhereLeader.id }) };
  busy = await t.factories.citizen(municipalityId, { familyName: 'Travlsen', coordinatorId: me.id });
  quiet = await t.factories.citizen(municipalityId, { familyName: 'Roligsen', coordinatorId: me.id });

  // I look at the busy plan; then my colleague (on its team) adds an overdue intervention.
  await planVersion(me.cookie, busy.id);
  const team = await t.request(me.cookie, {
    method: 'POST',
    url: `/api/citizens/${busy.id}/plan/team`,
    payload: { kind: 'professional', professionalId: colleague.id, role: 'Jobkonsulent' },
    headers: { 'if-match': await planVersion(me.cookie, busy.id) },
  });
  expect(team.statusCode).toBe(201);
  const added = await t.request(colleague.cookie, {
    method: 'POST',
    url: `/api/citizens/${busy.id}/plan/interventions`,
    payload: {
      typeId,
      unitId,
      responsibleId: colleague.id,
      startDate: addDays(today, -60),
      followUpDate: addDays(today, -3),
      status: 'active',
    },
    headers: { 'if-match': team.headers.etag as string },
  });
  expect(added.statusCode).toBe(201);
});
afterAll(() => t?.dispose());

describe('my day', () => {
  it('puts the plan that needs most attention first and says why', async () => {
    const response = await t.request(me.cookie, { method: 'GET', url: '/api/my-day' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.today).toBe(today);
    expect(body.items.map((item: { id: string }) => item.id)).toEqual([busy.id, quiet.id]);
    expect(body.items[0].attention).toMatchObject({
      followUpsOverdue: 1,
      changedSinceLastVisit: true,
      noActiveIntervention: false,
    });
    expect(body.items[1].attention).toMatchObject({
      noActiveIntervention: true,
      changedSinceLastVisit: false,
    });
    expect(body.totals.followUpsOverdue).toBe(1);
  });

  it('stops flagging a change once I have looked again', async () => {
    await planVersion(me.cookie, busy.id);
    const body = (await t.request(me.cookie, { method: 'GET', url: '/api/my-day' })).json();
    expect(
      body.items.find((item: { id: string }) => item.id === busy.id).attention.changedSinceLastVisit,
    ).toBe(false);
  });

  it('tells the history when I last looked', async () => {
    const history = (
      await t.request(me.cookie, { method: 'GET', url: `/api/citizens/${busy.id}/plan/history` })
    ).json();
    expect(history.previousVisitAt).not.toBeNull();
    expect(history.items[0].entity).toBe('intervention');
  });

  it('tells the citizen too when she last looked, so she sees what changed since', async () => {
    const citizen = await t.login({ municipalityId, kind: 'citizen', id: quiet.id });
    const history = async () =>
      (await t.request(citizen, { method: 'GET', url: `/api/citizens/${quiet.id}/plan/history` })).json();
    await planVersion(citizen, quiet.id);
    expect((await history()).previousVisitAt).toBeNull();
    const version = await planVersion(me.cookie, quiet.id);
    const added = await t.request(me.cookie, {
      method: 'POST',
      url: `/api/citizens/${quiet.id}/plan/sub-goals`,
      headers: { 'if-match': version },
      payload: { title: 'Gå en tur hver dag' },
    });
    expect(added.statusCode).toBe(201);
    await planVersion(citizen, quiet.id);
    const after = await history();
    expect(after.previousVisitAt).not.toBeNull();
    const newer = after.items.filter((item: { at: string }) => item.at > after.previousVisitAt);
    expect(
      newer.map((item: { entity: string; after: { title?: string } }) => [item.entity, item.after?.title]),
    ).toEqual([['sub_goal', 'Gå en tur hver dag']]);
  });
});

describe('the unit overview', () => {
  it("shows the team leader the unit's workload and most flagged citizens", async () => {
    const response = await t.request(leader.cookie, { method: 'GET', url: `/api/units/${unitId}/overview` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.citizens).toBe(2);
    const mette = body.professionals.find((person: { id: string }) => person.id === me.id);
    expect(mette).toMatchObject({ caseload: 2, coordinatorFor: 2 });
    const kim = body.professionals.find((person: { id: string }) => person.id === colleague.id);
    expect(kim).toMatchObject({ caseload: 1, followUpsOverdue: 1 });
    expect(body.mostFlagged[0].id).toBe(busy.id);
  });

  it('is for that unit’s leader only', async () => {
    expect(
      (await t.request(me.cookie, { method: 'GET', url: `/api/units/${unitId}/overview` })).statusCode,
    ).toBe(403);
    expect(
      (await t.request(otherLeader.cookie, { method: 'GET', url: `/api/units/${unitId}/overview` }))
        .statusCode,
    ).toBe(403);
    const unknown = await t.request(leader.cookie, {
      method: 'GET',
      url: '/api/units/01900000-0000-7000-8000-000000000000/overview',
    });
    expect(unknown.statusCode).toBe(404);
  });
});
