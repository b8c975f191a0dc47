import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import { SessionStore } from '../../src/server/auth/session-store.js';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Sessions, CSRF, headers, rate limits and the demo-mode guard. */
let t: TestApp;
let w: AccessWorld;

beforeAll(async () => {
  t = await startTestApp({ demo: true });
  w = await buildAccessWorld(t);
});
afterAll(() => t?.dispose());

const me = (cookie: string): Promise<number> =>
  t.request(cookie, { method: 'GET', url: '/api/auth/me' }).then((response) => response.statusCode);

describe('CSRF', () => {
  const url = (): string => `/api/citizens/${w.citizen.id}/consents`;
  const payload = { granteeSector: 'employment', categories: ['goals'], purpose: 'coordination' };

  it('refuses a state-changing request without the X-Requested-With header', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: url(),
      payload,
      headers: { cookie: w.citizen.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses one from another origin or site, even with the header', async () => {
    for (const headers of [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
    ]) {
      const response = await t.request(w.citizen.cookie, { method: 'POST', url: url(), payload, headers });
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
    }
    const sameOrigin = await t.request(w.citizen.cookie, {
      method: 'POST',
      url: url(),
      payload,
      headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' },
    });
    expect(sameOrigin.statusCode).toBe(201);
  });
});

describe('headers', () => {
  it('sends a strict CSP, no-store on the API, and the usual hardening headers', async () => {
    const response = await t.request(w.coordinator.cookie, {
      method: 'GET',
      url: `/api/citizens/${w.citizen.id}/plan`,
    });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['strict-transport-security']).toContain('max-age=');
  });

  it('sets the session cookie httpOnly and SameSite, and never echoes a CPR number in an error', async () => {
    const personas = await t.context.database.db
      .insertInto('demo_persona')
      .values({
        municipality_id: w.municipalityId,
        id: 'sikkerhed',
        subject_kind: 'professional',
        subject_id: w.coordinator.id,
        title_da: 'x',
        title_en: 'x',
      })
      .execute();
    expect(personas).toBeDefined();
    const login = await t.request(null, {
      method: 'POST',
      url: '/api/auth/demo-login',
      payload: { persona: 'sikkerhed' },
    });
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const bad = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: '/api/citizens/search',
      payload: { cpr: `${w.citizen.cpr}99` },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toContain(w.citizen.cpr);
  });
});

describe('sessions', () => {
  it('end everywhere at logout-everywhere', async () => {
    const subject = {
      municipalityId: w.municipalityId,
      kind: 'professional' as const,
      id: w.jobcenterColleague.id,
    };
    const first = await t.login(subject);
    const second = await t.login(subject);
    expect(await me(first)).toBe(200);
    expect(await me(second)).toBe(200);
    expect(
      (await t.request(first, { method: 'POST', url: '/api/auth/logout-everywhere', payload: {} }))
        .statusCode,
    ).toBe(204);
    expect(await me(first)).toBe(401);
    expect(await me(second)).toBe(401);
  });

  it('end at once when an administrator disables the account, cached or not', async () => {
    const victim = await t.login({
      municipalityId: w.municipalityId,
      kind: 'professional',
      id: w.healthWorker.id,
    });
    expect(await me(victim)).toBe(200);
    expect(await me(w.healthWorker.cookie)).toBe(200);
    const url = `/api/professionals/${w.healthWorker.id}/disable`;
    expect((await t.request(w.coordinator.cookie, { method: 'POST', url, payload: {} })).statusCode).toBe(
      403,
    );
    expect((await t.request(w.administrator.cookie, { method: 'POST', url, payload: {} })).statusCode).toBe(
      204,
    );
    expect(await me(victim)).toBe(401);
    expect(await me(w.healthWorker.cookie)).toBe(401);
    await expect(
      t.login({ municipalityId: w.municipalityId, kind: 'professional', id: w.healthWorker.id }),
    ).rejects.toThrow();
    const other = `/api/professionals/${w.other.professional.id}/disable`;
    expect(
      (await t.request(w.administrator.cookie, { method: 'POST', url: other, payload: {} })).statusCode,
    ).toBe(404);
  });

  it('time out after the idle limit and at the absolute limit', async () => {
    const sessionsOf = async (): Promise<number> =>
      (
        await t.context.database.db
          .selectFrom('session')
          .select('token_hash')
          .where('subject_id', '=', w.coordinator.id)
          .execute()
      ).length;
    const before = await sessionsOf();
    let now = Date.now();
    const store = new SessionStore(t.context.database.db, { absoluteHours: 12, idleMinutes: 30 }, () => now);
    const subject = {
      municipalityId: w.municipalityId,
      kind: 'professional' as const,
      id: w.coordinator.id,
      persona: null,
    };
    const idle = await store.create(subject);
    now += 29 * 60_000;
    expect(await store.resolve(idle.token)).not.toBeNull();
    now += 31 * 60_000;
    expect(await store.resolve(idle.token)).toBeNull();
    // Activity keeps a session alive, but never beyond its absolute lifetime.
    const busy = await store.create(subject);
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      now += 20 * 60_000;
      expect(await store.resolve(busy.token)).not.toBeNull();
    }
    now += 40 * 60_000;
    expect(await store.resolve(busy.token)).toBeNull();
    // And an expired session is gone from the database, not only refused.
    expect(await sessionsOf()).toBe(before);
  });
});

describe('demo mode', () => {
  it('refuses to build an app in demo mode behind a public URL', async () => {
    const config = loadConfig(
      {
        SAMSPIL_CPR_KEYS: `1:${randomBytes(32).toString('base64')}`,
        SAMSPIL_CPR_HMAC_KEY: randomBytes(32).toString('base64'),
      },
      { demo: true, publicUrl: 'https://samspil.kommune.dk' },
    );
    await expect(buildApp(config, t.context.database, false)).rejects.toThrow(/Demo mode/);
  });
});

describe('rate limits', () => {
  it('limit CPR search', async () => {
    let limited = null as null | { statusCode: number; headers: Record<string, unknown>; body: string };
    for (let attempt = 0; attempt < 70 && !limited; attempt += 1) {
      const response = await t.request(w.coordinator.cookie, {
        method: 'POST',
        url: '/api/citizens/search',
        payload: { cpr: '010101-0000' },
      });
      if (response.statusCode === 429) limited = response;
    }
    expect(limited?.statusCode).toBe(429);
    expect(String(limited?.headers['content-type'])).toContain('application/problem+json');
  });

  it('limit login', async () => {
    let status = 0;
    for (let attempt = 0; attempt < 40 && status !== 429; attempt += 1) {
      status = (
        await t.request(null, { method: 'POST', url: '/api/auth/demo-login', payload: { persona: 'nobody' } })
      ).statusCode;
    }
    expect(status).toBe(429);
  });
});
