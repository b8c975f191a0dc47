import { type Day, daysBetween, daysInMonth } from '../calendar.js';
import { RULE_IDS, type RuleId } from '../coordination/rule.js';
import { MIN_CELL_CITIZENS } from './concentration.js';
import {
  type CountShown,
  type CountShownTable,
  countLine,
  countTable,
  median,
  showable,
} from './count-table.js';
import type { Definition } from './pathway-kpis.js';

/**
 * Coordination figures for management, from the coordination flags (decisions 0003 and 0014) and
 * the referrals' closed loop: how many signals the rules raise, how many close, how many are
 * open, how fast they close, and whether the citizens in contact with several sectors have one;
 * how referrals are answered and closed. Each names its versioned definition.
 */
export const COORDINATION_DEFINITIONS = {
  flags: {
    id: 'coordination-flags',
    version: 1,
    text: 'Coordination flags per rule (kind) and Danish calendar month of the year, up to the reference day. Raised: flags opened (a new fingerprint; a flag that reopens is not raised again). Resolved: flags closed because their cause is gone (by the rules, or by a person once the rules agreed). Open at the end of a month: flags whose last status change by then left them open (opened, acknowledged or reopened; dismissed ones rest and are not open). Median days to resolution: from the day a flag last opened (or reopened) to the day it was resolved, over the resolutions in the year. Each cell counts flags; a cell about 1–4 citizens is hidden, with complements.',
  },
  multiSectorOpenFlags: {
    id: 'multi-sector-open-flags',
    version: 1,
    text: 'Citizens with interventions of two or more sectors under way on the reference day (status not planned, started, not ended), and of them those with at least one open coordination flag at the end of that day. Shown only when both parts are 0 or 5+ citizens.',
  },
  referralLoop: {
    id: 'referral-loop',
    version: 1,
    text: 'Referrals sent in the year (by the Danish day they were made), per month sent, by their state on the reference day: closed (declined, completed or withdrawn) within 30 days of sending, closed later, still open after 30 days, open for 30 days or less. Answered: accepted or declined, by the answer date or later, or not yet. Median days from sending to the answer and to the close, over the referrals answered (closed) by the reference day. Each cell counts referrals; a cell about 1–4 citizens is hidden, with complements.',
  },
} as const satisfies Record<string, Definition>;

export const COORDINATION_DEFINITION_HISTORY: readonly Definition[] = Object.values(COORDINATION_DEFINITIONS);

const ref = (definition: Definition) => ({ id: definition.id, version: definition.version });

/** A flag's status changes that say whether it is open (owner changes do not). */
export const FLAG_EVENT_ACTIONS = [
  'opened',
  'acknowledged',
  'resolved',
  'dismissed',
  'reopened',
  'auto_resolved',
] as const;
export type FlagEventAction = (typeof FLAG_EVENT_ACTIONS)[number];
const OPEN_AFTER: readonly FlagEventAction[] = ['opened', 'acknowledged', 'reopened'];
const RESOLVING: readonly FlagEventAction[] = ['resolved', 'auto_resolved'];

/** One flag: its rule, the citizen it is about (a number, never an id), its status changes oldest first. */
export interface FlagHistory {
  citizen: number;
  kind: string;
  events: readonly { day: Day; action: FlagEventAction }[];
}

/** The last day of each month of the year, the reference day for its month, none after it. */
function monthEnds(year: number, referenceDay: Day): Day[] {
  const ends: Day[] = [];
  for (let month = 1; month <= 12; month++) {
    const start = `${year}-${String(month).padStart(2, '0')}-01`;
    if (start > referenceDay) break;
    const end = `${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
    ends.push(end < referenceDay ? end : referenceDay);
  }
  return ends;
}

/** Whether the flag is open at the end of `day`: its last status change by then left it open. */
export function openAt(flag: FlagHistory, day: Day): boolean {
  let open = false;
  for (const event of flag.events) {
    if (event.day > day) break;
    open = OPEN_AFTER.includes(event.action);
  }
  return open;
}

export interface FlagFigures {
  definition: { id: string; version: number };
  kinds: RuleId[];
  raised: CountShownTable;
  resolved: CountShownTable;
  /** One line of kinds a month, up to the reference day's month, each with its all-kinds total. */
  openAtMonthEnd: { month: number; day: Day; cells: CountShown[]; total: CountShown }[];
  /** Per kind, then all kinds together: null unless 5+ resolutions about 5+ citizens. */
  medianDaysToResolution: { kind: RuleId | 'all'; medianDays: number | null }[];
}

/** The flag figures of a year up to the reference day (coordination-flags@1). */
export function flagFigures(flags: readonly FlagHistory[], year: number, referenceDay: Day): FlagFigures {
  const kinds = [...RULE_IDS];
  const row = (kind: string) => kinds.indexOf(kind as RuleId);
  const inYear = (day: Day) => day.slice(0, 4) === String(year) && day <= referenceDay;
  const month = (day: Day) => Number(day.slice(5, 7)) - 1;
  const raised: { row: number; column: number; citizen: number }[] = [];
  const resolved: { row: number; column: number; citizen: number }[] = [];
  const durations = kinds.map(() => [] as { days: number; citizen: number }[]);
  for (const flag of flags) {
    let openedOn: Day | null = null;
    for (const event of flag.events) {
      if (event.action === 'opened' || event.action === 'reopened') openedOn = event.day;
      if (!inYear(event.day)) continue;
      if (event.action === 'opened')
        raised.push({ row: row(flag.kind), column: month(event.day), citizen: flag.citizen });
      if (RESOLVING.includes(event.action)) {
        resolved.push({ row: row(flag.kind), column: month(event.day), citizen: flag.citizen });
        if (openedOn !== null)
          durations[row(flag.kind)]?.push({ days: daysBetween(openedOn, event.day), citizen: flag.citizen });
      }
    }
  }
  const medianShown = (list: readonly { days: number; citizen: number }[]) =>
    list.length >= MIN_CELL_CITIZENS && new Set(list.map((item) => item.citizen)).size >= MIN_CELL_CITIZENS
      ? median(list.map((item) => item.days))
      : null;
  return {
    definition: ref(COORDINATION_DEFINITIONS.flags),
    kinds,
    raised: countTable(raised, kinds.length, 12),
    resolved: countTable(resolved, kinds.length, 12),
    openAtMonthEnd: monthEnds(year, referenceDay).map((day, index) => ({
      month: index + 1,
      day,
      ...countLine(
        flags
          .filter((flag) => openAt(flag, day))
          .map((flag) => ({ column: row(flag.kind), citizen: flag.citizen })),
        kinds.length,
      ),
    })),
    medianDaysToResolution: [
      ...kinds.map((kind, index) => ({ kind, medianDays: medianShown(durations[index] ?? []) })),
      { kind: 'all' as const, medianDays: medianShown(durations.flat()) },
    ],
  };
}

/** Of the citizens with 2+ sectors on the reference day, those with an open flag (multi-sector-open-flags@1). */
export function multiSectorOpenFlags(citizens: readonly { openFlag: boolean }[]) {
  const withOpenFlag = citizens.filter((citizen) => citizen.openFlag).length;
  const shown =
    citizens.length >= MIN_CELL_CITIZENS &&
    showable(withOpenFlag) &&
    showable(citizens.length - withOpenFlag);
  return {
    definition: ref(COORDINATION_DEFINITIONS.multiSectorOpenFlags),
    citizens: shown ? citizens.length : null,
    withOpenFlag: shown ? withOpenFlag : null,
    share: shown ? Math.round((withOpenFlag / citizens.length) * 10_000) / 10_000 : null,
  };
}

/** How many days a referral may stay open before it counts as "still open after N days". */
export const REFERRAL_OPEN_DAYS = 30;
export const REFERRAL_STATES = ['closedWithin', 'closedLater', 'openOver', 'openWithin'] as const;
export const REFERRAL_ANSWERS = ['answeredByDue', 'answeredLate', 'notAnswered'] as const;

/** One referral sent in the year: its citizen (a number), the days it was sent, due, answered and closed. */
export interface ReferralLoop {
  citizen: number;
  sent: Day;
  due: Day;
  answered: Day | null;
  closed: Day | null;
}

/** The referral figures of a year up to the reference day (referral-loop@1). */
export function referralFigures(referrals: readonly ReferralLoop[], year: number, referenceDay: Day) {
  const counted = referrals.filter(
    (referral) => referral.sent.slice(0, 4) === String(year) && referral.sent <= referenceDay,
  );
  const by = (day: Day | null) => (day !== null && day <= referenceDay ? day : null);
  const states = counted.map((referral) => {
    const closed = by(referral.closed);
    if (closed !== null) return daysBetween(referral.sent, closed) <= REFERRAL_OPEN_DAYS ? 0 : 1;
    return daysBetween(referral.sent, referenceDay) > REFERRAL_OPEN_DAYS ? 2 : 3;
  });
  const answers = counted.map((referral) => {
    const answered = by(referral.answered);
    if (answered === null) return 2;
    return answered <= referral.due ? 0 : 1;
  });
  const medianDays = (to: (referral: ReferralLoop) => Day | null) => {
    const done = counted.filter((referral) => to(referral) !== null);
    if (
      done.length < MIN_CELL_CITIZENS ||
      new Set(done.map((referral) => referral.citizen)).size < MIN_CELL_CITIZENS
    )
      return null;
    return median(done.map((referral) => daysBetween(referral.sent, to(referral) as Day)));
  };
  return {
    definition: ref(COORDINATION_DEFINITIONS.referralLoop),
    openAfterDays: REFERRAL_OPEN_DAYS,
    states: [...REFERRAL_STATES],
    byMonth: countTable(
      counted.map((referral, index) => ({
        row: Number(referral.sent.slice(5, 7)) - 1,
        column: states[index] as number,
        citizen: referral.citizen,
      })),
      12,
      REFERRAL_STATES.length,
    ),
    answerStates: [...REFERRAL_ANSWERS],
    answered: countLine(
      counted.map((referral, index) => ({ column: answers[index] as number, citizen: referral.citizen })),
      REFERRAL_ANSWERS.length,
    ).cells,
    medianDaysToAnswer: medianDays((referral) => by(referral.answered)),
    medianDaysToClose: medianDays((referral) => by(referral.closed)),
  };
}

export type ReferralFigures = ReturnType<typeof referralFigures>;
export type MultiSectorOpenFlags = ReturnType<typeof multiSectorOpenFlags>;
