/** Budget areas costs are booked to (the municipality's chart of accounts, simplified). */
export const BUDGET_AREAS = [
  'Forsørgelse',
  'Beskæftigelsesindsats',
  'Socialpsykiatri',
  'Misbrug',
  'Handicap',
  'Botilbud',
  'Hjemmepleje',
  'Sundhed',
  'Uddannelse',
  'Boligsocialt arbejde',
  'Frivillighed',
] as const;

export type BudgetArea = (typeof BUDGET_AREAS)[number];
