import type { PresentedIntervention, PresentedPlan } from '../../api/plan.js';
import type { Sector } from '../../domain.js';
import { addDays, addMonths, danishToday, daysBetween, monthStart } from '../../../../src/domain/calendar.js';
import { isRestricted } from './intervention-view.js';

export const ZOOM_MONTHS = [3, 6, 12, 24] as const;
export type ZoomMonths = (typeof ZOOM_MONTHS)[number];

export interface DayRange {
  from: string;
  to: string;
}

/**
 * The days in view when the timeline opens: a third behind today, two thirds ahead; moved by
 * `offset` months when the person pages back or forward in time.
 */
export function timelineWindow(today: string, months: ZoomMonths, offset = 0): DayRange {
  const past = Math.round(months / 3);
  const anchor = addMonths(today, offset);
  return { from: addMonths(anchor, -past), to: addMonths(anchor, months - past) };
}

/**
 * The days drawn (the scroller's whole width): from the plan's earliest date to its latest,
 * but never less than three months back and six ahead, nor more than two years either way, so
 * an old plan does not make a drawing metres wide. Starts on the first of a month.
 */
export function timelineSpan(today: string, days: readonly string[]): DayRange {
  const sorted = [...days].sort();
  const earliest = sorted[0] ?? today;
  const latest = sorted.at(-1) ?? today;
  const clampDay = (day: string, low: string, high: string): string => {
    if (day < low) return low;
    return day > high ? high : day;
  };
  const from = clampDay(addMonths(earliest, -1), addMonths(today, -24), addMonths(today, -3));
  const to = clampDay(addMonths(latest, 1), addMonths(today, 6), addMonths(today, 24));
  return { from: monthStart(from), to };
}

/** Where a day falls in a range, 0 at its start and 1 at its end. */
export function position(day: string, range: DayRange): number {
  return daysBetween(range.from, day) / Math.max(1, daysBetween(range.from, range.to));
}

/** The first day of each month inside the range, for the axis. */
export function monthTicks(range: DayRange): string[] {
  const ticks: string[] = [];
  let day = monthStart(range.from);
  if (day < range.from) day = addMonths(day, 1);
  while (day <= range.to) {
    ticks.push(day);
    day = addMonths(day, 1);
  }
  return ticks;
}

/** A lane: one per sector, one for the sub-goals' target dates, one for meetings. */
export type LaneKey = Sector | 'subGoals' | 'meetings';

/** A meeting as the timeline needs it (from the meetings API). */
export interface TimelineMeeting {
  id: string;
  startsAt: string;
  status: 'planned' | 'held' | 'cancelled';
  name: string;
}

/** How long a meeting is taken to last when two are compared: the API records only its start. */
export const MEETING_MINUTES = 60;

export interface TimelineBar {
  intervention: PresentedIntervention;
  name: string;
  /** Clipped to the span. */
  start: string;
  end: string;
  /** Goes on past the span's right edge (open-ended, or ends later). */
  continues: boolean;
  track: number;
}

export type MarkKind = 'start' | 'followUp' | 'target' | 'meeting';

export interface TimelineMark {
  id: string;
  kind: MarkKind;
  lane: LaneKey;
  day: string;
  name: string;
  /** The element on the plan page this item is (for links from the table). */
  anchor: string;
  /** Past its date and not done: a follow-up not held, a target not reached, a meeting not held. */
  overdue: boolean;
  /** Names of the items it clashes with: another sector the same day, or an overlapping meeting. */
  clashesWith: string[];
  track: number;
}

export interface TimelineLane {
  key: LaneKey;
  bars: TimelineBar[];
  /** Marks drawn in the lane (interventions' starts are drawn as the bars themselves). */
  marks: TimelineMark[];
  tracks: number;
}

export interface TimelineLayout {
  span: DayRange;
  lanes: TimelineLane[];
  /** Every dated item, starts included, by day: what the table lists. */
  items: TimelineMark[];
  overdue: number;
  clashes: number;
}

export interface LayoutInput {
  plan: PresentedPlan;
  meetings: readonly TimelineMeeting[];
  today: string;
  nameOf: (intervention: PresentedIntervention) => string;
  anchorOf: { intervention: (id: string) => string; subGoal: (id: string) => string; meeting: string };
  /** How many days a label takes at the chosen zoom: items closer than this go on separate tracks. */
  labelDays: number;
}

/** The later of two days (ISO days compare as text). */
const later = (a: string, b: string): string => (a < b ? b : a);

/** Places items on tracks so that neither bars nor their labels overlap: first free track wins. */
function pack<T>(items: T[], startOf: (item: T) => string, endOf: (item: T) => string, labelDays: number) {
  const trackEnds: string[] = [];
  return items.map((item) => {
    const start = startOf(item);
    const reach = addDays(start, Math.ceil(labelDays));
    const end = later(endOf(item), reach);
    let track = trackEnds.findIndex((last) => last < start);
    if (track === -1) {
      track = trackEnds.length;
      trackEnds.push(end);
    } else trackEnds[track] = end;
    return { item, track };
  });
}

/**
 * The timeline as lanes: each sector of the plan its own lane with its interventions as bars on
 * as many tracks as they need, follow-ups on their bar, sub-goal targets and meetings in lanes of
 * their own. Marks overdue items, and clashes from today on: items of different sectors on the
 * same day, and meetings that overlap in time (a clash in the past is history, not a warning).
 */
export function timelineLayout(input: LayoutInput): TimelineLayout {
  const { plan, today, labelDays } = input;
  const allDays: string[] = [today];
  for (const group of plan.sectors)
    for (const item of group.interventions) {
      allDays.push(item.startDate);
      if (item.endDate) allDays.push(item.endDate);
    }
  for (const subGoal of plan.subGoals) if (subGoal.targetDate) allDays.push(subGoal.targetDate);
  const meetingDay = (meeting: TimelineMeeting): string => danishToday(new Date(meeting.startsAt));
  for (const meeting of input.meetings) allDays.push(meetingDay(meeting));
  const span = timelineSpan(today, allDays);
  const inSpan = (day: string): boolean => day >= span.from && day <= span.to;

  const items: TimelineMark[] = [];
  const lanes: TimelineLane[] = [];
  for (const group of plan.sectors) {
    const visible = group.interventions
      .filter((item) => item.startDate <= span.to && (item.endDate === null || item.endDate >= span.from))
      .sort((a, b) => a.startDate.localeCompare(b.startDate));
    if (visible.length === 0) continue;
    const placed = pack(
      visible,
      (item) => later(item.startDate, span.from),
      (item) => (item.endDate === null || item.endDate > span.to ? span.to : item.endDate),
      labelDays,
    );
    const bars: TimelineBar[] = [];
    const marks: TimelineMark[] = [];
    for (const { item, track } of placed) {
      const name = input.nameOf(item);
      const anchor = input.anchorOf.intervention(item.id);
      bars.push({
        intervention: item,
        name,
        start: later(item.startDate, span.from),
        end: item.endDate === null || item.endDate > span.to ? span.to : item.endDate,
        continues: item.endDate === null || item.endDate > span.to,
        track,
      });
      if (inSpan(item.startDate) && item.status !== 'ended')
        items.push({
          id: `start-${item.id}`,
          kind: 'start',
          lane: group.sector,
          day: item.startDate,
          name,
          anchor,
          overdue: false,
          clashesWith: [],
          track,
        });
      // Another unit's follow-up dates are details the viewer may not see.
      const followUp = isRestricted(item) ? null : item.followUpDate;
      if (followUp && item.status !== 'ended' && inSpan(followUp)) {
        const mark: TimelineMark = {
          id: `follow-up-${item.id}`,
          kind: 'followUp',
          lane: group.sector,
          day: followUp,
          name,
          anchor,
          overdue: followUp < today,
          clashesWith: [],
          track,
        };
        marks.push(mark);
        items.push(mark);
      }
    }
    lanes.push({ key: group.sector, bars, marks, tracks: Math.max(1, ...placed.map((p) => p.track + 1)) });
  }

  const targets = plan.subGoals
    .filter((subGoal) => subGoal.status !== 'ended' && subGoal.targetDate && inSpan(subGoal.targetDate))
    .sort((a, b) => (a.targetDate ?? '').localeCompare(b.targetDate ?? ''));
  if (targets.length > 0) {
    const placed = pack(
      targets,
      (subGoal) => subGoal.targetDate as string,
      (subGoal) => subGoal.targetDate as string,
      labelDays,
    );
    const marks = placed.map(({ item: subGoal, track }) => ({
      id: `target-${subGoal.id}`,
      kind: 'target' as const,
      lane: 'subGoals' as const,
      day: subGoal.targetDate as string,
      name: subGoal.title,
      anchor: input.anchorOf.subGoal(subGoal.id),
      overdue: subGoal.status === 'active' && (subGoal.targetDate as string) < today,
      clashesWith: [] as string[],
      track,
    }));
    items.push(...marks);
    lanes.push({ key: 'subGoals', bars: [], marks, tracks: Math.max(...placed.map((p) => p.track + 1)) });
  }

  const meetings = input.meetings
    .filter((meeting) => meeting.status !== 'cancelled' && inSpan(meetingDay(meeting)))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  if (meetings.length > 0) {
    const placed = pack(meetings, meetingDay, meetingDay, labelDays);
    const marks = placed.map(({ item: meeting, track }) => ({
      id: `meeting-${meeting.id}`,
      kind: 'meeting' as const,
      lane: 'meetings' as const,
      day: meetingDay(meeting),
      name: meeting.name,
      anchor: input.anchorOf.meeting,
      overdue: meeting.status === 'planned' && meetingDay(meeting) < today,
      clashesWith: [] as string[],
      track,
    }));
    items.push(...marks);
    lanes.push({ key: 'meetings', bars: [], marks, tracks: Math.max(...placed.map((p) => p.track + 1)) });
    // Overlapping meetings: one starts before the other has ended.
    const length = MEETING_MINUTES * 60_000;
    for (let i = 0; i < meetings.length; i += 1) {
      for (let j = i + 1; j < meetings.length; j += 1) {
        const a = meetings[i] as TimelineMeeting;
        const b = meetings[j] as TimelineMeeting;
        if (Date.parse(b.startsAt) - Date.parse(a.startsAt) >= length) break;
        if (meetingDay(a) < today) continue;
        marks[i]?.clashesWith.push(b.name);
        marks[j]?.clashesWith.push(a.name);
      }
    }
  }

  // Different sectors, same day: a citizen asked to be in two places, or two units unaware.
  const sectorItems = items.filter(
    (item) => item.lane !== 'subGoals' && item.lane !== 'meetings' && item.day >= today,
  );
  const byDay = new Map<string, TimelineMark[]>();
  for (const item of sectorItems) byDay.set(item.day, [...(byDay.get(item.day) ?? []), item]);
  for (const group of byDay.values()) {
    for (const item of group)
      for (const other of group)
        if (other.lane !== item.lane && !item.clashesWith.includes(other.name))
          item.clashesWith.push(other.name);
  }

  items.sort((a, b) => a.day.localeCompare(b.day) || a.name.localeCompare(b.name));
  return {
    span,
    lanes,
    items,
    overdue: items.filter((item) => item.overdue).length,
    clashes: items.filter((item) => item.clashesWith.length > 0).length,
  };
}
