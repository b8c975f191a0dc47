import type { AnalyticsFilter } from '../../api/analytics.js';
import { AGE_GROUPS, BUDGET_AREAS, PATHWAY_TEMPLATE_CODES, SECTOR_LABELS } from '../../domain.js';

/** The address keys of the management filters (Danish, like the rest of the app's addresses). */
const KEYS = {
  year: 'aar',
  sector: 'sektor',
  budgetArea: 'budgetomraade',
  pathwayType: 'forloebstype',
  unit: 'enhed',
  ageGroup: 'aldersgruppe',
} as const satisfies Record<keyof AnalyticsFilter, string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The years the page offers: this year and the two before it. */
export function offeredYears(thisYear: number): number[] {
  return [thisYear, thisYear - 1, thisYear - 2];
}

/**
 * The filter the address asks for. A value the page does not offer (an old bookmark, a typo)
 * falls back to "all" (or this year) rather than asking the server for figures nobody can choose.
 */
export function filterFromSearch(params: URLSearchParams, thisYear: number): AnalyticsFilter {
  const year = Number(params.get(KEYS.year));
  const pick = (key: keyof typeof KEYS, allowed: readonly string[]) => {
    const value = params.get(KEYS[key]);
    return value !== null && allowed.includes(value) ? value : undefined;
  };
  const sector = pick('sector', Object.keys(SECTOR_LABELS));
  const budgetArea = pick('budgetArea', BUDGET_AREAS);
  const pathwayType = pick('pathwayType', PATHWAY_TEMPLATE_CODES);
  const ageGroup = pick('ageGroup', AGE_GROUPS);
  // The units arrive later than the address is read: any id-shaped unit is taken as asked.
  const unitParam = params.get(KEYS.unit);
  const unit = unitParam !== null && UUID.test(unitParam) ? unitParam : undefined;
  return {
    year: offeredYears(thisYear).includes(year) ? year : thisYear,
    ...(sector ? { sector } : {}),
    ...(budgetArea ? { budgetArea } : {}),
    ...(pathwayType ? { pathwayType } : {}),
    ...(unit ? { unit } : {}),
    ...(ageGroup ? { ageGroup } : {}),
  };
}

/** The address of a filter ("?aar=2026&budgetomraade=…"), so a figure's link is a plain link. */
export function searchOfFilter(filter: AnalyticsFilter): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(KEYS) as (keyof AnalyticsFilter)[]) {
    const value = filter[key];
    if (value !== undefined && value !== '') params.set(KEYS[key], String(value));
  }
  return `?${params.toString()}`;
}
