import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { CitizenMeasures, MeasureResponse } from '../../../src/domain/measures/measures.responses.js';
import { apiJson } from './client.js';
import { citizenPath } from './queryKeys.js';

/** A citizen's measures: answered questionnaires and the GAS T-score over time (the server's shapes). */
export type {
  CitizenMeasures,
  GasLevelView,
  MeasureResponse,
} from '../../../src/domain/measures/measures.responses.js';

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

/** Paper questionnaires imported as CSV (all or none); a refused file is a 422 listing its lines. */
export function useImportMeasures(citizenId: string): UseMutationResult<{ imported: number }, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv) =>
      apiJson<{ imported: number }>(`${citizenPath(citizenId)}/measures/imports`, { method: 'POST', csv }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: measuresKey(citizenId) }),
  });
}
