import type { z } from 'zod';
import { type GasPoint, gasChanges } from '../../domain/measures/gas.js';
import type { GasRecordRow, MeasureResponseRow } from '../../db/queries/measures.queries.js';
import type {
  citizenMeasuresSchema,
  measureResponseSchema,
} from '../../domain/measures/measures.responses.js';

type Response = z.infer<typeof measureResponseSchema>;

export function presentMeasureResponse(row: MeasureResponseRow): Response {
  return {
    id: row.id,
    instrument: { code: row.instrumentCode, version: row.instrumentVersion },
    respondent: row.respondentKind as Response['respondent'],
    answeredAt: row.answeredAt.toISOString(),
    context: { kind: row.contextKind as Response['context']['kind'], id: row.contextId },
    answers: row.answers,
    raw: row.raw,
    score: row.score,
    band: row.band,
  };
}

type GoalView = z.infer<typeof citizenMeasuresSchema>['gas']['goals'][number];

/**
 * The responses, and GAS per sub-goal with the T-score after each follow-up (with the sub-goals'
 * weights of now, which the plan's sub-goals show) and its change from the baseline; each level
 * says the weight it was recorded under, who scored it and who recorded it (never a figure per
 * professional).
 */
export function presentCitizenMeasures(
  responses: MeasureResponseRow[],
  gas: GasRecordRow[],
  points: GasPoint[],
): z.infer<typeof citizenMeasuresSchema> {
  const goals = new Map<string, GoalView>();
  for (const record of gas) {
    const goal = goals.get(record.subGoalId) ?? {
      subGoalId: record.subGoalId,
      title: record.title,
      levels: [],
    };
    goal.levels.push({
      at: record.at.toISOString(),
      level: record.level,
      weight: record.weight,
      scorer: record.scorer as GoalView['levels'][number]['scorer'],
      recordedBy: record.recorder,
    });
    goals.set(record.subGoalId, goal);
  }
  return {
    responses: responses.map(presentMeasureResponse),
    gas: { points: gasChanges(points), goals: [...goals.values()] },
  };
}
