import { roundTo } from './rounding.js';

/**
 * Goal Attainment Scaling (Kiresuk & Sherman 1968, "Goal attainment scaling: a general method
 * for evaluating comprehensive community mental health programs"): each sub-goal is scored
 * −2 (much less than expected) … 0 (expected) … +2 (much more than expected), optionally
 * weighted, and the summary is the T-score
 *
 *   T = 50 + 10·Σ(wᵢxᵢ) / √((1−ρ)·Σwᵢ² + ρ·(Σwᵢ)²)
 *
 * with ρ the assumed correlation between the goals' scores, 0.3 by the authors' convention.
 * T = 50 when every goal is met as expected; the scale has a standard deviation of 10.
 */
export const GAS_RHO = 0.3;
export const GAS_MIN_LEVEL = -2;
export const GAS_MAX_LEVEL = 2;
/** A sub-goal's weight is a whole number from 1 to this (the plan stores it; 1 = unweighted). */
export const GAS_MAX_WEIGHT = 100;
/** Who gave a follow-up's score (the same kinds as a questionnaire's respondent). */
export const GAS_SCORER_KINDS = ['citizen', 'relative', 'professional', 'independent-assessor'] as const;
export type GasScorerKind = (typeof GAS_SCORER_KINDS)[number];

export interface GasGoalScore {
  /** −2..+2 */
  level: number;
  /** A positive weight; 1 when the goals are not weighted. */
  weight?: number;
}

/** The T-score, unrounded; null when no goal is scored. Throws on a level or weight out of range. */
export function gasTScoreExact(goals: readonly GasGoalScore[], rho: number = GAS_RHO): number | null {
  if (goals.length === 0) return null;
  let weighted = 0;
  let sumOfSquares = 0;
  let sum = 0;
  for (const goal of goals) {
    const weight = goal.weight ?? 1;
    if (!Number.isInteger(goal.level) || goal.level < GAS_MIN_LEVEL || goal.level > GAS_MAX_LEVEL) {
      throw new RangeError(`A GAS level is a whole number from −2 to +2, not ${goal.level}.`);
    }
    if (!(weight > 0) || !Number.isFinite(weight)) {
      throw new RangeError(`A GAS weight is a positive number, not ${weight}.`);
    }
    weighted += weight * goal.level;
    sumOfSquares += weight * weight;
    sum += weight;
  }
  return 50 + (10 * weighted) / Math.sqrt((1 - rho) * sumOfSquares + rho * sum * sum);
}

/** The T-score as reported: two decimals; null when no goal is scored. */
export function gasTScore(goals: readonly GasGoalScore[], rho: number = GAS_RHO): number | null {
  const exact = gasTScoreExact(goals, rho);
  return exact === null ? null : roundTo(exact, 2);
}

/** One recorded level of one sub-goal, at a time (the plan's GAS history). */
export interface GasRecord {
  subGoalId: string;
  level: number;
  at: string;
  weight?: number;
}

/** A citizen's T-score after a follow-up: each sub-goal at its latest level by then. */
export interface GasPoint {
  at: string;
  tScore: number;
  goals: number;
}

/**
 * The T-score over time: after every recorded follow-up, the T-score over every sub-goal
 * scored so far, each at its latest level. The first point is the baseline.
 */
export function gasTimeline(records: readonly GasRecord[]): GasPoint[] {
  const oldestFirst = [...records].sort((a, b) => a.at.localeCompare(b.at));
  const latest = new Map<string, GasGoalScore>();
  const points: GasPoint[] = [];
  for (const record of oldestFirst) {
    latest.set(record.subGoalId, { level: record.level, weight: record.weight ?? 1 });
    const tScore = gasTScore([...latest.values()]) as number;
    const point = { at: record.at, tScore, goals: latest.size };
    // Several sub-goals scored at the same moment are one follow-up.
    if (points.at(-1)?.at === record.at) points[points.length - 1] = point;
    else points.push(point);
  }
  return points;
}

/** A follow-up's T-score beside the baseline's: the trace "baseline vs now" is read from. */
export interface GasChangePoint extends GasPoint {
  /** T-score minus the baseline's (the first point), two decimals; 0 at the baseline. */
  change: number;
}

/**
 * The timeline with each point's change from the baseline. The change is taken between the
 * reported (two-decimal) T-scores, so the figures shown always add up.
 */
export function gasChanges(points: readonly GasPoint[]): GasChangePoint[] {
  const baseline = points[0]?.tScore;
  return points.map((point) => ({ ...point, change: roundTo(point.tScore - (baseline as number), 2) }));
}
