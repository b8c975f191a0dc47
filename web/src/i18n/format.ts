import type { Language } from './index.js';

const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };
const TIME_ZONE = 'Europe/Copenhagen';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached(language: Language, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${language}:${key}`;
  let format = dateFormats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], options);
    dateFormats.set(id, format);
  }
  return format;
}

/**
 * Formats a calendar day (`YYYY-MM-DD`) as "1. nov. 2026" (Danish) or "1 Nov 2026".
 * The day is read as a calendar day, not a UTC instant, so it never shifts across midnight.
 */
export function formatDate(day: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  const [, year, month, date] = match;
  const instant = new Date(Date.UTC(Number(year), Number(month) - 1, Number(date)));
  return cached(language, 'day', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    instant,
  );
}

/** A day without its year, "3. nov." (for dates near today, such as how long something is overdue). */
export function formatDayMonth(day: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  const [, year, month, date] = match;
  const instant = new Date(Date.UTC(Number(year), Number(month) - 1, Number(date)));
  return cached(language, 'day-month', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(instant);
}

/** Formats an instant (ISO timestamp) as date and time in Danish time. */
export function formatDateTime(iso: string, language: Language): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return cached(language, 'datetime', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
  }).format(instant);
}

/** The time of an instant in Danish time as HH:MM (both languages), e.g. for "kl. 14:30". */
export function formatTime(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const parts = cached('en', 'time', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).formatToParts(instant);
  const part = (type: string): string => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')}`;
}

/** Formats an amount of øre (integer) as kroner, e.g. 123456 → "1.234,56 kr.". */
export function formatMoney(ore: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'DKK' }).format(ore / 100);
}

/** Formats a count the Danish way (1.234) or the English way (1,234). */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}
