import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browseToCallback,
  NSIS,
  startIdentityProvider,
  type TestIdentityProvider,
} from '../support/oidc-provider.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** OpenID Connect login against a real provider over HTTP: professionals, citizens, relatives. */
const PUBLIC_URL = 'http://localhost:3999';
let idp: TestIdentityProvider;
let t: TestApp;
let municipalityId: string;
let worker: { id: string };
let citizen: { id: string; cpr: string };

function cookieValue(setCookie: string | string[] | undefined, name: string): string | null {
  const headers = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  for (const header of headers) {
    const [pair] = header.split(';');
    if (pair?.startsWith(`${name}=`)) return pair.slice(name.length + 1);
  }
  return null;
}

/** Runs the whole redirect flow for one provider; returns the callback's response. */
async function login(
  provider: 'professional' | 'citizen',
  subject: string,
  acr: string,
  options: { plantedSession?: string; tamperState?: boolean } = {},
): Promise<{
  status: number;
  location: string;
  session: string | null;
  callback: string;
  loginCookie: string;
}> {
  const start = await t.request(null, { method: 'GET', url: `/api/auth/oidc/${provider}/login` });
  expect(start.statusCode).toBe(302);
  const loginCookie = cookieValue(start.headers['set-cookie'], 'samspil_login') ?? '';
  expect(loginCookie).not.toBe('');
  const authorizationUrl = new URL(String(start.headers.location));
  expect(authorizationUrl.origin).toBe(idp.issuer);
  expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorizationUrl.searchParams.get('nonce')).toBeTruthy();
  const callback = await browseToCallback(authorizationUrl.href, { subject, acr }, PUBLIC_URL);
  const cookies = [`samspil_login=${options.tamperState ? 'somebody-elses-state' : loginCookie}`];
  if (options.plantedSession) cookies.push(`samspil_session=${options.plantedSession}`);
  const response = await t.request(null, {
    method: 'GET',
    url: `${callback.pathname}${callback.search}`,
    headers: { cookie: cookies.join('; ') },
  });
  return {
    status: response.statusCode,
    location: String(response.headers.location),
    session: cookieValue(response.headers['set-cookie'], 'samspil_session'),
    callback: `${callback.pathname}${callback.search}`,
    loginCookie,
  };
}

beforeAll(async () => {
  idp = await startIdentityProvider({
    redirectUris: [
      `${PUBLIC_URL}/api/auth/oidc/professional/callback`,
      `${PUBLIC_URL}/api/auth/oidc/citizen/callback`,
    ],
  });
  const provider = (prefix: string): Record<string, string> => ({
    [`${prefix}_ISSUER`]: idp.issuer,
    [`${prefix}_CLIENT_ID`]: idp.clientId,
    [`${prefix}_CLIENT_SECRET`]: idp.clientSecret,
    [`${prefix}_MIN_ASSURANCE`]: 'substantial',
  });
  t = await startTestApp({
    publicUrl: PUBLIC_URL,
    env: {
      ...provider('SAMSPIL_OIDC_PROFESSIONAL'),
      ...provider('SAMSPIL_OIDC_CITIZEN'),
      SAMSPIL_OIDC_CITIZEN_SCOPE: 'openid ssn',
    },
  });
  ({ id: municipalityId } = await t.factories.municipality());
  const unit = await t.factories.unit(municipalityId);
  worker = await t.factories.professional(municipalityId, unit.id);
  citizen = await t.factories.citizen(municipalityId, { coordinatorId: worker.id });
  await t.context.database.db
    .insertInto('identity_link')
    .values({
      municipality_id: municipalityId,
      issuer: idp.issuer,
      subject: 'medarbejder-1',
      subject_kind: 'professional',
      subject_id: worker.id,
    })
    .execute();
  idp.accounts.set('medarbejder-1', {});
  idp.accounts.set('ukendt-medarbejder', {});
  idp.accounts.set('borger-1', { claims: { 'dk.cpr': citizen.cpr } });
}, 120_000);
afterAll(async () => {
  await t?.dispose();
  await idp?.close();
});

describe('OpenID Connect login against a real provider', () => {
  it('logs a professional in by issuer and subject, with a new session and the assurance level', async () => {
    const result = await login('professional', 'medarbejder-1', NSIS.substantial);
    expect(result.status).toBe(302);
    expect(result.location).toBe('/');
    expect(result.session).toBeTruthy();
    const me = await t.request(`samspil_session=${result.session}`, { method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ kind: 'professional', id: worker.id, assurance: NSIS.substantial });
    const audit = await t.context.database.db
      .selectFrom('audit_event')
      .select(['details'])
      .where('actor_id', '=', worker.id)
      .where('action', '=', 'login')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('logs a citizen in by the HMAC of the broker’s CPR claim and remembers the identity', async () => {
    const result = await login('citizen', 'borger-1', NSIS.substantial);
    expect(result.location).toBe('/');
    const me = (
      await t.request(`samspil_session=${result.session}`, { method: 'GET', url: '/api/auth/me' })
    ).json();
    expect(me).toMatchObject({ kind: 'citizen', citizenId: citizen.id });
    const link = await t.context.database.db
      .selectFrom('identity_link')
      .selectAll()
      .where('subject', '=', 'borger-1')
      .executeTakeFirst();
    expect(link).toMatchObject({ subject_kind: 'citizen', subject_id: citizen.id, issuer: idp.issuer });
  });

  it('refuses an assurance level below the minimum', async () => {
    const result = await login('professional', 'medarbejder-1', NSIS.low);
    expect(result.location).toBe('/login?error=assurance');
    expect(result.session).toBeNull();
  });

  it('refuses a professional the municipality has not provisioned', async () => {
    const result = await login('professional', 'ukendt-medarbejder', NSIS.high);
    expect(result.location).toBe('/login?error=unknown-user');
    expect(result.session).toBeNull();
  });

  it('refuses a callback whose state was not started in this browser (login CSRF)', async () => {
    const result = await login('professional', 'medarbejder-1', NSIS.high, { tamperState: true });
    expect(result.location).toBe('/login?error=state');
    expect(result.session).toBeNull();
  });

  it('refuses a replayed callback', async () => {
    const first = await login('professional', 'medarbejder-1', NSIS.high);
    expect(first.session).toBeTruthy();
    const replay = await t.request(null, {
      method: 'GET',
      url: first.callback,
      headers: { cookie: `samspil_login=${first.loginCookie}` },
    });
    expect(replay.headers.location).toBe('/login?error=state');
  });

  it('defeats session fixation: a planted session is destroyed, never promoted', async () => {
    const planted = await t.login({ municipalityId, kind: 'professional', id: worker.id });
    const plantedToken = planted.split('=')[1] ?? '';
    const result = await login('professional', 'medarbejder-1', NSIS.high, { plantedSession: plantedToken });
    expect(result.session).toBeTruthy();
    expect(result.session).not.toBe(plantedToken);
    expect((await t.request(planted, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });
});

describe('a relative with delegated access (fuldmagt)', () => {
  it('logs in with MitID, sees the citizen’s plan, cannot manage consent, and is cut off on revocation', async () => {
    const citizenCookie = await t.login({ municipalityId, kind: 'citizen', id: citizen.id });
    const relativeCpr = '0101801234';
    t.factories.cprs.add(relativeCpr);
    const granted = await t.request(citizenCookie, {
      method: 'POST',
      url: `/api/citizens/${citizen.id}/delegations`,
      payload: { granteeCpr: '010180-1234', granteeName: 'Rita Pårørende' },
    });
    expect(granted.statusCode).toBe(201);
    idp.accounts.set('paaroerende-1', { claims: { 'dk.cpr': relativeCpr } });
    const result = await login('citizen', 'paaroerende-1', NSIS.substantial);
    expect(result.session).toBeTruthy();
    const relative = `samspil_session=${result.session}`;
    expect((await t.request(relative, { method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({
      role: 'relative',
      actingFor: { citizenName: expect.any(String) },
    });
    expect(
      (await t.request(relative, { method: 'GET', url: `/api/citizens/${citizen.id}/plan` })).statusCode,
    ).toBe(200);
    const consent = await t.request(relative, {
      method: 'POST',
      url: `/api/citizens/${citizen.id}/consents`,
      payload: {
        granteeSector: 'health-care',
        categories: ['intervention-details'],
        purpose: 'coordination',
      },
    });
    expect(consent.statusCode).toBe(403);
    const audit = await t.context.database.db
      .selectFrom('audit_event')
      .select(['actor_kind', 'on_behalf_of'])
      .where('actor_id', '=', granted.json().id)
      .where('resource', '=', 'plan')
      .execute();
    expect(audit).toEqual([{ actor_kind: 'relative', on_behalf_of: citizen.id }]);
    const revoked = await t.request(citizenCookie, {
      method: 'POST',
      url: `/api/citizens/${citizen.id}/delegations/${granted.json().id}/revoke`,
      payload: {},
    });
    expect(revoked.statusCode).toBe(204);
    expect(
      (await t.request(relative, { method: 'GET', url: `/api/citizens/${citizen.id}/plan` })).statusCode,
    ).toBe(401);
  });
});
