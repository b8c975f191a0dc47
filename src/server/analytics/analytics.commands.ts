import { concentration, TOP_FRACTIONS } from '../../domain/analytics/concentration.js';
import { costByMonthOfCitizens, costTableOfRanked } from '../../domain/analytics/cost-table.js';
import { topGroups } from '../../domain/analytics/top-groups.js';
import { BUDGET_AREAS } from '../../domain/organisation/budget-areas.js';
import { danishToday } from '../../domain/calendar.js';
import {
  DEFINITIONS,
  flowByMonth,
  offerDistribution,
  pyramidDistribution,
} from '../../domain/analytics/pathway-kpis.js';
import {
  type CostFilter,
  citizenCosts,
  coordinatorUnits,
  gasFollowUpsOfYear,
  unitNames,
  monthlyAreaCosts,
  pathwayFlow,
  pathwayOffers,
  pyramidCounts,
  rankedAreaCosts,
  topCitizens,
} from '../../db/queries/analytics.queries.js';
import { danishYear, gasDistribution } from '../../domain/analytics/gas-distribution.js';
import type { GasRecord } from '../../domain/measures/gas.js';
import type { AppContext } from '../context.js';
import {
  activationFigures,
  periodCounts,
  spellDurations,
  spellsOf,
} from '../../domain/analytics/steering-kpis.js';
import { activationRows, pathwayPeriods, periodCountRows } from '../../db/queries/steering.queries.js';

/** How many years the counts per period go back, the chosen one included. */
const PERIOD_YEARS = 5;
import type { CitizenGroup } from '../../domain/analytics/citizen-groups.js';

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
  const today = danishToday(now);
  const yearEnd = `${filter.year}-12-31`;
  const referenceDay = yearEnd < today ? yearEnd : today;
  const { citizens: n, top: ranked } = await topCitizens(db, filter, TOP_FRACTIONS.top20, referenceDay);
  return { citizens: n, referenceDay, groups: topGroups(n, ranked) };
}

/** Budget areas × concentration bands, suppressed for privacy. */
export async function costByAreaAndBand(context: AppContext, filter: CostFilter) {
  const ranked = await rankedAreaCosts(context.database.db, filter);
  const present = new Set(ranked.flatMap((costs) => costs.map((cost) => cost.area)));
  const areas = filter.budgetArea ? [filter.budgetArea] : BUDGET_AREAS.filter((area) => present.has(area));
  return costTableOfRanked(ranked, areas);
}

/** Pathway KPIs of a year: time to first (business-directed) offer, the activity pyramid, inflow and outflow. */
export async function pathwayKpis(
  context: AppContext,
  municipalityId: string,
  query: { year: number; pathwayType?: string | undefined } & CitizenGroup,
  now: Date = new Date(),
) {
  const { year, pathwayType } = query;
  const { db } = context.database;
  const today = danishToday(now);
  const yearEnd = `${year}-12-31`;
  const day = yearEnd < today ? yearEnd : today;
  const [offers, pyramid, flow] = await Promise.all([
    pathwayOffers(db, municipalityId, year, pathwayType, query),
    pyramidCounts(db, municipalityId, day, query, pathwayType),
    pathwayFlow(db, municipalityId, year, pathwayType, query),
  ]);
  // An offer dated after today has not been given yet.
  const given = (offer: string | null) => (offer !== null && offer <= today ? offer : null);
  return {
    year,
    pathwayType: pathwayType ?? null,
    timeToFirstIntervention: offerDistribution(
      offers.map((row) => ({ start: row.start, firstOffer: given(row.first_any) })),
      DEFINITIONS.timeToFirstIntervention,
    ),
    timeToFirstBusinessDirected: offerDistribution(
      offers.map((row) => ({ start: row.start, firstOffer: given(row.first_business) })),
      DEFINITIONS.timeToFirstBusinessDirected,
    ),
    pyramid: { day, ...pyramidDistribution(pyramid) },
    flow: flowByMonth(flow),
  };
}

/** Who pays for the group over the year: budget areas × months, suppressed for privacy. */
export async function costByAreaAndMonth(context: AppContext, filter: CostFilter) {
  const citizens = await monthlyAreaCosts(context.database.db, filter);
  // The areas with a positive amount in some month, as the figure shows them.
  const present = new Set<string>();
  for (const costs of citizens)
    for (const cost of costs) if (cost.months.some((amount) => amount > 0)) present.add(cost.area);
  const areas = filter.budgetArea ? [filter.budgetArea] : BUDGET_AREAS.filter((area) => present.has(area));
  return costByMonthOfCitizens(citizens, areas);
}

/**
 * The GAS distribution of a year per coordinator's unit (rows by unit name; citizens without a
 * coordinator last), suppressed. Reads no professional beyond the coordinator's unit.
 */
export async function gasDistributionOfYear(
  context: AppContext,
  municipalityId: string,
  year: number,
  group: CitizenGroup = {},
) {
  const { db } = context.database;
  const { from, until } = danishYear(year);
  const [followUps, coordinators, units] = await Promise.all([
    gasFollowUpsOfYear(db, municipalityId, from, until, { year, ...group }),
    coordinatorUnits(db, municipalityId),
    unitNames(db, municipalityId),
  ]);
  const unitOf = new Map<string, string>();
  for (const row of coordinators) if (!unitOf.has(row.citizenId)) unitOf.set(row.citizenId, row.unitId);
  const byCitizen = new Map<string, GasRecord[]>();
  for (const row of followUps) {
    const records = byCitizen.get(row.citizenId) ?? [];
    records.push({
      subGoalId: row.subGoalId,
      level: row.level,
      at: row.at.toISOString(),
      weight: row.weight,
    });
    byCitizen.set(row.citizenId, records);
  }
  const present = new Set([...byCitizen.keys()].map((id) => unitOf.get(id) ?? null));
  const rows: ({ id: string; name: string } | null)[] = units.filter((unit) => present.has(unit.id));
  if (present.has(null)) rows.push(null);
  const rowOf = new Map(rows.map((unit, index) => [unit?.id ?? null, index]));
  const citizens = [...byCitizen].map(([citizenId, records]) => ({
    row: rowOf.get(unitOf.get(citizenId) ?? null) as number,
    records,
  }));
  return {
    year,
    units: rows,
    ...gasDistribution(citizens, rows.length, from.toISOString(), until.toISOString()),
  };
}

/** The steering KPIs of a year: activation, spell durations, counts per year with changes (steering-kpis.ts). */
export async function steeringKpis(
  context: AppContext,
  municipalityId: string,
  query: { year: number; pathwayType?: string | undefined } & CitizenGroup,
  now: Date = new Date(),
) {
  const { db } = context.database;
  const today = danishToday(now);
  const yearEnd = `${query.year}-12-31`;
  const referenceDay = yearEnd < today ? yearEnd : today;
  const scope = { municipalityId, ...query };
  const [activation, periods, counts] = await Promise.all([
    activationRows(db, scope, referenceDay),
    pathwayPeriods(db, scope),
    periodCountRows(db, scope, query.year - PERIOD_YEARS + 1, referenceDay),
  ]);
  return {
    year: query.year,
    referenceDay,
    pathwayType: query.pathwayType ?? null,
    activation: activationFigures(activation),
    spells: spellDurations(spellsOf(periods), query.year, referenceDay),
    periodCounts: periodCounts(counts),
  };
}
