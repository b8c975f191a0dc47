import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/access/policy.js';
import type { PlanHistory } from '../../src/domain/plan/plan.responses.js';
import type { PlanOverview } from '../../src/domain/plan/plan.types.js';
import { newId } from '../../src/db/ids.js';
import { changePlan } from '../../src/server/plan/plan-change.js';
import { endIntervention } from '../../src/server/plan/plan.commands.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// A change that came from a meeting, follow-up or decision is an ordinary versioned plan change
// whose history names where it came from; a change made on the plan names nothing.
let t: TestApp;
let worker: { id: string; cookie: string; actor: Actor };
let citizenId: string;
let typeId: string;
let unitId: string;

beforeAll(async () => {
  t = await startTestApp();
  const { id: municipalityId } = await t.factories.municipality();
  ({ id: unitId } = await t.factories.unit(municipalityId, { sector: 'employment', name: 'Jobcenter' }));
  ({ id: typeId } = await t.factories.interventionType(municipalityId, { legalBasis: 'LAB-47' }));
  const { id } = await t.factories.professional(municipalityId, unitId);
  worker = { id, ...(await t.signIn({ municipalityId, kind: 'professional', id })) };
  ({ id: citizenId } = await t.factories.citizen(municipalityId, { coordinatorId: id }));
});
afterAll(() => t?.dispose());

async function history(): Promise<PlanHistory> {
  const response = await t.request(worker.cookie, {
    method: 'GET',
    url: `/api/citizens/${citizenId}/plan/history`,
  });
  expect(response.statusCode).toBe(200);
  return response.json<PlanHistory>();
}

describe('the origin of a plan change', () => {
  it('is named in the history when given, and null when the change was made on the plan', async () => {
    const plan = (
      await t.request(worker.cookie, { method: 'GET', url: `/api/citizens/${citizenId}/plan` })
    ).json<PlanOverview>();
    const created = await t.request(worker.cookie, {
      method: 'POST',
      url: `/api/citizens/${citizenId}/plan/interventions`,
      headers: { 'if-match': `"${plan.version}"` },
      payload: { typeId, unitId, responsibleId: worker.id, startDate: '2026-06-01', status: 'active' },
    });
    expect(created.statusCode).toBe(201);
    const interventionId: string = created.json().id;

    const meetingId = newId();
    await changePlan(
      t.context,
      {
        actor: worker.actor,
        citizenId,
        ifMatch: `"${plan.version + 1}"`,
        clientIp: '127.0.0.1',
        acceptLanguage: undefined,
        origin: { kind: 'meeting', id: meetingId },
      },
      (scope) => endIntervention(scope, interventionId, { reason: 'Aftalt på netværksmødet.' }),
    );

    const items = (await history()).items.filter((entry) => entry.entityId === interventionId);
    expect(items.map((entry) => [entry.action, entry.origin])).toEqual([
      ['end', { kind: 'meeting', id: meetingId }],
      ['create', null],
    ]);
  });

  it('cannot be half written: a kind without an id is refused by the database', async () => {
    await expect(
      t.context.database.db
        .updateTable('plan_history')
        .set({ origin_kind: 'meeting', origin_id: null })
        .where('citizen_id', '=', citizenId)
        .execute(),
    ).rejects.toThrow(/plan_history_origin_whole/);
  });
});
