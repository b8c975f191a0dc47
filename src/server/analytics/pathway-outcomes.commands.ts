import type { CitizenGroup } from '../../domain/analytics/citizen-groups.js';
import { pathwayOutcomes } from '../../domain/analytics/pathway-outcomes.js';
import type { PathwayOutcomes } from '../../domain/analytics/pathway-outcomes.responses.js';
import { danishToday } from '../../domain/calendar.js';
import { outcomePathways } from '../../db/queries/pathway-outcomes.queries.js';
import type { AppContext } from '../context.js';

/** How many years of ending the outcome figure shows, the chosen one last (as the counts per period). */
export const OUTCOME_YEARS = 5;

/** The outcomes of pathways for the chosen year and the four before (pathway-outcomes.ts). */
export async function pathwayOutcomesOfYear(
  context: AppContext,
  municipalityId: string,
  query: { year: number; pathwayType?: string | undefined } & CitizenGroup,
  now: Date = new Date(),
): Promise<PathwayOutcomes> {
  const today = danishToday(now);
  const yearEnd = `${query.year}-12-31`;
  const referenceDay = yearEnd < today ? yearEnd : today;
  const fromYear = query.year - OUTCOME_YEARS + 1;
  const pathways = await outcomePathways(
    context.database.db,
    { municipalityId, ...query },
    fromYear,
    referenceDay,
  );
  const years = Array.from({ length: OUTCOME_YEARS }, (_, index) => fromYear + index);
  return {
    year: query.year,
    pathwayType: query.pathwayType ?? null,
    ...pathwayOutcomes(pathways, years, referenceDay),
  };
}
