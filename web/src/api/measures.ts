import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiJson } from './client.js';
import { citizenPath } from './queryKeys.js';

/** A citizen's measures: answered questionnaires and the GAS T-score over time. */
export interface MeasureResponse {
  id: string;
  instrument: { code: string; version: string };
  respondent: 'citizen' | 'relative' | 'professional' | 'independent-assessor';
  answeredAt: string;
  context: { kind: string; id: string | null };
  answers: { linkId: string; code: string }[];
  raw: number | null;
  score: number | null;
  band: string | null;
}

/** One recorded GAS level: the weight it was recorded under, who scored it, who recorded it. */
export interface GasLevelView {
  at: string;
  level: number;
  weight: number;
  scorer: MeasureResponse['respondent'] | null;
  recordedBy: { name: string; profession: string } | null;
}

export interface CitizenMeasures {
  responses: MeasureResponse[];
  gas: {
    /** The T-score after each follow-up, with the sub-goals' weights of now; change from the first. */
    points: { at: string; tScore: number; goals: number; change: number }[];
    goals: { subGoalId: string; title: string; levels: GasLevelView[] }[];
  };
}

export interface NewMeasure {
  instrument: string;
  respondent: MeasureResponse['respondent'];
  answers: Record<string, string>;
  context?: { kind: 'meeting' | 'follow-up' | 'survey-round' | 'sub-goal' | 'other'; id?: string | null };
}

export const measuresKey = (citizenId: string) => ['citizen', citizenId, 'measures'] as const;

export function useCitizenMeasures(citizenId: string): UseQueryResult<CitizenMeasures> {
  return useQuery({
    queryKey: measuresKey(citizenId),
    queryFn: ({ signal }) => apiJson<CitizenMeasures>(`${citizenPath(citizenId)}/measures`, { signal }),
  });
}

export function useRecordMeasure(citizenId: string): UseMutationResult<MeasureResponse, Error, NewMeasure> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (measure) =>
      apiJson<MeasureResponse>(`${citizenPath(citizenId)}/measures`, { method: 'POST', body: measure }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: measuresKey(citizenId) }),
  });
}
