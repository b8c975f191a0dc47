import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/access/policy.js';
import type { PlanOverview } from '../../src/domain/plan/plan.types.js';
import { changePlan } from '../../src/server/plan/plan-change.js';
import { endIntervention } from '../../src/server/plan/plan.commands.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Between 00:00 and 02:00 Danish time (01:00 in winter) the UTC date is still yesterday's. A plan
// change at 00:30 is dated by the Danish day of its injected clock. (A consent's validity at 00:30
// is tested in src/domain/consent/consent.test.ts.)
let t: TestApp;
let municipalityId: string;
let unitId: string;
let typeId: string;
let worker: { id: string; cookie: string; actor: Actor };
let citizenId: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ id: municipalityId } = await t.factories.municipality());
  ({ id: unitId } = await t.factories.unit(municipalityId, { sector: 'employment', name: 'Jobcenter' }));
  ({ id: typeId } = await t.factories.interventionType(municipalityId, { legalBasis: 'LAB-47' }));
  const { id } = await t.factories.professional(municipalityId, unitId);
  worker = { id, ...(await t.signIn({ municipalityId, kind: 'professional', id })) };
  ({ id: citizenId } = await t.factories.citizen(municipalityId, { coordinatorId: id }));
});
afterAll(() => t?.dispose());

async function addIntervention(): Promise<{ id: string; version: number }> {
  const plan = (
    await t.request(worker.cookie, { method: 'GET', url: `/api/citizens/${citizenId}/plan` })
  ).json<PlanOverview>();
  const response = await t.request(worker.cookie, {
    method: 'POST',
    url: `/api/citizens/${citizenId}/plan/interventions`,
    headers: { 'if-match': `"${plan.version}"` },
    payload: { typeId, unitId, responsibleId: worker.id, startDate: '2026-06-01', status: 'active' },
  });
  expect(response.statusCode).toBe(201);
  return { id: response.json().id, version: plan.version + 1 };
}

async function endAt(now: Date): Promise<string | null> {
  const { id, version } = await addIntervention();
  await changePlan(
    t.context,
    {
      actor: worker.actor,
      citizenId,
      ifMatch: `"${version}"`,
      clientIp: '127.0.0.1',
      acceptLanguage: undefined,
      now,
    },
    (scope) => endIntervention(scope, id, { reason: 'Forløbet er slut.' }),
  );
  const row = await t.context.database.db
    .selectFrom('intervention')
    .select('end_date')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.end_date;
}

describe('a plan change at 00:30 Danish time', () => {
  it('ends an intervention on the Danish day, not the UTC day, in summer time', async () => {
    // 00:30 on 15 June in Copenhagen (UTC+2) is 22:30 UTC on 14 June.
    expect(await endAt(new Date('2026-06-14T22:30:00Z'))).toBe('2026-06-15');
  });

  it('ends an intervention on the Danish day, not the UTC day, in winter time', async () => {
    // 00:30 on 1 December in Copenhagen (UTC+1) is 23:30 UTC on 30 November.
    expect(await endAt(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
  });

  it('ends it on the same day at 23:30 Danish time', async () => {
    expect(await endAt(new Date('2026-12-01T22:30:00Z'))).toBe('2026-12-01');
  });
});
