import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type {
  CollaborationFigures,
  CoordinationFigures,
} from '../../../src/domain/analytics/coordination.responses.js';
import { type AnalyticsFilter, COLLABORATION_KEYS, filterQuery, PATHWAY_KEYS } from './analytics.js';
import { apiJson } from './client.js';

/** The figures' shapes are the server's own (src/domain/analytics/coordination.responses.ts). */
export type {
  CollaborationFigures,
  CoordinationCountCell,
  CoordinationFigures,
} from '../../../src/domain/analytics/coordination.responses.js';

function useFigure<T>(path: string, query: string): UseQueryResult<T> {
  return useQuery({
    queryKey: ['analytics', path, query],
    queryFn: ({ signal }) => apiJson<T>(`${path}?${query}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Flags and referrals of the year, under the page's pathway type, unit and age group. */
export function useCoordinationFigures(filter: AnalyticsFilter): UseQueryResult<CoordinationFigures> {
  return useFigure('/api/analytics/coordination', filterQuery(filter, PATHWAY_KEYS));
}

/** Every survey's rounds (or one unit's), as management figures. */
export function useCollaborationFigures(filter: AnalyticsFilter): UseQueryResult<CollaborationFigures> {
  return useFigure('/api/analytics/collaboration', filterQuery(filter, COLLABORATION_KEYS));
}
