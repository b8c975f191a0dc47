import { z } from 'zod';

/**
 * A simple weekly schedule: when in the week an intervention takes the citizen's time. Enough
 * to see that a full-time activation and a daytime treatment clash, or that four units visit
 * the home on the same Tuesday — not a calendar.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABELS: Record<Weekday, { da: string; en: string }> = {
  mon: { da: 'mandag', en: 'Monday' },
  tue: { da: 'tirsdag', en: 'Tuesday' },
  wed: { da: 'onsdag', en: 'Wednesday' },
  thu: { da: 'torsdag', en: 'Thursday' },
  fri: { da: 'fredag', en: 'Friday' },
  sat: { da: 'lørdag', en: 'Saturday' },
  sun: { da: 'søndag', en: 'Sunday' },
};

const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time of day HH:MM' })
  .describe('HH:MM');

export const scheduleSlotSchema = z
  .strictObject({
    day: z.enum(WEEKDAYS, { error: 'must be one of mon, tue, wed, thu, fri, sat, sun' }),
    from: time,
    to: time,
    homeVisit: z.boolean().optional().describe('The professional comes to the home'),
  })
  .refine((slot) => slot.to > slot.from, { error: 'must be after from', path: ['to'] });
export type ScheduleSlot = z.infer<typeof scheduleSlotSchema>;

export const weeklyScheduleSchema = z
  .array(scheduleSlotSchema)
  .max(28, { error: 'at most 28 time slots a week' })
  .describe('When in the week the intervention takes place');
export type WeeklySchedule = z.infer<typeof weeklyScheduleSchema>;

/** Minutes after midnight of an HH:MM time. */
export function minutesOf(value: string): number {
  return Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));
}

/** The overlap of two schedules: per weekday, the minutes both take. */
export function scheduleOverlap(a: WeeklySchedule, b: WeeklySchedule): { day: Weekday; minutes: number }[] {
  const result = new Map<Weekday, number>();
  for (const left of a) {
    for (const right of b) {
      if (left.day !== right.day) continue;
      const minutes =
        Math.min(minutesOf(left.to), minutesOf(right.to)) -
        Math.max(minutesOf(left.from), minutesOf(right.from));
      if (minutes > 0) result.set(left.day, (result.get(left.day) ?? 0) + minutes);
    }
  }
  return WEEKDAYS.filter((day) => result.has(day)).map((day) => ({ day, minutes: result.get(day) ?? 0 }));
}

/**
 * A schedule read back from storage. It was validated when written, so only its shape is
 * checked here: the batch scan reads hundreds of thousands of them.
 */
export function parseSchedule(value: unknown): WeeklySchedule | null {
  const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (!Array.isArray(list) || list.length === 0) return null;
  return list as WeeklySchedule;
}
