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
  let headers: string[] = [];
  if (Array.isArray(setCookie)) headers = setCookie;
  else if (setCookie) headers = [setCookie];
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
  options: { plantedSession?: string; tamperState?: boolean; startPath?: string } = {},
): Promise<{
  status: number;
  location: string;
  session: string | null;
  callback: string;
  loginCookie: string;
  authorizationUrl: URL;
}> {
  const start = await t.request(null, {
    method: 'GET',
    url: options.startPath ?? `/api/auth/oidc/${provider}/login`,
  });
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
    authorizationUrl,
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

/** Makes a session's last authentication older than the step-up window (as if logged in long ago). */
async function ageSession(token: string, minutes: number): Promise<void> {
  const { createHash } = await import('node:crypto');
  await t.context.database.db
    .updateTable('session')
    .set({ auth_time: new Date(Date.now() - minutes * 60_000) })
    .where('token_hash', '=', createHash('sha256').update(token).digest())
    .execute();
}

describe('step-up: a fresh login before revealing a CPR number or breaking the glass', () => {
  it('refuses a stale session with step-up-required, and a step-up login through the provider cures it', async () => {
    const first = await login('professional', 'medarbejder-1', NSIS.substantial);
    const token = first.session ?? '';
    // Logged in 20 minutes ago (the window is 15): the session still reads, but not reveals.
    await ageSession(token, 20);
    const stale = `samspil_session=${token}`;
    expect(
      (await t.request(stale, { method: 'GET', url: `/api/citizens/${citizen.id}/plan` })).statusCode,
    ).toBe(200);
    const refused = await t.request(stale, {
      method: 'POST',
      url: `/api/citizens/${citizen.id}/cpr/reveal`,
      payload: { reason: 'Skal kontrollere identiteten ved mødet' },
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const problem = refused.json();
    expect(problem).toMatchObject({
      type: 'urn:samspil:problem:step-up-required',
      status: 401,
      maxAgeMinutes: 15,
      reauthenticate: { kind: 'oidc', url: '/api/auth/oidc/professional/login?stepUp=true' },
    });
    expect(refused.body).not.toContain(citizen.cpr.slice(6));
    const deniedAudit = await t.context.database.db
      .selectFrom('audit_event')
      .select(['outcome', 'details'])
      .where('actor_id', '=', worker.id)
      .where('action', '=', 'reveal')
      .execute();
    expect(deniedAudit).toEqual([{ outcome: 'denied', details: { stepUp: 'required' } }]);
    // The web app sends the browser to the step-up login, with the page to come back to.
    const returnTo = `/borgere/${citizen.id}/plan`;
    const stepUp = await login('professional', 'medarbejder-1', NSIS.substantial, {
      startPath: `${problem.reauthenticate.url}&returnTo=${encodeURIComponent(returnTo)}`,
      plantedSession: token,
    });
    expect(stepUp.authorizationUrl.searchParams.get('prompt')).toBe('login');
    expect(stepUp.authorizationUrl.searchParams.get('max_age')).toBe('900');
    expect(stepUp.status).toBe(302);
    expect(stepUp.location).toBe(returnTo);
    expect(stepUp.session).toBeTruthy();
    expect(stepUp.session).not.toBe(token);
    const fresh = `samspil_session=${stepUp.session}`;
    const revealed = await t.request(fresh, {
      method: 'POST',
      url: `/api/citizens/${citizen.id}/cpr/reveal`,
      payload: { reason: 'Skal kontrollere identiteten ved mødet' },
    });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json().cpr.replace('-', '')).toBe(citizen.cpr);
    // The old session ended with the new login.
    expect((await t.request(stale, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('asks for a stale session before breaking the glass too', async () => {
    const { id: outsiderUnit } = await t.factories.unit(municipalityId);
    const outsider = await t.factories.professional(municipalityId, outsiderUnit);
    await t.context.database.db
      .insertInto('identity_link')
      .values({
        municipality_id: municipalityId,
        issuer: idp.issuer,
        subject: 'medarbejder-udenfor',
        subject_kind: 'professional',
        subject_id: outsider.id,
      })
      .execute();
    idp.accounts.set('medarbejder-udenfor', {});
    const first = await login('professional', 'medarbejder-udenfor', NSIS.substantial);
    await ageSession(first.session ?? '', 60);
    const payload = { reasonCode: 'urgent-decision', reason: 'Akut henvendelse fra borgeren om aftenen' };
    const url = `/api/citizens/${citizen.id}/break-glass`;
    const refused = await t.request(`samspil_session=${first.session}`, { method: 'POST', url, payload });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().type).toBe('urn:samspil:problem:step-up-required');
    expect(await t.context.database.db.selectFrom('break_glass').selectAll().execute()).toEqual([]);
    const again = await login('professional', 'medarbejder-udenfor', NSIS.substantial, {
      startPath: '/api/auth/oidc/professional/login?stepUp=true',
    });
    expect(again.location).toBe('/');
    const broken = await t.request(`samspil_session=${again.session}`, { method: 'POST', url, payload });
    expect(broken.statusCode).toBe(201);
  });

  it('never returns to another site after login', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example', '/api/auth/me']) {
      const result = await login('professional', 'medarbejder-1', NSIS.substantial, {
        startPath: `/api/auth/oidc/professional/login?returnTo=${encodeURIComponent(returnTo)}`,
      });
      expect(result.location, returnTo).toBe('/');
    }
  });
});

describe('a relative with delegated access for several citizens', () => {
  const RELATIVE_CPR = '0202702222';
  let first: { id: string };
  let second: { id: string };
  let delegations: { first: string; second: string };

  async function delegate(citizenId: string, name: string): Promise<string> {
    const id = crypto.randomUUID();
    await t.context.database.db
      .insertInto('delegation')
      .values({
        municipality_id: municipalityId,
        id,
        citizen_id: citizenId,
        grantee_cpr_hmac: t.context.vault.hmac(RELATIVE_CPR),
        grantee_name: name,
        valid_from: '2026-01-01',
        valid_until: null,
        revoked_at: null,
      })
      .execute();
    return id;
  }

  beforeAll(async () => {
    t.factories.cprs.add(RELATIVE_CPR);
    first = await t.factories.citizen(municipalityId, { coordinatorId: worker.id, givenName: 'Agnes' });
    second = await t.factories.citizen(municipalityId, { coordinatorId: worker.id, givenName: 'Valdemar' });
    idp.accounts.set('paaroerende-flere', { claims: { 'dk.cpr': RELATIVE_CPR } });
    idp.accounts.set('paaroerende-ingen', { claims: { 'dk.cpr': '0303703333' } });
    t.factories.cprs.add('0303703333');
  });

  it('with none: is refused at login', async () => {
    const result = await login('citizen', 'paaroerende-ingen', NSIS.substantial);
    expect(result.location).toBe('/login?error=unknown-user');
    expect(result.session).toBeNull();
  });

  it('with one: acts for that citizen at once, with nothing to switch', async () => {
    delegations = { first: await delegate(first.id, 'Rolf Pårørende'), second: '' };
    const result = await login('citizen', 'paaroerende-flere', NSIS.substantial);
    expect(result.location).toBe('/');
    const cookie = `samspil_session=${result.session}`;
    const me = (await t.request(cookie, { method: 'GET', url: '/api/auth/me' })).json();
    expect(me).toMatchObject({ role: 'relative', citizenId: first.id, canSwitchDelegation: false });
    const choices = (await t.request(cookie, { method: 'GET', url: '/api/auth/delegations' })).json();
    expect(choices.items).toEqual([expect.objectContaining({ citizenId: first.id, current: true })]);
  });

  it('with several: chooses whose plan after login, can switch, and loses a withdrawn or expired one at once', async () => {
    delegations.second = await delegate(second.id, 'Rolf Pårørende');
    const result = await login('citizen', 'paaroerende-flere', NSIS.substantial);
    expect(result.location).toBe('/login/fuldmagt');
    const cookie = `samspil_session=${result.session}`;
    // Before choosing, the session reaches nothing but the choice.
    expect((await t.request(cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    for (const id of [first.id, second.id]) {
      expect((await t.request(cookie, { method: 'GET', url: `/api/citizens/${id}/plan` })).statusCode).toBe(
        401,
      );
    }
    const choices = (await t.request(cookie, { method: 'GET', url: '/api/auth/delegations' })).json();
    expect(choices.items.map((item: { citizenId: string }) => item.citizenId).sort()).toEqual(
      [first.id, second.id].sort(),
    );
    expect(choices.items.every((item: { current: boolean }) => !item.current)).toBe(true);
    // A delegation that is not the relative's is not there to choose.
    const foreign = await t.request(cookie, {
      method: 'POST',
      url: '/api/auth/delegation',
      payload: { delegationId: crypto.randomUUID() },
    });
    expect(foreign.statusCode).toBe(404);

    const chosen = await t.request(cookie, {
      method: 'POST',
      url: '/api/auth/delegation',
      payload: { delegationId: delegations.first },
    });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().user).toMatchObject({
      role: 'relative',
      citizenId: first.id,
      canSwitchDelegation: true,
    });
    expect(
      (await t.request(cookie, { method: 'GET', url: `/api/citizens/${first.id}/plan` })).statusCode,
    ).toBe(200);
    expect(
      (await t.request(cookie, { method: 'GET', url: `/api/citizens/${second.id}/plan` })).statusCode,
    ).toBe(403);

    const switched = await t.request(cookie, {
      method: 'POST',
      url: '/api/auth/delegation',
      payload: { delegationId: delegations.second },
    });
    expect(switched.statusCode).toBe(200);
    expect(
      (await t.request(cookie, { method: 'GET', url: `/api/citizens/${second.id}/plan` })).statusCode,
    ).toBe(200);
    expect(
      (await t.request(cookie, { method: 'GET', url: `/api/citizens/${first.id}/plan` })).statusCode,
    ).toBe(403);
    const actors = await t.context.database.db
      .selectFrom('audit_event')
      .select(['citizen_id', 'actor_kind'])
      .where('action', '=', 'login')
      .where('citizen_id', 'in', [first.id, second.id])
      .execute();
    expect(actors).toEqual(
      expect.arrayContaining([
        { citizen_id: first.id, actor_kind: 'relative' },
        { citizen_id: second.id, actor_kind: 'relative' },
      ]),
    );

    // The second citizen withdraws the delegation: the access ends at once.
    const secondCitizen = await t.login({ municipalityId, kind: 'citizen', id: second.id });
    const revoked = await t.request(secondCitizen, {
      method: 'POST',
      url: `/api/citizens/${second.id}/delegations/${delegations.second}/revoke`,
      payload: {},
    });
    expect(revoked.statusCode).toBe(204);
    expect(
      (await t.request(cookie, { method: 'GET', url: `/api/citizens/${second.id}/plan` })).statusCode,
    ).toBe(401);

    // A new login now acts for the one delegation left, and cannot choose the withdrawn one.
    const again = await login('citizen', 'paaroerende-flere', NSIS.substantial);
    expect(again.location).toBe('/');
    const next = `samspil_session=${again.session}`;
    expect(
      (
        await t.request(next, {
          method: 'POST',
          url: '/api/auth/delegation',
          payload: { delegationId: delegations.second },
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.request(next, { method: 'GET', url: `/api/citizens/${first.id}/plan` })).statusCode).toBe(
      200,
    );
    // The first one expires (its last day was yesterday): the cached session is cut off too.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await t.context.database.db
      .updateTable('delegation')
      .set({ valid_until: yesterday })
      .where('id', '=', delegations.first)
      .execute();
    t.context.sessions.forgetDelegation(delegations.first);
    expect((await t.request(next, { method: 'GET', url: `/api/citizens/${first.id}/plan` })).statusCode).toBe(
      401,
    );
  });

  it('is refused the choice when not a relative', async () => {
    const professional = await t.login({ municipalityId, kind: 'professional', id: worker.id });
    expect((await t.request(professional, { method: 'GET', url: '/api/auth/delegations' })).statusCode).toBe(
      403,
    );
    expect((await t.request(null, { method: 'GET', url: '/api/auth/delegations' })).statusCode).toBe(401);
  });
});
