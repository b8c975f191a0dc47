import { z } from 'zod';
import { MIN_CELL_CITIZENS } from '../analytics/concentration.js';
import { daysBetween } from '../calendar.js';
import type { AppealResult } from './decision-checklist.js';

/**
 * Management figures on decisions (issue 14, item 4), for leaders: how often the hearing changes
 * a decision, how often decisions are appealed, how often the appeal body changes or remits them,
 * and how long a decision takes from draft to final. The small-cell rule of the other management
 * figures applies (src/domain/analytics): a count behind which stand 1–4 citizens is hidden, and
 * so is any figure made from it — and a share whose complement is 1–4 citizens, as the total is shown.
 */
export const DECISION_FIGURES_DEFINITION = {
  id: 'decision-figures',
  version: 1,
  text: 'Decisions made final in the year (their day of decision). Changed by the hearing: of those sent to hearing, the share whose final decision records that the hearing changed it. Appeals per 100 decisions: appeals of those decisions per 100 of them. Change rate: (changed + remitted) / decided on the merits (upheld + changed + remitted; rejected appeals are not tried on the merits) by the appeal body. Days from draft to final: the Danish day the draft was made to the day of decision, median and mean. A figure resting on 1–4 citizens is hidden.',
} as const;

/** One final decision, as the figures read it. */
export interface DecisionFigureRow {
  citizenId: string;
  draftedOn: string;
  decidedOn: string;
  heard: boolean;
  changedByHearing: boolean;
  appealed: boolean;
  result: AppealResult | null;
}

const shown = z.number().nullable();
export const decisionFiguresSchema = z
  .object({
    definition: z.object({ id: z.string(), version: z.number().int() }),
    year: z.number().int(),
    decisions: shown,
    hearing: z.object({ heard: shown, changed: shown, share: shown }),
    appeals: z.object({ count: shown, per100: shown }),
    appealBody: z.object({ decidedOnMerits: shown, changedOrRemitted: shown, changeRate: shown }),
    daysToFinal: z.object({ median: shown, mean: shown }),
  })
  .meta({ id: 'DecisionFigures' });
export type DecisionFigures = z.infer<typeof decisionFiguresSchema>;

const citizensOf = (rows: readonly DecisionFigureRow[]): number =>
  new Set(rows.map((row) => row.citizenId)).size;
/** A group that may be shown: none, or five citizens and more. */
const safe = (rows: readonly DecisionFigureRow[]): boolean => {
  const citizens = citizensOf(rows);
  return citizens === 0 || citizens >= MIN_CELL_CITIZENS;
};
const round = (value: number, places: number): number => Math.round(value * 10 ** places) / 10 ** places;

/** A part of a whole: its count and its share, hidden when the part, the rest or the whole is small. */
function part(whole: readonly DecisionFigureRow[], inPart: (row: DecisionFigureRow) => boolean) {
  const part = whole.filter(inPart);
  const rest = whole.filter((row) => !inPart(row));
  const ok = safe(whole) && safe(part) && safe(rest);
  return {
    count: ok ? part.length : null,
    share: ok && whole.length > 0 ? round(part.length / whole.length, 4) : null,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function decisionFigures(year: number, rows: readonly DecisionFigureRow[]): DecisionFigures {
  const all = safe(rows);
  const heard = rows.filter((row) => row.heard);
  const changed = part(heard, (row) => row.changedByHearing);
  const appealed = rows.filter((row) => row.appealed);
  const appealsShown = all && safe(appealed);
  const merits = rows.filter(
    (row) => row.result === 'upheld' || row.result === 'changed' || row.result === 'remitted',
  );
  const changedOrRemitted = part(merits, (row) => row.result === 'changed' || row.result === 'remitted');
  const days = rows.map((row) => daysBetween(row.draftedOn, row.decidedOn));
  const daysShown = all && rows.length > 0;
  return {
    definition: { id: DECISION_FIGURES_DEFINITION.id, version: DECISION_FIGURES_DEFINITION.version },
    year,
    decisions: all ? rows.length : null,
    hearing: {
      heard: safe(heard) ? heard.length : null,
      changed: changed.count,
      share: changed.share,
    },
    appeals: {
      count: appealsShown ? appealed.length : null,
      per100: appealsShown && rows.length > 0 ? round((appealed.length / rows.length) * 100, 1) : null,
    },
    appealBody: {
      decidedOnMerits: safe(merits) ? merits.length : null,
      changedOrRemitted: changedOrRemitted.count,
      changeRate: changedOrRemitted.share,
    },
    daysToFinal: {
      median: daysShown ? median(days) : null,
      mean: daysShown ? round(days.reduce((sum, value) => sum + value, 0) / days.length, 1) : null,
    },
  };
}
