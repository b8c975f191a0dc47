import { type CsvProblem, parseCsv, respondentKey, wholeNumberIn } from './csv.js';
import { roundTo } from './rounding.js';

/**
 * Quality indicators: statements scored 1–5 at baseline and at the end of a development
 * effort. Per item the mean of its scores; overall the mean of the item means (every item
 * counts the same however many answered it); the change relative to the baseline, in percent.
 */
export type QualityRound = 'baseline' | 'end';
export const QUALITY_ROUNDS: readonly QualityRound[] = ['baseline', 'end'];

export interface QualityAnswer {
  respondent: string;
  item: string;
  score: number;
}

export interface QualityFigures {
  baseline: number | null;
  end: number | null;
  changePercent: number | null;
}

export interface QualityResults {
  items: ({ code: string } & QualityFigures)[];
  overall: QualityFigures;
}

function meanOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((total, value) => total + value, 0) / values.length;
}

/** (end − baseline) / baseline · 100; null without both. */
export function relativeChangePercent(baseline: number | null, end: number | null): number | null {
  if (baseline === null || end === null || baseline === 0) return null;
  return ((end - baseline) / baseline) * 100;
}

function figures(baseline: number | null, end: number | null): QualityFigures {
  const change = relativeChangePercent(baseline, end);
  return {
    baseline: baseline === null ? null : roundTo(baseline),
    end: end === null ? null : roundTo(end),
    changePercent: change === null ? null : roundTo(change),
  };
}

/** Each item's mean score per round, unrounded; null for an item nobody scored in the round. */
export function itemMeans(
  itemCodes: readonly string[],
  rounds: Readonly<Record<QualityRound, readonly QualityAnswer[]>>,
): Record<QualityRound, (number | null)[]> {
  const means = (round: QualityRound) =>
    itemCodes.map((code) => meanOf(rounds[round].filter((a) => a.item === code).map((a) => a.score)));
  return { baseline: means('baseline'), end: means('end') };
}

const present = (values: readonly (number | null)[]) =>
  values.filter((value): value is number => value !== null);

/** Every figure from unrounded means; rounded to two decimals only as reported. */
export function qualityResults(
  itemCodes: readonly string[],
  rounds: Readonly<Record<QualityRound, readonly QualityAnswer[]>>,
): QualityResults {
  const { baseline, end } = itemMeans(itemCodes, rounds);
  return {
    items: itemCodes.map((code, index) => ({
      code,
      ...figures(baseline[index] ?? null, end[index] ?? null),
    })),
    overall: figures(meanOf(present(baseline)), meanOf(present(end))),
  };
}

/**
 * Several surveys together (a unit's, or a development project's): the mean of every item mean
 * of every survey, per round, and its relative change. Each statement counts the same, in
 * whichever survey it stands, however many answered it: the survey's own overall figure, pooled.
 */
export function qualityRollUp(
  surveys: readonly {
    itemCodes: readonly string[];
    rounds: Readonly<Record<QualityRound, readonly QualityAnswer[]>>;
  }[],
): QualityFigures {
  const baseline: (number | null)[] = [];
  const end: (number | null)[] = [];
  for (const survey of surveys) {
    const means = itemMeans(survey.itemCodes, survey.rounds);
    baseline.push(...means.baseline);
    end.push(...means.end);
  }
  return figures(meanOf(present(baseline)), meanOf(present(end)));
}

export const QUALITY_CSV_HEADER = ['respondent', 'item', 'score'] as const;

export type QualityImport = { ok: true; answers: QualityAnswer[] } | { ok: false; problems: CsvProblem[] };

/** A round's answers from CSV: each respondent scores each item at most once, 1–5. */
export function parseQualityCsv(text: string, itemCodes: readonly string[]): QualityImport {
  const parsed = parseCsv(text, QUALITY_CSV_HEADER);
  if (!parsed.ok) return parsed;
  const problems: CsvProblem[] = [];
  const answers: QualityAnswer[] = [];
  const seen = new Set<string>();
  for (const row of parsed.rows) {
    const before = problems.length;
    const respondent = respondentKey(row, problems);
    const item = row.values.item ?? '';
    if (!itemCodes.includes(item))
      problems.push({ line: row.line, field: 'item', message: `must be one of ${itemCodes.join(', ')}` });
    const score = wholeNumberIn(row, 'score', 1, 5, problems);
    if (problems.length > before) continue;
    const key = JSON.stringify([respondent, item]);
    if (seen.has(key)) {
      problems.push({
        line: row.line,
        field: 'item',
        message: `respondent ${respondent} scored ${item} on an earlier line`,
      });
      continue;
    }
    seen.add(key);
    answers.push({ respondent, item, score });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}
