import { z } from 'zod';

/**
 * How a pathway ended, as a code beside the caseworker's own words (decision 0025): the outcomes
 * the national labour-market statistics count (ordinary job, education, flex job, disability
 * pension) and one for every other ending (moved, died, another pathway took over). A pathway
 * that has not ended is "still in pathway"; that is the figure's state, not a code anyone records.
 * The same list is a CHECK constraint in migration 038.
 */
export const PATHWAY_OUTCOMES = ['job', 'education', 'flex-job', 'disability-pension', 'other'] as const;
export type PathwayOutcome = (typeof PATHWAY_OUTCOMES)[number];

/** The outcome field of a pathway's end: an unknown code is refused, naming it and the codes. */
export const pathwayOutcomeSchema = z.enum(PATHWAY_OUTCOMES, {
  error: (issue) =>
    `${JSON.stringify(issue.input)} is not an outcome code; use one of ${PATHWAY_OUTCOMES.join(', ')}`,
});
