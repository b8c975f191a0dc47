import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Person {
  id: string;
  cookie: string;
}

let t: TestApp;
let municipalityId: string;
let housing: string;
let sender: Person;
let receiverLeader: Person;
let receivers: Person[];
let outsider: Person;
let citizen: { id: string };
let citizenName: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ id: municipalityId } = await t.factories.municipality());
  const jobcenter = (await t.factories.unit(municipalityId, { sector: 'employment', name: 'Jobcenter' })).id;
  housing = (await t.factories.unit(municipalityId, { sector: 'housing', name: 'Boligsocialt team' })).id;
  const health = (await t.factories.unit(municipalityId, { sector: 'health-care', name: 'Hjemmeplejen' })).id;
  const login = async (unitId: string, role = 'caseworker'): Promise<Person> => {
    const { id } = await t.factories.professional(municipalityId, unitId, { role });
    return { id, cookie: await t.login({ municipalityId, kind: 'professional', id }) };
  };
  sender = await login(jobcenter);
  receiverLeader = await login(housing, 'team_leader');
  receivers = [await login(housing), await login(housing)];
  outsider = await login(health);
  citizen = await t.factories.citizen(municipalityId, { coordinatorId: sender.id });
  const row = await t.context.database.db
    .selectFrom('citizen')
    .select(['given_name', 'family_name'])
    .where('id', '=', citizen.id)
    .executeTakeFirstOrThrow();
  citizenName = `${row.given_name} ${row.family_name}`;
});
afterAll(() => t?.dispose());

async function inboxOf(person: Person) {
  const response = await t.request(person.cookie, { method: 'GET', url: '/api/inbox' });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as {
    kind: string;
    subjectId: string;
    citizenId: string;
    payload: { citizen?: { name: string } };
  }[];
}

async function badge(person: Person): Promise<number> {
  const response = await t.request(person.cookie, { method: 'GET', url: '/api/referrals/unanswered-count' });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().count as number;
}

async function unanswered(person: Person) {
  const response = await t.request(person.cookie, {
    method: 'GET',
    url: '/api/referrals?direction=incoming&status=unanswered',
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as { id: string; citizen: { id: string; name: string } | null }[];
}

describe('a received referral', () => {
  const referralIds: string[] = [];

  it('reaches every member of the receiving unit, naming the citizen, and no one else', async () => {
    for (const reason of ['Hjælp til at beholde lejligheden', 'Bostøtte efter udskrivning']) {
      const created = await t.request(sender.cookie, {
        method: 'POST',
        url: `/api/citizens/${citizen.id}/referrals`,
        payload: { toUnitId: housing, reason },
      });
      expect(created.statusCode, created.body).toBe(201);
      referralIds.push(created.json().id);
    }
    for (const person of [receiverLeader, ...receivers]) {
      const items = (await inboxOf(person)).filter((item) => item.kind === 'referral-requested');
      expect(items.map((item) => item.subjectId).sort()).toEqual([...referralIds].sort());
      for (const item of items) expect(item.payload.citizen?.name).toBe(citizenName);
    }
    expect((await inboxOf(outsider)).filter((item) => item.kind.startsWith('referral-'))).toEqual([]);
    // The sender does not notify themself.
    expect((await inboxOf(sender)).filter((item) => item.kind === 'referral-requested')).toEqual([]);
  });

  it('is listed naming the citizen to the receiving unit, through the pending referral', async () => {
    const items = await unanswered(receivers[0] as Person);
    expect(items.map((item) => item.id).sort()).toEqual([...referralIds].sort());
    for (const item of items) expect(item.citizen).toEqual({ id: citizen.id, name: citizenName });
    const one = await t.request((receivers[1] as Person).cookie, {
      method: 'GET',
      url: `/api/referrals/${referralIds[0]}`,
    });
    expect(one.json().citizen?.name).toBe(citizenName);
    const refused = await t.request(outsider.cookie, {
      method: 'GET',
      url: `/api/referrals/${referralIds[0]}`,
    });
    expect(refused.statusCode).toBe(403);
  });

  it("counts the unit's unanswered referrals for the badge, equal to the list, and answering takes one off", async () => {
    for (const person of [receiverLeader, ...receivers]) {
      expect(await badge(person)).toBe((await unanswered(person)).length);
      expect(await badge(person)).toBe(2);
    }
    expect(await badge(outsider)).toBe(0);
    const accepted = await t.request(receiverLeader.cookie, {
      method: 'POST',
      url: `/api/referrals/${referralIds[0]}/accept`,
      payload: {},
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    for (const person of [receiverLeader, ...receivers]) {
      expect(await badge(person)).toBe(1);
      expect((await unanswered(person)).map((item) => item.id)).toEqual([referralIds[1]]);
    }
  });
});
