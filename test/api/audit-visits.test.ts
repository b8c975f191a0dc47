import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The supervisors' audit search by page visit: one row per visit, in words, with the citizen. */
let t: TestApp;
let w: AccessWorld;
let citizenName: string;
const planVisit = randomUUID();
const listVisit = randomUUID();

interface Visit {
  key: string;
  actor: { id: string; name: string | null; unit: { name: string } | null };
  citizen: { id: string; name: string | null } | null;
  inList: boolean;
  action: string;
  outcome: string;
  purpose: string | null;
  basis: string | null;
  description: { da: string; en: string };
  parts: { kind: string; text: { da: string; en: string } }[];
  entries: { id: string; resource: string }[];
}

const visits = async (cookie: string, query: string): Promise<Visit[]> => {
  const response = await t.request(cookie, { method: 'GET', url: `/api/audit/visits?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as Visit[];
};

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
  const row = await t.context.database.db
    .selectFrom('citizen')
    .select(['given_name', 'family_name'])
    .where('id', '=', w.citizen.id)
    .executeTakeFirstOrThrow();
  citizenName = `${row.given_name} ${row.family_name}`;
  // The plan page: the plan and what the page loads beside it, all with one visit id.
  for (const part of ['plan', 'plan/history', 'flags', 'meetings', 'proposals']) {
    const response = await t.request(w.coordinator.cookie, {
      method: 'GET',
      url: `/api/citizens/${w.citizen.id}/${part}`,
      headers: { 'x-samspil-visit': planVisit },
    });
    expect(response.statusCode, part).toBe(200);
  }
  // My day lists the citizen (a list read: citizen_id is empty, details.seenCitizens names her).
  expect(
    (
      await t.request(w.coordinator.cookie, {
        method: 'GET',
        url: '/api/my-day',
        headers: { 'x-samspil-visit': listVisit },
      })
    ).statusCode,
  ).toBe(200);
  // Someone without a relationship is refused the plan.
  await t.request(w.healthWorker.cookie, { method: 'GET', url: `/api/citizens/${w.citizen.id}/plan` });
});
afterAll(() => t?.dispose());

describe('GET /api/audit/visits', () => {
  it('shows the plan visit as one row in words, with the citizen, basis and the records to unfold', async () => {
    const items = await visits(w.administrator.cookie, `citizenId=${w.citizen.id}`);
    const plan = items.find((item) => item.key === planVisit);
    expect(plan).toBeDefined();
    expect(items.filter((item) => item.key === planVisit)).toHaveLength(1);
    expect(plan).toMatchObject({
      actor: { id: w.coordinator.id, name: 'Karin Koordinator', unit: { name: 'Jobcenter Adgang' } },
      citizen: { id: w.citizen.id, name: citizenName },
      inList: false,
      action: 'read',
      outcome: 'allowed',
      description: { da: `Så ${citizenName}s plan`, en: `Saw ${citizenName}’s plan` },
    });
    expect(plan?.basis).toBe('relationship');
    expect(plan?.entries.length).toBeGreaterThanOrEqual(5);
    expect(plan?.parts.map((part) => part.kind)).toEqual(
      expect.arrayContaining(['plan', 'plan_history', 'flags', 'meetings', 'proposals']),
    );
    // No developer words in what the row says.
    expect(JSON.stringify([plan?.description, plan?.parts.map((part) => part.text)])).not.toMatch(
      /plan_history|Listet|:[0-9a-f]{8}-/,
    );
  });

  it('finds the lists that showed the citizen, and leaves other citizens out of the filter', async () => {
    const items = await visits(w.administrator.cookie, `citizenId=${w.citizen.id}`);
    const list = items.find((item) => item.key === listVisit);
    expect(list).toMatchObject({ inList: true, citizen: { id: w.citizen.id, name: citizenName } });
    expect(list?.description.da).toBe(`Så ${citizenName} på Mit overblik`);
    expect(items.every((item) => item.citizen?.id === w.citizen.id)).toBe(true);
    const other = await visits(w.administrator.cookie, `citizenId=${w.otherCitizen.id}`);
    expect(other.some((item) => item.key === planVisit)).toBe(false);
  });

  it("shows a team leader their unit's staff, and a citizen's name only where their unit works with her", async () => {
    const jobcenter = await visits(w.jobcenterLeader.cookie, `citizenId=${w.citizen.id}`);
    expect(jobcenter.find((item) => item.key === planVisit)?.citizen?.name).toBe(citizenName);
    const health = await visits(w.healthLeader.cookie, `citizenId=${w.citizen.id}`);
    expect(health.some((item) => item.key === planVisit)).toBe(false);
    const refused = health.find((item) => item.actor.id === w.healthWorker.id);
    expect(refused).toMatchObject({ outcome: 'denied', citizen: { id: w.citizen.id, name: null } });
    expect(refused?.description.da).toBe('Så en borgers plan – afvist');
  });

  it('audits the search itself, and refuses (and audits refusing) anyone but a supervisor', async () => {
    await visits(w.administrator.cookie, `citizenId=${w.citizen.id}&limit=5`);
    const search = await t.context.database.db
      .selectFrom('audit_event')
      .select(['details', 'citizen_id'])
      .where('actor_id', '=', w.administrator.id)
      .where('action', '=', 'search')
      .where('resource', '=', 'audit')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(search.citizen_id).toBe(w.citizen.id);
    expect(search.details).toMatchObject({ criteria: { citizenId: w.citizen.id, limit: 5 } });

    const response = await t.request(w.coordinator.cookie, { method: 'GET', url: '/api/audit/visits' });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const denied = await t.context.database.db
      .selectFrom('audit_event')
      .select(['id'])
      .where('actor_id', '=', w.coordinator.id)
      .where('resource', '=', 'audit')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(1);
  });

  it('answers bad input with problem details that name the field', async () => {
    const response = await t.request(w.administrator.cookie, {
      method: 'GET',
      url: '/api/audit/visits?citizenId=0101901234',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toContain('citizenId');
  });
});
