import { describe, expect, it } from 'vitest';
import {
  parseQualityCsv,
  qualityResults,
  qualityRollUp,
  relativeChangePercent,
} from './quality-indicators.js';

const answers = (item: string, scores: number[]) =>
  scores.map((score, i) => ({ respondent: `r${i}`, item, score }));

describe('quality indicators', () => {
  it('a worked example: item means, the mean of item means, relative change', () => {
    const results = qualityResults(['q1', 'q2'], {
      // q1: (2+3+4)/3 = 3; q2: (1+2)/2 = 1.5 → overall (3 + 1.5)/2 = 2.25 (not the 10/5 = 2 of all answers)
      baseline: [...answers('q1', [2, 3, 4]), ...answers('q2', [1, 2])],
      // q1: (4+4+5)/3 = 4.333; q2: (3+3)/2 = 3 → overall 3.667
      end: [...answers('q1', [4, 4, 5]), ...answers('q2', [3, 3])],
    });
    expect(results).toEqual({
      items: [
        // (13/3 − 3)/3 = 44.44 %
        { code: 'q1', baseline: 3, end: 4.33, changePercent: 44.44 },
        { code: 'q2', baseline: 1.5, end: 3, changePercent: 100 },
      ],
      // (11/3 − 2.25)/2.25 = 62.96 %
      overall: { baseline: 2.25, end: 3.67, changePercent: 62.96 },
    });
  });

  it('a decline is negative; no change is 0; a missing round has no change', () => {
    expect(relativeChangePercent(4, 3)).toBe(-25);
    expect(relativeChangePercent(4, 4)).toBe(0);
    expect(relativeChangePercent(null, 4)).toBeNull();
    const results = qualityResults(['q1', 'q2'], { baseline: answers('q1', [4]), end: [] });
    expect(results.items[0]).toEqual({ code: 'q1', baseline: 4, end: null, changePercent: null });
    expect(results.items[1]).toEqual({ code: 'q2', baseline: null, end: null, changePercent: null });
    expect(results.overall).toEqual({ baseline: 4, end: null, changePercent: null });
  });

  it('rolls several surveys up as the mean of all their item means', () => {
    const first = {
      itemCodes: ['q1', 'q2'],
      // item means 3 and 1.5 at baseline, 13/3 and 3 at the end (the worked example above)
      rounds: {
        baseline: [...answers('q1', [2, 3, 4]), ...answers('q2', [1, 2])],
        end: [...answers('q1', [4, 4, 5]), ...answers('q2', [3, 3])],
      },
    };
    // One item, 5 at baseline and 4 at the end; a second item nobody scored counts nowhere.
    const second = {
      itemCodes: ['a', 'b'],
      rounds: { baseline: answers('a', [5, 5]), end: answers('a', [4]) },
    };
    // Baseline (3 + 1.5 + 5)/3 = 3.1667; end (13/3 + 3 + 4)/3 = 3.7778; change 19.30 %
    expect(qualityRollUp([first, second])).toEqual({ baseline: 3.17, end: 3.78, changePercent: 19.3 });
    // One survey alone is that survey's overall figure.
    expect(qualityRollUp([first])).toEqual(qualityResults(first.itemCodes, first.rounds).overall);
    expect(qualityRollUp([])).toEqual({ baseline: null, end: null, changePercent: null });
  });

  it('reads a round from CSV and names problems per line', () => {
    expect(parseQualityCsv('respondent,item,score\nr1,q1,4\nr2,q1,5\n', ['q1'])).toEqual({
      ok: true,
      answers: [
        { respondent: 'r1', item: 'q1', score: 4 },
        { respondent: 'r2', item: 'q1', score: 5 },
      ],
    });
    expect(parseQualityCsv('respondent,item,score\nr1,q1,4\nr1,q1,5\nr2,q9,0\n', ['q1'])).toEqual({
      ok: false,
      problems: [
        { line: 3, field: 'item', message: 'respondent r1 scored q1 on an earlier line' },
        { line: 4, field: 'item', message: 'must be one of q1' },
        { line: 4, field: 'score', message: 'must be a whole number from 1 to 5' },
      ],
    });
  });
});
