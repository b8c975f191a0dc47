import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiJson } from './client.js';
import type {
  CollaborationResults,
  CollaborationSurvey,
  QualitySurvey,
  QualitySurveyResults,
} from '../../../src/domain/measures/surveys.responses.js';

/** Collaboration (relational coordination) and quality-indicator surveys, for team leaders. */

export type { QualityFigures, RcBand } from '../domain.js';
/** The surveys' shapes are the server's own (src/domain/measures/surveys.responses.ts). */
export type {
  CollaborationResults,
  CollaborationSurvey,
  CollaborationTie,
  QualitySurvey,
} from '../../../src/domain/measures/surveys.responses.js';

/** What every survey has, whatever its kind. */
export type SurveyScope = Omit<CollaborationSurvey, 'groups' | 'rounds'>;

/** A quality survey's results, with the survey they are of. */
export type QualityResults = QualitySurveyResults;

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

/** PUTs a round's answers as text/csv; a refused file throws ApiError with the problems per line. */
export async function importRound(path: string, csv: string): Promise<{ imported: number }> {
  return apiJson<{ imported: number }>(path, { method: 'PUT', csv });
}

/** Imports a round and refreshes the surveys and their results. */
export function useImportRound(): UseMutationResult<
  { imported: number },
  Error,
  { path: string; csv: string }
> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, csv }) => importRound(path, csv),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['surveys'] }),
  });
}

/** Creates a survey (POST /api/collaboration-surveys or /api/quality-surveys) and refreshes the lists. */
export function useCreateSurvey<Body>(
  kind: 'collaboration' | 'quality',
): UseMutationResult<{ id: string }, Error, Body> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => apiJson<{ id: string }>(`/api/${kind}-surveys`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['surveys'] }),
  });
}
