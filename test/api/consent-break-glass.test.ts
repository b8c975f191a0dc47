import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { danishToday } from '../../src/domain/calendar.js';
import { newId } from '../../src/db/ids.js';
import { type AccessWorld, buildAccessWorld, interventionIn } from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 9, findings 4, 5 and 10 (security review M6, M3, L3): consent is the citizen's,
 * break-the-glass is bounded and reviewed by someone else, and least privilege for the
 * professional directory and municipality-wide settings. Each test reproduces a finding.
 */
let t: TestApp;
let w: AccessWorld;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
});
afterAll(() => t?.dispose());

const consentsUrl = (): string => `/api/citizens/${w.citizen.id}/consents`;
const ownUnitConsent = (): Record<string, unknown> => ({
  granteeUnitId: w.units.jobcenter,
  categories: ['intervention-details'],
  purpose: 'coordination',
});

async function psychiatryHidden(cookie = w.coordinator.cookie): Promise<boolean> {
  const response = await t.request(cookie, { method: 'GET', url: `/api/citizens/${w.citizen.id}/plan` });
  expect(response.statusCode).toBe(200);
  return interventionIn(response.json(), w.interventions.psychiatry)?.detailsHidden === true;
}

async function relativeCookie(includesConsent: boolean): Promise<string> {
  const id = newId();
  await t.context.database.db
    .insertInto('delegation')
    .values({
      municipality_id: w.municipalityId,
      id,
      citizen_id: w.citizen.id,
      grantee_cpr_hmac: t.context.vault.hmac(includesConsent ? '0303803333' : '0202802222'),
      grantee_name: includesConsent ? 'Rasmus Fuldmagt' : 'Rita Pårørende',
      valid_from: '2026-01-01',
      valid_until: null,
      revoked_at: null,
      includes_consent: includesConsent,
    })
    .execute();
  const session = await t.context.sessions.create({
    municipalityId: w.municipalityId,
    kind: 'citizen',
    id: w.citizen.id,
    persona: null,
    delegationId: id,
  });
  return `samspil_session=${session.token}`;
}

describe('consent is the citizen’s (finding 4, M6)', () => {
  it('refuses a backdated consent with 400 naming validFrom, whoever records it', async () => {
    for (const cookie of [w.coordinator.cookie, w.citizen.cookie]) {
      const response = await t.request(cookie, {
        method: 'POST',
        url: consentsUrl(),
        payload: { ...ownUnitConsent(), validFrom: '2020-01-01' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe('validFrom');
    }
    expect(await psychiatryHidden()).toBe(true);
  });

  it('keeps a professional’s consent without a declaration pending, giving no access until the citizen confirms', async () => {
    const registered = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: consentsUrl(),
      payload: ownUnitConsent(),
    });
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toMatchObject({ status: 'pending', state: 'pending', declaration: null });
    expect(await psychiatryHidden()).toBe(true);
    // The professional cannot confirm it for her.
    const byProfessional = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `${consentsUrl()}/${registered.json().id}/confirm`,
      payload: {},
    });
    expect(byProfessional.statusCode).toBe(403);
    expect(await psychiatryHidden()).toBe(true);
    // The citizen sees it waiting, and confirms it.
    const list = (await t.request(w.citizen.cookie, { method: 'GET', url: consentsUrl() })).json();
    expect(list.items.find((item: { id: string }) => item.id === registered.json().id).status).toBe(
      'pending',
    );
    const confirmed = await t.request(w.citizen.cookie, {
      method: 'POST',
      url: `${consentsUrl()}/${registered.json().id}/confirm`,
      payload: {},
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'active', state: 'confirmed' });
    expect(await psychiatryHidden()).toBe(false);
    // A professional cannot withdraw the citizen's consent (403, audited), the citizen can.
    const withdrawUrl = `${consentsUrl()}/${registered.json().id}/withdraw`;
    const byCoordinator = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: withdrawUrl,
      payload: {},
    });
    expect(byCoordinator.statusCode).toBe(403);
    expect(byCoordinator.json().code).toBe('consent.professional-withdraw');
    expect(await psychiatryHidden()).toBe(false);
    expect(
      (await t.request(w.citizen.cookie, { method: 'POST', url: withdrawUrl, payload: {} })).statusCode,
    ).toBe(200);
    expect(await psychiatryHidden()).toBe(true);
  });

  it('lets the citizen reject a pending consent, which then never gives access', async () => {
    const registered = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: consentsUrl(),
      payload: ownUnitConsent(),
    });
    const rejected = await t.request(w.citizen.cookie, {
      method: 'POST',
      url: `${consentsUrl()}/${registered.json().id}/reject`,
      payload: {},
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', state: 'rejected' });
    const again = await t.request(w.citizen.cookie, {
      method: 'POST',
      url: `${consentsUrl()}/${registered.json().id}/confirm`,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
    expect(await psychiatryHidden()).toBe(true);
  });

  it('registers a consent from a signed declaration at once, with its reference, not signed in the future', async () => {
    const future = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: consentsUrl(),
      payload: {
        ...ownUnitConsent(),
        declarationReference: 'Sag 2026-117 bilag 4',
        declarationSignedOn: '2099-01-01',
      },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('declarationSignedOn');
    const half = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: consentsUrl(),
      payload: { ...ownUnitConsent(), declarationReference: 'Sag 2026-117 bilag 4' },
    });
    expect(half.statusCode).toBe(400);
    const registered = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: consentsUrl(),
      payload: {
        ...ownUnitConsent(),
        declarationReference: 'Sag 2026-117 bilag 4',
        declarationSignedOn: danishToday(),
      },
    });
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toMatchObject({
      status: 'active',
      declaration: { reference: 'Sag 2026-117 bilag 4', signedOn: danishToday() },
      validFrom: danishToday(),
    });
    expect(await psychiatryHidden()).toBe(false);
    await t.request(w.citizen.cookie, {
      method: 'POST',
      url: `${consentsUrl()}/${registered.json().id}/withdraw`,
      payload: {},
    });
    expect(await psychiatryHidden()).toBe(true);
  });

  it('lets only a team leader record a legal basis, naming an allowed provision, shown to the citizen', async () => {
    const legal = {
      granteeSector: 'employment',
      categories: ['intervention-details'],
      purpose: 'coordination',
      basis: 'legal_provision',
      legalProvision: 'SEL-49B',
    };
    const caseworker = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: consentsUrl(),
      payload: legal,
      headers: { 'accept-language': 'da' },
    });
    expect(caseworker.statusCode).toBe(403);
    expect(caseworker.json().detail).toBe(
      'Kun en teamleder kan registrere et lovgrundlag for deling uden samtykke.',
    );
    const unknown = await t.request(w.jobcenterLeader.cookie, {
      method: 'POST',
      url: consentsUrl(),
      payload: { ...legal, legalProvision: 'LOV-1' },
    });
    expect(unknown.statusCode).toBe(400);
    const recorded = await t.request(w.jobcenterLeader.cookie, {
      method: 'POST',
      url: consentsUrl(),
      payload: legal,
    });
    expect(recorded.statusCode).toBe(201);
    const seen = (await t.request(w.citizen.cookie, { method: 'GET', url: consentsUrl() })).json();
    expect(seen.items.find((item: { id: string }) => item.id === recorded.json().id)).toMatchObject({
      basis: 'legal_provision',
      legalProvision: 'SEL-49B',
      status: 'active',
    });
    // The citizen cannot withdraw a legal basis (it is not her consent); its team leader ends it.
    const url = `${consentsUrl()}/${recorded.json().id}/withdraw`;
    expect((await t.request(w.citizen.cookie, { method: 'POST', url, payload: {} })).statusCode).toBe(403);
    expect((await t.request(w.jobcenterLeader.cookie, { method: 'POST', url, payload: {} })).statusCode).toBe(
      200,
    );
  });

  it('refuses a relative without consent in her power of attorney, in Danish when she reads Danish', async () => {
    const relative = await relativeCookie(false);
    const me = (await t.request(relative, { method: 'GET', url: '/api/auth/me' })).json();
    expect(me.actingFor).toMatchObject({ mayConsent: false });
    const refused = await t.request(relative, {
      method: 'POST',
      url: consentsUrl(),
      payload: ownUnitConsent(),
      headers: { 'accept-language': 'da-DK,da;q=0.9,en;q=0.8' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-language']).toBe('da');
    expect(refused.json()).toMatchObject({
      code: 'consent.delegate-not-included',
      title: 'Ingen adgang',
      detail: 'Din fuldmagt omfatter ikke at give eller trække samtykke tilbage; det kan kun borgeren selv.',
    });
    const english = await t.request(relative, {
      method: 'POST',
      url: consentsUrl(),
      payload: ownUnitConsent(),
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(english.json().detail).toMatch(/^Your power of attorney does not include/);
    // A power of attorney that includes consent lets her give it.
    const withConsent = await relativeCookie(true);
    const given = await t.request(withConsent, {
      method: 'POST',
      url: consentsUrl(),
      payload: ownUnitConsent(),
    });
    expect(given.statusCode).toBe(201);
    expect(given.json().state).toBe('confirmed');
    expect(
      (
        await t.request(withConsent, {
          method: 'POST',
          url: `${consentsUrl()}/${given.json().id}/withdraw`,
          payload: {},
        })
      ).statusCode,
    ).toBe(200);
  });

  it('lets the citizen grant a power of attorney that includes consent, not by default', async () => {
    const url = `/api/citizens/${w.citizen.id}/delegations`;
    const plain = await t.request(w.citizen.cookie, {
      method: 'POST',
      url,
      payload: { granteeCpr: '040480-4444', granteeName: 'Preben Pårørende' },
    });
    expect(plain.json().includesConsent).toBe(false);
    const wide = await t.request(w.citizen.cookie, {
      method: 'POST',
      url,
      payload: { granteeCpr: '050580-5555', granteeName: 'Vibeke Pårørende', includesConsent: true },
    });
    expect(wide.json().includesConsent).toBe(true);
  });
});

describe('break the glass (finding 5, M3)', () => {
  const url = (): string => `/api/citizens/${w.otherCitizen.id}/break-glass`;
  const reason = 'Borgeren ringer i akut krise uden for åbningstid og skal have hjælp';

  it('takes a reason from the list and an explanation of at least 20 meaningful characters', async () => {
    for (const payload of [
      { reason },
      { reasonCode: 'because', reason },
      { reasonCode: 'other', reason: 'aaaaaaaaaa' },
      { reasonCode: 'other', reason: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
      { reasonCode: 'other', reason: '!!!!!!!!!!!!!!!!!!!!!!!! .... ab' },
    ]) {
      const response = await t.request(w.jobcenterLeader.cookie, { method: 'POST', url: url(), payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(['reason', 'reasonCode']).toContain(response.json().errors[0].field);
    }
    expect(await t.context.database.db.selectFrom('break_glass').selectAll().execute()).toEqual([]);
  });

  it('is offered from the CPR search when the citizen exists but no relationship does', async () => {
    const search = (cookie: string, cpr: string) =>
      t.request(cookie, { method: 'POST', url: '/api/citizens/search', payload: { cpr } });
    const stranger = (await search(w.jobcenterLeader.cookie, w.otherCitizen.cpr)).json();
    expect(stranger).toMatchObject({ items: [], emergencyAccess: { citizenId: w.otherCitizen.id } });
    const own = (await search(w.coordinator.cookie, w.citizen.cpr)).json();
    expect(own.items).toHaveLength(1);
    expect(own.emergencyAccess).toBeNull();
    const nobody = (await search(w.coordinator.cookie, '0101011234')).json();
    expect(nobody).toMatchObject({ items: [], emergencyAccess: null });
  });

  it('expires after the configured hours, and says when', async () => {
    const before = Date.now();
    const response = await t.request(w.jobcenterLeader.cookie, {
      method: 'POST',
      url: url(),
      payload: { reasonCode: 'urgent-decision', reason },
    });
    expect(response.statusCode).toBe(201);
    const expiresAt = Date.parse(response.json().expiresAt);
    expect(expiresAt - before).toBeGreaterThan((t.context.config.breakGlassHours - 0.1) * 3_600_000);
    expect(expiresAt - before).toBeLessThan((t.context.config.breakGlassHours + 0.1) * 3_600_000);
    const active = await t.request(w.jobcenterLeader.cookie, {
      method: 'GET',
      url: `/api/citizens/${w.otherCitizen.id}/break-glass/active`,
    });
    expect(active.json()).toEqual({
      active: { id: response.json().id, expiresAt: response.json().expiresAt },
    });
    const none = await t.request(w.coordinator.cookie, {
      method: 'GET',
      url: `/api/citizens/${w.otherCitizen.id}/break-glass/active`,
    });
    expect(none.json()).toEqual({ active: null });
  });

  it('cannot be reviewed by the team leader who broke the glass', async () => {
    const [glass] = (
      await t.request(w.administrator.cookie, { method: 'GET', url: '/api/break-glass' })
    ).json().items;
    expect(glass.professional.id).toBe(w.jobcenterLeader.id);
    const own = await t.request(w.jobcenterLeader.cookie, {
      method: 'POST',
      url: `/api/break-glass/${glass.id}/review`,
      payload: { outcome: 'justified', comment: 'Det var nødvendigt' },
      headers: { 'accept-language': 'da' },
    });
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({
      code: 'break-glass.review-own',
      detail: 'En anden skal gennemgå din egen nødadgang.',
    });
    // Still waiting for someone else.
    expect(
      (await t.request(w.administrator.cookie, { method: 'GET', url: '/api/break-glass' })).json().items,
    ).toHaveLength(1);
  });

  it('is reviewed by someone else with an outcome and a comment, seeing what was read under it', async () => {
    const [glass] = (
      await t.request(w.administrator.cookie, { method: 'GET', url: '/api/break-glass' })
    ).json().items;
    // What was read under it: the plan.
    expect(
      (
        await t.request(w.jobcenterLeader.cookie, {
          method: 'GET',
          url: `/api/citizens/${w.otherCitizen.id}/plan`,
        })
      ).statusCode,
    ).toBe(200);
    const detail = await t.request(w.administrator.cookie, {
      method: 'GET',
      url: `/api/break-glass/${glass.id}`,
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ reasonCode: 'urgent-decision', reason, review: null });
    const activity = detail.json().activity as { action: string; what: string }[];
    expect(activity.map((entry) => `${entry.action} ${entry.what}`)).toEqual(
      expect.arrayContaining(['break-glass break_glass', 'read plan']),
    );
    const noOutcome = await t.request(w.administrator.cookie, {
      method: 'POST',
      url: `/api/break-glass/${glass.id}/review`,
      payload: {},
    });
    expect(noOutcome.statusCode).toBe(400);
    const comment = 'Ikke berettiget: borgeren var ikke i akut fare, sagen kunne vente.';
    const reviewed = await t.request(w.administrator.cookie, {
      method: 'POST',
      url: `/api/break-glass/${glass.id}/review`,
      payload: { outcome: 'not-justified', comment },
    });
    expect(reviewed.statusCode).toBe(204);
    const twice = await t.request(w.administrator.cookie, {
      method: 'POST',
      url: `/api/break-glass/${glass.id}/review`,
      payload: { outcome: 'justified', comment: 'Ændret mening' },
    });
    expect(twice.statusCode).toBe(409);
    const all = (
      await t.request(w.administrator.cookie, { method: 'GET', url: '/api/break-glass?status=all' })
    ).json();
    expect(all.items[0]).toMatchObject({
      id: glass.id,
      review: { outcome: 'not-justified', comment, reviewer: { id: w.administrator.id } },
    });
    // The citizen sees the outcome in her access log.
    const otherCitizenCookie = w.otherCitizen.cookie;
    const log = (
      await t.request(otherCitizenCookie, {
        method: 'GET',
        url: `/api/citizens/${w.otherCitizen.id}/access-log`,
      })
    ).json();
    expect(log.items.find((item: { breakGlass: boolean }) => item.breakGlass)).toMatchObject({
      why: reason,
      review: { outcome: 'not-justified', comment },
    });
  });
});

describe('least privilege (finding 10, L3)', () => {
  it('shows a citizen and her relative only her own team’s contact details', async () => {
    const all = (await t.request(w.coordinator.cookie, { method: 'GET', url: '/api/professionals' })).json();
    expect(all.items.length).toBeGreaterThan(4);
    for (const cookie of [w.citizen.cookie, await relativeCookie(false)]) {
      const mine = (await t.request(cookie, { method: 'GET', url: '/api/professionals' })).json();
      expect(mine.items.map((item: { id: string }) => item.id).sort()).toEqual(
        [w.coordinator.id, w.psychiatryWorker.id].sort(),
      );
    }
    const nobody = (
      await t.request(w.otherCitizen.cookie, { method: 'GET', url: '/api/professionals' })
    ).json();
    expect(nobody.items).toEqual([]);
  });

  it('lets an administrator, not a team leader, change a municipality-wide rule', async () => {
    const url = '/api/coordination/rules/gaps';
    const leader = await t.request(w.jobcenterLeader.cookie, {
      method: 'PUT',
      url,
      payload: { enabled: false },
      headers: { 'accept-language': 'da' },
    });
    expect(leader.statusCode).toBe(403);
    expect(leader.json().detail).toBe('Indstillinger for hele kommunen ændres af en administrator.');
    const admin = await t.request(w.administrator.cookie, { method: 'PUT', url, payload: { enabled: true } });
    expect(admin.statusCode).toBe(200);
  });
});
