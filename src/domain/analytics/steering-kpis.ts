import { addDays, daysBetween } from '../calendar.js';
import { MIN_CELL_CITIZENS } from './concentration.js';
import type { Definition } from './pathway-kpis.js';
import { type CellFigures, suppress } from './suppression.js';

/**
 * The steering KPIs beside the pathway KPIs (pathway-kpis.ts), each with a versioned definition:
 * activation (its rate and its business-directed share), the durations of pathway spells, and
 * counts per year with their changes. Each says which definition made it; a change of
 * definition gets a new version, and STEERING_DEFINITION_HISTORY keeps every version's text.
 */
export const STEERING_DEFINITIONS = {
  activation: {
    id: 'activation',
    version: 1,
    text: 'Activation: an intervention of a type that is business-directed, or of the employment sector in category job or education at pyramid level 4 or 5 (an offer, not own effort or network). Its days in the year are the days it was under way (status not planned), up to the reference day. Activation rate: of the citizens with a pathway under way some day of the year, the share with activation days in the year. Business-directed share: of the activation days in the year of those citizens, the share in business-directed interventions.',
  },
  pathwaySpells: {
    id: 'pathway-spells',
    version: 1,
    text: "A spell is a citizen's continuous days in pathways: pathways that overlap or follow each other without a free day are one spell, whatever type or other attribute changes during it. Duration: days from the spell's first to its last day, both counted (an open spell up to the reference day). Each citizen counts once per row: her latest spell ended in the year, or her spell open on the reference day.",
  },
  periodCounts: {
    id: 'period-counts',
    version: 1,
    text: 'Per calendar year: pathways started, pathways ended, and citizens with a pathway under way some day of the year. Change: absolute and in per cent from the year before; the latest year is the chosen one, up to the reference day. A count of 1–4 is hidden, and so is every change computed from it.',
  },
} as const satisfies Record<string, Definition>;

/** Every version any steering definition has had, oldest first (none is ever rewritten). */
export const STEERING_DEFINITION_HISTORY: readonly Definition[] = Object.values(STEERING_DEFINITIONS);

const showable = (count: number): boolean => count === 0 || count >= MIN_CELL_CITIZENS;
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const ref = (definition: Definition) => ({ id: definition.id, version: definition.version });

/** One citizen with a pathway in the year: her activation days, and how many were business-directed. */
export interface ActivationRow {
  activationDays: number;
  businessDays: number;
}

/**
 * The activation rate and the business-directed share. Shown only when the counts they are made
 * of are 0 or 5+ each, so neither share singles out 1–4 citizens (nor do their complements).
 */
export function activationFigures(rows: readonly ActivationRow[]) {
  const citizens = rows.length;
  const activated = rows.filter((row) => row.activationDays > 0);
  const withBusiness = activated.filter((row) => row.businessDays > 0).length;
  const activationDays = activated.reduce((sum, row) => sum + row.activationDays, 0);
  const businessDays = activated.reduce((sum, row) => sum + row.businessDays, 0);
  const rateShown =
    citizens >= MIN_CELL_CITIZENS && showable(activated.length) && showable(citizens - activated.length);
  const shareShown =
    activated.length >= MIN_CELL_CITIZENS &&
    showable(withBusiness) &&
    showable(activated.length - withBusiness);
  return {
    definition: ref(STEERING_DEFINITIONS.activation),
    citizens: citizens >= MIN_CELL_CITIZENS || citizens === 0 ? citizens : null,
    activated: rateShown ? activated.length : null,
    activationRate: rateShown && citizens > 0 ? round4(activated.length / citizens) : null,
    businessDirectedShare: shareShown && activationDays > 0 ? round4(businessDays / activationDays) : null,
  };
}

/** A pathway of one citizen, ISO days (end null: open). */
export interface PathwayPeriod {
  citizen: string;
  start: string;
  end: string | null;
  /** Whether it counts for the filter (e.g. of the chosen type): a spell counts if one of its pathways does. */
  matches: boolean;
}

export interface Spell {
  citizen: string;
  start: string;
  /** null: open on the reference day. */
  end: string | null;
  matches: boolean;
}

/** The citizens' spells: pathways that overlap or follow each other with no free day are merged. */
export function spellsOf(periods: readonly PathwayPeriod[]): Spell[] {
  const sorted = [...periods].sort((a, b) =>
    a.citizen === b.citizen ? a.start.localeCompare(b.start) : a.citizen.localeCompare(b.citizen),
  );
  const spells: Spell[] = [];
  for (const period of sorted) {
    const last = spells.at(-1);
    const joins =
      last !== undefined &&
      last.citizen === period.citizen &&
      (last.end === null || period.start <= addDays(last.end, 1));
    if (last && joins) {
      if (last.end !== null) last.end = period.end === null || period.end > last.end ? period.end : last.end;
      last.matches ||= period.matches;
    } else spells.push({ ...period });
  }
  return spells;
}

/** Duration bands of a spell, in days: under 3 months, 3–6, 6–12, 12–24 months, 2 years and more. */
export const SPELL_BANDS = ['under91', 'from91to182', 'from183to365', 'from366to730', 'from731'] as const;
const BAND_LIMITS = [91, 183, 366, 731];

/** Days of a spell, first and last day both counted. */
export const spellDays = (start: string, end: string): number => daysBetween(start, end) + 1;
const bandOfDays = (days: number) => BAND_LIMITS.filter((limit) => days >= limit).length;

/**
 * Durations of spells as a table: ended in the year, and open on the reference day, by band,
 * small cells hidden with complements (suppression.ts). Mean and median weeks per row when shown.
 */
export function spellDurations(spells: readonly Spell[], year: number, referenceDay: string) {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const latestEnded = new Map<string, number>();
  const open = new Map<string, number>();
  for (const spell of spells) {
    if (!spell.matches || spell.start > referenceDay) continue;
    // The reference day is in the year (its last day, or today), so an open spell is open in it.
    if (spell.end === null || spell.end > referenceDay)
      open.set(spell.citizen, spellDays(spell.start, referenceDay));
    else if (spell.end >= yearStart && spell.end <= yearEnd)
      latestEnded.set(spell.citizen, spellDays(spell.start, spell.end));
  }
  const endedDays = [...latestEnded.values()];
  const openDays = [...open.values()];
  const rowsOfDays = [endedDays, openDays];
  const counted = (citizens: number): CellFigures => ({ citizens, amount: 0, largest: 0, secondLargest: 0 });
  const cells = rowsOfDays.map((days) =>
    SPELL_BANDS.map((_, band) => counted(days.filter((value) => bandOfDays(value) === band).length)),
  );
  const rowTotals = rowsOfDays.map((days) => counted(days.length));
  const columnTotals = SPELL_BANDS.map((_, band) =>
    counted((cells[0]?.[band]?.citizens ?? 0) + (cells[1]?.[band]?.citizens ?? 0)),
  );
  const total = counted(endedDays.length + openDays.length);
  const pattern = suppress({ cells, rowTotals, columnTotals, total });
  const shown = (row: number, column: number, value: number) => (pattern[row]?.[column] ? null : value);
  const weeks = (days: number[]) => {
    if (days.length < MIN_CELL_CITIZENS) return { meanWeeks: null, medianWeeks: null };
    const sorted = [...days].sort((a, b) => a - b);
    const middle = sorted.length / 2;
    const median =
      sorted.length % 2
        ? (sorted[Math.floor(middle)] as number)
        : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
    const mean = days.reduce((a, b) => a + b, 0) / days.length;
    return { meanWeeks: Math.round((mean / 7) * 10) / 10, medianWeeks: Math.round((median / 7) * 10) / 10 };
  };
  return {
    definition: ref(STEERING_DEFINITIONS.pathwaySpells),
    referenceDay,
    bands: [...SPELL_BANDS],
    rows: (['ended', 'open'] as const).map((kind, row) => ({
      kind,
      cells: SPELL_BANDS.map((_, band) => shown(row, band, cells[row]?.[band]?.citizens ?? 0)),
      total: shown(row, SPELL_BANDS.length, rowTotals[row]?.citizens ?? 0),
      ...weeks(rowsOfDays[row] as number[]),
    })),
    total: shown(rowsOfDays.length, SPELL_BANDS.length, total.citizens),
  };
}

export const PERIOD_MEASURES = ['started', 'ended', 'citizens'] as const;
export type PeriodMeasure = (typeof PERIOD_MEASURES)[number];

/**
 * Counts per year with the change from the year before: absolute and in per cent (null when the
 * year before had none). A count of 1–4 is hidden, and every change made from a hidden count.
 */
export function periodCounts(rows: readonly ({ year: number } & Record<PeriodMeasure, number>)[]) {
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const measures = PERIOD_MEASURES.map((measure) => ({
    measure,
    years: sorted.map((row, index) => {
      const count = row[measure];
      const before = index > 0 ? (sorted[index - 1] as Record<PeriodMeasure, number>)[measure] : null;
      const changeShown = before !== null && showable(count) && showable(before);
      return {
        year: row.year,
        count: showable(count) ? count : null,
        change: changeShown ? count - (before as number) : null,
        changePercent:
          changeShown && (before as number) > 0
            ? Math.round(((count - (before as number)) / (before as number)) * 1000) / 10
            : null,
      };
    }),
  }));
  return {
    definition: ref(STEERING_DEFINITIONS.periodCounts),
    years: sorted.map((row) => row.year),
    measures: measures.map(({ measure, years }) => ({ measure, years, latest: years.at(-1) ?? null })),
  };
}
