import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The audited export of one citizen's plan: the citizen's copy of their data (GDPR art. 15),
 * the relative's, and a professional's — the plan as they may see it, never the CPR number
 * unless asked for with a reason by someone allowed to reveal it, after a recent login.
 */
let t: TestApp;
let w: AccessWorld;
const SECRET = 'psykiatriens fortrolige detalje';

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
}, 120_000);
afterAll(() => t?.dispose());

function exportOf(cookie: string | null, payload: Record<string, unknown> = {}, citizenId = w.citizen.id) {
  return t.request(cookie, { method: 'POST', url: `/api/citizens/${citizenId}/export`, payload });
}

function fullCpr(body: string): boolean {
  const cpr = w.citizen.cpr;
  return body.includes(cpr) || body.includes(`${cpr.slice(0, 6)}-${cpr.slice(6)}`);
}

async function exportAudit(actorId: string) {
  return t.context.database.db
    .selectFrom('audit_event')
    .select(['outcome', 'resource', 'purpose', 'details'])
    .where('actor_id', '=', actorId)
    .where('action', '=', 'export')
    .orderBy('at')
    .execute();
}

describe('the citizen’s copy of their data', () => {
  it('holds the whole plan, consents and who has looked, as a download that is never cached and without the CPR number', async () => {
    // Someone has looked: the coordinator read the plan.
    await t.request(w.coordinator.cookie, { method: 'GET', url: `/api/citizens/${w.citizen.id}/plan` });
    const response = await exportOf(w.citizen.cookie);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="samspil-plan-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(body).toMatchObject({ format: 'samspil-plan-export/1', kind: 'data-subject' });
    expect(body.citizen.cprMasked).toMatch(/^\d{6}-xxxx$/);
    expect(body.citizen.cpr).toBeUndefined();
    expect(fullCpr(response.body)).toBe(false);
    // The whole plan: the citizen sees every unit's details.
    expect(response.body).toContain(SECRET);
    expect(Array.isArray(body.consents)).toBe(true);
    expect(body.accessLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'read', what: 'plan', who: expect.any(Object) }),
      ]),
    );
    expect(await exportAudit(w.citizen.id)).toEqual([
      expect.objectContaining({ outcome: 'allowed', resource: 'plan', purpose: 'gdpr-art-15' }),
    ]);
  });

  it('is refused the CPR number even when asked for', async () => {
    const response = await exportOf(w.citizen.cookie, {
      includeCpr: true,
      reason: 'Jeg vil gerne have mit eget nummer med',
    });
    expect(response.statusCode).toBe(403);
    expect(fullCpr(response.body)).toBe(false);
  });

  it('is not another citizen’s to take', async () => {
    expect((await exportOf(w.otherCitizen.cookie)).statusCode).toBe(403);
    expect((await exportOf(w.other.citizen.cookie)).statusCode).toBe(404);
  });
});

describe('a professional’s export', () => {
  it('is the plan as they may see it: another unit’s intervention only that, not what', async () => {
    const response = await exportOf(w.coordinator.cookie);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.kind).toBe('professional');
    expect(response.body).not.toContain(SECRET);
    expect(response.body).toContain('jobcenterets detalje');
    const psychiatry = body.plan.sectors
      .flatMap((group: { interventions: { id: string }[] }) => group.interventions)
      .find((item: { id: string }) => item.id === w.interventions.psychiatry);
    expect(psychiatry).toMatchObject({ detailsHidden: true });
    // Only the citizen's copy carries their consents and access log.
    expect(body.consents).toBeUndefined();
    expect(body.accessLog).toBeUndefined();
    expect(fullCpr(response.body)).toBe(false);
    // The same shape as the plan endpoint gives them.
    const plan = (
      await t.request(w.coordinator.cookie, { method: 'GET', url: `/api/citizens/${w.citizen.id}/plan` })
    ).json();
    expect(body.plan).toEqual(plan);
  });

  it('is refused without a relationship, and audited', async () => {
    expect((await exportOf(w.jobcenterColleague.cookie)).statusCode).toBe(403);
    expect((await exportOf(w.other.professional.cookie)).statusCode).toBe(404);
    expect(await exportAudit(w.jobcenterColleague.id)).toEqual([
      expect.objectContaining({ outcome: 'denied', resource: 'plan' }),
    ]);
  });

  it('carries the full CPR number only when asked for with a reason, audited as export', async () => {
    const noReason = await exportOf(w.psychiatryWorker.cookie, { includeCpr: true });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const reason = 'Til brug for ansøgning om hjælpemiddel';
    const response = await exportOf(w.psychiatryWorker.cookie, { includeCpr: true, reason });
    expect(response.statusCode).toBe(200);
    expect(response.json().citizen.cpr.replace('-', '')).toBe(w.citizen.cpr);
    expect(await exportAudit(w.psychiatryWorker.id)).toEqual([
      expect.objectContaining({
        outcome: 'allowed',
        resource: 'plan,cpr',
        purpose: reason,
        details: expect.objectContaining({ includesCpr: true }),
      }),
    ]);
  });

  it('asks for a fresh login before a CPR number goes into an export', async () => {
    const session = await t.context.sessions.create({
      municipalityId: w.municipalityId,
      kind: 'professional',
      id: w.coordinator.id,
      persona: null,
      authTime: new Date(Date.now() - 16 * 60_000),
    });
    const cookie = `samspil_session=${session.token}`;
    const plain = await exportOf(cookie);
    expect(plain.statusCode).toBe(200);
    const withCpr = await exportOf(cookie, {
      includeCpr: true,
      reason: 'Til brug for ansøgning om hjælpemiddel',
    });
    expect(withCpr.statusCode).toBe(401);
    expect(withCpr.json().type).toBe('urn:samspil:problem:step-up-required');
    expect(fullCpr(withCpr.body)).toBe(false);
    const hash = createHash('sha256').update(session.token).digest();
    await t.context.sessions.destroy(session.token);
    expect(
      await t.context.database.db
        .selectFrom('session')
        .select('role')
        .where('token_hash', '=', hash)
        .execute(),
    ).toEqual([]);
  });
});

describe('a relative with fuldmagt', () => {
  it('exports the citizen’s copy, without the CPR number', async () => {
    const { id: delegationId } = await t.factories.delegation({
      citizenId: w.citizen.id,
      granteeCpr: '0404804444',
      granteeName: 'Eksport Pårørende',
    });
    const session = await t.context.sessions.create({
      municipalityId: w.municipalityId,
      kind: 'citizen',
      id: w.citizen.id,
      persona: null,
      delegationId,
    });
    const cookie = `samspil_session=${session.token}`;
    const response = await exportOf(cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ kind: 'data-subject' });
    expect(fullCpr(response.body)).toBe(false);
    expect(
      (await exportOf(cookie, { includeCpr: true, reason: 'Til min mors sag i banken' })).statusCode,
    ).toBe(403);
  });
});
