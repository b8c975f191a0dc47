/**
 * The groups of citizens a management figure can be narrowed to, the same for every figure, its
 * chart, its table and its export:
 * - unit: the citizen's coordinating unit now (the unit of the plan's current coordinator, as the
 *   GAS distribution counts them);
 * - age group: the age the citizen reaches in the figure's year (year − birth year, as the
 *   national statistics count "age at the end of the year"), from the birth part of the CPR
 *   number. The birth part has a two-digit year: one not after the figure's year's is 20xx,
 *   otherwise 19xx.
 * Suppression runs after the narrowing, so a narrowed figure hides its own small cells.
 */
export const AGE_GROUPS = ['under30', 'from30to39', 'from40to49', 'from50to59', 'from60'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** The ages (inclusive) of a group; max null: no upper limit. */
export const AGE_GROUP_BOUNDS: Record<AgeGroup, { min: number; max: number | null }> = {
  under30: { min: 0, max: 29 },
  from30to39: { min: 30, max: 39 },
  from40to49: { min: 40, max: 49 },
  from50to59: { min: 50, max: 59 },
  from60: { min: 60, max: null },
};

/** The birth year of a DDMMYY birth part, seen from `year`. */
export function birthYear(birthPart: string, year: number): number {
  const yy = Number(birthPart.slice(4, 6));
  return yy <= year % 100 ? 2000 + yy : 1900 + yy;
}

/** The age group of someone with this birth part in `year`. */
export function ageGroupOf(birthPart: string, year: number): AgeGroup {
  const age = year - birthYear(birthPart, year);
  return AGE_GROUPS.find((group) => {
    const { min, max } = AGE_GROUP_BOUNDS[group];
    return age >= min && (max === null || age <= max);
  }) as AgeGroup;
}

/** The birth years (inclusive) of an age group in `year`; earliest null: no limit. */
export function birthYearsOf(group: AgeGroup, year: number): { earliest: number | null; latest: number } {
  const { min, max } = AGE_GROUP_BOUNDS[group];
  return { earliest: max === null ? null : year - max, latest: year - min };
}

/** A figure's narrowing to a group of citizens (none given: all citizens). */
export interface CitizenGroup {
  unit?: string | undefined;
  ageGroup?: AgeGroup | undefined;
}
