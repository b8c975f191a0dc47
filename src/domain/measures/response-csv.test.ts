import { describe, expect, it } from 'vitest';
import { BUILTIN_INSTRUMENTS } from './builtin-instruments.js';
import { parseResponseCsv, RESPONSE_CSV_HEADER } from './response-csv.js';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const header = RESPONSE_CSV_HEADER.join(',');
const who5Lines = (at: string, answers: number[], by = 'citizen') =>
  ['cheerful', 'calm', 'active', 'rested', 'interest'].map(
    (item, index) => `who-5,${at},${by},${item},${answers[index]}`,
  );

describe('questionnaire responses from CSV', () => {
  it('groups lines into responses by instrument, time and respondent, scored by the one evaluator', () => {
    const csv = [
      header,
      ...who5Lines('2026-03-02T10:00:00+01:00', [3, 2, 4, 1, 5]),
      ...who5Lines('2026-03-09T10:00:00+01:00', [1, 1, 2, 2, 1]),
      // code|version names the same version as the code alone: one response.
      'session-feedback|1,2026-03-09T09:30:00Z,relative,heard,5',
      'session-feedback,2026-03-09T09:30:00Z,relative,matters,4',
      'session-feedback,2026-03-09T09:30:00Z,relative,approach,4',
      'session-feedback,2026-03-09T09:30:00Z,relative,overall,2',
    ].join('\r\n');
    const result = parseResponseCsv(csv, BUILTIN_INSTRUMENTS, NOW);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(
      result.responses.map((r) => ({
        code: r.instrument.code,
        version: r.instrument.version,
        by: r.respondent,
        at: r.answeredAt.toISOString(),
        raw: r.score.raw,
        score: r.score.score,
        band: r.score.band,
        lines: r.lines,
      })),
    ).toEqual([
      {
        code: 'who-5',
        version: '1998',
        by: 'citizen',
        at: '2026-03-02T09:00:00.000Z',
        raw: 15,
        score: 60,
        band: 'good',
        lines: [2, 3, 4, 5, 6],
      },
      {
        code: 'who-5',
        version: '1998',
        by: 'citizen',
        at: '2026-03-09T09:00:00.000Z',
        raw: 7,
        score: 28,
        band: 'screen-for-depression',
        lines: [7, 8, 9, 10, 11],
      },
      {
        code: 'session-feedback',
        version: '1',
        by: 'relative',
        at: '2026-03-09T09:30:00.000Z',
        raw: 3.75,
        score: 3.75,
        band: null,
        lines: [12, 13, 14, 15],
      },
    ]);
  });

  it('names every problem by line and field: unknown instrument, time, respondent, item, answer, repeats and gaps', () => {
    const csv = [
      header,
      'nope,2026-03-02T10:00:00+01:00,citizen,cheerful,3',
      'who-5,2026-03-02,citizen,cheerful,3',
      'who-5,2026-03-11T10:00:00+01:00,citizen,cheerful,3',
      'who-5,2026-03-02T10:00:00+01:00,professional,cheerful,3',
      'who-5,2026-03-02T10:00:00+01:00,neighbour,cheerful,3',
      'who-5,2026-03-02T10:00:00+01:00,citizen,happy,3',
      'who-5,2026-03-02T10:00:00+01:00,citizen,cheerful,',
      // One response: cheerful twice, calm 7, rested and interest missing.
      'who-5,2026-03-02T10:00:00+01:00,citizen,cheerful,3',
      'who-5,2026-03-02T10:00:00+01:00,citizen,cheerful,4',
      'who-5,2026-03-02T10:00:00+01:00,citizen,calm,7',
      'who-5,2026-03-02T10:00:00+01:00,citizen,active,2',
    ].join('\n');
    expect(parseResponseCsv(csv, BUILTIN_INSTRUMENTS, NOW)).toEqual({
      ok: false,
      problems: [
        {
          line: 2,
          field: 'instrument',
          message: 'must be the code of an instrument here, or code|version',
        },
        {
          line: 3,
          field: 'answered_at',
          message: 'must be a date-time with a time zone, e.g. 2026-03-02T10:00:00+01:00',
        },
        { line: 4, field: 'answered_at', message: 'must not be in the future' },
        { line: 5, field: 'answered_by', message: 'who-5 is answered by citizen' },
        {
          line: 6,
          field: 'answered_by',
          message: 'must be one of citizen, relative, professional, independent-assessor',
        },
        {
          line: 7,
          field: 'item',
          message: 'must be an item of who-5: cheerful, calm, active, rested, interest',
        },
        { line: 8, field: 'answer', message: 'must be the code of the answer given' },
        {
          line: 9,
          field: 'item',
          message: 'rested is not answered in the who-5 answered at 2026-03-02T09:00:00.000Z by the citizen',
        },
        {
          line: 9,
          field: 'item',
          message:
            'interest is not answered in the who-5 answered at 2026-03-02T09:00:00.000Z by the citizen',
        },
        { line: 10, field: 'item', message: 'cheerful is answered on line 9 already, for the same response' },
        { line: 11, field: 'answer', message: 'must be one of 5, 4, 3, 2, 1, 0' },
      ],
    });
  });

  it('takes the answer time "now" up to a minute ahead of the clock, as one recorded answer does', () => {
    const at = (iso: string) => [header, ...who5Lines(iso, [1, 1, 1, 1, 1])].join('\n');
    expect(parseResponseCsv(at('2026-03-10T12:01:00Z'), BUILTIN_INSTRUMENTS, NOW).ok).toBe(true);
    expect(parseResponseCsv(at('2026-03-10T12:01:01Z'), BUILTIN_INSTRUMENTS, NOW).ok).toBe(false);
  });

  it('wants the header and some lines', () => {
    expect(
      parseResponseCsv('who-5,2026-03-02T10:00:00Z,citizen,calm,3', BUILTIN_INSTRUMENTS, NOW),
    ).toMatchObject({
      ok: false,
      problems: [{ line: 1 }],
    });
    expect(parseResponseCsv(`${header}\n`, BUILTIN_INSTRUMENTS, NOW)).toEqual({
      ok: false,
      problems: [{ line: 2, message: 'there are no answers' }],
    });
  });
});
