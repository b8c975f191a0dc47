import type { ScheduleSlot, Weekday } from '../domain/coordination/schedule.js';
import type { InterventionDraft } from './citizen-drafts.js';
import type { Random } from './random.js';

/**
 * Weekly schedules for the interventions that take the citizen's time on fixed days: day
 * activities, activation, treatment, and home visits. Drawn from a stream of their own, after
 * the plans are made, so they change nothing else in the data (nor the cost calibration).
 * Clashes then happen at the rate they would: two day activities from different units that
 * land on the same weekdays, support at home while the citizen is in an internship.
 */
const WORKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const EVERY_DAY: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

interface Pattern {
  /** How many workdays, or 'daily' for every day of the week. */
  days: number | 'daily';
  from: string;
  to: string;
  homeVisit?: boolean;
  /** With a scripted choice (the demo citizen), these days. */
  fixed?: readonly Weekday[];
}

/** Schedules by type and frequency text; types and frequencies not named here have none. */
const PATTERNS: Record<string, Record<string, Pattern[]>> = {
  'BES-PRAKTIK': {
    '4 timer om ugen': [{ days: 1, from: '09:00', to: '13:00' }],
    '10 timer om ugen': [{ days: 2, from: '09:00', to: '14:00', fixed: ['tue', 'thu'] }],
    '15 timer om ugen': [{ days: 3, from: '09:00', to: '14:00' }],
    '20 timer om ugen': [{ days: 4, from: '09:00', to: '14:00' }],
  },
  'BES-LOENTILSKUD': {
    '25 timer om ugen': [{ days: 5, from: '08:00', to: '13:00' }],
    '37 timer om ugen': [{ days: 5, from: '08:00', to: '15:30' }],
  },
  'BES-AFKLARING': {
    '3 dage om ugen': [{ days: 3, from: '09:00', to: '15:00' }],
    '2 dage om ugen': [{ days: 2, from: '09:00', to: '15:00' }],
    '4 timer dagligt': [{ days: 5, from: '09:00', to: '13:00' }],
  },
  'BES-BROBYGNING': {
    '3 dage om ugen': [{ days: 3, from: '08:30', to: '14:30' }],
    '2 dage om ugen': [{ days: 2, from: '08:30', to: '14:30' }],
  },
  'SOC-SAMVAER': {
    '2 dage om ugen': [{ days: 2, from: '10:00', to: '12:30', fixed: ['tue', 'thu'] }],
    '3 dage om ugen': [{ days: 3, from: '10:00', to: '14:00' }],
    Dagligt: [{ days: 5, from: '10:00', to: '14:00' }],
  },
  'SOC-BESKYTTET': {
    '4 dage om ugen': [{ days: 4, from: '08:30', to: '14:30' }],
    '3 dage om ugen': [{ days: 3, from: '08:30', to: '14:30' }],
    'Fuld tid': [{ days: 5, from: '08:00', to: '15:00' }],
  },
  'SOC-MISBRUG-DAG': {
    '4 dage om ugen': [{ days: 4, from: '09:00', to: '14:00' }],
    '3 dage om ugen': [{ days: 3, from: '09:00', to: '14:00' }],
  },
  'REG-DAGBEHANDLING': { '3 dage om ugen': [{ days: 3, from: '09:00', to: '15:00' }] },
  'UDD-STU': { 'Fuld tid, 5 dage om ugen': [{ days: 5, from: '08:15', to: '14:15' }] },
  'UDD-FVU': {
    '1 gang om ugen': [{ days: 1, from: '17:00', to: '19:00' }],
    '2 gange om ugen': [{ days: 2, from: '09:00', to: '11:30' }],
  },
  'SUN-PERSONLIG-PLEJE': {
    'Bad 1 gang om ugen': [{ days: 1, from: '09:00', to: '09:45', homeVisit: true }],
    'Morgenhjælp dagligt': [{ days: 'daily', from: '07:30', to: '08:15', homeVisit: true }],
    'Morgen og aften dagligt': [
      { days: 'daily', from: '07:30', to: '08:15', homeVisit: true },
      { days: 'daily', from: '19:00', to: '19:30', homeVisit: true },
    ],
    '3 besøg dagligt': [
      { days: 'daily', from: '07:30', to: '08:15', homeVisit: true },
      { days: 'daily', from: '12:00', to: '12:30', homeVisit: true },
      { days: 'daily', from: '19:00', to: '19:30', homeVisit: true },
    ],
  },
  'SUN-PRAKTISK-HJAELP': {
    'Rengøring hver 14. dag': [{ days: 1, from: '10:00', to: '11:00', homeVisit: true }],
    'Indkøb 1 gang om ugen': [{ days: 1, from: '11:00', to: '11:30', homeVisit: true }],
    'Rengøring og tøjvask hver uge': [{ days: 1, from: '10:00', to: '11:30', homeVisit: true }],
  },
  'SUN-SYGEPLEJE-MEDICIN': {
    'Medicin 1 gang om ugen': [{ days: 1, from: '08:30', to: '08:50', homeVisit: true, fixed: ['mon'] }],
    'Daglig medicinudlevering': [{ days: 'daily', from: '08:30', to: '08:45', homeVisit: true }],
  },
  'SUN-SYGEPLEJE-SAAR': {
    '2 gange om ugen': [{ days: 2, from: '10:00', to: '10:30', homeVisit: true }],
    Dagligt: [{ days: 'daily', from: '10:00', to: '10:30', homeVisit: true }],
  },
  'SOC-BOSTOETTE': {
    '1 time om ugen': [{ days: 1, from: '15:30', to: '16:30', homeVisit: true }],
    '2 timer om ugen': [{ days: 1, from: '15:00', to: '17:00', homeVisit: true }],
    '2 gange om ugen': [{ days: 2, from: '15:30', to: '16:30', homeVisit: true }],
    '4 timer om ugen': [{ days: 2, from: '15:00', to: '17:00', homeVisit: true }],
    '6 timer om ugen': [{ days: 3, from: '15:00', to: '17:00', homeVisit: true }],
  },
  'BOL-FASTHOLD': {
    '1 gang om ugen': [{ days: 1, from: '14:00', to: '15:00', homeVisit: true }],
    'Hver 14. dag': [{ days: 1, from: '14:00', to: '15:00', homeVisit: true }],
  },
};

/** Support at home usually comes after the day's activities; now and then in the middle of them. */
const DAYTIME_SUPPORT_SHARE = 0.1;

/** Gives each intervention with a fixed weekly rhythm its schedule; `random` null picks the scripted days. */
export function assignSchedules(interventions: readonly InterventionDraft[], random: Random | null): void {
  for (const item of interventions) {
    if (item.status === 'ended') continue;
    const patterns = PATTERNS[item.type.code]?.[item.frequency.text];
    if (!patterns) continue;
    const slots: ScheduleSlot[] = [];
    const daytime =
      item.type.code === 'SOC-BOSTOETTE' && random !== null && random.chance(DAYTIME_SUPPORT_SHARE);
    for (const pattern of patterns) {
      const days = pattern.days === 'daily' ? EVERY_DAY : chooseDays(pattern, random);
      const from = daytime ? '10:00' : pattern.from;
      const to = daytime ? '11:00' : pattern.to;
      for (const day of days)
        slots.push({ day, from, to, ...(pattern.homeVisit ? { homeVisit: true } : {}) });
    }
    item.schedule = slots.sort(
      (a, b) => WEEK_ORDER[a.day] - WEEK_ORDER[b.day] || a.from.localeCompare(b.from),
    );
  }
}

const WEEK_ORDER: Record<Weekday, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };

function chooseDays(pattern: Pattern, random: Random | null): readonly Weekday[] {
  const count = pattern.days as number;
  if (random === null) return pattern.fixed ?? WORKDAYS.slice(0, count);
  return random.sample(WORKDAYS, count);
}
