import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { DecisionFigures } from '../../../src/domain/decisions/decision-figures.js';
import { apiJson } from './client.js';

export type { DecisionFigures };

/** The decision figures of a year, for leaders (small cells hidden by the server). */
export function useDecisionFigures(year: number): UseQueryResult<DecisionFigures> {
  return useQuery({
    queryKey: ['analytics', 'decisions', year],
    queryFn: ({ signal }) => apiJson<DecisionFigures>(`/api/analytics/decisions?year=${year}`, { signal }),
  });
}
