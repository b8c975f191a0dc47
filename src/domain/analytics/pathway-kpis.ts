import { MIN_CELL_CITIZENS } from './concentration.js';
import { type CellFigures, suppress } from './suppression.js';
import { addDays, addMonths, daysBetween } from '../calendar.js';

/**
 * Pathway KPIs with versioned definitions: every figure names the definition that produced it
 * (`id@version`); a change of definition gets a new version and never rewrites what an old one
 * said. The definitions, in words, are DEFINITIONS[…].text (also in the user guide).
 */
export interface Definition {
  id: string;
  version: number;
  text: string;
}

export const DEFINITIONS = {
  timeToFirstIntervention: {
    id: 'time-to-first-intervention',
    version: 1,
    text: 'Pathways started in the period; time from the pathway start to the start of the first intervention for the citizen starting on or after it (planned ones included once they have a start date, as the offer is given). Shares are cumulative within 1 day, 1 week and 1, 2, 3, 6, 9, 12 calendar months; mean in weeks over those with an offer. Pathways with no offer yet are counted apart.',
  },
  timeToFirstBusinessDirected: {
    id: 'time-to-first-business-directed',
    version: 1,
    text: 'As time-to-first-intervention@1, counting only business-directed (virksomhedsrettede) interventions.',
  },
  activityPyramid: {
    id: 'activity-pyramid',
    version: 2,
    text: 'As activity-pyramid@1; with a pathway type, only the interventions of citizens in a pathway of that type on the day (any of their interventions, inside the pathway or not).',
  },
  pathwayFlow: {
    id: 'pathway-flow',
    version: 1,
    text: 'Inflow: pathways started in the month. Outflow: pathways ended in the month. Months with 1–4 pathways are hidden with their complements.',
  },
} as const satisfies Record<string, Definition>;

export const WITHIN = ['1d', '1w', '1m', '2m', '3m', '6m', '9m', '12m'] as const;
export type Within = (typeof WITHIN)[number];

/** One pathway's start and its first offer (null: none yet), ISO days. */
export interface PathwayOffer {
  start: string;
  firstOffer: string | null;
}

export interface OfferDistribution {
  definition: { id: string; version: number };
  pathways: number;
  /** Null when it or the no-offer count is 1–4 (either would give the other away). */
  withOffer: number | null;
  noOffer: number | null;
  /**
   * Cumulative share of the pathways with an offer within each limit. Null when fewer than five
   * have an offer, or when showing it would single out 1–4 pathways: the ones between it and the
   * previous limit shown, or the ones after it.
   */
  within: Record<Within, number | null>;
  meanWeeks: number | null;
}

/** A count of citizens that may be shown: none, or five and more. */
const showable = (count: number): boolean => count === 0 || count >= MIN_CELL_CITIZENS;

/** The last day each limit allows for a pathway starting on `start`. */
function limitDay(start: string, limit: Within): string {
  switch (limit) {
    case '1d':
      return addDays(start, 1);
    case '1w':
      return addDays(start, 7);
    default:
      return addMonths(start, Number(limit.slice(0, -1)));
  }
}

/**
 * The distribution of time to the first offer. Shares are of the pathways with an offer (as the
 * national statistics publish them); those without are counted apart, never dropped.
 */
export function offerDistribution(
  offers: readonly PathwayOffer[],
  definition: { id: string; version: number },
): OfferDistribution {
  const withOffer = offers.filter((offer) => offer.firstOffer !== null);
  const noOffer = offers.length - withOffer.length;
  const shown = withOffer.length >= MIN_CELL_CITIZENS;
  // Shares step from limit to limit; a step of 1–4 pathways (or 1–4 left after a limit) would
  // show a small group, so such a limit is hidden and its pathways fall into the next one shown.
  let lastShownCount = 0;
  const within = Object.fromEntries(
    WITHIN.map((limit) => {
      if (!shown) return [limit, null];
      const count = withOffer.filter(
        (offer) => (offer.firstOffer as string) <= limitDay(offer.start, limit),
      ).length;
      if (!showable(count - lastShownCount) || !showable(withOffer.length - count)) return [limit, null];
      lastShownCount = count;
      return [limit, Math.round((count / withOffer.length) * 10_000) / 10_000];
    }),
  ) as Record<Within, number | null>;
  const weeks = withOffer.map((offer) => daysBetween(offer.start, offer.firstOffer as string) / 7);
  // The number of pathways is shown (the flow shows it too), so the two parts are shown together
  // or not at all: one of them hidden alone would be the total minus the other.
  const partsShown = showable(withOffer.length) && showable(noOffer);
  return {
    definition: { id: definition.id, version: definition.version },
    pathways: offers.length,
    withOffer: partsShown ? withOffer.length : null,
    noOffer: partsShown ? noOffer : null,
    within,
    meanWeeks: shown ? Math.round((weeks.reduce((a, b) => a + b, 0) / weeks.length) * 10) / 10 : null,
  };
}

/** The pyramid's first definition, which took no pathway type (kept: the history is never rewritten). */
export const ACTIVITY_PYRAMID_V1: Definition = {
  id: 'activity-pyramid',
  version: 1,
  text: 'Interventions under way on the day (status active, started, not ended), and the distinct citizens receiving them, by the level of their type in the activity pyramid (1 own effort … 5 specialised).',
};

/** A shown count or null when privacy hides it. */
export type Shown = number | null;

const counted = (citizens: number, additive: number): CellFigures => ({
  citizens,
  amount: additive,
  largest: 0,
  secondLargest: 0,
});

/**
 * The activity pyramid: per level the interventions under way and the citizens receiving them;
 * a level with 1–4 citizens is hidden with a complement, so the total cannot give it away.
 */
export function pyramidDistribution(
  rows: readonly { level: number; interventions: number; citizens: number }[],
) {
  const levels = [1, 2, 3, 4, 5].map(
    (level) => rows.find((row) => row.level === level) ?? { level, interventions: 0, citizens: 0 },
  );
  const interventions = levels.reduce((sum, row) => sum + row.interventions, 0);
  const cells = [levels.map((row) => counted(row.citizens, row.interventions))];
  const total = counted(Math.max(0, ...levels.map((row) => row.citizens)), interventions);
  const pattern = suppress({ cells, rowTotals: [total], columnTotals: cells[0] as CellFigures[], total });
  const totalHidden = pattern[0]?.[levels.length] !== null || pattern[1]?.[levels.length] !== null;
  return {
    definition: { id: DEFINITIONS.activityPyramid.id, version: DEFINITIONS.activityPyramid.version },
    interventions: totalHidden ? null : interventions,
    levels: levels.map((row, index) => {
      const hidden = pattern[0]?.[index] !== null || pattern[1]?.[index] !== null;
      return {
        level: row.level,
        interventions: hidden ? null : row.interventions,
        citizens: hidden ? null : row.citizens,
        share:
          hidden || totalHidden || interventions === 0
            ? null
            : Math.round((row.interventions / interventions) * 10_000) / 10_000,
      };
    }),
  };
}

/** Inflow and outflow per month, small months hidden with their complements (the year totals shown where safe). */
export function flowByMonth(rows: readonly { month: number; inflow: number; outflow: number }[]) {
  const inflow = rows.map((row) => counted(row.inflow, row.inflow));
  const outflow = rows.map((row) => counted(row.outflow, row.outflow));
  const sum = (cells: CellFigures[]) => cells.reduce((total, cell) => total + cell.citizens, 0);
  const columnTotals = rows.map((row) => counted(row.inflow + row.outflow, row.inflow + row.outflow));
  const rowTotals = [counted(sum(inflow), sum(inflow)), counted(sum(outflow), sum(outflow))];
  const total = counted(sum(inflow) + sum(outflow), sum(inflow) + sum(outflow));
  const pattern = suppress({ cells: [inflow, outflow], rowTotals, columnTotals, total });
  const shown = (row: number, column: number, value: number): Shown =>
    pattern[row]?.[column] === null ? value : null;
  return {
    definition: { id: DEFINITIONS.pathwayFlow.id, version: DEFINITIONS.pathwayFlow.version },
    months: rows.map((row, index) => ({
      month: row.month,
      inflow: shown(0, index, row.inflow),
      outflow: shown(1, index, row.outflow),
    })),
    inflow: shown(0, rows.length, sum(inflow)),
    outflow: shown(1, rows.length, sum(outflow)),
  };
}
