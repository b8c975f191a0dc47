import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, danishToday } from '../../src/domain/calendar.js';
import { newId } from '../../src/db/ids.js';
import { scanMunicipality } from '../../src/server/coordination/coordination-scan.js';
import { danishSentence } from '../support/notification-text.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Person {
  id: string;
  cookie: string;
}

let t: TestApp;
let municipalityId: string;
let jobcenter: string;
let psychiatry: string;
let coordinator: Person;
let socialWorker: Person;
let leader: Person;
let administrator: Person;
let stranger: Person;
let citizen: { id: string };
let mentorType: string;
let treatmentType: string;
let pensionType: string;
const today = danishToday();

async function etag(person: Person): Promise<string> {
  const response = await t.request(person.cookie, { method: 'GET', url: `/api/citizens/${citizen.id}/plan` });
  expect(response.statusCode).toBe(200);
  return String(response.headers.etag);
}

async function addIntervention(person: Person, body: Record<string, unknown>): Promise<string> {
  const response = await t.request(person.cookie, {
    method: 'POST',
    url: `/api/citizens/${citizen.id}/plan/interventions`,
    payload: { startDate: addDays(today, -30), status: 'active', ...body },
    headers: { 'if-match': await etag(person) },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

async function flags(person: Person, include: 'open' | 'all' = 'open') {
  const response = await t.request(person.cookie, {
    method: 'GET',
    url: `/api/citizens/${citizen.id}/flags?include=${include}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as {
    id: string;
    ruleId: string;
    status: string;
    severity: string;
    subjectIds: string[];
    explanation: { da: string; en: string; data: Record<string, unknown> };
    owner: { id: string } | null;
  }[];
}

async function insertType(
  name: string,
  category: string,
  sector: string,
  level: number,
  businessDirected = false,
) {
  const id = newId();
  await t.context.database.db
    .insertInto('intervention_type')
    .values({
      municipality_id: municipalityId,
      id,
      code: `T-${id.slice(-8)}`,
      name,
      sector,
      category,
      legal_basis: 'LAB-47',
      pyramid_level: level,
      business_directed: businessDirected,
      unit_cost_ore: 0,
      cost_unit: 'month',
    })
    .execute();
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  ({ id: municipalityId } = await t.factories.municipality());
  jobcenter = (await t.factories.unit(municipalityId, { sector: 'employment', name: 'Jobcenter Ressource' }))
    .id;
  psychiatry = (await t.factories.unit(municipalityId, { sector: 'social-adult', name: 'Socialpsykiatrien' }))
    .id;
  const login = async (unitId: string, role = 'caseworker'): Promise<Person> => {
    const { id } = await t.factories.professional(municipalityId, unitId, { role });
    return { id, cookie: await t.login({ municipalityId, kind: 'professional', id }) };
  };
  coordinator = await login(jobcenter);
  socialWorker = await login(psychiatry);
  leader = await login(jobcenter, 'team_leader');
  administrator = await login(jobcenter, 'administrator');
  stranger = await login(psychiatry);
  mentorType = await insertType('Mentorstøtte', 'job', 'employment', 5);
  treatmentType = await insertType('Dagbehandling', 'addiction', 'social-adult', 5);
  pensionType = await insertType('Sag om førtidspension', 'disability-pension-prep', 'employment', 5);
  citizen = await t.factories.citizen(municipalityId, { coordinatorId: coordinator.id });
  const team = await t.request(coordinator.cookie, {
    method: 'POST',
    url: `/api/citizens/${citizen.id}/plan/team`,
    payload: { kind: 'professional', professionalId: socialWorker.id },
    headers: { 'if-match': await etag(coordinator) },
  });
  expect(team.statusCode).toBe(201);
});
afterAll(() => t?.dispose());

describe('a duplicate across units', () => {
  let duplicateId: string;

  it('is flagged inside the write that creates it, and explained to another professional', async () => {
    await addIntervention(coordinator, {
      typeId: mentorType,
      unitId: jobcenter,
      responsibleId: coordinator.id,
    });
    expect((await flags(coordinator)).filter((flag) => flag.ruleId === 'duplicate')).toHaveLength(0);
    await addIntervention(socialWorker, {
      typeId: mentorType,
      unitId: psychiatry,
      responsibleId: socialWorker.id,
    });
    const duplicates = (await flags(coordinator)).filter((flag) => flag.ruleId === 'duplicate');
    expect(duplicates).toHaveLength(1);
    const [flag] = duplicates;
    expect(flag).toMatchObject({ status: 'open', severity: 'high', owner: { id: coordinator.id } });
    expect(flag?.subjectIds).toHaveLength(2);
    duplicateId = flag?.id ?? '';
    // "That, not what": without consent the other unit's intervention is named by its unit only.
    expect(flag).toMatchObject({ detailsHidden: true });
    expect(flag?.explanation.da).toContain('Jobcenter Ressource');
    expect(flag?.explanation.da).toContain('Socialpsykiatrien');
    expect(flag?.explanation.da).not.toContain('Mentorstøtte');
  });

  it('explains what is duplicated once the citizen consents to sharing the details', async () => {
    await t.factories.consent({
      citizenId: citizen.id,
      granteeUnitId: jobcenter,
      categories: ['intervention-details'],
      validFrom: addDays(today, -1),
    });
    t.context.plans.grants.invalidate(municipalityId, citizen.id);
    const [flag] = (await flags(coordinator)).filter((item) => item.ruleId === 'duplicate');
    expect(flag).toMatchObject({ detailsHidden: false });
    expect(flag?.explanation.en).toMatch(/same intervention \(Mentorstøtte\)/);
    expect(flag?.explanation.da).toContain('Socialpsykiatrien');
  });

  it('tells the coordinator in the inbox that others work with the citizen', async () => {
    const inbox = await t.request(coordinator.cookie, { method: 'GET', url: '/api/inbox' });
    expect(inbox.statusCode).toBe(200);
    const body = inbox.json();
    expect(body.unread).toBeGreaterThanOrEqual(1);
    const note = body.items.find(
      (item: { actor: { id: string } | null }) => item.actor?.id === socialWorker.id,
    );
    expect(note).toMatchObject({ kind: 'intervention-changed', citizenId: citizen.id, readAt: null });
    expect(note.payload).toMatchObject({ byUnit: expect.stringContaining('Socialpsykiatrien') });
    expect(note.payload).not.toHaveProperty('text');
    expect(await danishSentence(note)).toContain('Socialpsykiatrien');
    const read = await t.request(coordinator.cookie, { method: 'POST', url: `/api/inbox/${note.id}/read` });
    expect(read.statusCode).toBe(200);
    expect(read.json().unread).toBe(body.unread - 1);
    // The one who made the change is not told about it; nobody reads another's notification.
    const own = (await t.request(socialWorker.cookie, { method: 'GET', url: '/api/inbox' })).json();
    expect(
      own.items.some((item: { actor: { id: string } | null }) => item.actor?.id === socialWorker.id),
    ).toBe(false);
    const foreign = await t.request(socialWorker.cookie, {
      method: 'POST',
      url: `/api/inbox/${note.id}/read`,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('is refused to a professional with no relationship, and the refusal is audited', async () => {
    const response = await t.request(stranger.cookie, {
      method: 'GET',
      url: `/api/citizens/${citizen.id}/flags`,
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const refused = await t.request(stranger.cookie, {
      method: 'POST',
      url: `/api/flags/${duplicateId}/resolve`,
      payload: { comment: 'Ikke min sag' },
    });
    expect(refused.statusCode).toBe(403);
    const denied = await t.context.database.db
      .selectFrom('audit_event')
      .select('resource')
      .where('citizen_id', '=', citizen.id)
      .where('actor_id', '=', stranger.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.map((row) => row.resource)).toEqual(
      expect.arrayContaining(['flags', `flag:${duplicateId}`]),
    );
  });

  it('is acknowledged by another professional, may not be resolved while its cause remains, and is dismissed with a reason and a return date', async () => {
    const bad = await t.request(socialWorker.cookie, {
      method: 'POST',
      url: `/api/flags/${duplicateId}/dismiss`,
      payload: {},
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(['reason', 'returnDate']),
    );
    const ack = await t.request(socialWorker.cookie, {
      method: 'POST',
      url: `/api/flags/${duplicateId}/acknowledge`,
      payload: { comment: 'Jeg tager det med på netværksmødet' },
    });
    expect(ack.statusCode).toBe(200);
    expect(ack.json().status).toBe('acknowledged');
    // Both mentors still run: the cause remains, so "resolved" would not be true.
    const refused = await t.request(socialWorker.cookie, {
      method: 'POST',
      url: `/api/flags/${duplicateId}/resolve`,
      payload: { comment: 'Aftalt: jobcentrets mentor fortsætter, vores stopper' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().detail).toMatch(/dismiss the flag with a reason and a return date/);
    const past = await t.request(socialWorker.cookie, {
      method: 'POST',
      url: `/api/flags/${duplicateId}/dismiss`,
      payload: { reason: 'Aftalt på netværksmødet', returnDate: today },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual([{ field: 'returnDate', message: 'must be after today' }]);
    const blank = await t.request(socialWorker.cookie, {
      method: 'POST',
      url: `/api/flags/${duplicateId}/dismiss`,
      payload: { reason: '   ', returnDate: addDays(today, 30) },
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].field).toBe('reason');
    const dismissed = await t.request(socialWorker.cookie, {
      method: 'POST',
      url: `/api/flags/${duplicateId}/dismiss`,
      payload: { reason: 'Jobcentrets mentor stopper til måneden', returnDate: addDays(today, 30) },
    });
    expect(dismissed.statusCode).toBe(200);
    const body = dismissed.json();
    expect(body).toMatchObject({ status: 'dismissed', dismissedUntil: addDays(today, 30) });
    expect(body.history.map((event: { action: string }) => event.action)).toEqual([
      'opened',
      'acknowledged',
      'dismissed',
    ]);
    expect(body.history[0].actor).toBeNull();
    expect(body.history[2].actor.id).toBe(socialWorker.id);
    const again = await t.request(coordinator.cookie, {
      method: 'POST',
      url: `/api/flags/${duplicateId}/acknowledge`,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
    const audits = await t.context.database.db
      .selectFrom('audit_event')
      .select(['resource', 'details'])
      .where('actor_id', '=', socialWorker.id)
      .where('action', '=', 'update')
      .where('resource', '=', `flag:${duplicateId}`)
      .where('outcome', '=', 'allowed')
      .execute();
    expect(audits).toHaveLength(2);
  });

  it('stays dismissed until its return date, then returns while the cause remains', async () => {
    const { db } = t.context.database;
    await scanMunicipality(db, municipalityId);
    let all = await flags(coordinator, 'all');
    expect(all.find((flag) => flag.id === duplicateId)?.status).toBe('dismissed');
    expect(all.filter((flag) => flag.ruleId === 'duplicate')).toHaveLength(1);
    // On the return date the cause is still there: the flag opens again.
    await scanMunicipality(db, municipalityId, { today: addDays(today, 30) });
    all = await flags(coordinator, 'all');
    const back = all.find((flag) => flag.id === duplicateId);
    expect(back).toMatchObject({ status: 'open', dismissedUntil: null });
    const detail = await t.request(coordinator.cookie, { method: 'GET', url: `/api/flags/${duplicateId}` });
    expect(detail.json().history.at(-1)).toMatchObject({ action: 'reopened', actor: null });
  });
});

describe('collisions and contradictions', () => {
  it('flags clashing weekly schedules and resolves the flag by itself when the clash is gone', async () => {
    const weekdays = ['mon', 'tue', 'wed'].map((day) => ({ day, from: '09:00', to: '15:00' }));
    await addIntervention(coordinator, {
      typeId: mentorType,
      unitId: jobcenter,
      responsibleId: coordinator.id,
      startDate: addDays(today, -5),
      schedule: weekdays,
    });
    const treatment = await addIntervention(socialWorker, {
      typeId: treatmentType,
      unitId: psychiatry,
      responsibleId: socialWorker.id,
      schedule: [{ day: 'tue', from: '10:00', to: '12:00' }],
    });
    const collision = (await flags(coordinator)).find((flag) => flag.ruleId === 'collision');
    expect(collision?.explanation.data).toMatchObject({
      kind: 'schedule',
      days: ['tue'],
      minutesPerWeek: 120,
    });
    const moved = await t.request(socialWorker.cookie, {
      method: 'PATCH',
      url: `/api/citizens/${citizen.id}/plan/interventions/${treatment}`,
      payload: { schedule: [{ day: 'thu', from: '10:00', to: '12:00' }] },
      headers: { 'if-match': await etag(socialWorker) },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await flags(coordinator)).some((flag) => flag.ruleId === 'collision')).toBe(false);
    const closed = (await flags(coordinator, 'all')).find((flag) => flag.id === collision?.id);
    expect(closed?.status).toBe('resolved');
  });

  it('names the field of an invalid schedule', async () => {
    const response = await t.request(coordinator.cookie, {
      method: 'POST',
      url: `/api/citizens/${citizen.id}/plan/interventions`,
      payload: {
        typeId: mentorType,
        unitId: jobcenter,
        startDate: today,
        schedule: [{ day: 'tue', from: '12:00', to: '10:00' }],
      },
      headers: { 'if-match': await etag(coordinator) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('schedule.0.to');
  });

  it('flags a job goal while another unit prepares a disability pension', async () => {
    await addIntervention(leader, { typeId: pensionType, unitId: jobcenter });
    const contradiction = (await flags(coordinator)).filter((flag) => flag.ruleId === 'contradiction');
    expect(contradiction.length).toBeGreaterThanOrEqual(1);
    expect(contradiction[0]?.severity).toBe('high');
  });
});

describe('stalled progress', () => {
  it('flags a sub-goal whose GAS level has not moved over three follow-ups', async () => {
    const created = await t.request(coordinator.cookie, {
      method: 'POST',
      url: `/api/citizens/${citizen.id}/plan/sub-goals`,
      payload: { title: 'Tage bussen alene', gasLevel: 0 },
      headers: { 'if-match': await etag(coordinator) },
    });
    expect(created.statusCode).toBe(201);
    const subGoalId = created.json().id as string;
    for (const gasLevel of [0, -1]) {
      const followUp = await t.request(coordinator.cookie, {
        method: 'POST',
        url: `/api/citizens/${citizen.id}/plan/sub-goals/${subGoalId}/gas-follow-ups`,
        payload: { gasLevel, note: 'Opfølgning' },
        headers: { 'if-match': await etag(coordinator) },
      });
      expect(followUp.statusCode, followUp.body).toBe(201);
    }
    const stalled = (await flags(coordinator)).find(
      (flag) => flag.ruleId === 'stalled' && flag.subjectIds.includes(subGoalId),
    );
    expect(stalled?.explanation.data).toMatchObject({ kind: 'gas-not-improving', levels: [0, 0, -1] });
    expect(stalled?.severity).toBe('high');
  });
});

describe('the leaders’ view and configuration', () => {
  it('gives leaders counts by rule, unit pair and sector pair', async () => {
    const denied = await t.request(coordinator.cookie, { method: 'GET', url: '/api/coordination/overview' });
    expect(denied.statusCode).toBe(403);
    const response = await t.request(leader.cookie, { method: 'GET', url: '/api/coordination/overview' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const duplicate = body.byRule.find((rule: { ruleId: string }) => rule.ruleId === 'duplicate');
    // The duplicate was dismissed, and returned on its date because both mentors still run.
    expect(duplicate.resolved).toBe(0);
    expect(duplicate.open).toBeGreaterThanOrEqual(1);
    expect(body.totals.citizensWithOpenFlags).toBe(1);
    const pair = body.mostCollidingUnitPairs[0];
    expect([pair.a.name, pair.b.name].sort()).toEqual(['Jobcenter Ressource', 'Socialpsykiatrien']);
    // A sector pair is two different sectors; flags within one sector are counted apart.
    expect(body.bySectorPair.length + body.withinSector.length).toBeGreaterThan(0);
    for (const sectorPair of body.bySectorPair) expect(sectorPair.a.id).not.toBe(sectorPair.b.id);
  });

  it('counts open flags per citizen for My day', async () => {
    const response = await t.request(coordinator.cookie, { method: 'GET', url: '/api/my-day/flags' });
    expect(response.statusCode).toBe(200);
    const [item] = response.json().items;
    expect(item.citizenId).toBe(citizen.id);
    expect(item.open).toBeGreaterThan(0);
    expect(item.ownedByMe).toBeGreaterThan(0);
  });

  it('lets an administrator switch a rule off, names a bad setting, and refuses caseworkers and unit leaders', async () => {
    const caseworker = await t.request(coordinator.cookie, {
      method: 'PUT',
      url: '/api/coordination/rules/gaps',
      payload: { enabled: false },
    });
    expect(caseworker.statusCode).toBe(403);
    // One unit's team leader may not switch a rule off for the whole municipality.
    const unitLeader = await t.request(leader.cookie, {
      method: 'PUT',
      url: '/api/coordination/rules/gaps',
      payload: { enabled: false },
      headers: { 'accept-language': 'da' },
    });
    expect(unitLeader.statusCode).toBe(403);
    expect(unitLeader.json()).toMatchObject({
      code: 'settings.administrator',
      detail: 'Indstillinger for hele kommunen ændres af en administrator.',
    });
    const bad = await t.request(administrator.cookie, {
      method: 'PUT',
      url: '/api/coordination/rules/gaps',
      payload: { settings: { followUpGraceDays: -3 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('settings.followUpGraceDays');
    const unknown = await t.request(administrator.cookie, {
      method: 'PUT',
      url: '/api/coordination/rules/nope',
      payload: {},
    });
    expect(unknown.statusCode).toBe(400);
    expect((await flags(coordinator)).some((flag) => flag.ruleId === 'gaps')).toBe(true);
    const off = await t.request(administrator.cookie, {
      method: 'PUT',
      url: '/api/coordination/rules/gaps',
      payload: { enabled: false },
    });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ id: 'gaps', enabled: false });
    const scan = await scanMunicipality(t.context.database.db, municipalityId);
    expect(scan.resolved).toBeGreaterThan(0);
    expect((await flags(coordinator)).some((flag) => flag.ruleId === 'gaps')).toBe(false);
    const list = (await t.request(leader.cookie, { method: 'GET', url: '/api/coordination/rules' })).json();
    expect(list.items.find((rule: { id: string }) => rule.id === 'gaps').enabled).toBe(false);
  });
});

describe('the batch scan', () => {
  it('agrees with the incremental check and changes nothing when run twice', async () => {
    const snapshot = async () =>
      t.context.database.db
        .selectFrom('coordination_flag')
        .select(['id', 'fingerprint', 'status', 'status_at'])
        .where('municipality_id', '=', municipalityId)
        .orderBy('id')
        .execute();
    const first = await scanMunicipality(t.context.database.db, municipalityId);
    // Every flag the scan would open was already opened inside the plan writes.
    expect(first.created).toBe(0);
    const before = await snapshot();
    const second = await scanMunicipality(t.context.database.db, municipalityId);
    expect(second).toMatchObject({ created: 0, reopened: 0, resolved: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('finds the same when it reads the citizens in ranges as when it reads them at once', async () => {
    // A municipality of its own: five citizens, each with an intervention that serves no
    // sub-goal (and no goal of their own), written straight to the tables, so only the batch
    // scan opens their flags.
    const { id: other } = await t.factories.municipality();
    const citizens: string[] = [];
    for (let index = 0; index < 5; index++) {
      const { citizenId } = await t.factories.intervention({ municipalityId: other });
      citizens.push(citizenId);
    }
    const stored = () =>
      t.context.database.db
        .selectFrom('coordination_flag')
        .select(['id', 'citizen_id', 'fingerprint', 'status', 'owner_id', 'status_at'])
        .where('municipality_id', '=', other)
        .orderBy('id')
        .execute();
    const whole = await scanMunicipality(t.context.database.db, other, { citizensPerRange: 0 });
    const before = await stored();
    expect(whole.created).toBeGreaterThan(0);
    expect(citizens.filter((id) => before.some((flag) => flag.citizen_id === id))).toEqual(citizens);
    // One or two citizens per range: a citizen or a stored flag missed at a range's edge would
    // be resolved, and one read twice would count its findings twice.
    for (const citizensPerRange of [1, 2]) {
      const ranged = await scanMunicipality(t.context.database.db, other, { citizensPerRange });
      expect(ranged).toMatchObject({
        citizens: whole.citizens,
        findings: whole.findings,
        created: 0,
        reopened: 0,
        resolved: 0,
        reassigned: 0,
      });
      expect(await stored()).toEqual(before);
    }
  });
});

describe('flag owners', () => {
  it('follow the coordinator when the plan names a new one, but not once someone took the flag on', async () => {
    // An earlier test switched the gaps rule off; this one needs it.
    const on = await t.request(administrator.cookie, {
      method: 'PUT',
      url: '/api/coordination/rules/gaps',
      payload: { enabled: true },
    });
    expect(on.statusCode).toBe(200);
    const other = await t.factories.citizen(municipalityId, { coordinatorId: coordinator.id });
    const etagOf = async (): Promise<string> =>
      String(
        (await t.request(coordinator.cookie, { method: 'GET', url: `/api/citizens/${other.id}/plan` }))
          .headers.etag,
      );
    const post = async (path: string, payload: Record<string, unknown>) => {
      const response = await t.request(coordinator.cookie, {
        method: 'POST',
        url: `/api/citizens/${other.id}/plan/${path}`,
        payload,
        headers: { 'if-match': await etagOf() },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    // Two flags, both owned by the coordinator: a duplicate and (no sub-goals) gaps.
    const base = { startDate: addDays(today, -30), status: 'active', typeId: mentorType };
    await post('interventions', { ...base, unitId: jobcenter, responsibleId: coordinator.id });
    await post('interventions', { ...base, unitId: psychiatry, responsibleId: socialWorker.id });
    const open = async () => {
      const response = await t.request(coordinator.cookie, {
        method: 'GET',
        url: `/api/citizens/${other.id}/flags?include=all`,
      });
      return response.json().items as {
        id: string;
        ruleId: string;
        status: string;
        owner: { id: string } | null;
        history: { action: string }[] | undefined;
      }[];
    };
    const before = await open();
    const duplicate = before.find((flag) => flag.ruleId === 'duplicate');
    const gaps = before.find((flag) => flag.ruleId === 'gaps');
    expect(duplicate?.owner?.id).toBe(coordinator.id);
    expect(gaps?.owner?.id).toBe(coordinator.id);

    // The social worker takes the duplicate on: it is theirs now.
    const taken = await t.request(socialWorker.cookie, {
      method: 'POST',
      url: `/api/flags/${duplicate?.id}/acknowledge`,
      payload: {},
    });
    expect(taken.statusCode).toBe(200);
    expect(taken.json().owner.id).toBe(socialWorker.id);

    // A new coordinator: the leader of the jobcenter team takes over the citizen.
    await post('team', { kind: 'professional', professionalId: leader.id, isCoordinator: true });
    const after = await open();
    expect(after.find((flag) => flag.id === gaps?.id)?.owner?.id).toBe(leader.id);
    expect(after.find((flag) => flag.id === duplicate?.id)?.owner?.id).toBe(socialWorker.id);
    const history = await t.request(leader.cookie, { method: 'GET', url: `/api/flags/${gaps?.id}` });
    expect(history.json().history.map((event: { action: string }) => event.action)).toContain(
      'owner_changed',
    );
    // The batch scan agrees: nothing left to move.
    const scan = await scanMunicipality(t.context.database.db, municipalityId);
    expect(scan.created).toBe(0);
    const owners = await t.context.database.db
      .selectFrom('coordination_flag')
      .select(['id', 'owner_id'])
      .where('citizen_id', '=', other.id)
      .execute();
    expect(owners.find((flag) => flag.id === gaps?.id)?.owner_id).toBe(leader.id);
    expect(owners.find((flag) => flag.id === duplicate?.id)?.owner_id).toBe(socialWorker.id);

    // Off the team and with no intervention left, the social worker still owns the flag they took
    // on, and may follow it up — but sees the jobcenter's intervention as "that, not what" only.
    const plan = (
      await t.request(coordinator.cookie, { method: 'GET', url: `/api/citizens/${other.id}/plan` })
    ).json();
    const theirs = plan.sectors
      .flatMap((group: { interventions: { id: string; unit: { id: string } }[] }) => group.interventions)
      .find((item: { unit: { id: string } }) => item.unit.id === psychiatry);
    // Only the owning unit ends its intervention: the social worker does.
    const ended = await t.request(socialWorker.cookie, {
      method: 'POST',
      url: `/api/citizens/${other.id}/plan/interventions/${theirs.id}/end`,
      payload: { reason: 'Stoppet: jobcentrets mentor fortsætter' },
      headers: { 'if-match': await etagOf() },
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(
      (await t.request(socialWorker.cookie, { method: 'GET', url: `/api/citizens/${other.id}/plan` }))
        .statusCode,
    ).toBe(403);
    const followUp = await t.request(socialWorker.cookie, {
      method: 'GET',
      url: `/api/flags/${duplicate?.id}`,
    });
    expect(followUp.statusCode).toBe(200);
    expect(followUp.json()).toMatchObject({ detailsHidden: true });
    expect(followUp.json().explanation.da).not.toContain('Mentorstøtte');
  });
});
