import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionStore } from '../../src/server/auth/session-store.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Step-up in demo mode (the demo re-login), and a relative's session that outlives its
 * delegation by no more than the request that crosses midnight.
 */
let t: TestApp;
let municipalityId: string;
let workerId: string;
let citizen: { id: string; cpr: string };

beforeAll(async () => {
  t = await startTestApp({ demo: true });
  ({ id: municipalityId } = await t.factories.municipality({ name: 'Trinkommune' }));
  const unit = await t.factories.unit(municipalityId, { name: 'Jobcenter Trin' });
  ({ id: workerId } = await t.factories.professional(municipalityId, unit.id, { name: 'Trine Trinsen' }));
  citizen = await t.factories.citizen(municipalityId, { coordinatorId: workerId });
  await t.context.database.db
    .insertInto('demo_persona')
    .values({
      municipality_id: municipalityId,
      id: 'trin-caseworker',
      subject_kind: 'professional',
      subject_id: workerId,
      title_da: 'Sagsbehandler',
      title_en: 'Caseworker',
      sort_order: 1,
    })
    .execute();
});
afterAll(() => t?.dispose());

function cookieFrom(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return (header ?? '').split(';')[0] ?? '';
}

async function demoLogin(): Promise<string> {
  const response = await t.request(null, {
    method: 'POST',
    url: '/api/auth/demo-login',
    payload: { persona: 'trin-caseworker' },
  });
  expect(response.statusCode).toBe(200);
  return cookieFrom(response.headers['set-cookie']);
}

describe('step-up in demo mode', () => {
  it('names the persona to log in as again, and the new demo login may reveal', async () => {
    const stale = await demoLogin();
    await t.context.database.db
      .updateTable('session')
      .set({ auth_time: new Date(Date.now() - 30 * 60_000) })
      .where(
        'token_hash',
        '=',
        createHash('sha256')
          .update(stale.split('=')[1] ?? '')
          .digest(),
      )
      .execute();
    const payload = { reason: 'Kontrol af identitet ved første møde' };
    const url = `/api/citizens/${citizen.id}/cpr/reveal`;
    const refused = await t.request(stale, { method: 'POST', url, payload });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({
      type: 'urn:samspil:problem:step-up-required',
      reauthenticate: { kind: 'demo', persona: 'trin-caseworker' },
    });
    const fresh = await demoLogin();
    const revealed = await t.request(fresh, { method: 'POST', url, payload });
    expect(revealed.statusCode).toBe(200);
  });

  it('is not asked of a session that logged in within the window', async () => {
    const cookie = await demoLogin();
    const response = await t.request(cookie, {
      method: 'POST',
      url: `/api/citizens/${citizen.id}/cpr/reveal`,
      payload: { reason: 'Kontrol af identitet ved første møde' },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('a relative’s cached session', () => {
  it('ends when its delegation expires at midnight, even between database checks', async () => {
    const day = '2026-11-22';
    // 23:59:50 Danish time (CET, UTC+1): a delegation ends at the Danish midnight, not UTC's.
    let now = new Date(`${day}T22:59:50Z`).getTime();
    const store = new SessionStore(t.context.database.db, { absoluteHours: 12, idleMinutes: 30 }, () => now);
    const delegationId = crypto.randomUUID();
    await t.context.database.db
      .insertInto('delegation')
      .values({
        municipality_id: municipalityId,
        id: delegationId,
        citizen_id: citizen.id,
        grantee_cpr_hmac: t.context.vault.hmac('0505805555'),
        grantee_name: 'Midnat Pårørende',
        valid_from: '2026-01-01',
        valid_until: day,
        revoked_at: null,
      })
      .execute();
    const session = await store.create({
      municipalityId,
      kind: 'citizen',
      id: citizen.id,
      persona: null,
      delegationId,
    });
    const first = await store.resolveSession(session.token);
    expect(first?.actor).toMatchObject({ delegate: { delegationId } });
    expect(first?.granteeCprHmac).toBeTruthy();
    // 15 seconds later it is the next day: the cached session (not yet re-checked) is refused.
    now += 15_000;
    expect(await store.resolveSession(session.token)).toBeNull();
  });
});
