import { describe, expect, it } from 'vitest';
import {
  FREQUENCY_RECODE,
  parseRcCsv,
  RC_CSV_HEADER,
  type RcAnswer,
  rcBand,
  rcTies,
} from './relational-coordination.js';

const KEYS = [
  'frequent',
  'timely',
  'accurate',
  'problem_solving',
  'shared_goals',
  'shared_knowledge',
  'mutual_respect',
] as const;

function answer(respondent: string, group: string, aboutGroup: string, scores: number[]): RcAnswer {
  return {
    respondent,
    group,
    aboutGroup,
    ...Object.fromEntries(KEYS.map((k, i) => [k, scores[i]])),
  } as RcAnswer;
}

/** n respondents of `group` about `about`, all with the same seven answers except the first's. */
function respondents(group: string, about: string, n: number, scores: number[], first = scores): RcAnswer[] {
  return Array.from({ length: n }, (_, i) => answer(`${group}-${i}`, group, about, i === 0 ? first : scores));
}

/**
 * Gittell's scoring of relational coordination: a respondent's index about a group is the mean
 * of the seven answers; a tie is the mean of the rating group's respondents' indices; the
 * communication subscore the mean over the four communication items, relationship over three.
 */
describe('relational coordination', () => {
  it('recodes the frequency answer so that "just right" is best', () => {
    expect(FREQUENCY_RECODE).toEqual({
      'not-nearly-enough': 1,
      'much-too-often': 2,
      'not-enough': 3,
      'too-often': 4,
      'just-right': 5,
    });
  });

  it('a worked tie: five respondents, indices 4.14, 4, 4, 4, 4 → 4.03 strong; subscores by hand', () => {
    // First: 5+4+4+4 = 17 communication, 5+4+4 = 13 relationship → 30/7 = 4.29.
    const ab = respondents('A', 'B', 5, [4, 4, 4, 4, 4, 4, 4], [5, 4, 4, 4, 5, 4, 4]);
    const [tie] = rcTies(['A', 'B'], ab).filter((t) => t.from === 'A' && t.to === 'B');
    // Index: (30 + 4·28) / 35 = 142/35 = 4.057; communication (17 + 4·16)/20 = 4.05; relationship (13 + 48)/15 = 4.07.
    expect(tie).toEqual({
      from: 'A',
      to: 'B',
      respondents: 5,
      index: 4.06,
      communication: 4.05,
      relationship: 4.07,
      band: 'strong',
    });
  });

  it("Gittell's scoring by hand: the frequency recode, respondents' indices, a tie, the within-group tie, a suppressed tie", () => {
    // Gittell's relational coordination index: each respondent's index about a group is the
    // mean of their seven answers (the frequency answer recoded first: "just right" 5, "too
    // often" 4, "not enough" 3, "much too often" 2, "not nearly enough" 1); the tie from group
    // A to group B is the mean of A's respondents' indices about B; A→A is the within-group tie.
    const J = 'Jobkonsulenter';
    const S = 'Socialrådgivere';
    const frequency = [
      'just-right',
      'too-often',
      'not-enough',
      'much-too-often',
      'not-nearly-enough',
    ] as const;
    // J's five respondents about S: frequency as worded, then timely, accurate, problem-solving
    // 4, 4, 4 and shared goals, knowledge, respect 3, 3, 3.
    const jAboutS = frequency.map((word, i) =>
      answer(`j${i + 1}`, J, S, [FREQUENCY_RECODE[word], 4, 4, 4, 3, 3, 3]),
    );
    // Indices: j1 (5+12+9)/7 = 26/7 = 3.714, j2 25/7 = 3.571, j3 24/7 = 3.429, j4 23/7 = 3.286,
    // j5 22/7 = 3.143. Tie J→S = (26+25+24+23+22)/7/5 = 120/35 = 3.4286 → 3.43: weak (< 3.5).
    // Communication: (17+16+15+14+13)/(4·5) = 75/20 = 3.75; relationship 5·9/(3·5) = 45/15 = 3.
    // J about J (within the group), seven answers each:
    const jAboutJ = [
      answer('j1', J, J, [5, 5, 5, 5, 5, 5, 4]), // 34: communication 20, relationship 14
      answer('j2', J, J, [5, 5, 5, 5, 5, 5, 4]), // 34: 20, 14
      answer('j3', J, J, [FREQUENCY_RECODE['too-often'], 5, 5, 4, 5, 4, 4]), // 31: 18, 13
      answer('j4', J, J, [5, 5, 5, 5, 5, 5, 5]), // 35: 20, 15
      answer('j5', J, J, [4, 4, 4, 4, 4, 4, 4]), // 28: 16, 12
    ];
    // Tie J→J = (34+34+31+35+28)/35 = 162/35 = 4.6286 → 4.63: strong within a group (> 4.5).
    // Communication 94/20 = 4.70; relationship 68/15 = 4.5333 → 4.53.
    // S has four respondents: fewer than five, so no figure for S→J and S→S.
    const sAnswers = [1, 2, 3, 4].flatMap((i) => [
      answer(`s${i}`, S, J, [5, 5, 5, 5, 5, 5, 5]),
      answer(`s${i}`, S, S, [1, 1, 1, 1, 1, 1, 1]),
    ]);
    const suppressed = { index: null, communication: null, relationship: null, band: null };
    expect(rcTies([J, S], [...jAboutS, ...jAboutJ, ...sAnswers])).toEqual([
      { from: J, to: J, respondents: 5, index: 4.63, communication: 4.7, relationship: 4.53, band: 'strong' },
      { from: J, to: S, respondents: 5, index: 3.43, communication: 3.75, relationship: 3, band: 'weak' },
      { from: S, to: J, respondents: 4, ...suppressed },
      { from: S, to: S, respondents: 4, ...suppressed },
    ]);
    // The mean of the respondents' indices is the same figure: every respondent answered all 7.
    const indices = [26, 25, 24, 23, 22].map((sum) => sum / 7);
    expect(indices.reduce((a, b) => a + b, 0) / 5).toBeCloseTo(120 / 35, 12);
  });

  it('between groups: exactly 4.0 is moderate, exactly 3.5 is moderate, just below 3.5 is weak', () => {
    const tie = (answers: RcAnswer[]) =>
      rcTies(['A', 'B'], answers).find((t) => t.from === 'A' && t.to === 'B');
    // 5 × 28 / 35 = 4.0
    expect(tie(respondents('A', 'B', 5, [4, 4, 4, 4, 4, 4, 4]))).toMatchObject({
      index: 4,
      band: 'moderate',
    });
    // 141 / 35 = 4.03
    expect(tie(respondents('A', 'B', 5, [4, 4, 4, 4, 4, 4, 4], [5, 4, 4, 4, 4, 4, 4]))).toMatchObject({
      band: 'strong',
    });
    // Six respondents: 147 / 42 = 3.5 (5 × 24.5 is no whole number): 3,4,3,4,3,4,3 = 24 and 25 alternate.
    const half = [
      ...respondents('A', 'B', 3, [3, 4, 3, 4, 3, 4, 3]).map((a) => ({
        ...a,
        respondent: `${a.respondent}x`,
      })),
      ...respondents('A', 'B', 3, [4, 3, 4, 3, 4, 3, 4]),
    ];
    expect(tie(half)).toMatchObject({ respondents: 6, index: 3.5, band: 'moderate' });
    const below = [...half.slice(0, 5), answer('last', 'A', 'B', [3, 3, 4, 3, 4, 3, 4])];
    // 146 / 42 = 3.476
    expect(tie(below)).toMatchObject({ index: 3.48, band: 'weak' });
  });

  it('within a group: exactly 4.5 and 4.0 are moderate, above 4.5 strong, below 4.0 weak', () => {
    expect(rcBand(4.5, true)).toBe('moderate');
    expect(rcBand(4.51, true)).toBe('strong');
    expect(rcBand(4.0, true)).toBe('moderate');
    expect(rcBand(3.99, true)).toBe('weak');
    expect(rcBand(4.0, false)).toBe('moderate');
    expect(rcBand(4.01, false)).toBe('strong');
    expect(rcBand(3.5, false)).toBe('moderate');
    expect(rcBand(3.49, false)).toBe('weak');
    // The A→A tie uses the within-group bands: 4.0 exactly (5 × 28 / 35) is moderate, 4.03 too.
    const aa = rcTies(['A'], respondents('A', 'A', 5, [4, 4, 4, 4, 4, 4, 4], [5, 4, 4, 4, 4, 4, 4]));
    expect(aa).toEqual([
      {
        from: 'A',
        to: 'A',
        respondents: 5,
        index: 4.03,
        communication: 4.05,
        relationship: 4,
        band: 'moderate',
      },
    ]);
    // 6 × 31.5 = 189 / 42 = 4.5: moderate; one point more: strong.
    const exact = [
      ...respondents('A', 'A', 3, [5, 4, 5, 4, 5, 4, 5]),
      ...respondents('A', 'A', 3, [4, 5, 4, 5, 4, 5, 4]).map((a) => ({
        ...a,
        respondent: `${a.respondent}y`,
      })),
    ];
    expect(rcTies(['A'], exact)[0]).toMatchObject({ index: 4.5, band: 'moderate' });
    const above = [...exact.slice(0, 5), answer('z', 'A', 'A', [5, 5, 4, 5, 4, 5, 4])];
    expect(rcTies(['A'], above)[0]).toMatchObject({ index: 4.52, band: 'strong' });
  });

  it('gives no figure for a tie rated by fewer than five respondents', () => {
    const ties = rcTies(
      ['A', 'B'],
      [
        ...respondents('A', 'B', 4, [5, 5, 5, 5, 5, 5, 5]),
        ...respondents('B', 'A', 5, [2, 2, 2, 2, 2, 2, 2]),
      ],
    );
    expect(ties).toEqual([
      {
        from: 'A',
        to: 'A',
        respondents: 0,
        index: null,
        communication: null,
        relationship: null,
        band: null,
      },
      {
        from: 'A',
        to: 'B',
        respondents: 4,
        index: null,
        communication: null,
        relationship: null,
        band: null,
      },
      { from: 'B', to: 'A', respondents: 5, index: 2, communication: 2, relationship: 2, band: 'weak' },
      {
        from: 'B',
        to: 'B',
        respondents: 0,
        index: null,
        communication: null,
        relationship: null,
        band: null,
      },
    ]);
  });
});

describe('relational coordination CSV', () => {
  const header = RC_CSV_HEADER.join(',');

  it('reads a round', () => {
    // Every respondent rates every group, their own included (r1 and r2 are both in A).
    const result = parseRcCsv(
      `${header}\r\nr1,A,B,5,4,4,4,5,4,4\r\n"r2",A,"A",1,2,3,4,5,1,2\r\nr1,A,A,3,3,3,3,3,3,3\r\nr2,A,B,2,2,2,2,2,2,2\r\n`,
      ['A', 'B'],
    );
    expect(result).toEqual({
      ok: true,
      answers: [
        answer('r1', 'A', 'B', [5, 4, 4, 4, 5, 4, 4]),
        answer('r2', 'A', 'A', [1, 2, 3, 4, 5, 1, 2]),
        answer('r1', 'A', 'A', [3, 3, 3, 3, 3, 3, 3]),
        answer('r2', 'A', 'B', [2, 2, 2, 2, 2, 2, 2]),
      ],
    });
  });

  it('refuses a respondent who did not rate every group, their own included, naming them and the groups', () => {
    const csv = [
      header,
      'r1,A,A,4,4,4,4,4,4,4',
      'r1,A,B,4,4,4,4,4,4,4',
      'r1,A,C,4,4,4,4,4,4,4',
      // r2 (A) leaves out their own group and C.
      'r2,A,B,4,4,4,4,4,4,4',
      // r3 (C) rates A and B but not C, their own.
      'r3,C,A,4,4,4,4,4,4,4',
      'r3,C,B,4,4,4,4,4,4,4',
    ].join('\n');
    expect(parseRcCsv(csv, ['A', 'B', 'C'])).toEqual({
      ok: false,
      problems: [
        {
          line: 5,
          field: 'about_group',
          message:
            'respondent r2 (A) did not rate A, C; every respondent rates every group, their own included',
        },
        {
          line: 6,
          field: 'about_group',
          message: 'respondent r3 (C) did not rate C; every respondent rates every group, their own included',
        },
      ],
    });
    // With the missing lines added, the same round is read.
    const complete = `${csv}\nr2,A,A,4,4,4,4,4,4,4\nr2,A,C,4,4,4,4,4,4,4\nr3,C,C,4,4,4,4,4,4,4`;
    expect(parseRcCsv(complete, ['A', 'B', 'C'])).toMatchObject({ ok: true, answers: { length: 9 } });
  });

  it('names every problem by line and field, and stores nothing', () => {
    const csv = [
      header,
      'r1,A,B,5,4,4,4,5,4,4',
      'r2,A,C,5,4,4,4,5,4,4',
      'r3,A,B,6,4,4,4,5,4,0',
      'r1,B,A,5,4,4,4,5,4,4',
      'r1,A,B,5,4,4,4,5,4,4',
      'r4,A,B,5,4',
      'someone@example.dk,A,B,5,4,4,4,5,4,4',
    ].join('\n');
    expect(parseRcCsv(csv, ['A', 'B'])).toEqual({
      ok: false,
      problems: [{ line: 7, message: 'has 5 fields, the header 10' }],
    });
    const fieldProblems = parseRcCsv(csv.replace('r4,A,B,5,4', 'r4,A,B,5,4,4,4,4.5,4,4'), ['A', 'B']);
    expect(fieldProblems).toEqual({
      ok: false,
      problems: [
        { line: 3, field: 'about_group', message: "must be one of the survey's groups: A, B" },
        { line: 4, field: 'frequent', message: 'must be a whole number from 1 to 5' },
        { line: 4, field: 'mutual_respect', message: 'must be a whole number from 1 to 5' },
        { line: 5, field: 'group', message: 'respondent r1 was in A on an earlier line' },
        { line: 6, field: 'about_group', message: 'respondent r1 answered about B on an earlier line' },
        { line: 7, field: 'shared_goals', message: 'must be a whole number from 1 to 5' },
        { line: 8, field: 'respondent', message: 'must be an anonymous key, not an e-mail address' },
      ],
    });
  });

  it('wants the header first and some answers', () => {
    expect(parseRcCsv('r1,A,B,5,4,4,4,5,4,4', ['A', 'B'])).toMatchObject({
      ok: false,
      problems: [{ line: 1 }],
    });
    expect(parseRcCsv(`${header}\n\n`, ['A', 'B'])).toEqual({
      ok: false,
      problems: [{ line: 2, message: 'there are no answers' }],
    });
    expect(parseRcCsv(`${header}\nr1,"A,B,5`, ['A', 'B'])).toEqual({
      ok: false,
      problems: [{ line: 2, message: 'has a quoted field that is never closed' }],
    });
  });
});
