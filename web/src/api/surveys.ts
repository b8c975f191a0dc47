import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';

/** Collaboration (relational coordination) and quality-indicator surveys, for team leaders. */

export type RcBand = 'strong' | 'moderate' | 'weak';

export interface CollaborationTie {
  from: string;
  to: string;
  respondents: number;
  index: number | null;
  communication: number | null;
  relationship: number | null;
  band: RcBand | null;
}

export interface SurveyScope {
  id: string;
  title: string;
  unit: { id: string; name: string };
  project: string | null;
  createdAt: string;
}

export interface CollaborationSurvey extends SurveyScope {
  groups: string[];
  rounds: { round: string; respondents: number }[];
}

export interface CollaborationResults {
  round: string;
  groups: string[];
  minRespondents: number;
  ties: CollaborationTie[];
}

export interface QualityFigures {
  baseline: number | null;
  end: number | null;
  changePercent: number | null;
}

export interface QualitySurvey extends SurveyScope {
  items: { code: string; text: string }[];
}

export interface QualityResults {
  survey: QualitySurvey;
  items: ({ code: string; text: string } & QualityFigures)[];
  overall: QualityFigures;
}

const surveyKeys = {
  collaboration: ['surveys', 'collaboration'] as const,
  collaborationResults: (id: string, round: string) => ['surveys', 'collaboration', id, round] as const,
  quality: ['surveys', 'quality'] as const,
  qualityResults: (id: string) => ['surveys', 'quality', id] as const,
};

export function useCollaborationSurveys(): UseQueryResult<{ items: CollaborationSurvey[] }> {
  return useQuery({
    queryKey: surveyKeys.collaboration,
    queryFn: ({ signal }) =>
      apiJson<{ items: CollaborationSurvey[] }>('/api/collaboration-surveys', { signal }),
  });
}

export function useCollaborationResults(
  id: string,
  round: string | null,
): UseQueryResult<CollaborationResults> {
  return useQuery({
    queryKey: surveyKeys.collaborationResults(id, round ?? ''),
    queryFn: ({ signal }) =>
      apiJson<CollaborationResults>(
        `/api/collaboration-surveys/${encodeURIComponent(id)}/results?round=${encodeURIComponent(round ?? '')}`,
        { signal },
      ),
    enabled: round !== null,
  });
}

export function useQualitySurveys(): UseQueryResult<{ items: QualitySurvey[] }> {
  return useQuery({
    queryKey: surveyKeys.quality,
    queryFn: ({ signal }) => apiJson<{ items: QualitySurvey[] }>('/api/quality-surveys', { signal }),
  });
}

export function useQualityResults(id: string): UseQueryResult<QualityResults> {
  return useQuery({
    queryKey: surveyKeys.qualityResults(id),
    queryFn: ({ signal }) =>
      apiJson<QualityResults>(`/api/quality-surveys/${encodeURIComponent(id)}/results`, { signal }),
  });
}
