import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';

/** The management figures' filters, as query parameters. */
export interface AnalyticsFilter {
  year: number;
  sector?: string;
  budgetArea?: string;
  pathwayType?: string;
}

export type TopKey = 'top1' | 'top5' | 'top10' | 'top20';

export interface CostConcentration {
  citizens: number;
  total: number | null;
  shares: Record<TopKey, number | null>;
  gini: number | null;
  lorenz: [number, number][];
}

export interface ShownCell {
  citizens: number | null;
  amount: number | null;
  hidden: 'small' | 'dominance' | 'complementary' | null;
}

/** A budget area's cells (one per column) and its total, small and dominated cells hidden. */
export interface SuppressedRow {
  budgetArea: string;
  cells: ShownCell[];
  total: ShownCell;
}

export interface SuppressedTotals {
  cells: ShownCell[];
  total: ShownCell;
}

export interface CostTable {
  definition: { id: string; version: number };
  year: number;
  citizens: number;
  bands: string[];
  rows: SuppressedRow[];
  totals: SuppressedTotals;
}

export interface CostByMonth {
  definition: { id: string; version: number };
  year: number;
  months: number[];
  rows: SuppressedRow[];
  totals: SuppressedTotals;
}

export const WITHIN = ['1d', '1w', '1m', '2m', '3m', '6m', '9m', '12m'] as const;

export interface OfferDistribution {
  definition: { id: string; version: number };
  pathways: number;
  withOffer: number | null;
  noOffer: number | null;
  within: Record<(typeof WITHIN)[number], number | null>;
  meanWeeks: number | null;
}

export interface PathwayKpis {
  year: number;
  timeToFirstIntervention: OfferDistribution;
  timeToFirstBusinessDirected: OfferDistribution;
  pyramid: {
    definition: { id: string; version: number };
    day: string;
    interventions: number | null;
    levels: { level: number; interventions: number | null; citizens: number | null; share: number | null }[];
  };
  flow: {
    definition: { id: string; version: number };
    months: { month: number; inflow: number | null; outflow: number | null }[];
    inflow: number | null;
    outflow: number | null;
  };
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

/** A count the server may hide (fewer than 5 citizens, or to protect another hidden cell). */
export interface CountCell {
  citizens: number | null;
  hidden: 'small' | 'dominance' | 'complementary' | null;
}

export interface CountTable {
  rows: { unit: { id: string; name: string } | null; cells: CountCell[]; total: CountCell }[];
  totals: { cells: CountCell[]; total: CountCell };
}

/** Citizens' latest GAS T-score and its change from baseline, in bands, per coordinator's unit. */
export interface GasDistribution {
  definition: { id: string; version: number };
  year: number;
  scoreBands: ('below40' | 'from40to50' | 'from50to60' | 'from60')[];
  changeBands: ('fell' | 'from0to5' | 'from5to10' | 'from10')[];
  scores: CountTable;
  changes: CountTable;
}

export function useGasDistribution(filter: AnalyticsFilter): UseQueryResult<GasDistribution> {
  return useAnalytics('/api/analytics/gas-distribution', filterQuery(filter, ['year']));
}
