import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, danishToday } from '../../src/domain/calendar.js';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { danishSentence } from '../support/notification-text.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The one hidden-details rule, everywhere (security review M2 and L1): what is hidden in the
 * plan stays hidden in the inbox, the gaps, the flags, "last changed by", My day and exports.
 * The coordinator (jobcenter) may not see the psychiatry unit's intervention in detail.
 */
let t: TestApp;
let w: AccessWorld;
const PSY_TYPE = 'Bostøtte Adgang';
const JOB_TYPE = 'Mentorstøtte Adgang';
const today = danishToday();
const hiddenFollowUp = addDays(today, 3);
let servedOnlyByHidden: string;
let servedByNothing: string;
let unlinkedHidden: string;

async function get(cookie: string, url: string): Promise<Record<string, unknown>> {
  const response = await t.request(cookie, { method: 'GET', url });
  expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBe(200);
  return response.json();
}

const planOf = (cookie: string) => get(cookie, `/api/citizens/${w.citizen.id}/plan`);

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
  // The coordinator looks at the plan; afterwards only the psychiatry unit changes it.
  await planOf(w.coordinator.cookie);
  const b = await w.write('/sub-goals', 'POST', { title: 'Sove om natten' });
  servedOnlyByHidden = JSON.parse(b.body).id;
  const c = await w.write('/sub-goals', 'POST', { title: 'Få en fritidsinteresse' });
  servedByNothing = JSON.parse(c.body).id;
  await planOf(w.coordinator.cookie);
  // Then psychiatry changes its own intervention: links, and a follow-up date soon.
  const psy = await w.write(
    `/interventions/${w.interventions.psychiatry}`,
    'PATCH',
    { subGoalIds: [w.subGoalId, servedOnlyByHidden], followUpDate: hiddenFollowUp },
    w.psychiatryWorker,
  );
  expect(psy.statusCode, psy.body).toBe(200);
  const psyType = await t.context.database.db
    .selectFrom('intervention_type')
    .select('id')
    .where('municipality_id', '=', w.municipalityId)
    .where('name', '=', PSY_TYPE)
    .executeTakeFirstOrThrow();
  const unlinked = await w.write(
    '/interventions',
    'POST',
    {
      typeId: psyType.id,
      unitId: w.units.psychiatry,
      responsibleId: w.psychiatryWorker.id,
      startDate: '2026-03-01',
      purpose: 'Netværksstøtte (psykiatriens fortrolige detalje)',
      subGoalIds: [],
    },
    w.psychiatryWorker,
  );
  expect(unlinked.statusCode, unlinked.body).toBe(201);
  unlinkedHidden = JSON.parse(unlinked.body).id;
}, 60_000);
afterAll(() => t?.dispose());

describe('the hidden-details rule beyond the plan', () => {
  it('keeps a hidden intervention’s type out of the inbox (M2), and names it to who may see it', async () => {
    const coordinatorInbox = await get(w.coordinator.cookie, '/api/inbox');
    const items = coordinatorInbox.items as { kind: string; subjectId: string; payload: unknown }[];
    const aboutPsy = items.filter((item) => item.subjectId === w.interventions.psychiatry);
    expect(aboutPsy.length).toBeGreaterThan(0);
    const body = JSON.stringify(coordinatorInbox);
    expect(body).not.toContain(PSY_TYPE);
    expect(body).not.toContain('Peter Psykiatri');
    expect(aboutPsy[0]?.payload).toMatchObject({
      intervention: { unit: 'Socialpsykiatrien Adgang' },
      by: null,
    });
    expect(aboutPsy[0]?.payload).not.toHaveProperty('intervention.type');
    expect(await danishSentence(aboutPsy[0])).toContain('en indsats for en borger');
    // The psychiatry worker is told about the jobcenter's change and may not see its type either.
    await w.write(`/interventions/${w.interventions.jobcenter}`, 'PATCH', { frequency: 'hver uge' });
    const psyInbox = JSON.stringify(await get(w.psychiatryWorker.cookie, '/api/inbox'));
    expect(psyInbox).toContain('Jobcenter Adgang');
    expect(psyInbox).not.toContain(JOB_TYPE);
    // With the citizen's consent, the same stored notification names the type.
    const consent = await t.request(w.citizen.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/consents`,
      payload: {
        granteeUnitId: w.units.psychiatry,
        categories: ['intervention-details'],
        purpose: 'coordination',
      },
    });
    expect(consent.statusCode, consent.body).toBe(201);
    expect(JSON.stringify(await get(w.psychiatryWorker.cookie, '/api/inbox'))).toContain(JOB_TYPE);
    const withdrawn = await t.request(w.citizen.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/consents/${consent.json().id}/withdraw`,
      payload: {},
    });
    expect(withdrawn.statusCode, withdrawn.body).toBeLessThan(300);
    expect(JSON.stringify(await get(w.psychiatryWorker.cookie, '/api/inbox'))).not.toContain(JOB_TYPE);
  });

  it('computes the gaps from what the viewer sees: served only by a hidden intervention looks like unserved (L1a)', async () => {
    const plan = await planOf(w.coordinator.cookie);
    const gaps = plan.gaps as {
      subGoalsWithoutIntervention: string[];
      interventionsWithoutSubGoal: string[];
    };
    expect(gaps.subGoalsWithoutIntervention).toContain(servedByNothing);
    expect(gaps.subGoalsWithoutIntervention).toContain(servedOnlyByHidden);
    expect(gaps.interventionsWithoutSubGoal).not.toContain(unlinkedHidden);
    // The owner sees the truth.
    const own = (await planOf(w.psychiatryWorker.cookie)).gaps as typeof gaps;
    expect(own.subGoalsWithoutIntervention).not.toContain(servedOnlyByHidden);
    expect(own.interventionsWithoutSubGoal).toContain(unlinkedHidden);
  });

  it('shows no flag computed from a hidden intervention’s links or dates (L1b)', async () => {
    const owner = await get(w.psychiatryWorker.cookie, `/api/citizens/${w.citizen.id}/flags`);
    const ownerFlags = owner.items as { id: string; subjectIds: string[]; explanation: { data: unknown } }[];
    const aboutUnlinked = ownerFlags.find((flag) => flag.subjectIds.includes(unlinkedHidden));
    expect(aboutUnlinked?.explanation.data).toMatchObject({ kind: 'intervention-without-sub-goal' });
    const viewer = await get(w.coordinator.cookie, `/api/citizens/${w.citizen.id}/flags`);
    const flags = viewer.items as { subjectIds: string[]; explanation: { data: { kind?: string } } }[];
    expect(flags.some((flag) => flag.subjectIds.includes(unlinkedHidden))).toBe(false);
    // Neither sub-goal is told apart by a flag: a viewer with hidden interventions gets the gap list.
    const about = (id: string) => flags.filter((flag) => flag.subjectIds.includes(id)).length;
    expect(about(servedByNothing)).toBe(about(servedOnlyByHidden));
    expect(JSON.stringify(viewer)).not.toContain('intervention-without-sub-goal');
    // My day counts only the flags the viewer is shown.
    const counts = await get(w.coordinator.cookie, '/api/my-day/flags');
    const mine = (counts.items as { citizenId: string; open: number }[]).find(
      (item) => item.citizenId === w.citizen.id,
    );
    expect(mine?.open ?? 0).toBe(flags.length);
    const ownerCounts = await get(w.psychiatryWorker.cookie, '/api/my-day/flags');
    const theirs = (ownerCounts.items as { citizenId: string; open: number }[]).find(
      (item) => item.citizenId === w.citizen.id,
    );
    expect(theirs?.open).toBe(ownerFlags.length);
    // Nor can the hidden flag be opened or changed by id.
    const byId = await t.request(w.coordinator.cookie, {
      method: 'GET',
      url: `/api/flags/${aboutUnlinked?.id}`,
    });
    expect(byId.statusCode).toBe(404);
    const taken = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/flags/${aboutUnlinked?.id}/acknowledge`,
      payload: {},
    });
    expect(taken.statusCode).toBe(404);
  });

  it('names as last changed only a change the viewer may see (L1d)', async () => {
    // The newest change of all is psychiatry's, to its hidden intervention.
    const hiddenChange = await w.write(
      `/interventions/${w.interventions.psychiatry}`,
      'PATCH',
      { frequency: 'tre gange om ugen' },
      w.psychiatryWorker,
    );
    expect(hiddenChange.statusCode, hiddenChange.body).toBe(200);
    const plan = await planOf(w.coordinator.cookie);
    const own = await planOf(w.psychiatryWorker.cookie);
    expect((own.updatedBy as { id: string }).id).toBe(w.psychiatryWorker.id);
    expect((plan.updatedBy as { id: string }).id).not.toBe(w.psychiatryWorker.id);
    const history = await get(w.coordinator.cookie, `/api/citizens/${w.citizen.id}/plan/history`);
    expect(JSON.stringify(history)).not.toContain(w.psychiatryWorker.id);
    // "Last changed" is the newest change in the viewer's own history.
    const newest = (history.items as { at: string; actor: { id: string } }[])[0];
    expect(plan.updatedAt).toBe(newest?.at);
    expect((plan.updatedBy as { id: string }).id).toBe(newest?.actor.id);
    expect((plan.updatedAt as string) < (own.updatedAt as string)).toBe(true);
    // The caseload says the same.
    const caseload = await get(w.coordinator.cookie, '/api/citizens');
    const line = (caseload.items as { id: string; updatedAt: string }[]).find(
      (item) => item.id === w.citizen.id,
    );
    expect(line?.updatedAt).toBe(plan.updatedAt);
  });

  it('counts My day’s follow-ups, gaps and changes only from what the professional sees (L1c)', async () => {
    const myDay = await get(w.coordinator.cookie, '/api/my-day');
    const item = (myDay.items as { id: string; attention: Record<string, unknown> }[]).find(
      (entry) => entry.id === w.citizen.id,
    );
    expect(item?.attention.nextFollowUp).not.toBe(hiddenFollowUp);
    expect(item?.attention.followUpsDueSoon).toBe(0);
    expect(JSON.stringify(myDay)).not.toContain(hiddenFollowUp);
    // The gaps counted are the viewer's: the goal, both sub-goals the coordinator sees no intervention for.
    const plan = await planOf(w.coordinator.cookie);
    const gaps = plan.gaps as Record<string, unknown>;
    expect(item?.attention.gaps).toBe(
      Number(gaps.missingGoal) +
        Number(gaps.missingCoordinator) +
        (gaps.interventionsWithoutSubGoal as string[]).length +
        (gaps.subGoalsWithoutIntervention as string[]).length,
    );
    // The psychiatry worker, who owns it, sees the follow-up.
    const theirs = await get(w.psychiatryWorker.cookie, '/api/my-day');
    const their = (theirs.items as { id: string; attention: Record<string, unknown> }[]).find(
      (entry) => entry.id === w.citizen.id,
    );
    expect(their?.attention.nextFollowUp).toBe(hiddenFollowUp);
  });

  it('exports the plan with the same rule', async () => {
    const response = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/export`,
      payload: {},
    });
    expect(response.statusCode, response.body).toBe(200);
    for (const secret of [PSY_TYPE, hiddenFollowUp, 'fortrolige'])
      expect(response.body).not.toContain(secret);
    const exported = JSON.parse(response.body) as { plan: { updatedBy: { id: string } | null } };
    expect(exported.plan.updatedBy?.id).not.toBe(w.psychiatryWorker.id);
  });
});

describe('the cost of the rule', () => {
  it('weighs My day of 40 more citizens, each with a hidden intervention (the figures are printed)', async () => {
    const psyType = await t.context.database.db
      .selectFrom('intervention_type')
      .select('id')
      .where('municipality_id', '=', w.municipalityId)
      .where('name', '=', PSY_TYPE)
      .executeTakeFirstOrThrow();
    const followUp = addDays(today, 5);
    for (let n = 0; n < 40; n += 1) {
      const citizen = await t.factories.citizen(w.municipalityId, { coordinatorId: w.coordinator.id });
      const plan = await t.request(w.coordinator.cookie, {
        method: 'GET',
        url: `/api/citizens/${citizen.id}/plan`,
      });
      // The psychiatry worker joins the team and records their own unit's intervention.
      const joined = await t.request(w.coordinator.cookie, {
        method: 'POST',
        url: `/api/citizens/${citizen.id}/plan/team`,
        headers: { 'if-match': String(plan.headers.etag) },
        payload: { kind: 'professional', professionalId: w.psychiatryWorker.id, role: 'Bostøtte' },
      });
      expect(joined.statusCode, joined.body).toBe(201);
      const created = await t.request(w.psychiatryWorker.cookie, {
        method: 'POST',
        url: `/api/citizens/${citizen.id}/plan/interventions`,
        headers: { 'if-match': String(joined.headers.etag) },
        payload: {
          typeId: psyType.id,
          unitId: w.units.psychiatry,
          responsibleId: w.psychiatryWorker.id,
          startDate: '2026-04-01',
          followUpDate: followUp,
          subGoalIds: [],
        },
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    const times: number[] = [];
    let body = '';
    for (let run = 0; run < 5; run += 1) {
      const started = performance.now();
      const response = await t.request(w.coordinator.cookie, { method: 'GET', url: '/api/my-day' });
      times.push(performance.now() - started);
      body = response.body;
    }
    expect(JSON.parse(body).items.length).toBeGreaterThanOrEqual(41);
    expect(body).not.toContain(followUp);
    times.sort((a, b) => a - b);
    console.info(`My day, 41 citizens with hidden interventions: median ${times[2]?.toFixed(0)} ms`);
  }, 120_000);
});
