import { describe, expect, it } from 'vitest';
import {
  BUILTIN_INSTRUMENTS,
  builtinInstrument,
  WHO5_INSTRUMENT,
  who5Answers,
} from './builtin-instruments.js';
import { bandOf, instrumentSchema, scoreAnswers } from './instrument.js';

function who5(answers: number[]) {
  const result = scoreAnswers(WHO5_INSTRUMENT, who5Answers(answers));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/**
 * WHO-5 as Topp, Østergaard, Søndergaard & Bech (2015, Psychother Psychosom 84:167–176)
 * describe it: five items 0–5, raw score 0–25, multiplied by 4 to a percentage 0–100;
 * ≤ 50 poor well-being, ≤ 28 suggests screening for depression.
 */
describe('WHO-5', () => {
  it('the API example: 3+2+4+1+5 = 15 → 60, good', () => {
    expect(who5([3, 2, 4, 1, 5])).toMatchObject({ raw: 15, score: 60, band: 'good' });
  });

  it('spans 0–100', () => {
    expect(who5([0, 0, 0, 0, 0])).toMatchObject({ raw: 0, score: 0, band: 'screen-for-depression' });
    expect(who5([5, 5, 5, 5, 5])).toMatchObject({ raw: 25, score: 100, band: 'good' });
  });

  it('at the band boundaries of the raw score: 7 → 28 screen, 8 → 32 poor, 12 → 48 poor, 13 → 52 good', () => {
    expect(who5([2, 2, 1, 1, 1])).toMatchObject({ raw: 7, score: 28, band: 'screen-for-depression' });
    expect(who5([2, 2, 2, 1, 1])).toMatchObject({ raw: 8, score: 32, band: 'poor' });
    expect(who5([3, 3, 2, 2, 2])).toMatchObject({ raw: 12, score: 48, band: 'poor' });
    expect(who5([3, 3, 3, 2, 2])).toMatchObject({ raw: 13, score: 52, band: 'good' });
  });

  it('bands at the exact cut-offs: ≤ 28 screen, ≤ 50 poor, > 50 good', () => {
    const { bands } = WHO5_INSTRUMENT;
    expect(bandOf(bands, 28)).toBe('screen-for-depression');
    expect(bandOf(bands, 28.01)).toBe('poor');
    expect(bandOf(bands, 50)).toBe('poor');
    expect(bandOf(bands, 50.01)).toBe('good');
  });

  it('every raw score 0–25 falls in the band Topp et al. (2015) give: × 4, ≤ 28 screen, ≤ 50 poor, else good', () => {
    // Topp et al. (2015), paraphrased: the raw score is the sum of the five answers (0–25),
    // multiplied by 4 to a percentage (0 worst, 100 best); ≤ 50 indicates poor well-being and
    // ≤ 28 likely depression, a reason to screen. Computed here without the band table:
    const expectedBand = (percentage: number) => {
      if (percentage <= 28) return 'screen-for-depression';
      return percentage <= 50 ? 'poor' : 'good';
    };
    for (let raw = 0; raw <= 25; raw++) {
      // Spread the raw score over the five items, each 0–5.
      const answers = [0, 1, 2, 3, 4].map((item) => Math.min(5, Math.max(0, raw - item * 5)));
      const scored = who5(answers);
      expect(scored.raw).toBe(raw);
      expect(scored.score).toBe(raw * 4);
      expect(scored.band, `raw ${raw}`).toBe(expectedBand(raw * 4));
    }
    // The boundaries: raw 7 → 28 is the last "screen", raw 12 → 48 the last "poor" (50 itself is
    // no multiple of 4, so no WHO-5 answer lands on it), raw 13 → 52 the first "good".
    expect(who5([5, 2, 0, 0, 0]).band).toBe('screen-for-depression');
    expect(who5([5, 3, 0, 0, 0]).band).toBe('poor');
    expect(who5([5, 5, 2, 0, 0]).band).toBe('poor');
    expect(who5([5, 5, 3, 0, 0]).band).toBe('good');
  });

  it('names every missing, unknown and out-of-range answer', () => {
    const result = scoreAnswers(WHO5_INSTRUMENT, { cheerful: '6', calm: '1', surprise: '2' });
    expect(result).toEqual({
      ok: false,
      problems: [
        { linkId: 'surprise', message: 'is not an item of this instrument' },
        { linkId: 'cheerful', message: 'must be one of 5, 4, 3, 2, 1, 0' },
        { linkId: 'active', message: 'is not answered' },
        { linkId: 'rested', message: 'is not answered' },
        { linkId: 'interest', message: 'is not answered' },
      ],
    });
  });
});

describe('the questionnaire engine', () => {
  it('session feedback is the mean of four items', () => {
    const feedback = builtinInstrument('session-feedback');
    const result =
      feedback && scoreAnswers(feedback, { heard: '5', matters: '4', approach: '4', overall: '2' });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ raw: 3.75, score: 3.75, band: null }),
    });
  });

  it('her own rating of a step is its one answer, −2..+2, and nothing else', () => {
    const own = builtinInstrument('own-rating');
    if (!own) throw new Error('own-rating is shipped');
    expect(scoreAnswers(own, { progress: '-2' })).toEqual({
      ok: true,
      value: expect.objectContaining({ raw: -2, score: -2, band: null }),
    });
    expect(scoreAnswers(own, { progress: '2' })).toMatchObject({ ok: true, value: { score: 2 } });
    expect(scoreAnswers(own, { progress: '3' }).ok).toBe(false);
  });

  it('function levels are a profile: 9 (not relevant) is recoded to no score', () => {
    const levels = builtinInstrument('function-levels');
    if (!levels) throw new Error('missing');
    const answers = Object.fromEntries(levels.items.map((item) => [item.linkId, '9']));
    const result = scoreAnswers(levels, { ...answers, mobility: '3' });
    expect(result.ok && result.value.items.find((item) => item.linkId === 'mobility')).toEqual({
      linkId: 'mobility',
      code: '3',
      score: 3,
    });
    expect(result.ok && result.value.items.find((item) => item.linkId === 'health')?.score).toBeNull();
    expect(result.ok && result.value.score).toBeNull();
  });

  it('recodes through option scores and transforms: a reversed item and mean × 25', () => {
    const instrument = instrumentSchema.parse({
      code: 'licensed-demo',
      version: '2.1',
      title: { da: 'Prøve', en: 'Trial' },
      licence: 'Licensed to the municipality',
      respondents: ['professional'],
      items: [
        {
          linkId: 'a',
          text: { da: 'A', en: 'A' },
          options: [
            { code: 'yes', score: 4, display: { da: 'Ja', en: 'Yes' } },
            { code: 'no', score: 0, display: { da: 'Nej', en: 'No' } },
          ],
        },
        {
          linkId: 'b',
          text: { da: 'B', en: 'B' },
          options: [
            { code: 'yes', score: 0, display: { da: 'Ja', en: 'Yes' } },
            { code: 'no', score: 4, display: { da: 'Nej', en: 'No' } },
          ],
        },
      ],
      scoring: { method: 'mean', transform: { multiply: 25, add: 0 } },
      bands: [
        { code: 'low', below: 50, label: { da: 'Lav', en: 'Low' } },
        { code: 'high', label: { da: 'Høj', en: 'High' } },
      ],
    });
    expect(scoreAnswers(instrument, { a: 'yes', b: 'no' })).toMatchObject({
      ok: true,
      value: { raw: 4, score: 100, band: 'high' },
    });
    expect(scoreAnswers(instrument, { a: 'yes', b: 'yes' })).toMatchObject({
      ok: true,
      value: { raw: 2, score: 50, band: 'high' },
    });
    expect(scoreAnswers(instrument, { a: 'no', b: 'yes' })).toMatchObject({
      ok: true,
      value: { raw: 0, score: 0, band: 'low' },
    });
  });

  it('refuses an instrument with repeated items, repeated codes or badly bounded bands', () => {
    const [who5] = BUILTIN_INSTRUMENTS;
    if (!who5) throw new Error('missing');
    const twice = { ...who5, items: [who5.items[0], who5.items[0]] };
    expect(instrumentSchema.safeParse(twice).success).toBe(false);
    const lastBounded = { ...who5, bands: [{ code: 'x', atMost: 3, label: { da: 'x', en: 'x' } }] };
    expect(instrumentSchema.safeParse(lastBounded).success).toBe(false);
    const codes = who5.items[0]?.options ?? [];
    const repeated = { ...who5, items: [{ ...who5.items[0], options: [...codes, codes[0]] }] };
    expect(instrumentSchema.safeParse(repeated).success).toBe(false);
  });
});
