import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 9, findings 7 and 8 (security review M4, M5, L3): the deny-by-default hook follows the
 * route the router matched, not the URL as written; the Origin check trusts the configured
 * public origin only; and text, dates and date-times that the database cannot hold are refused
 * with a 400 naming the field, never a 500, and without a half-written change.
 */
let t: TestApp;
let w: AccessWorld;

beforeAll(async () => {
  t = await startTestApp({ demo: true });
  w = await buildAccessWorld(t);
  await t.context.database.db
    .insertInto('demo_persona')
    .values({
      municipality_id: w.municipalityId,
      id: 'haerdning',
      subject_kind: 'professional',
      subject_id: w.jobcenterColleague.id,
      title_da: 'x',
      title_en: 'x',
    })
    .execute();
});
afterAll(() => t?.dispose());

const me = (cookie: string): Promise<number> =>
  t.request(cookie, { method: 'GET', url: '/api/auth/me' }).then((response) => response.statusCode);

describe('the deny-by-default hook follows the matched route (finding 7)', () => {
  it('asks for the CSRF header on a percent-encoded path: /%61pi/auth/logout', async () => {
    const cookie = await t.login({
      municipalityId: w.municipalityId,
      kind: 'professional',
      id: w.coordinator.id,
    });
    const response = await t.app.inject({
      method: 'POST',
      url: '/%61pi/auth/logout',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(await me(cookie)).toBe(200);
  });

  it('refuses a cross-origin demo login on a percent-encoded path, with no cookie', async () => {
    for (const url of ['/%61pi/auth/demo-login', '/api/auth/demo-%6Cogin', '/%61%70%69/auth/demo-login']) {
      const response = await t.request(null, {
        method: 'POST',
        url,
        payload: { persona: 'haerdning' },
        headers: { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
      });
      expect(response.statusCode, url).toBe(403);
      expect(response.headers['set-cookie'], url).toBeUndefined();
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('asks for a session and sends no-store on a percent-encoded read', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: `/%61pi/citizens/${w.citizen.id}/plan` });
    expect(anonymous.statusCode).toBe(401);
    const read = await t.request(w.coordinator.cookie, {
      method: 'GET',
      url: `/%61pi/citizens/${w.citizen.id}/plan`,
    });
    expect(read.statusCode).toBe(200);
    expect(read.headers['cache-control']).toBe('no-store');
  });

  it('compares Origin with the public origin only, never with the Host header', async () => {
    const payload = { persona: 'haerdning' };
    const rebound = await t.request(null, {
      method: 'POST',
      url: '/api/auth/demo-login',
      payload,
      headers: { origin: 'http://evil.example', host: 'evil.example' },
    });
    expect(rebound.statusCode).toBe(403);
    expect(rebound.headers['set-cookie']).toBeUndefined();
    const reboundWithPort = await t.request(null, {
      method: 'POST',
      url: '/api/auth/demo-login',
      payload,
      headers: { origin: 'http://evil.example:3000', host: 'evil.example:3000' },
    });
    expect(reboundWithPort.statusCode).toBe(403);
    // The public URL is http://localhost:3000: its loopback alias on the same port is the same machine.
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000']) {
      const own = await t.request(null, {
        method: 'POST',
        url: '/api/auth/demo-login',
        payload,
        headers: { origin },
      });
      expect(own.statusCode, origin).toBe(200);
    }
    const otherPort = await t.request(null, {
      method: 'POST',
      url: '/api/auth/demo-login',
      payload,
      headers: { origin: 'http://localhost:4000', host: 'localhost:4000' },
    });
    expect(otherPort.statusCode).toBe(403);
  });
});

describe('text and dates the database cannot hold get a 400 naming the field (finding 8)', () => {
  const plan = (): string => `/api/citizens/${w.citizen.id}/plan`;

  /** The plan's version and a digest of the citizen's plan rows, to see that nothing was half-written. */
  async function planState(): Promise<string> {
    const response = await t.request(w.coordinator.cookie, { method: 'GET', url: plan() });
    expect(response.statusCode).toBe(200);
    const body = response.json() as Record<string, unknown>;
    delete body.previousVisitAt;
    return `${response.headers.etag} ${JSON.stringify(body)}`;
  }

  type Case = {
    name: string;
    field: string;
    method: 'POST' | 'PUT' | 'PATCH';
    url: () => string;
    payload: (value: string) => unknown;
    as?: () => string;
  };
  const cases: Case[] = [
    {
      name: 'goal',
      field: 'ownWords',
      method: 'PUT',
      url: () => `${plan()}/goal`,
      payload: (v) => ({ ownWords: v }),
    },
    {
      name: 'sub-goal title',
      field: 'title',
      method: 'POST',
      url: () => `${plan()}/sub-goals`,
      payload: (v) => ({ title: v }),
    },
    {
      name: 'intervention purpose',
      field: 'purpose',
      method: 'PATCH',
      url: () => `${plan()}/interventions/${w.interventions.jobcenter}`,
      payload: (v) => ({ purpose: v }),
    },
    {
      name: 'team name',
      field: 'name',
      method: 'POST',
      url: () => `${plan()}/team`,
      payload: (v) => ({ kind: 'network', name: v }),
    },
    {
      name: 'end reason',
      field: 'reason',
      method: 'POST',
      url: () => `${plan()}/sub-goals/${w.subGoalId}/end`,
      payload: (v) => ({ reason: v }),
    },
    {
      name: 'GAS note',
      field: 'note',
      method: 'POST',
      url: () => `${plan()}/sub-goals/${w.subGoalId}/gas-follow-ups`,
      payload: (v) => ({ gasLevel: 0, note: v }),
    },
    {
      name: 'referral reason',
      field: 'reason',
      method: 'POST',
      url: () => `/api/citizens/${w.citizen.id}/referrals`,
      payload: (v) => ({ toUnitId: w.units.psychiatry, reason: v }),
    },
    {
      name: 'meeting purpose',
      field: 'purpose',
      method: 'POST',
      url: () => `/api/citizens/${w.citizen.id}/meetings`,
      payload: (v) => ({
        kind: 'network',
        purpose: v,
        startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        online: true,
      }),
    },
    {
      name: 'consent caseReference',
      field: 'caseReference',
      method: 'POST',
      url: () => `/api/citizens/${w.citizen.id}/consents`,
      payload: (v) => ({
        granteeSector: 'employment',
        categories: ['goals'],
        purpose: 'coordination',
        caseReference: v,
      }),
      as: () => w.citizen.cookie,
    },
    {
      name: 'break-glass reason',
      field: 'reason',
      method: 'POST',
      url: () => `/api/citizens/${w.otherCitizen.id}/break-glass`,
      payload: (v) => ({ reasonCode: 'other', reason: `Akut indlæggelse af borgeren, ${v}` }),
    },
  ];

  for (const [label, value, message] of [
    ['a NUL character', 'a\u0000b', /NUL/],
    ['a lone surrogate', '\ud800x', /lone UTF-16 surrogate/],
  ] as const) {
    it(`refuses ${label} in every free text, and changes nothing`, async () => {
      for (const item of cases) {
        const before = await planState();
        const response = await t.request(item.as?.() ?? w.coordinator.cookie, {
          method: item.method,
          url: item.url(),
          headers: { 'if-match': before.split(' ')[0] ?? '', 'content-type': 'application/json' },
          payload: JSON.stringify(item.payload(value)),
        });
        expect(response.statusCode, `${item.name}: ${response.body}`).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        const problem = response.json() as { errors?: { field: string; message: string }[] };
        const error = problem.errors?.find((entry) => entry.field === item.field);
        expect(error?.message, `${item.name}: ${response.body}`).toMatch(message);
        expect(await planState(), item.name).toBe(before);
      }
    });
  }

  it('refuses NUL in the search query (?q=a%00b)', async () => {
    const response = await t.request(w.coordinator.cookie, { method: 'GET', url: '/api/citizens?q=a%00b' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('querystring.q');
  });

  it('refuses a lone surrogate in any string of the body, free text or not', async () => {
    const before = await planState();
    for (const settings of [{ categories: ['\ud800'] }, { '\udc00': true }]) {
      const response = await t.request(w.administrator.cookie, {
        method: 'PUT',
        url: '/api/coordination/rules/duplicate',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ settings }),
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().errors[0].field).toMatch(/^settings\./);
    }
    const persona = await t.request(null, {
      method: 'POST',
      url: '/api/auth/demo-login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ persona: 'x\u0000' }),
    });
    expect(persona.statusCode).toBe(400);
    expect(persona.json().errors[0].field).toBe('persona');
    expect(await planState()).toBe(before);
  });

  it('refuses impossible years and days in dates and date-times', async () => {
    const before = await planState();
    const attempts: { url: string; method: 'POST' | 'GET'; payload?: unknown; field: string; as?: string }[] =
      [
        {
          url: `${plan()}/sub-goals`,
          method: 'POST',
          payload: { title: 'Mål', targetDate: '0000-01-01' },
          field: 'targetDate',
        },
        {
          url: `${plan()}/sub-goals`,
          method: 'POST',
          payload: { title: 'Mål', targetDate: '2026-02-30' },
          field: 'targetDate',
        },
        {
          url: `${plan()}/sub-goals`,
          method: 'POST',
          payload: { title: 'Mål', targetDate: '20266-01-01' },
          field: 'targetDate',
        },
        {
          url: `${plan()}/sub-goals/${w.subGoalId}/end`,
          method: 'POST',
          payload: { reason: 'Nået', endDate: '1899-12-31' },
          field: 'endDate',
        },
        {
          url: `/api/citizens/${w.citizen.id}/meetings`,
          method: 'POST',
          payload: { kind: 'network', purpose: 'Møde', startsAt: '0000-01-01T10:00:00Z', online: true },
          field: 'startsAt',
        },
        {
          url: `/api/citizens/${w.citizen.id}/consents`,
          method: 'POST',
          payload: {
            granteeSector: 'employment',
            categories: ['goals'],
            purpose: 'coordination',
            validUntil: '0000-01-01',
          },
          field: 'validUntil',
          as: w.citizen.cookie,
        },
        {
          url: '/api/audit/events?from=0000-01-01T00:00:00Z',
          method: 'GET',
          field: 'querystring.from',
          as: w.administrator.cookie,
        },
      ];
    for (const attempt of attempts) {
      const response = await t.request(attempt.as ?? w.coordinator.cookie, {
        method: attempt.method,
        url: attempt.url,
        headers: { 'if-match': before.split(' ')[0] ?? '' },
        ...(attempt.payload ? { payload: attempt.payload } : {}),
      });
      expect(response.statusCode, `${attempt.url} ${response.body}`).toBe(400);
      const fields = (response.json().errors as { field: string }[]).map((error) => error.field);
      expect(fields, response.body).toContain(attempt.field);
    }
    expect(await planState()).toBe(before);
  });

  it('still takes Danish, emoji and line breaks in prose', async () => {
    const before = await planState();
    const response = await t.request(w.coordinator.cookie, {
      method: 'PUT',
      url: `${plan()}/goal`,
      headers: { 'if-match': before.split(' ')[0] ?? '' },
      payload: { ownWords: 'Jeg vil tilbage på arbejde 💪\nog have det godt med æ, ø og å.' },
    });
    expect(response.statusCode, response.body).toBe(200);
  });
});
