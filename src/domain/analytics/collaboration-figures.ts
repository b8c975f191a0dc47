import {
  type QualityAnswer,
  type QualityRound,
  QUALITY_ROUNDS,
  relativeChangePercent,
} from '../measures/quality-indicators.js';
import { RC_DIMENSIONS, type RcAnswer, type RcDimension } from '../measures/relational-coordination.js';
import { roundTo } from '../measures/rounding.js';
import { suppressLine } from './count-table.js';
import type { Definition } from './pathway-kpis.js';
import { type CellFigures, type HiddenReason, suppress } from './suppression.js';

/**
 * Collaboration and quality figures for management, from the measures (decision 0012): the
 * relational-coordination ties of each round of each collaboration survey as a table of rating
 * group × rated group with pooled totals, and each quality-indicator survey's item means per
 * round. Respondents, not citizens: a figure over 1–4 respondents is hidden, and because the page
 * shows pooled totals (which the surveys' own pages do not), complements are hidden too, so a
 * hidden group's answers are never a total minus the shown ones.
 */
export const COLLABORATION_DEFINITIONS = {
  ties: {
    id: 'collaboration-ties',
    version: 1,
    text: "Relational coordination per round: a tie A→B is Σ answers / (7 · answers) of A's respondents about B (Gittell's seven dimensions, 1–5); a row total is A's rating of every group, a column total every group's rating of B, the round's total all answers of the round, each the same pooled quotient. A figure resting on 1–4 respondents is hidden, with complements (the sums behind the figures add up along rows and columns). Dimension means pool the round's answers and are shown only with the round's total.",
  },
  quality: {
    id: 'quality-indicators',
    version: 1,
    text: 'Quality indicators per survey and round (baseline, end): each statement’s mean score (1–5) and its respondents; overall the mean of the item means; the change relative to the baseline in per cent. An item mean over 1–4 respondents is hidden, with a complement (another item, or the overall mean), so it cannot be worked out from the overall mean.',
  },
} as const satisfies Record<string, Definition>;

export const COLLABORATION_DEFINITION_HISTORY: readonly Definition[] =
  Object.values(COLLABORATION_DEFINITIONS);

const ref = (definition: Definition) => ({ id: definition.id, version: definition.version });

/** A tie's (or total's) index, the respondents it rests on, and why it is hidden. */
export interface TieShown {
  index: number | null;
  respondents: number;
  hidden: HiddenReason | null;
}

class Pool {
  sum = 0;
  answers = 0;
  readonly respondents = new Set<string>();
  add(answer: RcAnswer, sum: number): void {
    this.sum += sum;
    this.answers++;
    this.respondents.add(answer.respondent);
  }
  figures(): CellFigures {
    return { citizens: this.respondents.size, amount: this.sum, largest: 0, secondLargest: 0 };
  }
  shown(reason: HiddenReason | null | undefined): TieShown {
    const index = this.answers === 0 ? null : roundTo(this.sum / (RC_DIMENSIONS.length * this.answers));
    return reason
      ? { index: null, respondents: this.respondents.size, hidden: reason }
      : { index, respondents: this.respondents.size, hidden: null };
  }
}

const answerSum = (answer: RcAnswer) =>
  RC_DIMENSIONS.reduce((total, dimension) => total + answer[dimension.key], 0);

/** One round of a collaboration survey: the ties, their pooled totals and the dimension means (collaboration-ties@1). */
export function collaborationRound(groups: readonly string[], answers: readonly RcAnswer[]) {
  const make = () => groups.map(() => new Pool());
  const cells = groups.map(() => make());
  const rowTotals = make();
  const columnTotals = make();
  const total = new Pool();
  const dimensions = Object.fromEntries(RC_DIMENSIONS.map((dimension) => [dimension.key, 0])) as Record<
    RcDimension,
    number
  >;
  for (const answer of answers) {
    const r = groups.indexOf(answer.group);
    const c = groups.indexOf(answer.aboutGroup);
    if (r === -1 || c === -1) continue;
    const sum = answerSum(answer);
    cells[r]?.[c]?.add(answer, sum);
    rowTotals[r]?.add(answer, sum);
    columnTotals[c]?.add(answer, sum);
    total.add(answer, sum);
    for (const dimension of RC_DIMENSIONS) dimensions[dimension.key] += answer[dimension.key];
  }
  // A group with no respondents in the round is known to be empty: it is no complement, so it is
  // left out of the suppression (its figures are null for want of answers, not hidden).
  const present = groups.map((_, r) => r).filter((r) => (rowTotals[r] as Pool).answers > 0);
  const pattern = suppress({
    cells: present.map((r) => (cells[r] ?? []).map((cell) => cell.figures())),
    rowTotals: present.map((r) => (rowTotals[r] as Pool).figures()),
    columnTotals: columnTotals.map((cell) => cell.figures()),
    total: total.figures(),
  });
  const n = groups.length;
  const m = present.length;
  const reason = (r: number, c: number) => {
    const at = present.indexOf(r);
    return at === -1 ? null : pattern[at]?.[c];
  };
  const totalShown = total.shown(pattern[m]?.[n]);
  return {
    respondents: total.respondents.size,
    rows: groups.map((group, r) => ({
      group,
      cells: (cells[r] ?? []).map((cell, c) => cell.shown(reason(r, c))),
      total: (rowTotals[r] as Pool).shown(reason(r, n)),
    })),
    totals: {
      cells: columnTotals.map((cell, c) => cell.shown(pattern[m]?.[c])),
      total: totalShown,
    },
    // Only beside the round's total: they are the same answers, pooled another way.
    dimensions: RC_DIMENSIONS.map((dimension) => ({
      dimension: dimension.key,
      mean:
        totalShown.index === null || total.answers === 0
          ? null
          : roundTo(dimensions[dimension.key] / total.answers),
    })),
  };
}

export type CollaborationRoundFigures = ReturnType<typeof collaborationRound>;

/** An item's (or the overall) mean in one round, the respondents it rests on, and why it is hidden. */
export interface QualityShown {
  mean: number | null;
  respondents: number;
  hidden: HiddenReason | null;
}

/**
 * A quality-indicator survey's figures (quality-indicators@1): per round each item's mean with a
 * complement hidden beside a small one, the overall mean of the item means, and the relative
 * changes where both rounds are shown.
 */
export function qualityFigures(
  itemCodes: readonly string[],
  rounds: Readonly<Record<QualityRound, readonly QualityAnswer[]>>,
) {
  const perRound = Object.fromEntries(
    QUALITY_ROUNDS.map((round) => {
      const answers = rounds[round];
      const items = itemCodes.map((code) => {
        const scores = answers.filter((answer) => answer.item === code);
        const respondents = new Set(scores.map((answer) => answer.respondent)).size;
        const mean =
          scores.length === 0 ? 0 : scores.reduce((sum, answer) => sum + answer.score, 0) / scores.length;
        return { respondents, mean, answered: scores.length > 0 };
      });
      const answered = items.filter((item) => item.answered);
      const overall =
        answered.length === 0 ? null : answered.reduce((sum, item) => sum + item.mean, 0) / answered.length;
      // Σ item means = (items answered) · overall: the one sum relation a hidden item sits in. An
      // item nobody scored is known to be empty, no complement, so it stays out of the line.
      const answeredIndex = items
        .map((item, index) => (item.answered ? index : -1))
        .filter((index) => index >= 0);
      const line = suppressLine(
        answeredIndex.map((index) => {
          const item = items[index] as (typeof items)[number];
          return { citizens: item.respondents, amount: item.mean, largest: 0, secondLargest: 0 };
        }),
        {
          citizens: new Set(answers.map((answer) => answer.respondent)).size,
          amount: overall === null ? 0 : overall * answered.length,
          largest: 0,
          secondLargest: 0,
        },
      );
      const pattern = {
        cells: items.map((_, index) => {
          const at = answeredIndex.indexOf(index);
          return at === -1 ? null : (line.cells[at] ?? null);
        }),
        total: line.total,
      };
      const shown = (mean: number | null, respondents: number, hidden: HiddenReason | null): QualityShown =>
        hidden
          ? { mean: null, respondents, hidden }
          : { mean: mean === null ? null : roundTo(mean), respondents, hidden: null };
      return [
        round,
        {
          items: items.map((item, index) =>
            shown(item.answered ? item.mean : null, item.respondents, pattern.cells[index] ?? null),
          ),
          overall: shown(overall, new Set(answers.map((answer) => answer.respondent)).size, pattern.total),
          raw: { items: items.map((item) => (item.answered ? item.mean : null)), overall },
        },
      ];
    }),
  ) as Record<
    QualityRound,
    {
      items: QualityShown[];
      overall: QualityShown;
      raw: { items: (number | null)[]; overall: number | null };
    }
  >;
  // The change from unrounded means, shown only where both means are.
  const change = (
    baseline: QualityShown,
    end: QualityShown,
    rawBaseline: number | null,
    rawEnd: number | null,
  ) => {
    if (baseline.mean === null || end.mean === null) return null;
    const percent = relativeChangePercent(rawBaseline, rawEnd);
    return percent === null ? null : roundTo(percent);
  };
  const { baseline, end } = perRound;
  return {
    definition: ref(COLLABORATION_DEFINITIONS.quality),
    items: itemCodes.map((code, index) => ({
      code,
      baseline: baseline.items[index] as QualityShown,
      end: end.items[index] as QualityShown,
      changePercent: change(
        baseline.items[index] as QualityShown,
        end.items[index] as QualityShown,
        baseline.raw.items[index] ?? null,
        end.raw.items[index] ?? null,
      ),
    })),
    overall: {
      baseline: baseline.overall,
      end: end.overall,
      changePercent: change(baseline.overall, end.overall, baseline.raw.overall, end.raw.overall),
    },
  };
}

export type QualityFiguresResult = ReturnType<typeof qualityFigures>;

export const collaborationDefinition = ref(COLLABORATION_DEFINITIONS.ties);
