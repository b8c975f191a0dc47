import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, buildAccessWorld, type Person } from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Collaboration (relational coordination) and quality-indicator surveys through the API. Every
 * figure is checked against a computation written here, from the definitions, not the domain code.
 */
let t: TestApp;
let w: AccessWorld;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
});
afterAll(() => t?.dispose());

const DIMENSIONS = [
  'frequent',
  'timely',
  'accurate',
  'problem_solving',
  'shared_goals',
  'shared_knowledge',
  'mutual_respect',
];
const HEADER = `respondent,group,about_group,${DIMENSIONS.join(',')}`;

/** A small seeded generator, so the synthetic respondents are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function putCsv(as: Person, url: string, csv: string) {
  return t.request(as.cookie, { method: 'PUT', url, payload: csv, headers: { 'content-type': 'text/csv' } });
}

interface Line {
  respondent: string;
  group: string;
  about: string;
  scores: number[];
}

/** Independent scoring: exact sums, band by whole-number comparison, rounding once. */
function expectedTie(lines: Line[], from: string, to: string) {
  const about = lines.filter((line) => line.group === from && line.about === to);
  const n = about.length;
  if (n < 5) {
    return { from, to, respondents: n, index: null, communication: null, relationship: null, band: null };
  }
  const sum = (line: Line, start: number, end: number) =>
    line.scores.slice(start, end).reduce((a, b) => a + b, 0);
  const all = about.reduce((total, line) => total + sum(line, 0, 7), 0);
  const communication = about.reduce((total, line) => total + sum(line, 0, 4), 0);
  const relationship = about.reduce((total, line) => total + sum(line, 4, 7), 0);
  // index = all / 7n; compare 10·all with threshold·10·7n in whole numbers.
  const [moderate, strong] = from === to ? [40, 45] : [35, 40];
  let band: 'strong' | 'moderate' | 'weak' = 'weak';
  if (10 * all > strong * 7 * n) band = 'strong';
  else if (10 * all >= moderate * 7 * n) band = 'moderate';
  const two = (numerator: number, denominator: number) => Math.round((numerator * 100) / denominator) / 100;
  return {
    from,
    to,
    respondents: n,
    index: two(all, 7 * n),
    communication: two(communication, 4 * n),
    relationship: two(relationship, 3 * n),
    band,
  };
}

describe('a collaboration survey round', () => {
  const groups = ['Jobkonsulenter', 'Socialrådgivere', 'Sundhedsplejen'];
  const sizes: Record<string, number> = { Jobkonsulenter: 7, Socialrådgivere: 5, Sundhedsplejen: 4 };
  let surveyId: string;
  let lines: Line[];

  it('is created by a team leader for their unit', async () => {
    const created = await t.request(w.jobcenterLeader.cookie, {
      method: 'POST',
      url: '/api/collaboration-surveys',
      payload: { title: 'Samarbejde om unge', groups },
    });
    expect(created.statusCode, created.body).toBe(201);
    surveyId = created.json().id;
    expect(surveyId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('imports synthetic respondents from CSV: every tie, subscore and band as computed here', async () => {
    const next = random(13);
    lines = [];
    for (const group of groups) {
      for (let r = 0; r < (sizes[group] ?? 0); r++) {
        for (const about of groups) {
          // Socialrådgivere about Jobkonsulenter all 4: exactly 4.0, the moderate/strong boundary.
          const fixed = group === 'Socialrådgivere' && about === 'Jobkonsulenter';
          const scores = DIMENSIONS.map(() => (fixed ? 4 : 1 + Math.floor(next() * 5)));
          lines.push({ respondent: `${group.slice(0, 3)}-${r}`, group, about, scores });
        }
      }
    }
    const csv = [HEADER, ...lines.map((l) => [l.respondent, l.group, l.about, ...l.scores].join(','))].join(
      '\r\n',
    );
    const url = `/api/collaboration-surveys/${surveyId}/rounds/baseline/responses`;
    const imported = await putCsv(w.jobcenterLeader, url, csv);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ imported: lines.length });

    const results = await t.request(w.jobcenterLeader.cookie, {
      method: 'GET',
      url: `/api/collaboration-surveys/${surveyId}/results?round=baseline`,
    });
    expect(results.statusCode, results.body).toBe(200);
    const expected = groups.flatMap((from) => groups.map((to) => expectedTie(lines, from, to)));
    expect(results.json().ties).toEqual(expected);
    // The run covers what it claims: suppressed ties, the within-group bands, the exact boundary.
    const ties = results.json().ties as {
      from: string;
      to: string;
      band: string | null;
      index: number | null;
    }[];
    expect(ties.filter((tie) => tie.band === null)).toHaveLength(3);
    expect(ties.find((tie) => tie.from === 'Socialrådgivere' && tie.to === 'Jobkonsulenter')).toMatchObject({
      index: 4,
      band: 'moderate',
    });
  });

  it('refuses a file with a wrong line with 422, names each problem by line, and keeps the round as it was', async () => {
    const url = `/api/collaboration-surveys/${surveyId}/rounds/baseline/responses`;
    const bad = [
      HEADER,
      'x1,Jobkonsulenter,Jobkonsulenter,5,5,5,5,5,5,5',
      'x2,Ukendt,Jobkonsulenter,5,5,5,5,5,5,9',
    ].join('\n');
    const refused = await putCsv(w.jobcenterLeader, url, bad);
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().errors).toEqual([
      {
        line: 3,
        field: 'group',
        message: "must be one of the survey's groups: Jobkonsulenter, Socialrådgivere, Sundhedsplejen",
      },
      { line: 3, field: 'mutual_respect', message: 'must be a whole number from 1 to 5' },
    ]);
    const count = await t.context.database.db
      .selectFrom('collaboration_response')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('survey_id', '=', surveyId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(lines.length);
  });

  it('refuses a round where a respondent did not rate every group, their own included; nothing is stored', async () => {
    const url = `/api/collaboration-surveys/${surveyId}/rounds/baseline/responses`;
    // The stored baseline, with Soc-0's line about their own group and Sun-1's about Jobkonsulenter left out.
    const missing = lines.filter(
      (l) =>
        !(l.respondent === 'Soc-0' && l.about === 'Socialrådgivere') &&
        !(l.respondent === 'Sun-1' && l.about === 'Jobkonsulenter'),
    );
    const csv = [HEADER, ...missing.map((l) => [l.respondent, l.group, l.about, ...l.scores].join(','))];
    const refused = await putCsv(w.jobcenterLeader, url, csv.join('\n'));
    expect(refused.statusCode, refused.body).toBe(422);
    const firstLine = (respondent: string) => 2 + missing.findIndex((l) => l.respondent === respondent);
    expect(refused.json().errors).toEqual([
      {
        line: firstLine('Soc-0'),
        field: 'about_group',
        message:
          'respondent Soc-0 (Socialrådgivere) did not rate Socialrådgivere; every respondent rates every group, their own included',
      },
      {
        line: firstLine('Sun-1'),
        field: 'about_group',
        message:
          'respondent Sun-1 (Sundhedsplejen) did not rate Jobkonsulenter; every respondent rates every group, their own included',
      },
    ]);
    const stored = await t.context.database.db
      .selectFrom('collaboration_response')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('survey_id', '=', surveyId)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(lines.length);
  });

  it('a follow-up round is its own round; the survey lists both', async () => {
    const followUp = lines.map((line) => ({ ...line, scores: line.scores.map((s) => Math.min(5, s + 1)) }));
    const csv = [
      HEADER,
      ...followUp.map((l) => [l.respondent, l.group, l.about, ...l.scores].join(',')),
    ].join('\n');
    const url = `/api/collaboration-surveys/${surveyId}/rounds/follow-up/responses`;
    expect((await putCsv(w.jobcenterLeader, url, csv)).statusCode).toBe(200);
    const results = await t.request(w.jobcenterLeader.cookie, {
      method: 'GET',
      url: `/api/collaboration-surveys/${surveyId}/results?round=follow-up`,
    });
    expect(results.json().ties).toEqual(
      groups.flatMap((from) => groups.map((to) => expectedTie(followUp, from, to))),
    );
    const survey = await t.request(w.jobcenterLeader.cookie, {
      method: 'GET',
      url: `/api/collaboration-surveys/${surveyId}`,
    });
    expect(survey.json().rounds, survey.body).toEqual([
      { round: 'baseline', respondents: 16 },
      { round: 'follow-up', respondents: 16 },
    ]);
  });

  it('wants text/csv for an import', async () => {
    const response = await t.request(w.jobcenterLeader.cookie, {
      method: 'PUT',
      url: `/api/collaboration-surveys/${surveyId}/rounds/baseline/responses`,
      payload: { rows: [] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toContain('text/csv');
  });

  it("is read by its unit's team leader and the administrator only", async () => {
    const read = (as: { cookie: string }) =>
      t.request(as.cookie, {
        method: 'GET',
        url: `/api/collaboration-surveys/${surveyId}/results?round=baseline`,
      });
    expect((await read(w.administrator)).statusCode).toBe(200);
    expect((await read(w.healthLeader)).statusCode).toBe(403);
    expect((await read(w.coordinator)).statusCode).toBe(403);
    expect((await read(w.citizen)).statusCode).toBe(403);
    expect((await read(w.other.professional)).statusCode).toBe(403);
    const created = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: '/api/collaboration-surveys',
      payload: { title: 'Ikke min', groups },
    });
    expect(created.statusCode).toBe(403);
    const list = await t.request(w.healthLeader.cookie, { method: 'GET', url: '/api/collaboration-surveys' });
    expect(list.json().items).toEqual([]);
  });

  it('names a bad survey: fewer than two groups, a repeated group', async () => {
    const create = (groupsOf: string[]) =>
      t.request(w.jobcenterLeader.cookie, {
        method: 'POST',
        url: '/api/collaboration-surveys',
        payload: { title: 'x', groups: groupsOf },
      });
    const one = await create(['A']);
    expect(one.statusCode).toBe(400);
    expect(one.json().errors[0].field).toBe('groups');
    expect((await create(['A', 'A'])).statusCode).toBe(400);
  });

  it('audits the survey and its imports as management acts, not as citizen data', async () => {
    const events = await t.context.database.db
      .selectFrom('audit_event')
      .select(['action', 'resource', 'citizen_id'])
      .where('resource', '=', 'collaboration-survey')
      .where('actor_id', '=', w.jobcenterLeader.id)
      .orderBy('seq')
      .execute();
    expect(events.map((event) => event.action)).toEqual(['create', 'update', 'update']);
    expect(events.every((event) => event.citizen_id === null)).toBe(true);
  });
});

describe('a quality-indicator survey', () => {
  const items = [
    { code: 'q1', text: 'Der er en handleplan for hver borger' },
    { code: 'q2', text: 'Faggruppernes roller og ansvar er beskrevet og kendt' },
    { code: 'q3', text: 'Pårørende oplever at være reelle samarbejdspartnere' },
  ];
  let surveyId: string;

  it('imports baseline and end and reports item means, their mean and the relative change as computed here', async () => {
    const created = await t.request(w.jobcenterLeader.cookie, {
      method: 'POST',
      url: '/api/quality-surveys',
      payload: { title: 'Kvalitet i samarbejdet', items, project: 'Sammen om unge' },
    });
    expect(created.statusCode, created.body).toBe(201);
    surveyId = created.json().id;
    const next = random(7);
    const round = (respondents: number, skip: string | null) =>
      Array.from({ length: respondents }, (_, r) =>
        items
          .filter((item) => !(item.code === skip && r % 2 === 0))
          .map((item) => ({ respondent: `p${r}`, item: item.code, score: 1 + Math.floor(next() * 5) })),
      ).flat();
    const rounds = { baseline: round(9, 'q3'), end: round(11, null) };
    for (const [name, answers] of Object.entries(rounds)) {
      const csv = [
        'respondent,item,score',
        ...answers.map((a) => `${a.respondent},${a.item},${a.score}`),
      ].join('\n');
      const response = await putCsv(
        w.jobcenterLeader,
        `/api/quality-surveys/${surveyId}/rounds/${name}/responses`,
        csv,
      );
      expect(response.json()).toEqual({ imported: answers.length });
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const itemMean = (answers: { item: string; score: number }[], code: string) =>
      mean(answers.filter((a) => a.item === code).map((a) => a.score));
    const two = (value: number) => Math.round(value * 100) / 100;
    const figures = (baseline: number, end: number) => ({
      baseline: two(baseline),
      end: two(end),
      changePercent: two(((end - baseline) / baseline) * 100),
    });
    const baselineMeans = items.map((item) => itemMean(rounds.baseline, item.code));
    const endMeans = items.map((item) => itemMean(rounds.end, item.code));
    const results = await t.request(w.jobcenterLeader.cookie, {
      method: 'GET',
      url: `/api/quality-surveys/${surveyId}/results`,
    });
    expect(results.statusCode, results.body).toBe(200);
    expect(results.json()).toMatchObject({
      items: items.map((item, i) => ({
        code: item.code,
        text: item.text,
        ...figures(baselineMeans[i] as number, endMeans[i] as number),
      })),
      overall: figures(mean(baselineMeans), mean(endMeans)),
    });
  });

  it('accepts only baseline and end as rounds, and refuses a wrong file whole', async () => {
    const url = (round: string) => `/api/quality-surveys/${surveyId}/rounds/${round}/responses`;
    expect(
      (await putCsv(w.jobcenterLeader, url('middle'), 'respondent,item,score\np1,q1,3')).statusCode,
    ).toBe(400);
    const refused = await putCsv(w.jobcenterLeader, url('end'), 'respondent,item,score\np1,q1,3\np2,q4,3\n');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([{ line: 3, field: 'item', message: 'must be one of q1, q2, q3' }]);
    const results = await t.request(w.jobcenterLeader.cookie, {
      method: 'GET',
      url: `/api/quality-surveys/${surveyId}/results`,
    });
    expect(results.json().items[0].end).not.toBeNull();
  });

  it('is not for caseworkers or other units', async () => {
    const read = (as: { cookie: string }) =>
      t.request(as.cookie, { method: 'GET', url: `/api/quality-surveys/${surveyId}/results` });
    expect((await read(w.coordinator)).statusCode).toBe(403);
    expect((await read(w.healthLeader)).statusCode).toBe(403);
    expect((await read(w.administrator)).statusCode).toBe(200);
  });
});

describe('the quality indicators per unit and per development project', () => {
  /** Independently: each survey's item means per round by SQL, then the mean of all of them. */
  async function expected(surveyIds: string[]) {
    const rows = await t.context.database.db
      .selectFrom('quality_response')
      .select(['survey_id', 'round', 'item_code', (eb) => eb.fn.avg<number>('score').as('mean')])
      .where('survey_id', 'in', surveyIds)
      .groupBy(['survey_id', 'round', 'item_code'])
      .execute();
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const baseline = mean(rows.filter((r) => r.round === 'baseline').map((r) => Number(r.mean)));
    const end = mean(rows.filter((r) => r.round === 'end').map((r) => Number(r.mean)));
    const two = (value: number) => Math.round(value * 100) / 100;
    return {
      surveys: surveyIds.length,
      baseline: two(baseline),
      end: two(end),
      changePercent: two(((end - baseline) / baseline) * 100),
    };
  }

  async function survey(as: Person, title: string, project: string | undefined, scores: number[][]) {
    const created = await t.request(as.cookie, {
      method: 'POST',
      url: '/api/quality-surveys',
      payload: {
        title,
        items: [
          { code: 'a', text: 'Borgeren ved hvem der koordinerer' },
          { code: 'b', text: 'Vi holder hinanden orienteret' },
        ],
        ...(project ? { project } : {}),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    for (const [index, round] of (['baseline', 'end'] as const).entries()) {
      const lines = (scores[index] as number[]).map(
        (score, r) => `p${r},${r % 2 === 0 ? 'a' : 'b'},${score}`,
      );
      const response = await putCsv(
        as,
        `/api/quality-surveys/${id}/rounds/${round}/responses`,
        ['respondent,item,score', ...lines].join('\n'),
      );
      expect(response.statusCode, response.body).toBe(200);
    }
    return id;
  }

  it("rolls each unit's and each project's surveys up; a team leader sees only their own unit", async () => {
    const before = (
      await t.request(w.jobcenterLeader.cookie, { method: 'GET', url: '/api/quality-surveys' })
    ).json().items as { id: string; project: string | null }[];
    const second = await survey(w.jobcenterLeader, 'Koordination i jobcentret', undefined, [
      [2, 3, 2, 3],
      [4, 4, 3, 5],
    ]);
    const health = await survey(w.healthLeader, 'Koordination i sundhed', 'Sammen om unge', [
      [3, 3],
      [5, 4],
    ]);
    const jobcenterIds = [...before.map((s) => s.id), second];

    const own = await t.request(w.jobcenterLeader.cookie, {
      method: 'GET',
      url: '/api/quality-surveys/summary',
    });
    expect(own.statusCode, own.body).toBe(200);
    const ownBody = own.json();
    expect(ownBody.units).toEqual([
      { unit: { id: w.units.jobcenter, name: expect.any(String) }, ...(await expected(jobcenterIds)) },
    ]);
    expect(JSON.stringify(ownBody)).not.toContain(w.units.health);

    const all = (
      await t.request(w.administrator.cookie, { method: 'GET', url: '/api/quality-surveys/summary' })
    ).json();
    expect(all.units).toHaveLength(2);
    expect(all.units).toContainEqual({
      unit: { id: w.units.health, name: expect.any(String) },
      ...(await expected([health])),
    });
    // The development project spans both units: the first survey of the jobcenter and the health one.
    const inProject = [...before.filter((s) => s.project === 'Sammen om unge').map((s) => s.id), health];
    expect(inProject).toHaveLength(2);
    expect(all.projects).toEqual([
      {
        project: 'Sammen om unge',
        units: expect.arrayContaining([
          expect.objectContaining({ id: w.units.jobcenter }),
          expect.objectContaining({ id: w.units.health }),
        ]),
        ...(await expected(inProject)),
      },
    ]);

    for (const as of [w.coordinator, w.citizen]) {
      expect(
        (await t.request(as.cookie, { method: 'GET', url: '/api/quality-surveys/summary' })).statusCode,
      ).toBe(403);
    }
  });
});
