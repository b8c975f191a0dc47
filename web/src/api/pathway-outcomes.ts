import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { PathwayOutcomes } from '../../../src/domain/analytics/pathway-outcomes.responses.js';
import { type AnalyticsFilter, filterQuery } from './analytics.js';
import { apiJson } from './client.js';

export type { PathwayOutcomes } from '../../../src/domain/analytics/pathway-outcomes.responses.js';

const PATH = '/api/analytics/pathway-outcomes';

/** The outcomes of pathways per year of ending (pathway-outcomes@1), under the page's filters. */
export function usePathwayOutcomes(filter: AnalyticsFilter): UseQueryResult<PathwayOutcomes> {
  const query = filterQuery(filter, ['year', 'pathwayType', 'unit', 'ageGroup']);
  return useQuery({
    queryKey: ['analytics', PATH, query],
    queryFn: ({ signal }) => apiJson<PathwayOutcomes>(`${PATH}?${query}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
