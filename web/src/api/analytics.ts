import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type {
  CostByMonth,
  CostConcentration,
  CostTable,
  GasDistribution,
  PathwayKpis,
} from '../../../src/domain/analytics/analytics.responses.js';
import type { SteeringKpis } from '../../../src/domain/analytics/steering.responses.js';
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
export type { SteeringKpis } from '../../../src/domain/analytics/steering.responses.js';

/** The management figures' filters, as query parameters. */
export interface AnalyticsFilter {
  year: number;
  sector?: string;
  budgetArea?: string;
  pathwayType?: string;
  /** The citizens' coordinating unit (id). */
  unit?: string;
  /** The age the citizens reach in the year (src/domain/analytics/citizen-groups.ts). */
  ageGroup?: string;
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

const COST_KEYS = ['year', 'sector', 'budgetArea', 'unit', 'ageGroup'] as const;

const PATHWAY_KEYS = ['year', 'pathwayType', 'unit', 'ageGroup'] as const;
const GAS_KEYS = ['year', 'unit', 'ageGroup'] as const;
/** The surveys are narrowed to their own unit only: they have no year and no citizens. */
export const COLLABORATION_KEYS = ['unit'] as const;
export { PATHWAY_KEYS };

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
  return useAnalytics('/api/analytics/pathways', filterQuery(filter, PATHWAY_KEYS));
}

/** The management tables that can be exported, each with the filters its figure takes. */
const EXPORT_KEYS = {
  'cost-concentration': COST_KEYS,
  lorenz: COST_KEYS,
  'top-groups': COST_KEYS,
  'cost-table': COST_KEYS,
  'cost-by-month': COST_KEYS,
  'time-to-offer': PATHWAY_KEYS,
  'activity-pyramid': PATHWAY_KEYS,
  'pathway-flow': PATHWAY_KEYS,
  activation: PATHWAY_KEYS,
  'pathway-spells': PATHWAY_KEYS,
  'period-counts': PATHWAY_KEYS,
  'pathway-outcomes': PATHWAY_KEYS,
  'gas-scores': GAS_KEYS,
  'gas-changes': GAS_KEYS,
  'coordination-flags': PATHWAY_KEYS,
  'coordination-open-flags': PATHWAY_KEYS,
  'coordination-summary': PATHWAY_KEYS,
  referrals: PATHWAY_KEYS,
  'referral-answers': PATHWAY_KEYS,
  'collaboration-ties': COLLABORATION_KEYS,
  'quality-indicators': COLLABORATION_KEYS,
} as const satisfies Record<string, readonly (keyof AnalyticsFilter)[]>;
export type ExportFigure = keyof typeof EXPORT_KEYS;

/**
 * Where a management table's export is downloaded: a plain link, so the server makes the file
 * from the same suppressed figure and audits it (never a file built in the browser).
 */
export function figureExportUrl(
  figure: ExportFigure,
  filter: AnalyticsFilter,
  format: 'csv' | 'xlsx',
): string {
  return `/api/analytics/${figure}/export?${filterQuery(filter, EXPORT_KEYS[figure])}&format=${format}`;
}

export function useSteeringKpis(filter: AnalyticsFilter): UseQueryResult<SteeringKpis> {
  return useAnalytics('/api/analytics/steering', filterQuery(filter, PATHWAY_KEYS));
}

export function useGasDistribution(filter: AnalyticsFilter): UseQueryResult<GasDistribution> {
  return useAnalytics('/api/analytics/gas-distribution', filterQuery(filter, GAS_KEYS));
}
