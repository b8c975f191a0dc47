import type { z } from 'zod';
import type { GasPoint } from '../../domain/measures/gas.js';
import type { MeasureResponseRow } from '../../db/queries/measures.queries.js';
import type { citizenMeasuresSchema, measureResponseSchema } from './measures.schemas.js';

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

/** The responses, and GAS per sub-goal with the T-score after each follow-up (never per professional). */
export function presentCitizenMeasures(
  responses: MeasureResponseRow[],
  gas: { subGoalId: string; title: string; level: number; at: Date }[],
  points: GasPoint[],
): z.infer<typeof citizenMeasuresSchema> {
  const goals = new Map<
    string,
    { subGoalId: string; title: string; levels: { at: string; level: number }[] }
  >();
  for (const record of gas) {
    const goal = goals.get(record.subGoalId) ?? {
      subGoalId: record.subGoalId,
      title: record.title,
      levels: [],
    };
    goal.levels.push({ at: record.at.toISOString(), level: record.level });
    goals.set(record.subGoalId, goal);
  }
  return { responses: responses.map(presentMeasureResponse), gas: { points, goals: [...goals.values()] } };
}
