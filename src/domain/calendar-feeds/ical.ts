import { addDays } from '../calendar.js';

/**
 * iCalendar (RFC 5545) text for the calendar feeds: lines end in CRLF (§3.1), a line longer than
 * 75 octets is folded onto continuation lines that begin with a space, never inside a UTF-8
 * character (§3.1), TEXT values escape backslash, semicolon, comma and line breaks (§3.3.11),
 * times are UTC ("…Z", §3.3.5) and whole days are DATE values (§3.3.4).
 */

export type CalendarEvent = {
  /** Stable across fetches, so a calendar updates the event instead of adding another. */
  uid: string;
  summary: string;
  /** When the event was last changed (DTSTAMP and LAST-MODIFIED). */
  stamp: Date;
  location?: string | null;
  description?: string | null;
  url?: string | null;
  status: 'CONFIRMED' | 'CANCELLED';
} & ({ start: Date; end: Date } | { day: string });

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** A TEXT value escaped (§3.3.11). */
export function escapeText(text: string): string {
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll(';', '\\;')
    .replaceAll(',', '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A content line folded at 75 octets: continuation lines begin with one space (§3.1). */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line holds 75 octets; a continuation line 74 after its leading space.
  let limit = MAX_OCTETS;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A moment as a UTC DATE-TIME: 20260310T090000Z. */
export function utcDateTime(moment: Date): string {
  return moment
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** A day YYYY-MM-DD as a DATE: 20260310. */
function dateValue(day: string): string {
  return day.replaceAll('-', '');
}

function eventLines(event: CalendarEvent): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${utcDateTime(event.stamp)}`];
  if ('day' in event) {
    // An all-day event ends (exclusively) the next day (§3.6.1).
    lines.push(
      `DTSTART;VALUE=DATE:${dateValue(event.day)}`,
      `DTEND;VALUE=DATE:${dateValue(addDays(event.day, 1))}`,
    );
    lines.push('TRANSP:TRANSPARENT');
  } else {
    lines.push(`DTSTART:${utcDateTime(event.start)}`, `DTEND:${utcDateTime(event.end)}`);
  }
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.url) lines.push(`URL:${event.url}`);
  lines.push(`STATUS:${event.status}`, `LAST-MODIFIED:${utcDateTime(event.stamp)}`, 'END:VEVENT');
  return lines;
}

/** A whole calendar (VCALENDAR) of the events, named for the subscriber's calendar list. */
export function icalCalendar(name: string, events: readonly CalendarEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Samspil//Kalender//DA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    // Calendars that honour it look again every hour.
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
