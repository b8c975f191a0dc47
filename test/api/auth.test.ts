import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let citizenId: string;

beforeAll(async () => {
  t = await startTestApp({ demo: true });
  const { id: municipalityId } = await t.factories.municipality({ name: 'Demokommune' });
  const unit = await t.factories.unit(municipalityId, { name: 'Jobcenter' });
  const worker = await t.factories.professional(municipalityId, unit.id, { name: 'Jonna Jobkonsulent' });
  ({ id: citizenId } = await t.factories.citizen(municipalityId, { coordinatorId: worker.id }));
  await t.context.database.db
    .insertInto('demo_persona')
    .values([
      {
        municipality_id: municipalityId,
        id: 'jobcenter-caseworker',
        subject_kind: 'professional',
        subject_id: worker.id,
        title_da: 'Sagsbehandler',
        title_en: 'Caseworker',
        sort_order: 1,
      },
      {
        municipality_id: municipalityId,
        id: 'citizen',
        subject_kind: 'citizen',
        subject_id: citizenId,
        title_da: 'Borger',
        title_en: 'Citizen',
        sort_order: 2,
      },
    ])
    .execute();
});
afterAll(() => t?.dispose());

function cookieFrom(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return (header ?? '').split(';')[0] ?? '';
}

describe('operations endpoints', () => {
  it('reports health and the engine', async () => {
    const response = await t.request(null, { method: 'GET', url: '/healthz' });
    expect(response.json()).toEqual({ status: 'ok', database: t.context.database.engine });
  });

  it('publishes an OpenAPI 3.1 document of the API', async () => {
    const document = (await t.request(null, { method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/citizens',
        '/api/citizens/{citizenId}/plan',
        '/api/citizens/{citizenId}/plan/interventions',
      ]),
    );
  });

  it('answers unknown API paths with problem details', async () => {
    const response = await t.request(null, { method: 'GET', url: '/api/nothing-here' });
    expect([401, 404]).toContain(response.statusCode);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});

describe('the demo relative with power of attorney', () => {
  it('logs in as MitID would find them: to all their delegations, choosing whose plan first', async () => {
    const { db } = t.context.database;
    const { id: municipalityId } = await t.factories.municipality({ name: 'Fuldmagtskommune' });
    const sister = await t.factories.citizen(municipalityId, { givenName: 'Sara' });
    const mother = await t.factories.citizen(municipalityId, { givenName: 'Grethe' });
    const grantee = t.context.vault.hmac('6104851238');
    const delegationIds = [newId(), newId()];
    await db
      .insertInto('delegation')
      .values(
        [sister.id, mother.id].map((citizen, index) => ({
          municipality_id: municipalityId,
          id: delegationIds[index] as string,
          citizen_id: citizen,
          grantee_cpr_hmac: grantee,
          grantee_name: 'Louise Prøvesen',
          valid_from: '2026-01-01',
          valid_until: null,
        })),
      )
      .execute();
    await db
      .insertInto('demo_persona')
      .values({
        municipality_id: municipalityId,
        id: 'relative',
        subject_kind: 'relative',
        subject_id: delegationIds[0] as string,
        title_da: 'Pårørende',
        title_en: 'Relative',
        sort_order: 3,
      })
      .execute();
    const listed = (await t.request(null, { method: 'GET', url: '/api/auth/demo-personas' })).json();
    expect(listed.personas).toContainEqual(
      expect.objectContaining({ id: 'relative', kind: 'relative', name: 'Louise Prøvesen' }),
    );

    const login = await t.request(null, {
      method: 'POST',
      url: '/api/auth/demo-login',
      payload: { persona: 'relative' },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toEqual({ user: null });
    const cookie = cookieFrom(login.headers['set-cookie']);
    // Before the choice the session reaches nothing but the choice.
    expect(
      (await t.request(cookie, { method: 'GET', url: `/api/citizens/${sister.id}/plan` })).statusCode,
    ).toBe(401);
    const choices = (await t.request(cookie, { method: 'GET', url: '/api/auth/delegations' })).json();
    expect(choices.items.map((item: { citizenId: string }) => item.citizenId).sort()).toEqual(
      [sister.id, mother.id].sort(),
    );
    const chosen = await t.request(cookie, {
      method: 'POST',
      url: '/api/auth/delegation',
      payload: { delegationId: delegationIds[1] },
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(
      (await t.request(cookie, { method: 'GET', url: `/api/citizens/${mother.id}/plan` })).statusCode,
    ).toBe(200);
    expect(
      (await t.request(cookie, { method: 'GET', url: `/api/citizens/${sister.id}/plan` })).statusCode,
    ).toBe(403);
    await db.deleteFrom('demo_persona').where('municipality_id', '=', municipalityId).execute();
  });
});

describe('demo login', () => {
  it('lists the personas', async () => {
    const body = (await t.request(null, { method: 'GET', url: '/api/auth/demo-personas' })).json();
    expect(body.personas.map((persona: { id: string }) => persona.id)).toEqual([
      'jobcenter-caseworker',
      'citizen',
    ]);
  });

  it('logs in with a fresh httpOnly session and logs out', async () => {
    const login = await t.request(null, {
      method: 'POST',
      url: '/api/auth/demo-login',
      payload: { persona: 'jobcenter-caseworker' },
    });
    expect(login.statusCode).toBe(200);
    expect(String(login.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(String(login.headers['set-cookie'])).toMatch(/SameSite=Lax/i);
    const cookie = cookieFrom(login.headers['set-cookie']);
    const me = (await t.request(cookie, { method: 'GET', url: '/api/auth/me' })).json();
    expect(me).toMatchObject({
      kind: 'professional',
      name: 'Jonna Jobkonsulent',
      municipality: { name: 'Demokommune' },
    });

    const again = await t.request(cookie, {
      method: 'POST',
      url: '/api/auth/demo-login',
      payload: { persona: 'jobcenter-caseworker' },
    });
    expect(cookieFrom(again.headers['set-cookie'])).not.toBe(cookie);
    expect((await t.request(cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);

    const fresh = cookieFrom(again.headers['set-cookie']);
    // The web app asks /api/auth/session: the same user, and "nobody" as an answer, not a 401.
    const session = await t.request(fresh, { method: 'GET', url: '/api/auth/session' });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toEqual({
      user: (await t.request(fresh, { method: 'GET', url: '/api/auth/me' })).json(),
    });
    expect((await t.request(fresh, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await t.request(fresh, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const nobody = await t.request(fresh, { method: 'GET', url: '/api/auth/session' });
    expect(nobody.statusCode).toBe(200);
    expect(nobody.json()).toEqual({ user: null });
    expect((await t.request(null, { method: 'GET', url: '/api/auth/session' })).json()).toEqual({
      user: null,
    });
  });

  it('lets the citizen persona read their own plan and nothing else', async () => {
    const login = await t.request(null, {
      method: 'POST',
      url: '/api/auth/demo-login',
      payload: { persona: 'citizen' },
    });
    const cookie = cookieFrom(login.headers['set-cookie']);
    expect(login.json().user.citizenId).toBe(citizenId);
    expect(
      (await t.request(cookie, { method: 'GET', url: `/api/citizens/${citizenId}/plan` })).statusCode,
    ).toBe(200);
    expect((await t.request(cookie, { method: 'GET', url: '/api/citizens' })).statusCode).toBe(403);
  });

  it('names an unknown persona and ignores a forged session cookie', async () => {
    const response = await t.request(null, {
      method: 'POST',
      url: '/api/auth/demo-login',
      payload: { persona: 'nobody' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('persona');
    const forged = await t.request(`samspil_session=${newId()}`, { method: 'GET', url: '/api/auth/me' });
    expect(forged.statusCode).toBe(401);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const response = await t.request(null, {
      method: 'POST',
      url: '/api/auth/demo-login',
      payload: '{"persona":',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toMatch(/not valid JSON/);
  });
});

describe('outside demo mode', () => {
  it('has no demo login', async () => {
    const production = await startTestApp({ demo: false });
    try {
      const response = await production.request(null, {
        method: 'POST',
        url: '/api/auth/demo-login',
        payload: { persona: 'citizen' },
      });
      expect([401, 404]).toContain(response.statusCode);
      expect(
        (await production.request(null, { method: 'GET', url: '/api/auth/demo-personas' })).statusCode,
      ).not.toBe(200);
    } finally {
      await production.dispose();
    }
  });
});
