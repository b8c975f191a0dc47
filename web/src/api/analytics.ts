import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type {
  CostByMonth,
  CostConcentration,
  CostTable,
  GasDistribution,
  PathwayKpis,
} from '../../../src/domain/analytics/analytics.responses.js';
import { apiJson } from './client.js';

/** The figures' shapes are the server's own (src/domain/analytics/analytics.responses.ts). */
export type {
  CostByMonth,
  CostConcentration,
  CostTable,
  CountCell,
  CountTable,
  GasDistribution,
  OfferDistribution,
  PathwayKpis,
  ShownCell,
  SuppressedRow,
  SuppressedTotals,
} from '../../../src/domain/analytics/analytics.responses.js';
export { WITHIN } from '../../../src/domain/analytics/pathway-kpis.js';

/** The management figures' filters, as query parameters. */
export interface AnalyticsFilter {
  year: number;
  sector?: string;
  budgetArea?: string;
  pathwayType?: string;
}

/** The query string of a filter (empty values left out). */
export function filterQuery(filter: AnalyticsFilter, keys: readonly (keyof AnalyticsFilter)[]): string {
  const parameters = new URLSearchParams();
  for (const key of keys) {
    const value = filter[key];
    if (value !== undefined && value !== '') parameters.set(key, String(value));
  }
  return parameters.toString();
}

const COST_KEYS = ['year', 'sector', 'budgetArea'] as const;

function useAnalytics<T>(path: string, query: string): UseQueryResult<T> {
  return useQuery({
    queryKey: ['analytics', path, query],
    queryFn: ({ signal }) => apiJson<T>(`${path}?${query}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCostConcentration(filter: AnalyticsFilter): UseQueryResult<CostConcentration> {
  return useAnalytics('/api/analytics/cost-concentration', filterQuery(filter, COST_KEYS));
}

export function useCostTable(filter: AnalyticsFilter): UseQueryResult<CostTable> {
  return useAnalytics('/api/analytics/cost-table', filterQuery(filter, COST_KEYS));
}

export function useCostByMonth(filter: AnalyticsFilter): UseQueryResult<CostByMonth> {
  return useAnalytics('/api/analytics/cost-by-month', filterQuery(filter, COST_KEYS));
}

export function usePathwayKpis(filter: AnalyticsFilter): UseQueryResult<PathwayKpis> {
  return useAnalytics('/api/analytics/pathways', filterQuery(filter, ['year', 'pathwayType']));
}

/** Where the cost table's export is downloaded (a plain link: the server audits it). */
export function costTableExportUrl(filter: AnalyticsFilter, format: 'csv' | 'xlsx'): string {
  return `/api/analytics/cost-table/export?${filterQuery(filter, COST_KEYS)}&format=${format}`;
}

export function useGasDistribution(filter: AnalyticsFilter): UseQueryResult<GasDistribution> {
  return useAnalytics('/api/analytics/gas-distribution', filterQuery(filter, ['year']));
}
