import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The citizen's access log (security review L2): one entry per page visit, not one per
 * sub-resource, and every list of citizens they appeared in, said in words.
 */
let t: TestApp;
let w: AccessWorld;

interface Entry {
  action: string;
  what: string;
  parts: string[];
  inList: boolean;
  description: { da: string; en: string };
  who: { unit: string | null };
}

async function accessLog(cookie = w.citizen.cookie, citizenId = w.citizen.id): Promise<Entry[]> {
  const response = await t.request(cookie, { method: 'GET', url: `/api/citizens/${citizenId}/access-log` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

async function get(cookie: string, url: string, visit?: string): Promise<void> {
  const response = await t.request(cookie, {
    method: 'GET',
    url,
    ...(visit ? { headers: { 'x-samspil-visit': visit } } : {}),
  });
  expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBe(200);
}

const PLAN_PAGE = (citizenId: string) => [
  `/api/citizens/${citizenId}/plan`,
  `/api/citizens/${citizenId}/plan/history`,
  `/api/citizens/${citizenId}/flags`,
  `/api/citizens/${citizenId}/meetings`,
  `/api/citizens/${citizenId}/consents`,
];

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
}, 60_000);
afterAll(() => t?.dispose());

describe('the citizen’s access log', () => {
  it('shows one plan visit as one entry, while the audit trail keeps every read', async () => {
    const before = (await accessLog()).length;
    const visit = randomUUID();
    for (const url of PLAN_PAGE(w.citizen.id)) await get(w.psychiatryWorker.cookie, url, visit);
    const log = await accessLog();
    expect(log.length - before).toBe(1);
    expect(log[0]).toMatchObject({
      action: 'read',
      what: 'plan',
      inList: false,
      who: { unit: 'Socialpsykiatrien Adgang' },
    });
    expect(log[0]?.parts).toEqual(['plan', 'plan_history', 'flags', 'meetings', 'consent']);
    expect(log[0]?.description.da).toBe(
      'Så din plan, planens historik, koordineringen af din plan, dine møder og dine samtykker',
    );
    // The supervisor's audit search still has each read, with the visit to group them by.
    const search = await t.request(w.administrator.cookie, {
      method: 'GET',
      url: `/api/audit/events?citizenId=${w.citizen.id}&actorId=${w.psychiatryWorker.id}&action=read`,
    });
    const reads = (search.json().items as { details: { visit?: string } | null }[]).filter(
      (item) => item.details?.visit === visit,
    );
    expect(reads).toHaveLength(5);
    // A second visit is a second entry; reads without a visit id stay one entry each.
    // (The supervisor's search for the citizen is itself an entry in the citizen's log.)
    expect((await accessLog()).length - before).toBe(2);
    const second = randomUUID();
    for (const url of PLAN_PAGE(w.citizen.id)) await get(w.psychiatryWorker.cookie, url, second);
    expect((await accessLog()).length - before).toBe(3);
    await get(w.psychiatryWorker.cookie, `/api/citizens/${w.citizen.id}/plan`);
    await get(w.psychiatryWorker.cookie, `/api/citizens/${w.citizen.id}/plan/history`);
    expect((await accessLog()).length - before).toBe(5);
  });

  it('ignores a visit header that is not a UUID', async () => {
    const response = await t.request(w.coordinator.cookie, {
      method: 'GET',
      url: `/api/citizens/${w.citizen.id}/plan`,
      headers: { 'x-samspil-visit': "'; DROP TABLE audit_event; --" },
    });
    expect(response.statusCode).toBe(200);
  });

  it('records every list the citizen appeared in, for that citizen, in words', async () => {
    // A referral to the home care unit (for its incoming list) and a break-the-glass there.
    const referral = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/referrals`,
      payload: { toUnitId: w.units.health, reason: 'Hjælp til medicin' },
    });
    expect(referral.statusCode, referral.body).toBe(201);
    await t.factories.breakGlass({
      citizenId: w.citizen.id,
      professionalId: w.healthWorker.id,
      reason: 'Akut: borgeren er faldet',
      expiresAt: new Date(Date.now() - 1000),
    });
    // A change by the jobcenter tells the psychiatry worker in their inbox.
    const changed = await w.write(`/interventions/${w.interventions.jobcenter}`, 'PATCH', {
      frequency: 'dagligt',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const before = await accessLog();
    const otherBefore = await accessLog(w.otherCitizen.cookie, w.otherCitizen.id);
    const lists: [string, string][] = [
      [w.coordinator.cookie, '/api/citizens'],
      [w.coordinator.cookie, '/api/my-day'],
      [w.coordinator.cookie, '/api/my-day/flags'],
      [w.psychiatryWorker.cookie, '/api/inbox'],
      [w.jobcenterLeader.cookie, `/api/units/${w.units.jobcenter}/overview`],
      [w.healthWorker.cookie, '/api/referrals?direction=incoming'],
      [w.healthLeader.cookie, '/api/break-glass'],
      [w.administrator.cookie, '/api/audit/events'],
    ];
    for (const [cookie, url] of lists) await get(cookie, url);
    const log = await accessLog();
    const added = log.slice(0, log.length - before.length);
    const inLists = added.filter((entry) => entry.inList);
    expect(inLists.map((entry) => entry.what).sort()).toEqual(
      [
        'audit',
        'break_glass',
        'caseload',
        'inbox',
        'my-day',
        'my-day-flags',
        'referrals-incoming',
        'unit-overview',
      ].sort(),
    );
    const caseload = inLists.find((entry) => entry.what === 'caseload');
    expect(caseload?.description).toEqual({
      da: 'Så dig på en liste over borgere i Jobcenter Adgang',
      en: 'Saw you in a list of citizens in Jobcenter Adgang',
    });
    // Someone who was in none of these lists (bar the audit search, which lists them) sees none.
    const otherAdded = (await accessLog(w.otherCitizen.cookie, w.otherCitizen.id)).slice(
      0,
      -otherBefore.length || undefined,
    );
    expect(otherAdded.filter((entry) => entry.what !== 'audit')).toEqual([]);
  });

  it('finds a citizen among 120 list reads of 60 citizens each (the figures are printed)', async () => {
    const citizens = await Promise.all(
      Array.from({ length: 59 }, () =>
        t.factories.citizen(w.municipalityId, { coordinatorId: w.coordinator.id }),
      ),
    );
    const ids = [w.citizen.id, ...citizens.map((citizen) => citizen.id)];
    const actor = {
      kind: 'professional' as const,
      municipalityId: w.municipalityId,
      id: w.coordinator.id,
      role: 'caseworker' as const,
      unitId: w.units.jobcenter,
      name: 'Karin Koordinator',
    };
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 120 }, () =>
        t.context.audit.record({
          actor,
          citizenId: null,
          action: 'list',
          resource: 'caseload',
          outcome: 'allowed',
          clientIp: null,
          seenCitizens: ids,
        }),
      ),
    );
    const written = performance.now() - started;
    const read = performance.now();
    const log = await accessLog(w.citizen.cookie);
    const readMs = performance.now() - read;
    expect(log.filter((entry) => entry.inList && entry.what === 'caseload').length).toBeGreaterThanOrEqual(
      100,
    );
    console.info(
      `access log: 120 list records of 60 citizens written in ${written.toFixed(0)} ms; log read ${readMs.toFixed(0)} ms`,
    );
  });
});
