import type { PresentedPlan, PresentedIntervention } from '../../api/types.js';
import { addMonths, daysBetween } from '../../i18n/dates.js';
import { isRestricted } from './intervention-view.js';

export const ZOOM_MONTHS = [3, 6, 12, 24] as const;
export type ZoomMonths = (typeof ZOOM_MONTHS)[number];

/**
 * The days the timeline shows: a third behind today, two thirds ahead; moved by `offset`
 * months when the person pages back or forward in time.
 */
export function timelineWindow(today: string, months: ZoomMonths, offset = 0): { from: string; to: string } {
  const past = Math.round(months / 3);
  const anchor = addMonths(today, offset);
  return { from: addMonths(anchor, -past), to: addMonths(anchor, months - past) };
}

export interface TimelineRow {
  intervention: PresentedIntervention;
  /** Bar start and end as fractions 0..1 of the window; clipped to it. */
  start: number;
  end: number;
  /** The bar goes on past the window's right edge (open-ended or later end). */
  continues: boolean;
  followUp: number | null;
}

/** Where a day falls in the window, 0 at its start and 1 at its end. */
export function position(day: string, window: { from: string; to: string }): number {
  return daysBetween(window.from, day) / Math.max(1, daysBetween(window.from, window.to));
}

const clamp = (value: number): number => Math.min(1, Math.max(0, value));

/**
 * The interventions that overlap the window, grouped by sector (in the plan's order) and by
 * start date, with their bars and follow-up marks placed as fractions of the window.
 */
export function timelineRows(plan: PresentedPlan, window: { from: string; to: string }): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const group of plan.sectors) {
    const items = [...group.interventions].sort((a, b) => a.startDate.localeCompare(b.startDate));
    for (const intervention of items) {
      if (intervention.startDate > window.to) continue;
      if (intervention.endDate !== null && intervention.endDate < window.from) continue;
      const endDay = intervention.endDate ?? window.to;
      // Another unit's follow-up dates are details the viewer may not see.
      const followUpDate = isRestricted(intervention) ? null : intervention.followUpDate;
      const followUp =
        followUpDate &&
        intervention.status !== 'ended' &&
        followUpDate >= window.from &&
        followUpDate <= window.to
          ? position(followUpDate, window)
          : null;
      rows.push({
        intervention,
        start: clamp(position(intervention.startDate, window)),
        end: clamp(position(endDay, window)),
        continues: intervention.endDate === null || intervention.endDate > window.to,
        followUp,
      });
    }
  }
  return rows;
}

/** The first day of each month inside the window, for the axis. */
export function monthTicks(window: { from: string; to: string }): string[] {
  const ticks: string[] = [];
  let day = `${window.from.slice(0, 7)}-01`;
  if (day < window.from) day = addMonths(day, 1);
  while (day <= window.to) {
    ticks.push(day);
    day = addMonths(day, 1);
  }
  return ticks;
}
