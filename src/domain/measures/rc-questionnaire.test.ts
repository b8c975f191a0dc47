import { describe, expect, it } from 'vitest';
import { FREQUENCY_OPTIONS, RC_QUESTIONS } from './rc-questionnaire.js';
import { RC_DIMENSIONS } from './relational-coordination.js';

describe('the collaboration questionnaire a link opens', () => {
  it('asks one question per dimension, in the dimensions order, each with answers coded 1–5 once', () => {
    expect(RC_QUESTIONS.map((question) => question.key)).toEqual(RC_DIMENSIONS.map((d) => d.key));
    for (const question of RC_QUESTIONS) {
      expect(question.options.map((option) => option.code).sort()).toEqual([1, 2, 3, 4, 5]);
      expect(question.question.da.endsWith('?') && question.question.en.endsWith('?')).toBe(true);
    }
  });

  it("shows the frequency answers from too seldom to too often, coded as Gittell's recode", () => {
    expect(FREQUENCY_OPTIONS.map((option) => [option.en, option.code])).toEqual([
      ['Not nearly enough', 1],
      ['Not enough', 3],
      ['Just right', 5],
      ['Too often', 4],
      ['Much too often', 2],
    ]);
    expect(RC_QUESTIONS[0]?.options.map((option) => option.code)).toEqual([1, 3, 5, 4, 2]);
  });

  it('reads the other scales in rising order: code 1 is the least, 5 the most', () => {
    const timely = RC_QUESTIONS.find((question) => question.key === 'timely');
    expect(timely?.options.map((option) => option.en)).toEqual([
      'Never',
      'Rarely',
      'Sometimes',
      'Often',
      'Always',
    ]);
    const respect = RC_QUESTIONS.find((question) => question.key === 'mutual_respect');
    expect(respect?.options[0]).toEqual({ code: 1, da: 'Slet ikke', en: 'Not at all' });
    expect(respect?.options[4]).toEqual({ code: 5, da: 'Helt', en: 'Completely' });
  });
});
