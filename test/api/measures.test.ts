import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, buildAccessWorld, type Person } from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Scoring without storing, licensed instruments, and the measures recorded about a citizen. */
let t: TestApp;
let w: AccessWorld;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
});
afterAll(() => t?.dispose());

const post = (as: { cookie: string }, url: string, payload: unknown) =>
  t.request(as.cookie, { method: 'POST', url, payload: payload as Record<string, unknown> });

describe('scoring without storing', () => {
  it('WHO-5: the documented example', async () => {
    const response = await post(w.coordinator, '/api/instruments/who-5/score', { answers: [3, 2, 4, 1, 5] });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ raw: 15, score: 60, band: 'good' });
    const low = await post(w.citizen, '/api/instruments/who-5/score', { answers: [1, 1, 2, 2, 1] });
    expect(low.json()).toEqual({ raw: 7, score: 28, band: 'screen-for-depression' });
  });

  it('WHO-5: names a wrong answer', async () => {
    const response = await post(w.coordinator, '/api/instruments/who-5/score', { answers: [3, 2, 6, 1, 5] });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('answers.2');
    expect((await post(w.coordinator, '/api/instruments/who-5/score', { answers: [3] })).statusCode).toBe(
      400,
    );
  });

  it('GAS: the documented example, weight 1 by default, two decimals', async () => {
    const response = await post(w.coordinator, '/api/instruments/gas/score', {
      goals: [{ level: 1 }, { level: -1, weight: 2 }],
    });
    expect(response.json()).toEqual({ tScore: 45.98 });
    const two = await post(w.coordinator, '/api/instruments/gas/score', {
      goals: [{ level: 1 }, { level: 1 }],
    });
    expect(two.json()).toEqual({ tScore: 62.4 });
    const bad = await post(w.coordinator, '/api/instruments/gas/score', { goals: [{ level: 3 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('goals.0.level');
  });

  it('needs a login', async () => {
    expect(
      (await post({ cookie: '' }, '/api/instruments/gas/score', { goals: [{ level: 0 }] })).statusCode,
    ).toBe(401);
  });
});

const LICENSED = {
  code: 'ors-licensed',
  version: '2024',
  title: { da: 'Licenseret skala', en: 'Licensed scale' },
  licence: 'Licensed to Adgangskommune until 2027',
  respondents: ['citizen'],
  items: ['individually', 'interpersonally'].map((linkId) => ({
    linkId,
    text: { da: linkId, en: linkId },
    options: Array.from({ length: 11 }, (_, i) => ({
      code: String(i),
      score: i,
      display: { da: `${i}`, en: `${i}` },
    })),
  })),
  scoring: { method: 'sum' },
  bands: [
    { code: 'clinical', below: 10, label: { da: 'Under', en: 'Below' } },
    { code: 'non-clinical', label: { da: 'Over', en: 'Above' } },
  ],
};

describe('licensed instruments', () => {
  it('are loaded by the administrator, validated, once per version', async () => {
    expect((await post(w.jobcenterLeader, '/api/instruments', LICENSED)).statusCode).toBe(403);
    const invalid = await post(w.administrator, '/api/instruments', { ...LICENSED, items: [] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0].field).toBe('items');
    const loaded = await post(w.administrator, '/api/instruments', LICENSED);
    expect(loaded.statusCode, loaded.body).toBe(201);
    expect(loaded.json()).toEqual({ code: 'ors-licensed', version: '2024' });
    expect((await post(w.administrator, '/api/instruments', LICENSED)).statusCode).toBe(409);
    expect((await post(w.administrator, '/api/instruments', { ...LICENSED, code: 'who-5' })).statusCode).toBe(
      409,
    );
  });

  it('are listed with the shipped ones, and only in the municipality that loaded them', async () => {
    const codes = async (as: { cookie: string }) =>
      (await t.request(as.cookie, { method: 'GET', url: '/api/instruments' }))
        .json()
        .items.map((item: { definition: { code: string } }) => item.definition.code);
    expect(await codes(w.coordinator)).toEqual([
      'who-5',
      'session-feedback',
      'function-levels',
      'own-rating',
      'ors-licensed',
    ]);
    expect(await codes(w.other.professional)).toEqual([
      'who-5',
      'session-feedback',
      'function-levels',
      'own-rating',
    ]);
  });
});

describe("a citizen's measures", () => {
  const url = () => `/api/citizens/${w.citizen.id}/measures`;
  const who5 = (answers: number[]) =>
    Object.fromEntries(
      ['cheerful', 'calm', 'active', 'rested', 'interest'].map((k, i) => [k, String(answers[i])]),
    );

  it('are recorded by the team and the citizen, scored by the one evaluator, with who answered and the version', async () => {
    const byCoordinator = await post(w.coordinator, url(), {
      instrument: 'who-5',
      respondent: 'citizen',
      answers: who5([1, 2, 1, 2, 1]),
      answeredAt: '2026-01-10T10:00:00+01:00',
      context: { kind: 'follow-up' },
    });
    expect(byCoordinator.statusCode, byCoordinator.body).toBe(201);
    expect(byCoordinator.json()).toMatchObject({
      instrument: { code: 'who-5', version: '1998' },
      respondent: 'citizen',
      answeredAt: '2026-01-10T09:00:00.000Z',
      context: { kind: 'follow-up', id: null },
      raw: 7,
      score: 28,
      band: 'screen-for-depression',
    });
    const byCitizen = await post(w.citizen, url(), {
      instrument: 'who-5',
      respondent: 'citizen',
      answers: who5([3, 3, 3, 3, 3]),
    });
    expect(byCitizen.json()).toMatchObject({ raw: 15, score: 60, band: 'good' });
    const licensed = await post(w.citizen, url(), {
      instrument: 'ors-licensed',
      respondent: 'citizen',
      answers: { individually: '4', interpersonally: '7' },
    });
    expect(licensed.json()).toMatchObject({
      instrument: { code: 'ors-licensed', version: '2024' },
      raw: 11,
      band: 'non-clinical',
    });
  });

  it('name every wrong answer and a respondent the instrument is not for', async () => {
    const wrong = await post(w.coordinator, url(), {
      instrument: 'who-5',
      respondent: 'citizen',
      answers: { ...who5([1, 2, 1, 2, 1]), calm: '7' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      { field: 'answers.calm', message: 'must be one of 5, 4, 3, 2, 1, 0' },
    ]);
    const respondent = await post(w.coordinator, url(), {
      instrument: 'who-5',
      respondent: 'professional',
      answers: who5([1, 1, 1, 1, 1]),
    });
    expect(respondent.statusCode).toBe(400);
    expect(respondent.json().errors[0].field).toBe('respondent');
    const unknown = await post(w.coordinator, url(), {
      instrument: 'nope',
      respondent: 'citizen',
      answers: {},
    });
    expect(unknown.statusCode).toBe(400);
  });

  it("in a meeting's context name one of the citizen's meetings", async () => {
    const answers = { heard: '5', matters: '4', approach: '4', overall: '5' };
    const noMeeting = await post(w.coordinator, url(), {
      instrument: 'session-feedback',
      respondent: 'citizen',
      answers,
      context: { kind: 'meeting', id: w.subGoalId },
    });
    expect(noMeeting.statusCode).toBe(400);
    expect(noMeeting.json().errors[0].field).toBe('context.id');
    const held = await post(w.coordinator, `/api/citizens/${w.citizen.id}/meetings`, {
      kind: 'network',
      purpose: 'Netværksmøde',
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      online: true,
    });
    expect(held.statusCode, held.body).toBe(201);
    const feedback = await post(w.citizen, url(), {
      instrument: 'session-feedback',
      respondent: 'citizen',
      answers,
      context: { kind: 'meeting', id: held.json().id },
    });
    expect(feedback.statusCode, feedback.body).toBe(201);
    expect(feedback.json()).toMatchObject({ context: { kind: 'meeting', id: held.json().id }, score: 4.5 });
  });

  it("follow the plan's access rules, and refusals are audited", async () => {
    const attempt = (as: Person | { cookie: string; id?: string }) =>
      post(as, url(), { instrument: 'who-5', respondent: 'professional', answers: who5([1, 1, 1, 1, 1]) });
    expect((await attempt(w.healthWorker)).statusCode).toBe(403);
    expect((await t.request(w.healthWorker.cookie, { method: 'GET', url: url() })).statusCode).toBe(403);
    expect((await t.request(w.otherCitizen.cookie, { method: 'GET', url: url() })).statusCode).toBe(403);
    expect((await t.request(w.other.professional.cookie, { method: 'GET', url: url() })).statusCode).toBe(
      404,
    );
    const asProfessional = await post(w.citizen, url(), {
      instrument: 'function-levels',
      respondent: 'professional',
      answers: {},
    });
    expect(asProfessional.statusCode).toBe(403);
    const denied = await t.context.database.db
      .selectFrom('audit_event')
      .select(['action', 'resource'])
      .where('actor_id', '=', w.healthWorker.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toEqual(
      expect.arrayContaining([
        { action: 'create', resource: 'measure' },
        { action: 'read', resource: 'measures' },
      ]),
    );
  });

  it('are listed oldest first with the GAS T-score after each follow-up; the read is audited', async () => {
    for (const gasLevel of [-1, 0, 1]) {
      const followUp = await w.write(`/sub-goals/${w.subGoalId}/gas-follow-ups`, 'POST', { gasLevel });
      expect(followUp.statusCode, followUp.body).toBe(201);
    }
    const response = await t.request(w.jobcenterLeader.cookie, { method: 'GET', url: url() });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(
      body.responses.map((r: { score: number }) => r.score),
      JSON.stringify(body.responses),
    ).toEqual([28, 60, 11, 4.5]);
    expect(body.gas.points.map((p: { tScore: number }) => p.tScore)).toEqual([40, 50, 60]);
    expect(body.gas.goals).toEqual([
      {
        subGoalId: w.subGoalId,
        title: 'Komme i praktik',
        levels: [
          expect.objectContaining({ level: -1 }),
          expect.objectContaining({ level: 0 }),
          expect.objectContaining({ level: 1 }),
        ],
      },
    ]);
    const audit = await t.context.database.db
      .selectFrom('audit_event')
      .select(['citizen_id', 'outcome'])
      .where('actor_id', '=', w.jobcenterLeader.id)
      .where('resource', '=', 'measures')
      .execute();
    expect(audit).toEqual([{ citizen_id: w.citizen.id, outcome: 'allowed' }]);
  });
});

describe('GAS weights and who scored', () => {
  const url = () => `/api/citizens/${w.citizen.id}/measures`;
  /** Kiresuk & Sherman's T-score, written out again here (ρ = 0.3), rounded to two decimals. */
  const tScore = (goals: { level: number; weight: number }[]) => {
    const weighted = goals.reduce((sum, g) => sum + g.weight * g.level, 0);
    const squares = goals.reduce((sum, g) => sum + g.weight ** 2, 0);
    const total = goals.reduce((sum, g) => sum + g.weight, 0);
    return Math.round(100 * (50 + (10 * weighted) / Math.sqrt(0.7 * squares + 0.3 * total ** 2))) / 100;
  };

  it('refuse a weight that is not a whole number from 1 to 100, and a scorer of another kind', async () => {
    for (const gasWeight of [0, 1.5, 101, '2']) {
      const response = await w.write(`/sub-goals/${w.subGoalId}`, 'PATCH', { gasWeight });
      expect(response.statusCode, response.body).toBe(400);
      expect(JSON.parse(response.body).errors[0].field).toBe('gasWeight');
    }
    const created = await w.write('/sub-goals', 'POST', { title: 'Vægtløst', gasWeight: -1 });
    expect(created.statusCode).toBe(400);
    const scorer = await w.write(`/sub-goals/${w.subGoalId}/gas-follow-ups`, 'POST', {
      gasLevel: 0,
      scorer: 'team-leader',
    });
    expect(scorer.statusCode).toBe(400);
    expect(JSON.parse(scorer.body).errors[0].field).toBe('scorer');
  });

  it('weigh each follow-up, keep who scored and who recorded, and show the change from baseline', async () => {
    const second = await w.write('/sub-goals', 'POST', { title: 'Møde op hver dag', gasWeight: 3 });
    expect(second.statusCode, second.body).toBe(201);
    const secondId = JSON.parse(second.body).id as string;
    const citizenScored = await w.write(`/sub-goals/${secondId}/gas-follow-ups`, 'POST', {
      gasLevel: -1,
      scorer: 'citizen',
    });
    expect(citizenScored.statusCode, citizenScored.body).toBe(201);
    expect(JSON.parse(citizenScored.body)).toMatchObject({ gasLevel: -1, scorer: 'citizen' });

    // The weight is a plan change: versioned, in the history with before and after.
    const weighted = await w.write(`/sub-goals/${w.subGoalId}`, 'PATCH', { gasWeight: 2 });
    expect(weighted.statusCode, weighted.body).toBe(200);
    const history = (
      await t.request(w.coordinator.cookie, {
        method: 'GET',
        url: `/api/citizens/${w.citizen.id}/plan/history`,
      })
    ).json();
    expect(history.items[0]).toMatchObject({
      entity: 'sub_goal',
      entityId: w.subGoalId,
      action: 'update',
      before: { gasWeight: 1 },
      after: { gasWeight: 2 },
    });
    const plan = (
      await t.request(w.coordinator.cookie, { method: 'GET', url: `/api/citizens/${w.citizen.id}/plan` })
    ).json();
    expect(plan.subGoals.map((g: { gasWeight: number }) => g.gasWeight)).toEqual([2, 3]);

    const assessed = await w.write(`/sub-goals/${w.subGoalId}/gas-follow-ups`, 'POST', {
      gasLevel: 2,
      scorer: 'independent-assessor',
    });
    expect(assessed.statusCode, assessed.body).toBe(201);

    const body = (await t.request(w.coordinator.cookie, { method: 'GET', url: url() })).json();
    const [first, other] = body.gas.goals;
    expect(first).toMatchObject({ subGoalId: w.subGoalId });
    expect(
      first.levels.map((l: { level: number; weight: number; scorer: string }) => [
        l.level,
        l.weight,
        l.scorer,
      ]),
    ).toEqual([
      [-1, 1, 'professional'],
      [0, 1, 'professional'],
      [1, 1, 'professional'],
      [2, 2, 'independent-assessor'],
    ]);
    expect(first.levels[0].recordedBy).toEqual({ name: 'Karin Koordinator', profession: expect.any(String) });
    expect(other).toMatchObject({
      subGoalId: secondId,
      levels: [{ level: -1, weight: 3, scorer: 'citizen' }],
    });

    // Every follow-up scored with today's weights (2 and 3), each sub-goal at its latest level then.
    const expected = [
      tScore([{ level: -1, weight: 2 }]),
      tScore([{ level: 0, weight: 2 }]),
      tScore([{ level: 1, weight: 2 }]),
      tScore([
        { level: 1, weight: 2 },
        { level: -1, weight: 3 },
      ]),
      tScore([
        { level: 2, weight: 2 },
        { level: -1, weight: 3 },
      ]),
    ];
    expect(expected).toEqual([40, 50, 60, 47.55, 52.45]);
    expect(body.gas.points.map((p: { tScore: number }) => p.tScore)).toEqual(expected);
    expect(body.gas.points.map((p: { change: number }) => p.change)).toEqual([0, 10, 20, 7.55, 12.45]);
    expect(body.gas.points.map((p: { goals: number }) => p.goals)).toEqual([1, 1, 1, 2, 2]);
  });
});
