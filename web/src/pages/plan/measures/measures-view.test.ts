import { describe, expect, it } from 'vitest';
import { builtinInstrument } from '../../../../../src/domain/measures/builtin-instruments.js';
import type { Instrument } from '../../../../../src/domain/measures/instrument.js';
import type { MeasureResponse } from '../../../api/measures.js';
import { answeredDay, functionLevelProfiles, sessionFeedbackRows } from './measures-view.js';

const FUNCTION_LEVELS = builtinInstrument('function-levels') as Instrument;
const SESSION_FEEDBACK = builtinInstrument('session-feedback') as Instrument;

const response = (
  id: string,
  code: string,
  answeredAt: string,
  answers: Record<string, string>,
  extra: Partial<MeasureResponse> = {},
): MeasureResponse => ({
  id,
  instrument: { code, version: '1' },
  respondent: 'professional',
  answeredAt,
  context: { kind: 'follow-up', id: null },
  answers: Object.entries(answers).map(([linkId, answer]) => ({ linkId, code: answer })),
  raw: null,
  score: null,
  band: null,
  ...extra,
});

describe('function levels as a profile over time', () => {
  it('gives each theme its level per recording, oldest first; 9 is not relevant, a missing theme nothing', () => {
    const later = response('b', 'function-levels', '2026-11-01T10:00:00.000Z', {
      practical: '1',
      'self-care': '0',
      communication: '9',
    });
    const earlier = response('a', 'function-levels', '2026-06-01T10:00:00.000Z', {
      practical: '3',
      'self-care': '2',
      communication: '9',
    });
    const who5 = response('c', 'who-5', '2026-07-01T10:00:00.000Z', { cheerful: '3' });
    const profiles = functionLevelProfiles(FUNCTION_LEVELS, [later, who5, earlier]);
    expect(profiles.columns.map((column) => column.id)).toEqual(['a', 'b']);
    expect(profiles.rows.map((row) => [row.linkId, row.levels])).toEqual([
      ['practical', [3, 1]],
      ['self-care', [2, 0]],
      ['communication', ['not-relevant', 'not-relevant']],
      ['mobility', [null, null]],
      ['community', [null, null]],
      ['social', [null, null]],
      ['health', [null, null]],
    ]);
    expect(profiles.rows[0]?.text.da).toBe('Praktiske opgaver i hjemmet');
  });
});

describe('session feedback per meeting', () => {
  it('lists each answer with its meeting, the four scores and their mean, oldest first', () => {
    const rows = sessionFeedbackRows(SESSION_FEEDBACK, [
      response(
        'late',
        'session-feedback',
        '2026-10-02T12:00:00.000Z',
        { heard: '5', matters: '4', approach: '4', overall: '5' },
        { respondent: 'citizen', context: { kind: 'meeting', id: 'm2' }, score: 4.5 },
      ),
      response(
        'early',
        'session-feedback',
        '2026-08-02T12:00:00.000Z',
        { heard: '3', matters: '2', approach: '3', overall: '3' },
        { respondent: 'citizen', context: { kind: 'meeting', id: 'm1' }, score: 2.75 },
      ),
      response('other', 'function-levels', '2026-09-01T10:00:00.000Z', { practical: '1' }),
    ]);
    expect(rows.map((row) => [row.id, row.meetingId, row.scores, row.mean])).toEqual([
      ['early', 'm1', [3, 2, 3, 3], 2.75],
      ['late', 'm2', [5, 4, 4, 5], 4.5],
    ]);
  });
});

describe('the day a measure was answered', () => {
  it('is the Danish calendar day, also late in the evening', () => {
    expect(answeredDay('2026-11-30T23:30:00.000Z')).toBe('2026-12-01');
    expect(answeredDay('2026-06-30T21:59:00.000Z')).toBe('2026-06-30');
  });
});
