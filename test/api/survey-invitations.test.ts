import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SURVEY_LINK_VALID_DAYS } from '../../src/domain/measures/survey-links.js';
import { startRetentionJob } from '../../src/server/retention/retention.commands.js';
import { type AccessWorld, buildAccessWorld, type Person } from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Single-use invitation links to a collaboration survey round: issued by the survey's team
 * leader, answered once without a login, anonymous (nothing joins an answer to its link).
 */
let t: TestApp;
let w: AccessWorld;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
});
afterAll(() => t?.dispose());

const GROUPS = ['Jobkonsulenter', 'Socialrådgivere', 'Sundhedsplejen'];
const DIMENSIONS = [
  'frequent',
  'timely',
  'accurate',
  'problem_solving',
  'shared_goals',
  'shared_knowledge',
  'mutual_respect',
] as const;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const tokenOf = (link: string) => link.split('/svar/')[1] ?? '';

let surveyId: string;
/** Every link issued in this file, to look for in the logs and the database. */
const issued: string[] = [];

function issue(as: Person | null, body: unknown, round = 'baseline', id = surveyId) {
  return t.request(as?.cookie ?? null, {
    method: 'POST',
    url: `/api/collaboration-surveys/${id}/rounds/${round}/invitations`,
    payload: body as object,
  });
}
async function issueOk(group: string, count: number, round = 'baseline'): Promise<string[]> {
  const response = await issue(w.jobcenterLeader, { group, count }, round);
  expect(response.statusCode, response.body).toBe(201);
  const links = response.json().links as string[];
  issued.push(...links.map(tokenOf));
  return links;
}
const open = (token: string) => t.request(null, { method: 'GET', url: `/api/survey-invitations/${token}` });
const answer = (token: string, payload: unknown) =>
  t.request(null, {
    method: 'POST',
    url: `/api/survey-invitations/${token}/answers`,
    payload: payload as object,
  });

type Scores = Record<(typeof DIMENSIONS)[number], number>;
const scoresOf = (values: number[]): Scores =>
  Object.fromEntries(DIMENSIONS.map((key, i) => [key, values[i % values.length]])) as Scores;
/** A whole answer: every group, the seven scores given for each. */
const fullAnswer = (scores: (group: string) => number[]) => ({
  answers: GROUPS.map((group) => ({ group, ...scoresOf(scores(group)) })),
});

beforeAll(async () => {
  const created = await t.request(w.jobcenterLeader.cookie, {
    method: 'POST',
    url: '/api/collaboration-surveys',
    payload: { title: 'Samarbejde om unge', groups: GROUPS },
  });
  surveyId = created.json().id;
});

describe('issuing invitation links', () => {
  it('gives the team leader the links once, and stores only their SHA-256', async () => {
    const links = await issueOk('Jobkonsulenter', 6);
    expect(links).toHaveLength(6);
    for (const link of links) expect(link).toMatch(/^http:\/\/localhost:\d+\/svar\/[A-Za-z0-9_-]{43}$/);
    expect(new Set(links).size).toBe(6);
    const rows = await t.context.database.db
      .selectFrom('survey_invitation')
      .selectAll()
      .where('survey_id', '=', surveyId)
      .execute();
    expect(rows.map((row) => row.token_hash).sort()).toEqual(links.map((l) => sha256(tokenOf(l))).sort());
    const stored = JSON.stringify(rows);
    for (const link of links) expect(stored).not.toContain(tokenOf(link));
    expect(rows.every((row) => row.group_name === 'Jobkonsulenter' && row.round === 'baseline')).toBe(true);
  });

  it('shows issued and used per round and group, never a link', async () => {
    const counts = await t.request(w.jobcenterLeader.cookie, {
      method: 'GET',
      url: `/api/collaboration-surveys/${surveyId}/invitations`,
    });
    expect(counts.statusCode, counts.body).toBe(200);
    expect(counts.json()).toEqual({
      items: [{ round: 'baseline', group: 'Jobkonsulenter', issued: 6, used: 0 }],
    });
    for (const token of issued) expect(counts.body).not.toContain(token);
  });

  it("is the survey unit's team leader's and the administrator's; a caseworker, another unit and a citizen are refused", async () => {
    expect((await issue(w.administrator, { group: 'Sundhedsplejen', count: 1 })).statusCode).toBe(201);
    const caseworker = await issue(w.coordinator, { group: 'Jobkonsulenter', count: 1 });
    expect(caseworker.statusCode).toBe(403);
    expect(caseworker.json().code).toBe('survey.team-leaders');
    const otherUnit = await issue(w.healthLeader, { group: 'Jobkonsulenter', count: 1 });
    expect(otherUnit.statusCode).toBe(403);
    expect(otherUnit.json().code).toBe('survey.other-unit');
    expect((await issue(w.citizen, { group: 'Jobkonsulenter', count: 1 })).statusCode).toBe(403);
    expect((await issue(null, { group: 'Jobkonsulenter', count: 1 })).statusCode).toBe(401);
    for (const as of [w.coordinator, w.healthLeader, w.citizen]) {
      const counts = await t.request(as.cookie, {
        method: 'GET',
        url: `/api/collaboration-surveys/${surveyId}/invitations`,
      });
      expect(counts.statusCode).toBe(403);
    }
    // Only the administrator's one link was stored beside the leader's six.
    const rows = await t.context.database.db
      .selectFrom('survey_invitation')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('survey_id', '=', surveyId)
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(7);
  });

  it('names the field of a wrong request: a group not in the survey, a count out of range, a bad round', async () => {
    const group = await issue(w.jobcenterLeader, { group: 'Ukendt', count: 2 });
    expect(group.statusCode).toBe(400);
    expect(group.json().errors).toEqual([
      {
        field: 'group',
        message: "must be one of the survey's groups: Jobkonsulenter, Socialrådgivere, Sundhedsplejen",
      },
    ]);
    for (const count of [0, 201, 1.5]) {
      const response = await issue(w.jobcenterLeader, { group: 'Jobkonsulenter', count });
      expect(response.statusCode, String(count)).toBe(400);
      expect(response.json().errors[0].field).toBe('count');
    }
    const round = await issue(w.jobcenterLeader, { group: 'Jobkonsulenter', count: 1 }, 'Før!');
    expect(round.statusCode).toBe(400);
    expect(round.json().errors[0].field).toBe('params.round');
    const extra = await issue(w.jobcenterLeader, { group: 'Jobkonsulenter', count: 1, token: 'x' });
    expect(extra.statusCode).toBe(400);
  });
});

describe('answering through a link, without a login', () => {
  let token: string;

  it('shows the survey title, the groups to rate, the own group and the seven questions', async () => {
    token = tokenOf((await issueOk('Socialrådgivere', 1))[0] ?? '');
    const view = await open(token);
    expect(view.statusCode, view.body).toBe(200);
    const body = view.json();
    expect(body).toMatchObject({ title: 'Samarbejde om unge', group: 'Socialrådgivere', groups: GROUPS });
    expect(body.questions.map((q: { key: string }) => q.key)).toEqual([...DIMENSIONS]);
    for (const question of body.questions) {
      expect(question.question.da).toMatch(/\?$/);
      expect(question.question.en).toMatch(/\?$/);
      expect(question.options.map((o: { code: number }) => o.code).sort()).toEqual([1, 2, 3, 4, 5]);
    }
    // Frequency in reading order, coded as Gittell: not nearly enough 1, not enough 3, just right 5, too often 4, much too often 2.
    expect(body.questions[0].options).toEqual([
      { code: 1, da: 'Alt for sjældent', en: 'Not nearly enough' },
      { code: 3, da: 'For sjældent', en: 'Not enough' },
      { code: 5, da: 'Tilpas', en: 'Just right' },
      { code: 4, da: 'For tit', en: 'Too often' },
      { code: 2, da: 'Alt for tit', en: 'Much too often' },
    ]);
  });

  it('names what is wrong in an answer and stores nothing, the link still usable', async () => {
    const missing = await answer(token, { answers: fullAnswer(() => [4]).answers.slice(0, 2) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      { field: 'answers', message: 'must rate every group; missing: Sundhedsplejen' },
    ]);
    const outOfRange = fullAnswer(() => [4]);
    (outOfRange.answers[1] as Record<string, unknown>).timely = 6;
    const range = await answer(token, outOfRange);
    expect(range.statusCode).toBe(400);
    expect(range.json().errors).toEqual([
      { field: 'answers.1.timely', message: 'must be a whole number from 1 to 5' },
    ]);
    const lacking = fullAnswer(() => [4]);
    delete (lacking.answers[2] as Record<string, unknown>).mutual_respect;
    const absent = await answer(token, lacking);
    expect(absent.statusCode).toBe(400);
    expect(absent.json().errors[0].field).toBe('answers.2.mutual_respect');
    const twice = fullAnswer(() => [4]);
    twice.answers[2] = { ...twice.answers[1], group: 'Socialrådgivere' } as (typeof twice.answers)[number];
    const repeated = await answer(token, twice);
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().errors).toEqual([
      { field: 'answers.2.group', message: 'rates Socialrådgivere a second time' },
      { field: 'answers', message: 'must rate every group; missing: Sundhedsplejen' },
    ]);
    const unknownGroup = fullAnswer(() => [4]);
    (unknownGroup.answers[0] as Record<string, unknown>).group = 'Ukendt';
    expect((await answer(token, unknownGroup)).json().errors[0].field).toBe('answers.0.group');
    const rows = await t.context.database.db
      .selectFrom('collaboration_response')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('survey_id', '=', surveyId)
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(0);
    expect((await open(token)).statusCode).toBe(200);
  });

  it('answers once; a second use, a used link, an unknown and a malformed token get the same 404', async () => {
    const first = await answer(
      token,
      fullAnswer(() => [5, 4, 3]),
    );
    expect(first.statusCode, first.body).toBe(204);
    const again = await answer(
      token,
      fullAnswer(() => [1]),
    );
    const unknown = await answer(
      'A'.repeat(43),
      fullAnswer(() => [1]),
    );
    const malformed = await answer(
      'nope',
      fullAnswer(() => [1]),
    );
    const reopened = await open(token);
    const openedUnknown = await open('B'.repeat(43));
    for (const response of [again, unknown, malformed, reopened, openedUnknown]) {
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toEqual({
        type: 'urn:samspil:problem:survey-link-unusable',
        title: 'Link not usable',
        status: 404,
        detail: 'This survey link has been used, has expired or does not exist. Each link can be used once.',
      });
    }
    const stored = await t.context.database.db
      .selectFrom('collaboration_response')
      .selectAll()
      .where('survey_id', '=', surveyId)
      .execute();
    expect(stored).toHaveLength(3);
    expect(stored.map((row) => [row.group_name, row.about_group, row.frequent, row.timely])).toEqual(
      GROUPS.map((about) => ['Socialrådgivere', about, 5, 4]),
    );
  });

  it('leaves nothing that joins the answer to its link: no key, no hash, no row, no shared transaction', async () => {
    const rows = await sql<{ xmin: string; id: string; respondent: string; source: string }>`
      select xmin::text as xmin, id::text as id, respondent, source from collaboration_response
      where survey_id = ${surveyId}`.execute(t.context.database.db);
    const answers = rows.rows;
    expect(answers).toHaveLength(3);
    const respondent = answers[0]?.respondent ?? '';
    expect(answers.every((row) => row.respondent === respondent && row.source === 'link')).toBe(true);
    // A fresh random key: not the token, not its hash, nothing of either.
    for (const secret of [token, sha256(token)]) {
      expect(secret).not.toContain(respondent);
      expect(respondent).not.toContain(secret.slice(0, 8));
    }
    expect(respondent).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // Random UUIDs (version 4), which, unlike the time-ordered v7 ids, carry no time.
    for (const row of answers) expect(row.id[14]).toBe('4');
    // The used link's row is gone; no invitation row shares the answer's transaction id.
    expect(
      await t.context.database.db
        .selectFrom('survey_invitation')
        .select('token_hash')
        .where('token_hash', '=', sha256(token))
        .executeTakeFirst(),
    ).toBeUndefined();
    const invitationXmins = await sql<{ xmin: string }>`
      select xmin::text as xmin from survey_invitation`.execute(t.context.database.db);
    const answerXmins = new Set(answers.map((row) => row.xmin));
    expect(invitationXmins.rows.filter((row) => answerXmins.has(row.xmin))).toEqual([]);
    // No column of the answers names an invitation, and no foreign key leads there.
    const columns = await sql<{ column_name: string }>`
      select column_name from information_schema.columns where table_name = 'collaboration_response'`.execute(
      t.context.database.db,
    );
    expect(
      columns.rows
        .map((row) => row.column_name)
        .filter((name) => /token|hash|invit|created|_at$|_on$/.test(name)),
    ).toEqual([]);
    const references = await sql<{ name: string }>`
      select conname as name from pg_constraint
      where conrelid = 'collaboration_response'::regclass and confrelid = 'survey_invitation'::regclass`.execute(
      t.context.database.db,
    );
    expect(references.rows).toEqual([]);
  });

  it('counts the link as used', async () => {
    const counts = await t.request(w.jobcenterLeader.cookie, {
      method: 'GET',
      url: `/api/collaboration-surveys/${surveyId}/invitations`,
    });
    expect(counts.json().items).toContainEqual({
      round: 'baseline',
      group: 'Socialrådgivere',
      issued: 1,
      used: 1,
    });
  });
});

describe('the results of a round answered through links and by CSV', () => {
  it('include the link answers beside the imported ones, with small groups suppressed as before', async () => {
    const round = 'follow-up';
    // Jobkonsulenter answer through 5 links; Sundhedsplejen by CSV (6); Socialrådgivere: 1 link, under 5.
    const jobLinks = await issueOk('Jobkonsulenter', 5, round);
    const scoresFor = (r: number) => (group: string) => [1 + ((r + group.length) % 5), 3 + (r % 3), 4];
    for (const [r, link] of jobLinks.entries())
      expect((await answer(tokenOf(link), fullAnswer(scoresFor(r)))).statusCode).toBe(204);
    const social = await issueOk('Socialrådgivere', 1, round);
    expect(
      (
        await answer(
          tokenOf(social[0] ?? ''),
          fullAnswer(() => [2]),
        )
      ).statusCode,
    ).toBe(204);
    const header = `respondent,group,about_group,${DIMENSIONS.join(',')}`;
    const csv = [
      header,
      ...Array.from({ length: 6 }, (_, r) =>
        GROUPS.map((about) =>
          [`s${r}`, 'Sundhedsplejen', about, ...DIMENSIONS.map((d) => scoresOf([(r % 5) + 1, 5, 2])[d])].join(
            ',',
          ),
        ),
      ).flat(),
    ].join('\n');
    const put = () =>
      t.request(w.jobcenterLeader.cookie, {
        method: 'PUT',
        url: `/api/collaboration-surveys/${surveyId}/rounds/${round}/responses`,
        payload: csv,
        headers: { 'content-type': 'text/csv' },
      });
    expect((await put()).json()).toEqual({ imported: 18 });
    // Importing again replaces the imported answers only: the link answers stay.
    expect((await put()).json()).toEqual({ imported: 18 });

    const results = await t.request(w.jobcenterLeader.cookie, {
      method: 'GET',
      url: `/api/collaboration-surveys/${surveyId}/results?round=${round}`,
    });
    expect(results.statusCode, results.body).toBe(200);
    // The expected figures, from the answers as sent: Σ / 7n, rounded once.
    const given: { from: string; to: string; scores: number[] }[] = [];
    for (let r = 0; r < 5; r++)
      for (const to of GROUPS)
        given.push({
          from: 'Jobkonsulenter',
          to,
          scores: DIMENSIONS.map((d) => scoresOf(scoresFor(r)(to))[d]),
        });
    given.push(...GROUPS.map((to) => ({ from: 'Socialrådgivere', to, scores: DIMENSIONS.map(() => 2) })));
    for (let r = 0; r < 6; r++)
      for (const to of GROUPS)
        given.push({
          from: 'Sundhedsplejen',
          to,
          scores: DIMENSIONS.map((d) => scoresOf([(r % 5) + 1, 5, 2])[d]),
        });
    const two = (value: number) => Math.round(value * 100) / 100;
    const expected = GROUPS.flatMap((from) =>
      GROUPS.map((to) => {
        const about = given.filter((g) => g.from === from && g.to === to);
        const n = about.length;
        if (n < 5)
          return {
            from,
            to,
            respondents: n,
            index: null,
            communication: null,
            relationship: null,
            band: null,
          };
        const sum = (a: number, b: number) =>
          about.reduce((total, g) => total + g.scores.slice(a, b).reduce((x, y) => x + y, 0), 0);
        const all = sum(0, 7);
        // Bands by whole-number comparison: 10·Σ against the threshold·10·7n.
        const [moderate, strong] = from === to ? [40, 45] : [35, 40];
        let band = 'weak';
        if (10 * all > strong * 7 * n) band = 'strong';
        else if (10 * all >= moderate * 7 * n) band = 'moderate';
        return {
          from,
          to,
          respondents: n,
          index: two(all / (7 * n)),
          communication: two(sum(0, 4) / (4 * n)),
          relationship: two(sum(4, 7) / (3 * n)),
          band,
        };
      }),
    );
    expect(results.json().ties).toEqual(expected);
    expect(results.json().ties.filter((tie: { respondents: number }) => tie.respondents === 5)).toHaveLength(
      3,
    );
    const survey = await t.request(w.jobcenterLeader.cookie, {
      method: 'GET',
      url: `/api/collaboration-surveys/${surveyId}`,
    });
    expect(survey.json().rounds).toEqual([
      { round: 'baseline', respondents: 1 },
      { round: 'follow-up', respondents: 12 },
    ]);
  });
});

describe('a link left unused', () => {
  it('expires after SURVEY_LINK_VALID_DAYS, answered as a used one, and the hourly job deletes it', async () => {
    const [old = '', fresh = ''] = (await issueOk('Sundhedsplejen', 2, 'followup')).map(tokenOf);
    const age = async (token: string, days: number, minutes: number) =>
      t.context.database.db
        .updateTable('survey_invitation')
        .set({ issued_at: new Date(Date.now() - days * 86_400_000 - minutes * 60_000) })
        .where('token_hash', '=', sha256(token))
        .execute();
    await age(old, SURVEY_LINK_VALID_DAYS, 1);
    await age(fresh, SURVEY_LINK_VALID_DAYS - 1, 0);
    const expired = await open(old);
    expect(expired.statusCode).toBe(404);
    expect(expired.json().type).toBe('urn:samspil:problem:survey-link-unusable');
    expect(
      (
        await answer(
          old,
          fullAnswer(() => [3]),
        )
      ).statusCode,
    ).toBe(404);
    expect((await open(fresh)).statusCode).toBe(200);

    const job = startRetentionJob(t.context.database.db, {
      everyMs: 3_600_000,
      log: { info: () => {}, error: (message) => expect.fail(message) },
    });
    await job.runNow();
    await job.stop();
    const left = await t.context.database.db
      .selectFrom('survey_invitation')
      .select('token_hash')
      .where('token_hash', 'in', [sha256(old), sha256(fresh)])
      .execute();
    expect(left.map((row) => row.token_hash)).toEqual([sha256(fresh)]);
  });
});

describe('the token in the path', () => {
  it('is never written to the log: the path is logged with :token and without the client address', async () => {
    expect(issued.length).toBeGreaterThan(10);
    const leaks = t.logs.filter((line) => issued.some((token) => line.includes(token)));
    expect(leaks).toEqual([]);
    const respondentLines = t.logs.filter((line) => line.includes('/survey-invitations/'));
    expect(respondentLines.length).toBeGreaterThan(0);
    for (const line of respondentLines) {
      expect(line).toContain('/api/survey-invitations/:token');
      expect(line).not.toContain('remoteAddress');
    }
    // An encoded path is matched as decoded.
    expect((await open(`%41${'A'.repeat(42)}`)).statusCode).toBe(404);
    expect(t.logs.some((line) => line.includes('%41AAAA'))).toBe(false);
  });

  it('is not in the audit trail: issuing is audited by counts, answering is not audited at all', async () => {
    const events = await t.context.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('resource', '=', 'survey-invitation')
      .execute();
    expect(events.length).toBeGreaterThan(0);
    const text = JSON.stringify(events);
    for (const token of issued) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(sha256(token));
    }
    expect(events.every((event) => event.actor_id !== null && event.action === 'create')).toBe(true);
  });

  it('is rate limited on the public routes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await open('C'.repeat(43))).statusCode);
    expect(statuses.at(-1)).toBe(429);
  });
});
