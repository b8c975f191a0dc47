import { CONCENTRATION_DEFINITION } from './concentration.js';
import { COST_BY_MONTH_DEFINITION, COST_TABLE_DEFINITION } from './cost-table.js';
import { GAS_DISTRIBUTION_DEFINITION } from './gas-distribution.js';
import { COLLABORATION_DEFINITION_HISTORY } from './collaboration-figures.js';
import { COORDINATION_DEFINITION_HISTORY } from './coordination-figures.js';
import { ACTIVITY_PYRAMID_V1, DEFINITIONS, type Definition } from './pathway-kpis.js';
import { STEERING_DEFINITION_HISTORY } from './steering-kpis.js';
import { PATHWAY_OUTCOMES_DEFINITION } from './pathway-outcomes.js';

/**
 * Every definition a management figure has been made by, every version, oldest first: what
 * GET /api/analytics/definitions lists, so a figure's `id@version` can always be looked up. A
 * new version is added here beside the old one, never in its place.
 */
export const FIGURE_DEFINITION_HISTORY: readonly Definition[] = [
  {
    ...CONCENTRATION_DEFINITION,
    text: "Citizens with a positive attributable cost in the year (cost entries by the month their period starts). Shares: the part of the year's cost carried by the most expensive 1, 5, 10 and 20 % (whole citizens plus the boundary one's fraction); Gini and the Lorenz curve over the same costs.",
  },
  {
    ...COST_TABLE_DEFINITION,
    text: 'The cost of the year per budget area and concentration band (top 1 %, next 4 %, 5 %, 10 %, the other 80 %, by total cost); cells of 1–4 citizens or dominated by one or two (85 %) hidden, with complements.',
  },
  {
    ...COST_BY_MONTH_DEFINITION,
    text: 'The cost of the year per budget area and month its period starts in; hidden cells as in cost-by-area-and-band@1.',
  },
  ACTIVITY_PYRAMID_V1,
  ...Object.values(DEFINITIONS),
  ...STEERING_DEFINITION_HISTORY,
  {
    ...GAS_DISTRIBUTION_DEFINITION,
    text: "Citizens by their latest GAS T-score in the year and its change from their baseline, in bands, per coordinator's unit; small cells hidden with complements; never per professional.",
  },
  ...COORDINATION_DEFINITION_HISTORY,
  ...COLLABORATION_DEFINITION_HISTORY,
  PATHWAY_OUTCOMES_DEFINITION,
];
