import type { z } from 'zod';
import type { QualityResults } from '../../domain/measures/quality-indicators.js';
import type { CollaborationSurvey, QualitySurvey, SurveyScope } from '../../db/queries/surveys.queries.js';
import type {
  collaborationSurveySchema,
  qualityResultsSchema,
  qualitySurveySchema,
} from '../../domain/measures/surveys.responses.js';

function scope(survey: SurveyScope) {
  return {
    id: survey.id,
    title: survey.title,
    unit: { id: survey.unitId, name: survey.unitName },
    project: survey.project,
    createdAt: survey.createdAt.toISOString(),
  };
}

export function presentCollaborationSurvey(
  survey: CollaborationSurvey,
  rounds: { round: string; respondents: number }[],
): z.infer<typeof collaborationSurveySchema> {
  return { ...scope(survey), groups: survey.groups, rounds };
}

export function presentQualitySurvey(survey: QualitySurvey): z.infer<typeof qualitySurveySchema> {
  return { ...scope(survey), items: survey.items };
}

/** The results with each item's statement beside its code. */
export function presentQualityResults(
  survey: QualitySurvey,
  results: QualityResults,
): z.infer<typeof qualityResultsSchema> {
  return {
    items: results.items.map((item, index) => ({ ...item, text: survey.items[index]?.text ?? item.code })),
    overall: results.overall,
  };
}
