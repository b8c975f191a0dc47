import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, danishToday } from '../../src/domain/calendar.js';
import { scanMunicipality } from '../../src/server/coordination/coordination-scan.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Person {
  id: string;
  cookie: string;
}

let t: TestApp;
let municipalityId: string;
let jobcenter: string;
let housing: string;
let sender: Person;
let receiverLeader: Person;
let receiver: Person;
let citizenLogin: string;
let citizen: { id: string };
let subGoalId: string;
let typeId: string;
const today = danishToday();

async function etag(person: Person): Promise<string> {
  const response = await t.request(person.cookie, { method: 'GET', url: `/api/citizens/${citizen.id}/plan` });
  return String(response.headers.etag);
}

async function refer(body: Record<string, unknown>) {
  return t.request(sender.cookie, {
    method: 'POST',
    url: `/api/citizens/${citizen.id}/referrals`,
    payload: body,
  });
}

beforeAll(async () => {
  t = await startTestApp();
  ({ id: municipalityId } = await t.factories.municipality());
  jobcenter = (await t.factories.unit(municipalityId, { sector: 'employment', name: 'Jobcenter' })).id;
  housing = (await t.factories.unit(municipalityId, { sector: 'housing', name: 'Boligsocialt team' })).id;
  const login = async (unitId: string, role = 'caseworker'): Promise<Person> => {
    const { id } = await t.factories.professional(municipalityId, unitId, { role });
    return { id, cookie: await t.login({ municipalityId, kind: 'professional', id }) };
  };
  sender = await login(jobcenter);
  receiverLeader = await login(housing, 'team_leader');
  receiver = await login(housing);
  typeId = (await t.factories.interventionType(municipalityId, { sector: 'housing', legalBasis: 'SEL-85' }))
    .id;
  citizen = await t.factories.citizen(municipalityId, { coordinatorId: sender.id });
  citizenLogin = await t.login({ municipalityId, kind: 'citizen', id: citizen.id });
  const goal = await t.request(sender.cookie, {
    method: 'POST',
    url: `/api/citizens/${citizen.id}/plan/sub-goals`,
    payload: { title: 'Beholde lejligheden' },
    headers: { 'if-match': await etag(sender) },
  });
  expect(goal.statusCode).toBe(201);
  subGoalId = goal.json().id;
});
afterAll(() => t?.dispose());

describe('a referral with a closed loop', () => {
  let referralId: string;

  it('names the field of bad input and refuses a referral to nowhere', async () => {
    const both = await refer({ reason: 'Hjælp', toUnitId: housing, toCivilSociety: 'Kirkens Korshær' });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].field).toBe('toUnitId');
    const past = await refer({ reason: 'Hjælp', toUnitId: housing, answerDue: addDays(today, -1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].field).toBe('answerDue');
    const foreignGoal = await refer({ reason: 'Hjælp', toUnitId: housing, subGoalId: typeId });
    expect(foreignGoal.statusCode).toBe(400);
    expect(foreignGoal.json().errors[0].field).toBe('subGoalId');
    expect(await t.context.database.db.selectFrom('referral').select('id').execute()).toHaveLength(0);
  });

  it('gives the receiving unit a relationship while it is pending', async () => {
    const before = await t.request(receiverLeader.cookie, {
      method: 'GET',
      url: `/api/citizens/${citizen.id}/plan`,
    });
    expect(before.statusCode).toBe(403);
    const response = await refer({
      toUnitId: housing,
      subGoalId,
      typeId,
      reason: 'Borgeren er i risiko for at miste lejligheden; bed om bostøtte',
    });
    expect(response.statusCode, response.body).toBe(201);
    const referral = response.json();
    referralId = referral.id;
    expect(referral).toMatchObject({
      status: 'requested',
      subGoal: { id: subGoalId, title: 'Beholde lejligheden' },
      from: { unit: { id: jobcenter }, professional: { id: sender.id } },
      to: { unit: { id: housing, name: 'Boligsocialt team' }, civilSociety: null },
      answerDue: addDays(today, 10),
      overdue: false,
    });
    const after = await t.request(receiverLeader.cookie, {
      method: 'GET',
      url: `/api/citizens/${citizen.id}/plan`,
    });
    expect(after.statusCode).toBe(200);
    const inbox = (await t.request(receiverLeader.cookie, { method: 'GET', url: '/api/inbox' })).json();
    expect(inbox.items[0]).toMatchObject({ kind: 'referral-requested', subjectId: referralId });
  });

  it('is answered by the receiving unit, not by the sender', async () => {
    const incoming = (
      await t.request(receiver.cookie, { method: 'GET', url: '/api/referrals?direction=incoming' })
    ).json();
    expect(incoming.items.map((item: { id: string }) => item.id)).toEqual([referralId]);
    const bySender = await t.request(sender.cookie, {
      method: 'POST',
      url: `/api/referrals/${referralId}/accept`,
      payload: {},
    });
    expect(bySender.statusCode).toBe(403);
    const accepted = await t.request(receiver.cookie, {
      method: 'POST',
      url: `/api/referrals/${referralId}/accept`,
      payload: { comment: 'Vi tager den' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    const again = await t.request(receiver.cookie, {
      method: 'POST',
      url: `/api/referrals/${referralId}/accept`,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
    const senderInbox = (await t.request(sender.cookie, { method: 'GET', url: '/api/inbox' })).json();
    expect(senderInbox.items.some((item: { kind: string }) => item.kind === 'referral-accepted')).toBe(true);
  });

  it('starts with the intervention and is completed, with the whole history', async () => {
    const created = await t.request(sender.cookie, {
      method: 'POST',
      url: `/api/citizens/${citizen.id}/plan/interventions`,
      payload: { typeId, unitId: housing, startDate: today, status: 'active', subGoalIds: [subGoalId] },
      headers: { 'if-match': await etag(sender) },
    });
    expect(created.statusCode, created.body).toBe(201);
    const interventionId = created.json().id;
    const started = await t.request(receiver.cookie, {
      method: 'POST',
      url: `/api/referrals/${referralId}/start`,
      payload: { interventionId },
    });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'started', interventionId });
    const completed = await t.request(sender.cookie, {
      method: 'POST',
      url: `/api/referrals/${referralId}/complete`,
      payload: { comment: 'Bostøtten er i gang og virker' },
    });
    expect(completed.statusCode).toBe(200);
    const body = completed.json();
    expect(body.history.map((event: { status: string }) => event.status)).toEqual([
      'requested',
      'accepted',
      'started',
      'completed',
    ]);
    expect(body.history[1].actor.id).toBe(receiver.id);
    const audits = await t.context.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('resource', '=', `referral:${referralId}`)
      .where('outcome', '=', 'allowed')
      .execute();
    expect(audits.filter((row) => row.action === 'create')).toHaveLength(1);
    expect(audits.filter((row) => row.action === 'update')).toHaveLength(3);
  });

  it('is visible to the citizen', async () => {
    const response = await t.request(citizenLogin, {
      method: 'GET',
      url: `/api/citizens/${citizen.id}/referrals`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().items[0]).toMatchObject({ id: referralId, status: 'completed' });
  });
});

describe('declined, civil-society and overdue referrals', () => {
  it('needs a reason to decline', async () => {
    const { id } = (await refer({ toUnitId: housing, reason: 'Gældsrådgivning?' })).json();
    const noReason = await t.request(receiver.cookie, {
      method: 'POST',
      url: `/api/referrals/${id}/decline`,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
    const declined = await t.request(receiver.cookie, {
      method: 'POST',
      url: `/api/referrals/${id}/decline`,
      payload: { reason: 'Hører under Borgerservice' },
    });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'Hører under Borgerservice' });
  });

  it('lets the sender record a civil-society actor’s answer', async () => {
    const { id } = (
      await refer({ toCivilSociety: 'Kirkens Korshær, besøgstjenesten', reason: 'Besøgsven' })
    ).json();
    const accepted = await t.request(sender.cookie, {
      method: 'POST',
      url: `/api/referrals/${id}/accept`,
      payload: {},
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().to).toEqual({ unit: null, civilSociety: 'Kirkens Korshær, besøgstjenesten' });
  });

  it('flags a referral nobody answered by its date', async () => {
    const { id } = (await refer({ toUnitId: housing, reason: 'Hjælp til flytning' })).json();
    await t.context.database.db
      .updateTable('referral')
      .set({ answer_due: addDays(today, -3) })
      .where('id', '=', id)
      .execute();
    const scan = await scanMunicipality(t.context.database.db, municipalityId);
    expect(scan.created).toBeGreaterThanOrEqual(1);
    const flags = (
      await t.request(sender.cookie, { method: 'GET', url: `/api/citizens/${citizen.id}/flags` })
    ).json();
    const overdue = flags.items.find((flag: { ruleId: string }) => flag.ruleId === 'referral-overdue');
    expect(overdue).toMatchObject({ subjectIds: [id], owner: { id: sender.id } });
    // Answering closes the loop and the flag with it, inside the same write.
    await t.request(receiver.cookie, { method: 'POST', url: `/api/referrals/${id}/accept`, payload: {} });
    const after = (
      await t.request(sender.cookie, { method: 'GET', url: `/api/citizens/${citizen.id}/flags` })
    ).json();
    expect(after.items.some((flag: { ruleId: string }) => flag.ruleId === 'referral-overdue')).toBe(false);
  });
});
