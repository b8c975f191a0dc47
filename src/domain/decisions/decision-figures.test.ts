import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.js';
import type { AppealResult } from './decision-checklist.js';
import { type DecisionFigureRow, decisionFigures } from './decision-figures.js';

/** Appeal results by decision: upheld ×5, changed ×3, remitted ×2, rejected ×1. */
const RESULTS: AppealResult[] = [
  ...Array<AppealResult>(5).fill('upheld'),
  ...Array<AppealResult>(3).fill('changed'),
  ...Array<AppealResult>(2).fill('remitted'),
  'rejected',
];

/** Small data, counted by hand below (the direct computation the figures are held to). */
function rows(): DecisionFigureRow[] {
  const made: DecisionFigureRow[] = [];
  // 20 decisions by 20 citizens; drafted on day 0, decided after 2, 4, … 40 days.
  for (let index = 0; index < 20; index++) {
    made.push({
      citizenId: `c${index}`,
      draftedOn: '2026-03-01',
      decidedOn: addDays('2026-03-01', 2 * (index + 1)),
      // 15 heard; of them 6 changed by the hearing (indexes 0–5).
      heard: index < 15,
      changedByHearing: index < 6,
      // 11 appealed (0–10): upheld ×5 (0–4), changed ×3 (5–7), remitted ×2 (8–9), rejected ×1 (10).
      appealed: index < 11,
      result: RESULTS[index] ?? null,
    });
  }
  return made;
}

describe('the decision figures', () => {
  it('agree with a direct computation on small data', () => {
    const data = rows();
    const figures = decisionFigures(2026, data);
    const heard = data.filter((row) => row.heard);
    const merits = data.filter((row) => row.result && row.result !== 'rejected');
    const days = data.map((row) => (Date.parse(row.decidedOn) - Date.parse(row.draftedOn)) / 86_400_000);
    expect(figures.decisions).toBe(20);
    expect(figures.hearing).toEqual({
      heard: 15,
      changed: 6,
      share: heard.filter((row) => row.changedByHearing).length / heard.length,
    });
    expect(figures.appeals).toEqual({ count: 11, per100: Math.round((11 / 20) * 1000) / 10 });
    expect(figures.appealBody).toEqual({
      decidedOnMerits: 10,
      changedOrRemitted: 5,
      changeRate: Math.round((5 / merits.length) * 10_000) / 10_000,
    });
    const sorted = [...days].sort((a, b) => a - b);
    expect(figures.daysToFinal).toEqual({
      median: ((sorted[9] as number) + (sorted[10] as number)) / 2,
      mean: days.reduce((a, b) => a + b, 0) / days.length,
    });
  });

  it('hide what rests on 1–4 citizens, and a share whose rest is 1–4', () => {
    const data = rows();
    // Merits: 10 appeals tried; 5 upheld (the rest), 5 changed or remitted: shown. With one
    // upheld fewer (withdrawn before the result) the rest is 4 citizens → the rate is hidden.
    const fewer = data.map((row, index) => (index === 0 ? { ...row, result: null } : row));
    expect(decisionFigures(2026, fewer).appealBody).toEqual({
      decidedOnMerits: 9,
      changedOrRemitted: null,
      changeRate: null,
    });
    // Four decisions in all: nothing but zeros may be shown.
    const small = decisionFigures(2026, data.slice(0, 4));
    expect(small.decisions).toBeNull();
    expect(small.appeals).toEqual({ count: null, per100: null });
    expect(small.daysToFinal).toEqual({ median: null, mean: null });
    // One citizen with many decisions counts once: 6 decisions by 2 citizens are hidden.
    const two = data.slice(0, 6).map((row, index) => ({ ...row, citizenId: `c${index % 2}` }));
    expect(decisionFigures(2026, two).decisions).toBeNull();
    // No decisions: zeros are shown, rates are not.
    expect(decisionFigures(2026, [])).toMatchObject({
      decisions: 0,
      hearing: { heard: 0, changed: 0, share: null },
      appeals: { count: 0, per100: null },
      daysToFinal: { median: null, mean: null },
    });
  });
});
