import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, buildAccessWorld, type Person } from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Scoring without storing, licensed instruments, and the measures recorded about a citizen. */
let t: TestApp;
let w: AccessWorld;
/** The app's clock: the real time unless a test fixes it. */
let fixedNow: Date | null = null;

beforeAll(async () => {
  t = await startTestApp({ clock: () => fixedNow ?? new Date() });
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

describe("the app's clock", () => {
  const url = () => `/api/citizens/${w.citizen.id}/measures`;
  const answers = { heard: '4', matters: '4', approach: '4', overall: '4' };

  it('dates an answer given without a time, and bounds "not in the future", by the injected clock', async () => {
    fixedNow = new Date('2026-02-01T08:30:00.000Z');
    try {
      const now = await post(w.citizen, url(), {
        instrument: 'session-feedback',
        respondent: 'citizen',
        answers,
      });
      expect(now.statusCode, now.body).toBe(201);
      expect(now.json().answeredAt).toBe('2026-02-01T08:30:00.000Z');
      // Two minutes after the fixed clock is in the future, although long past by the wall clock.
      const later = await post(w.citizen, url(), {
        instrument: 'session-feedback',
        respondent: 'citizen',
        answers,
        answeredAt: '2026-02-01T08:32:00Z',
      });
      expect(later.statusCode).toBe(400);
      expect(later.json().errors).toEqual([{ field: 'answeredAt', message: 'must not be in the future' }]);
      const earlier = await post(w.citizen, url(), {
        instrument: 'session-feedback',
        respondent: 'citizen',
        answers,
        answeredAt: '2026-02-01T08:30:30Z',
      });
      expect(earlier.statusCode, earlier.body).toBe(201);
    } finally {
      fixedNow = null;
    }
  });
});

describe('questionnaires answered on paper, imported from CSV', () => {
  const url = () => `/api/citizens/${w.citizen.id}/measures/imports`;
  const header = 'instrument,answered_at,answered_by,item,answer';
  const who5Lines = (at: string, answers: number[]) =>
    ['cheerful', 'calm', 'active', 'rested', 'interest'].map(
      (item, index) => `who-5,${at},citizen,${item},${answers[index]}`,
    );
  const put = (as: { cookie: string }, csv: string) =>
    t.request(as.cookie, {
      method: 'POST',
      url: url(),
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
  const stored = async () =>
    Number(
      (
        await t.context.database.db
          .selectFrom('measure_response')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('citizen_id', '=', w.citizen.id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('stores every response of the file, each scored as when recorded, and audits the import', async () => {
    const before = await stored();
    const levels = ['practical', 'self-care', 'communication', 'mobility', 'community', 'social', 'health'];
    const csv = [
      header,
      ...who5Lines('2025-11-03T10:00:00+01:00', [1, 1, 2, 2, 1]),
      ...who5Lines('2026-01-05T10:00:00+01:00', [3, 3, 3, 2, 2]),
      ...levels.map(
        (item, i) =>
          `function-levels|1,2026-01-05T11:00:00+01:00,independent-assessor,${item},${i === 0 ? 9 : 2}`,
      ),
    ].join('\r\n');
    const response = await put(w.coordinator, csv);
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body.imported).toBe(3);
    // Independently: 1+1+2+2+1 = 7 → 28 screen; 3+3+3+2+2 = 13 → 52 good; a profile has no total.
    expect(
      body.responses.map(
        (r: {
          instrument: { code: string };
          respondent: string;
          answeredAt: string;
          raw: number | null;
          score: number | null;
          band: string | null;
        }) => [r.instrument.code, r.respondent, r.answeredAt, r.raw, r.score, r.band],
      ),
    ).toEqual([
      ['who-5', 'citizen', '2025-11-03T09:00:00.000Z', 7, 28, 'screen-for-depression'],
      ['who-5', 'citizen', '2026-01-05T09:00:00.000Z', 13, 52, 'good'],
      ['function-levels', 'independent-assessor', '2026-01-05T10:00:00.000Z', null, null, null],
    ]);
    expect(await stored()).toBe(before + 3);
    const listed = await t.request(w.coordinator.cookie, {
      method: 'GET',
      url: `/api/citizens/${w.citizen.id}/measures`,
    });
    expect(listed.json().responses.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(body.responses.map((r: { id: string }) => r.id)),
    );
    const audit = await t.context.database.db
      .selectFrom('audit_event')
      .select(['citizen_id', 'outcome', 'action'])
      .where('actor_id', '=', w.coordinator.id)
      .where('resource', '=', 'measure:import')
      .execute();
    expect(audit).toEqual([{ citizen_id: w.citizen.id, outcome: 'allowed', action: 'create' }]);
  });

  it('refuses a file with any wrong line with 422 naming line and field, and stores nothing', async () => {
    const before = await stored();
    const lines = who5Lines('2026-01-12T10:00:00+01:00', [3, 3, 3, 3, 3]);
    const csv = [
      header,
      ...lines.slice(0, 4),
      'who-5,2026-01-12T10:00:00+01:00,citizen,interest,6',
      ...who5Lines('2026-01-19T10:00:00+01:00', [4, 4, 4, 4, 4]),
      'who-5,2026-01-19T10:00:00+01:00,professional,calm,4',
    ].join('\n');
    const refused = await put(w.coordinator, csv);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().errors).toEqual([
      { line: 6, field: 'answer', message: 'must be one of 5, 4, 3, 2, 1, 0' },
      { line: 12, field: 'answered_by', message: 'who-5 is answered by citizen' },
    ]);
    expect(await stored()).toBe(before);
  });

  it('dates "not in the future" by the app clock', async () => {
    fixedNow = new Date('2026-01-01T00:00:00.000Z');
    try {
      const refused = await put(
        w.coordinator,
        [header, ...who5Lines('2026-01-02T10:00:00+01:00', [1, 1, 1, 1, 1])].join('\n'),
      );
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors[0]).toEqual({
        line: 2,
        field: 'answered_at',
        message: 'must not be in the future',
      });
    } finally {
      fixedNow = null;
    }
  });

  it('follows the policy for recording a measure, for every respondent in the file; refusals are audited', async () => {
    const before = await stored();
    const csv = [header, ...who5Lines('2026-01-20T10:00:00+01:00', [2, 2, 2, 2, 2])].join('\n');
    expect((await put(w.healthWorker, csv)).statusCode).toBe(403);
    expect((await put(w.other.professional, csv)).statusCode).toBe(404);
    expect((await put({ cookie: '' }, csv)).statusCode).toBe(401);
    // The citizen may import her own answers, not a professional's rating.
    const assessed = [header, 'function-levels,2026-01-20T10:00:00+01:00,professional,practical,2'].join(
      '\n',
    );
    const levels = ['self-care', 'communication', 'mobility', 'community', 'social', 'health'];
    const full = [
      assessed,
      ...levels.map((item) => `function-levels,2026-01-20T10:00:00+01:00,professional,${item},1`),
    ].join('\n');
    expect((await put(w.citizen, full)).statusCode).toBe(403);
    expect(await stored()).toBe(before);
    const own = await put(w.citizen, csv);
    expect(own.statusCode, own.body).toBe(201);
    const denied = await t.context.database.db
      .selectFrom('audit_event')
      .select(['actor_id', 'resource'])
      .where('citizen_id', '=', w.citizen.id)
      .where('outcome', '=', 'denied')
      .where('actor_id', 'in', [w.healthWorker.id, w.citizen.id])
      .execute();
    expect(denied).toEqual(
      expect.arrayContaining([
        { actor_id: w.healthWorker.id, resource: 'measure' },
        { actor_id: w.citizen.id, resource: 'measure' },
      ]),
    );
  });

  it('wants text/csv', async () => {
    const response = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: url(),
      payload: { lines: [] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toContain('text/csv');
  });
});

describe('session feedback on the plan', () => {
  it("is read with the measures by the citizen's team, answer by answer; never by one without access", async () => {
    const url = `/api/citizens/${w.citizen.id}/measures`;
    const team = await t.request(w.coordinator.cookie, { method: 'GET', url });
    expect(team.statusCode, team.body).toBe(200);
    const feedback = team
      .json()
      .responses.filter((r: { instrument: { code: string } }) => r.instrument.code === 'session-feedback');
    // (The clock's tests above also record session feedback, outside a meeting.)
    expect(feedback).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          respondent: 'citizen',
          context: { kind: 'meeting', id: expect.any(String) },
          answers: [
            { linkId: 'heard', code: '5' },
            { linkId: 'matters', code: '4' },
            { linkId: 'approach', code: '4' },
            { linkId: 'overall', code: '5' },
          ],
          score: 4.5,
        }),
      ]),
    );
    for (const outsider of [w.healthWorker, w.other.professional, w.otherCitizen]) {
      const refused = await t.request(outsider.cookie, { method: 'GET', url });
      expect(refused.statusCode).toBeGreaterThanOrEqual(403);
      expect(refused.body).not.toContain('session-feedback');
      expect(refused.body).not.toContain('heard');
    }
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
