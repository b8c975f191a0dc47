import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { danishSentence } from '../support/notification-text.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The citizen's own part of the plan (issue 11, item 3): her goal in her own words, her own
 * steps, her comments and her approval. Only she writes it; it goes through the plan's one
 * transaction, so the team sees it in the plan and in the history.
 */
let t: TestApp;
let w: AccessWorld;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
});
afterAll(() => t?.dispose());

interface Plan {
  version: number;
  goal: { ownWords: string; professionalWording: string | null } | null;
  ownSteps: { id: string; title: string; doer: string; pyramidLevel: number; doneAt: string | null }[];
  comments: { text: string | null; approves: boolean; planVersion: number }[];
}

async function planAs(cookie: string): Promise<Plan> {
  const response = await t.request(cookie, { method: 'GET', url: `/api/citizens/${w.citizen.id}/plan` });
  expect(response.statusCode).toBe(200);
  const plan = response.json() as Plan;
  w.version = plan.version;
  return plan;
}

async function historyAs(
  cookie: string,
): Promise<{ entity: string; actor: { role: string }; after: unknown }[]> {
  const response = await t.request(cookie, {
    method: 'GET',
    url: `/api/citizens/${w.citizen.id}/plan/history`,
  });
  expect(response.statusCode).toBe(200);
  return response.json().items;
}

describe('the citizen’s own part of the plan', () => {
  it('her goal in her own words leaves the professional wording as it was', async () => {
    await w.write('/goal', 'PUT', { ownWords: 'Et arbejde', professionalWording: 'Afklaring mod job' });
    const response = await w.write(
      '/own-goal',
      'PUT',
      { ownWords: 'Jeg vil have et job med mennesker' },
      w.citizen,
    );
    expect(response.statusCode).toBe(200);
    const plan = await planAs(w.coordinator.cookie);
    expect(plan.goal).toEqual({
      ownWords: 'Jeg vil have et job med mennesker',
      professionalWording: 'Afklaring mod job',
    });
    const [latest] = await historyAs(w.coordinator.cookie);
    expect(latest).toMatchObject({ entity: 'goal', actor: { role: 'citizen' } });
  });

  it('her own steps: added at pyramid level 1 or 2, marked done, and seen by the team', async () => {
    const mine = await w.write(
      '/own-steps',
      'POST',
      { title: 'Gå en tur hver morgen', doer: 'me' },
      w.citizen,
    );
    expect(mine.statusCode).toBe(201);
    const network = await w.write(
      '/own-steps',
      'POST',
      { title: 'Min søster kører mig til lægen', doer: 'network' },
      w.citizen,
    );
    expect(network.statusCode).toBe(201);
    const stepId = JSON.parse(mine.body).id as string;
    expect((await w.write(`/own-steps/${stepId}`, 'PATCH', { done: true }, w.citizen)).statusCode).toBe(200);
    const plan = await planAs(w.coordinator.cookie);
    expect(
      plan.ownSteps.map((step) => [step.title, step.doer, step.pyramidLevel, step.doneAt !== null]),
    ).toEqual([
      ['Gå en tur hver morgen', 'me', 1, true],
      ['Min søster kører mig til lægen', 'network', 2, false],
    ]);
    // Done again changes nothing, and says so by writing no history.
    const before = (await historyAs(w.coordinator.cookie)).length;
    expect((await w.write(`/own-steps/${stepId}`, 'PATCH', { done: true }, w.citizen)).statusCode).toBe(200);
    expect((await historyAs(w.coordinator.cookie)).length).toBe(before);
    // Another citizen's step, or none, is not found on this plan.
    const missing = await w.write(`/own-steps/${crypto.randomUUID()}`, 'PATCH', { done: true }, w.citizen);
    expect(missing.statusCode).toBe(404);
  });

  it('a comment needs words unless it approves; an approval approves the version it makes', async () => {
    const empty = await w.write('/comments', 'POST', { text: '   ' }, w.citizen);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('text');
    expect(empty.body).toContain('must not be empty unless you approve');
    const comment = await w.write(
      '/comments',
      'POST',
      { text: 'Jeg vil gerne mødes om formiddagen' },
      w.citizen,
    );
    expect(comment.statusCode).toBe(201);
    const approval = await w.write('/comments', 'POST', { approve: true }, w.citizen);
    expect(approval.statusCode).toBe(201);
    const plan = await planAs(w.coordinator.cookie);
    expect(plan.comments.map(({ text, approves }) => ({ text, approves }))).toEqual([
      { text: null, approves: true },
      { text: 'Jeg vil gerne mødes om formiddagen', approves: false },
    ]);
    expect(plan.comments[0]?.planVersion).toBe(plan.version);
    // Her coordinator hears of both in the inbox, in words, from no professional.
    const inbox = await t.request(w.coordinator.cookie, { method: 'GET', url: '/api/inbox' });
    const kinds = await Promise.all(
      inbox
        .json()
        .items.filter((item: { citizenId: string }) => item.citizenId === w.citizen.id)
        .map(async (item: { kind: string; actor: unknown; payload: unknown }) => [
          item.kind,
          item.actor,
          await danishSentence(item),
        ]),
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['plan-approved', null, 'Borgeren har godkendt planen.'],
        ['plan-commented', null, 'Borgeren har skrevet en kommentar til planen.'],
      ]),
    );
    const history = await historyAs(w.coordinator.cookie);
    expect(history[0]).toMatchObject({
      entity: 'plan_comment',
      actor: { role: 'citizen' },
      after: { approves: true },
    });
  });

  it('only the citizen writes it; she keeps to her part; a stale version is refused', async () => {
    const version = (await planAs(w.coordinator.cookie)).version;
    for (const as of [w.coordinator, w.jobcenterLeader]) {
      const response = await w.write('/own-goal', 'PUT', { ownWords: 'Overskrevet af en fagperson' }, as);
      expect(response.statusCode).toBe(403);
      expect(JSON.parse(response.body).detail).toContain('only the citizen writes it');
    }
    expect((await w.write('/goal', 'PUT', { ownWords: 'Borgeren overskriver' }, w.citizen)).statusCode).toBe(
      403,
    );
    // Another citizen cannot write on this plan, nor learn that it exists.
    const other = await w.write('/comments', 'POST', { text: 'Hej' }, w.otherCitizen);
    expect([403, 404]).toContain(other.statusCode);
    const plan = await planAs(w.coordinator.cookie);
    expect(plan.version).toBe(version);
    expect(plan.goal?.ownWords).toBe('Jeg vil have et job med mennesker');
    const stale = await t.request(w.citizen.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/plan/comments`,
      payload: { text: 'For sent' },
      headers: { 'if-match': `"${version - 1}"` },
    });
    expect(stale.statusCode).toBe(412);
  });

  it('her own rating of a step is a measure with the step as its context, hers only', async () => {
    const measures = `/api/citizens/${w.citizen.id}/measures`;
    const rate = (cookie: string, payload: Record<string, unknown>) =>
      t.request(cookie, { method: 'POST', url: measures, payload });
    const rating = {
      instrument: 'own-rating',
      respondent: 'citizen',
      answers: { progress: '-1' },
      context: { kind: 'sub-goal', id: w.subGoalId },
    };
    expect((await rate(w.citizen.cookie, rating)).statusCode).toBe(201);
    const later = await rate(w.citizen.cookie, { ...rating, answers: { progress: '1' } });
    expect(later.statusCode).toBe(201);
    expect(later.json()).toMatchObject({ score: 1, context: { kind: 'sub-goal', id: w.subGoalId } });
    const list = await t.request(w.coordinator.cookie, { method: 'GET', url: measures });
    const own = list
      .json()
      .responses.filter(
        (response: { instrument: { code: string } }) => response.instrument.code === 'own-rating',
      );
    expect(own.map((response: { score: number }) => response.score).sort()).toEqual([-1, 1]);
    // Not a step of hers: refused with the field named.
    const stranger = await rate(w.citizen.cookie, {
      ...rating,
      context: { kind: 'sub-goal', id: crypto.randomUUID() },
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors).toEqual([expect.objectContaining({ field: 'context.id' })]);
    // A professional does not rate for her.
    const professional = await rate(w.coordinator.cookie, { ...rating, respondent: 'professional' });
    expect(professional.statusCode).toBe(400);
    expect(professional.json().errors).toEqual([expect.objectContaining({ field: 'respondent' })]);
  });
});
