import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccessWorld,
  buildAccessWorld,
  DETAIL_FIELDS,
  interventionIn,
} from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** "That, not what", consent, break the glass and the audited CPR reveal, through the API. */
let t: TestApp;
let w: AccessWorld;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
});
afterAll(() => t?.dispose());

async function plan(
  cookie: string,
  citizenId = w.citizen.id,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await t.request(cookie, { method: 'GET', url: `/api/citizens/${citizenId}/plan` });
  return { status: response.statusCode, body: response.json() };
}

function expectRestricted(item: Record<string, unknown> | undefined): void {
  expect(item).toBeDefined();
  expect(item).toMatchObject({
    detailsHidden: true,
    unit: expect.any(Object),
    startDate: expect.any(String),
  });
  expect(Object.keys(item?.type as object)).toEqual(['category']);
  for (const field of DETAIL_FIELDS) expect(item).not.toHaveProperty(field);
  expect(JSON.stringify(item)).not.toMatch(/fortrolige|jobcenterets/);
}

function expectFull(item: Record<string, unknown> | undefined): void {
  expect(item).toBeDefined();
  expect(item).not.toHaveProperty('detailsHidden');
  expect(item).toHaveProperty('purpose');
  expect(item).toHaveProperty('legalBasis');
}

describe('that, not what', () => {
  it('shows another unit’s intervention only as category, unit, contact and period', async () => {
    const { status, body } = await plan(w.coordinator.cookie);
    expect(status).toBe(200);
    expectFull(interventionIn(body, w.interventions.jobcenter));
    const psy = interventionIn(body, w.interventions.psychiatry);
    expectRestricted(psy);
    expect(psy).toMatchObject({ responsible: { id: w.psychiatryWorker.id }, endDate: '2026-12-31' });
    // Nor does the sub-goal reveal what it is linked to.
    const subGoals = body.subGoals as { id: string; interventionIds: string[] }[];
    expect(subGoals.find((goal) => goal.id === w.subGoalId)?.interventionIds).toEqual([
      w.interventions.jobcenter,
    ]);
  });

  it('works both ways, and the citizen sees everything', async () => {
    const psy = await plan(w.psychiatryWorker.cookie);
    expectFull(interventionIn(psy.body, w.interventions.psychiatry));
    expectRestricted(interventionIn(psy.body, w.interventions.jobcenter));
    const own = await plan(w.citizen.cookie);
    expectFull(interventionIn(own.body, w.interventions.psychiatry));
    expectFull(interventionIn(own.body, w.interventions.jobcenter));
  });

  it('applies to plan write responses and to the history', async () => {
    const write = await w.write(`/interventions/${w.interventions.jobcenter}`, 'PATCH', {
      frequency: 'hver anden uge',
    });
    expect(write.statusCode).toBe(200);
    expectRestricted(interventionIn(JSON.parse(write.body).plan, w.interventions.psychiatry));
    const history = (
      await t.request(w.coordinator.cookie, {
        method: 'GET',
        url: `/api/citizens/${w.citizen.id}/plan/history`,
      })
    ).json();
    const psyEntries = history.items.filter(
      (item: { entityId: string }) => item.entityId === w.interventions.psychiatry,
    );
    // Changes to a hidden intervention are not in the viewer's history: when and by whom its
    // details changed would tell about them (docs/decisions/0010-hidden-details-and-access-log.md).
    expect(psyEntries).toEqual([]);
    expect(history.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(history)).not.toMatch(/fortrolige/);
  });

  it('shows the details under the citizen’s consent, and hides them again the moment it is withdrawn', async () => {
    const given = await t.request(w.citizen.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/consents`,
      payload: {
        granteeUnitId: w.units.jobcenter,
        categories: ['intervention-details'],
        purpose: 'coordination',
      },
    });
    expect(given.statusCode).toBe(201);
    expect(given.json()).toMatchObject({
      status: 'active',
      basis: 'consent',
      recordedBy: { kind: 'citizen' },
    });
    expectFull(interventionIn((await plan(w.coordinator.cookie)).body, w.interventions.psychiatry));
    // A consent for the jobcenter does not open the details to the health unit's leader.
    const withdrawn = await t.request(w.citizen.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/consents/${given.json().id}/withdraw`,
      payload: {},
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    expectRestricted(interventionIn((await plan(w.coordinator.cookie)).body, w.interventions.psychiatry));
    const again = await t.request(w.citizen.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/consents/${given.json().id}/withdraw`,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
  });

  it('does not apply a consent for another purpose, or one not yet valid', async () => {
    const wrongPurpose = await t.request(w.citizen.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/consents`,
      payload: {
        granteeUnitId: w.units.jobcenter,
        categories: ['intervention-details'],
        purpose: 'treatment',
      },
    });
    expect(wrongPurpose.statusCode).toBe(201);
    const future = await t.request(w.citizen.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/consents`,
      payload: {
        granteeSector: 'employment',
        categories: ['intervention-details'],
        purpose: 'coordination',
        validFrom: '2099-01-01',
      },
    });
    expect(future.json().status).toBe('not-yet-valid');
    expectRestricted(interventionIn((await plan(w.coordinator.cookie)).body, w.interventions.psychiatry));
  });

  it('lets a team leader record a legal basis (forvaltningsloven § 28) with the full history kept', async () => {
    const refused = await t.request(w.jobcenterLeader.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/consents`,
      payload: {
        granteeSector: 'employment',
        categories: ['intervention-details'],
        purpose: 'coordination',
        basis: 'legal_provision',
      },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('legalProvision');
    // A caseworker may not: a legal basis instead of consent is a team leader's decision.
    const caseworker = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/consents`,
      payload: {
        granteeSector: 'employment',
        categories: ['intervention-details'],
        purpose: 'coordination',
        basis: 'legal_provision',
        legalProvision: 'FVL-28-3',
      },
    });
    expect(caseworker.statusCode).toBe(403);
    const recorded = await t.request(w.jobcenterLeader.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/consents`,
      payload: {
        granteeSector: 'employment',
        categories: ['intervention-details'],
        purpose: 'coordination',
        basis: 'legal_provision',
        legalProvision: 'FVL-28-3',
      },
    });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({
      basis: 'legal_provision',
      legalProvision: 'FVL-28-3',
      recordedBy: { kind: 'professional', name: 'Lise Leder' },
    });
    expectFull(interventionIn((await plan(w.coordinator.cookie)).body, w.interventions.psychiatry));
    // A colleague with no relationship may not record one.
    const stranger = await t.request(w.healthWorker.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/consents`,
      payload: {
        granteeSector: 'health-care',
        categories: ['intervention-details'],
        purpose: 'coordination',
        basis: 'legal_provision',
        legalProvision: 'VAERDISPRING',
      },
    });
    expect(stranger.statusCode).toBe(403);
    const list = (
      await t.request(w.citizen.cookie, { method: 'GET', url: `/api/citizens/${w.citizen.id}/consents` })
    ).json();
    expect(list.items.map((item: { status: string }) => item.status).sort()).toEqual([
      'active',
      'active',
      'not-yet-valid',
      'withdrawn',
    ]);
    // Only the team leader who recorded it ends it.
    const url = `/api/citizens/${w.citizen.id}/consents/${recorded.json().id}/withdraw`;
    expect((await t.request(w.coordinator.cookie, { method: 'POST', url, payload: {} })).statusCode).toBe(
      403,
    );
    expect((await t.request(w.jobcenterLeader.cookie, { method: 'POST', url, payload: {} })).statusCode).toBe(
      200,
    );
    expectRestricted(interventionIn((await plan(w.coordinator.cookie)).body, w.interventions.psychiatry));
  });

  it('answers another municipality’s citizen with 404 everywhere', async () => {
    const paths = ['plan', 'plan/history', 'consents', 'delegations', 'access-log'];
    for (const path of paths) {
      const response = await t.request(w.coordinator.cookie, {
        method: 'GET',
        url: `/api/citizens/${w.other.citizen.id}/${path}`,
      });
      expect(response.statusCode, path).toBe(404);
    }
    const glass = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.other.citizen.id}/break-glass`,
      payload: { reasonCode: 'other', reason: 'Akut henvendelse fra borgeren i borgerservice' },
    });
    expect(glass.statusCode).toBe(404);
  });
});

describe('consent limited to one case', () => {
  it('reveals the details of case A and not of case B', async () => {
    const caseA = await w.write(
      `/interventions/${w.interventions.psychiatry}`,
      'PATCH',
      { caseReference: 'SP-2026-A' },
      w.psychiatryWorker,
    );
    expect(caseA.statusCode).toBe(200);
    const type = await t.context.database.db
      .selectFrom('intervention_type')
      .select('id')
      .where('municipality_id', '=', w.municipalityId)
      .where('sector', '=', 'social-adult')
      .executeTakeFirstOrThrow();
    const caseB = await w.write(
      '/interventions',
      'POST',
      {
        typeId: type.id,
        unitId: w.units.psychiatry,
        responsibleId: w.psychiatryWorker.id,
        purpose: 'Sag B: behandlingens detalje',
        startDate: '2026-03-01',
        caseReference: 'SP-2026-B',
      },
      w.psychiatryWorker,
    );
    expect(caseB.statusCode).toBe(201);
    const caseBId = JSON.parse(caseB.body).id as string;
    const consent = await t.request(w.citizen.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/consents`,
      payload: {
        granteeUnitId: w.units.jobcenter,
        categories: ['intervention-details'],
        purpose: 'coordination',
        caseReference: 'sp-2026-a',
      },
    });
    expect(consent.statusCode).toBe(201);
    const { body } = await plan(w.coordinator.cookie);
    const a = interventionIn(body, w.interventions.psychiatry);
    expectFull(a);
    expect(a).toMatchObject({ caseReference: 'SP-2026-A' });
    const b = interventionIn(body, caseBId);
    expect(b).toMatchObject({ detailsHidden: true });
    expect(b).not.toHaveProperty('caseReference');
    expect(JSON.stringify(body)).not.toContain('Sag B: behandlingens detalje');
    // Nor can the consent's holder move case B under case A: only the intervention's unit changes it.
    const moved = await w.write(`/interventions/${caseBId}`, 'PATCH', { caseReference: 'SP-2026-A' });
    expect(moved.statusCode).toBe(403);
    expect(JSON.parse(moved.body).detail).toContain('Another unit owns this intervention');
    expect(interventionIn((await plan(w.coordinator.cookie)).body, caseBId)).toMatchObject({
      detailsHidden: true,
    });
    await t.request(w.citizen.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/consents/${consent.json().id}/withdraw`,
      payload: {},
    });
    expectRestricted(interventionIn((await plan(w.coordinator.cookie)).body, w.interventions.psychiatry));
  });
});

describe('a pending referral', () => {
  it('lets every professional of the receiving unit see the plan, "that, not what", until it ends', async () => {
    expect((await plan(w.healthWorker.cookie)).status).toBe(403);
    const referral = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/referrals`,
      payload: { toUnitId: w.units.health, reason: 'Hjælp til medicinhåndtering' },
    });
    expect(referral.statusCode).toBe(201);
    const seen = await plan(w.healthWorker.cookie);
    expect(seen.status).toBe(200);
    expectRestricted(interventionIn(seen.body, w.interventions.psychiatry));
    expectRestricted(interventionIn(seen.body, w.interventions.jobcenter));
    const audit = await t.context.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('actor_id', '=', w.healthWorker.id)
      .where('resource', '=', 'plan')
      .where('outcome', '=', 'allowed')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ basis: 'referral' });
    // While pending, the receiving unit reads and answers; it does not record consent.
    const consent = await t.request(w.healthWorker.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/consents`,
      payload: { granteeSector: 'health-care', categories: ['goals'], purpose: 'coordination' },
    });
    expect(consent.statusCode).toBe(403);
    // Accepting makes the one who accepts a lasting part of the plan: they join the team.
    const accepted = await t.request(w.healthWorker.cookie, {
      method: 'POST',
      url: `/api/referrals/${referral.json().id}/accept`,
      payload: {},
    });
    expect(accepted.statusCode).toBe(200);
    const after = await plan(w.healthWorker.cookie);
    expect(after.status).toBe(200);
    w.version = after.body.version as number;
    const member = (after.body.team as { id: string; professionalId: string | null }[]).find(
      (item) => item.professionalId === w.healthWorker.id,
    );
    expect(member).toBeDefined();
    // The relationship lasts until they are taken off the team, not until the referral moves on.
    const off = await w.write(`/team/${member?.id}/end`, 'POST', { reason: 'Forløbet er slut' });
    expect(off.statusCode).toBe(200);
    expect((await plan(w.healthWorker.cookie)).status).toBe(403);
  });

  it('ends with a withdrawn referral', async () => {
    const referral = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/referrals`,
      payload: { toUnitId: w.units.health, reason: 'Hjælp til medicinhåndtering' },
    });
    expect((await plan(w.healthWorker.cookie)).status).toBe(200);
    const withdrawn = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/referrals/${referral.json().id}/withdraw`,
      payload: { reason: 'Borgeren ønsker det ikke' },
    });
    expect(withdrawn.statusCode).toBe(200);
    expect((await plan(w.healthWorker.cookie)).status).toBe(403);
  });

  it('ends with a declined referral too', async () => {
    const referral = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/referrals`,
      payload: { toUnitId: w.units.health, reason: 'Hjælp til rengøring' },
    });
    expect((await plan(w.healthWorker.cookie)).status).toBe(200);
    const declined = await t.request(w.healthWorker.cookie, {
      method: 'POST',
      url: `/api/referrals/${referral.json().id}/decline`,
      payload: { reason: 'Ikke vores område' },
    });
    expect(declined.statusCode).toBe(200);
    expect((await plan(w.healthWorker.cookie)).status).toBe(403);
  });
});

describe('break the glass', () => {
  const reason = 'Borgeren er mødt op akut i Hjemmeplejen og har brug for hjælp nu';
  let glassId: string;

  it('is refused without a reason, to citizens, and to those who already have access', async () => {
    expect((await plan(w.healthWorker.cookie)).status).toBe(403);
    const url = `/api/citizens/${w.citizen.id}/break-glass`;
    const short = await t.request(w.healthWorker.cookie, {
      method: 'POST',
      url,
      payload: { reasonCode: 'life-or-health', reason: 'akut' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('reason');
    const payload = { reasonCode: 'life-or-health', reason };
    expect((await t.request(w.citizen.cookie, { method: 'POST', url, payload })).statusCode).toBe(403);
    expect((await t.request(w.coordinator.cookie, { method: 'POST', url, payload })).statusCode).toBe(409);
  });

  it('gives time-limited access, audited with the reason', async () => {
    const before = Date.now();
    const response = await t.request(w.healthWorker.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/break-glass`,
      payload: { reasonCode: 'life-or-health', reason },
    });
    expect(response.statusCode).toBe(201);
    glassId = response.json().id;
    const expires = new Date(response.json().expiresAt).getTime();
    expect(expires - before).toBeGreaterThan(3.9 * 3_600_000);
    expect(expires - before).toBeLessThan(4.1 * 3_600_000);
    const { status, body } = await plan(w.healthWorker.cookie);
    expect(status).toBe(200);
    expectFull(interventionIn(body, w.interventions.psychiatry));
    const audit = await t.context.database.db
      .selectFrom('audit_event')
      .select(['action', 'purpose', 'details'])
      .where('actor_id', '=', w.healthWorker.id)
      .where('citizen_id', '=', w.citizen.id)
      .where('action', 'in', ['read', 'break-glass'])
      .orderBy('seq')
      .execute();
    // The last three: the refused read, breaking the glass, the read it allowed (earlier reads came
    // through a referral, in the tests above).
    const last = audit.slice(-3);
    expect(last.map((row) => row.action)).toEqual(['read', 'break-glass', 'read']);
    expect(last[1]?.purpose).toBe(reason);
    expect(last[2]?.details).toMatchObject({ basis: 'break-glass' });
    // Emergency access is for reading: it does not let one change the plan.
    const change = await w.write('/sub-goals', 'POST', { title: 'Ikke tilladt' }, w.healthWorker);
    expect(change.statusCode).toBe(403);
  });

  it('is flagged to the leader of the unit, not to other leaders, and can be reviewed', async () => {
    const mine = (await t.request(w.healthLeader.cookie, { method: 'GET', url: '/api/break-glass' })).json();
    expect(mine.items).toEqual([
      expect.objectContaining({
        id: glassId,
        reason,
        professional: { id: w.healthWorker.id, name: 'Hanne Hjemmepleje' },
      }),
    ]);
    expect(
      (await t.request(w.jobcenterLeader.cookie, { method: 'GET', url: '/api/break-glass' })).json().items,
    ).toEqual([]);
    expect(
      (await t.request(w.administrator.cookie, { method: 'GET', url: '/api/break-glass' })).json().items,
    ).toHaveLength(1);
    expect(
      (await t.request(w.healthWorker.cookie, { method: 'GET', url: '/api/break-glass' })).statusCode,
    ).toBe(403);
    expect(
      (
        await t.request(w.jobcenterLeader.cookie, {
          method: 'POST',
          url: `/api/break-glass/${glassId}/review`,
          payload: { outcome: 'justified', comment: 'Ikke min enhed' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.request(w.healthLeader.cookie, {
          method: 'POST',
          url: `/api/break-glass/${glassId}/review`,
          payload: { outcome: 'justified', comment: 'Borgeren var i akut nød; adgangen var berettiget.' },
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await t.request(w.healthLeader.cookie, { method: 'GET', url: '/api/break-glass' })).json().items,
    ).toEqual([]);
  });

  it('is shown to the citizen in their access log, with the reason', async () => {
    const log = (
      await t.request(w.citizen.cookie, { method: 'GET', url: `/api/citizens/${w.citizen.id}/access-log` })
    ).json();
    const glass = log.items.find((item: { breakGlass: boolean }) => item.breakGlass);
    expect(glass).toMatchObject({
      why: reason,
      who: { role: 'caseworker', unit: 'Hjemmeplejen Adgang', name: null },
    });
  });

  it('ends when its time is up', async () => {
    await t.context.database.db
      .updateTable('break_glass')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', glassId)
      .execute();
    t.context.plans.grants.invalidate(w.municipalityId, w.citizen.id);
    expect((await plan(w.healthWorker.cookie)).status).toBe(403);
  });
});

describe('revealing a CPR number', () => {
  const url = (): string => `/api/citizens/${w.citizen.id}/cpr/reveal`;

  it('is for a related professional, with a reason, and audited before the number leaves', async () => {
    const response = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: url(),
      payload: { reason: 'Skal oplyses til Udbetaling Danmark' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().cpr.replace('-', '')).toBe(w.citizen.cpr);
    const audit = await t.context.database.db
      .selectFrom('audit_event')
      .select(['purpose'])
      .where('actor_id', '=', w.coordinator.id)
      .where('action', '=', 'reveal')
      .execute();
    expect(audit).toEqual([{ purpose: 'Skal oplyses til Udbetaling Danmark' }]);
  });

  it('is refused to the unrelated, to citizens, and without a reason; never by GET', async () => {
    const payload = { reason: 'Skal oplyses til Udbetaling Danmark' };
    expect(
      (await t.request(w.jobcenterColleague.cookie, { method: 'POST', url: url(), payload })).statusCode,
    ).toBe(403);
    expect((await t.request(w.citizen.cookie, { method: 'POST', url: url(), payload })).statusCode).toBe(403);
    expect(
      (await t.request(w.coordinator.cookie, { method: 'POST', url: url(), payload: {} })).statusCode,
    ).toBe(400);
    expect(
      (await t.request(w.coordinator.cookie, { method: 'GET', url: url() })).statusCode,
    ).toBeGreaterThanOrEqual(400);
    const denied = await t.context.database.db
      .selectFrom('audit_event')
      .select(['actor_id'])
      .where('action', '=', 'reveal')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.map((row) => row.actor_id).sort()).toEqual([w.jobcenterColleague.id, w.citizen.id].sort());
  });
});
