import { concentration, TOP_FRACTIONS, topGroupSize } from '../../domain/analytics/concentration.js';
import { topGroups } from '../../domain/analytics/top-groups.js';
import { danishToday } from '../../domain/plan/attention.js';
import { type CostFilter, citizenCosts, topCitizens } from '../../db/queries/analytics.queries.js';
import type { AppContext } from '../context.js';

/** The cost concentration of a year (optionally of one sector or budget area). */
export async function costConcentration(context: AppContext, filter: CostFilter) {
  return concentration(await citizenCosts(context.database.db, filter));
}

/**
 * Who the most expensive citizens are in contact with: for each top group, how many have
 * 2+ sectors and how many interventions they have at once (on the last day of the year, or
 * today for the current year).
 */
export async function costTopGroups(context: AppContext, filter: CostFilter, now: Date = new Date()) {
  const { db } = context.database;
  const n = (await citizenCosts(db, filter)).length;
  const today = danishToday(now);
  const yearEnd = `${filter.year}-12-31`;
  const referenceDay = yearEnd < today ? yearEnd : today;
  const ranked = await topCitizens(db, filter, topGroupSize(n, TOP_FRACTIONS.top20), referenceDay);
  return { citizens: n, referenceDay, groups: topGroups(n, ranked) };
}
