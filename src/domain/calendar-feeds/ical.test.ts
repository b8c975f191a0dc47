import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icalCalendar, utcDateTime } from './ical.js';

const octets = (text: string) => new TextEncoder().encode(text).length;

describe('iCalendar text (RFC 5545)', () => {
  it('escapes TEXT values as §3.3.11 says', () => {
    // The RFC's own example of an escaped TEXT value (§3.3.11, "Project XYZ Final Review…").
    expect(escapeText('Project XYZ Final Review\nConference Room - 3B\nCome Prepared.')).toBe(
      'Project XYZ Final Review\\nConference Room - 3B\\nCome Prepared.',
    );
    expect(escapeText('Rådhuset, lokale 2; indgang C \\ bagved')).toBe(
      'Rådhuset\\, lokale 2\\; indgang C \\\\ bagved',
    );
    expect(escapeText('a\r\nb\rc')).toBe('a\\nb\\nc');
  });

  it('folds lines longer than 75 octets, never inside a UTF-8 character', () => {
    // The RFC's folding example (§3.1): the unfolded line is the parts joined without CRLF + space.
    const line = `DESCRIPTION:This is a long description that exists on a long line.${'x'.repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    expect(octets(parts[0] ?? '')).toBe(75);
    for (const part of parts.slice(1)) {
      expect(part.startsWith(' ')).toBe(true);
      expect(octets(part)).toBeLessThanOrEqual(75);
    }
    expect(folded.replaceAll('\r\n ', '')).toBe(line);
    const danish = `LOCATION:${'æøå'.repeat(40)}`;
    const danishParts = foldLine(danish).split('\r\n');
    for (const part of danishParts) expect(octets(part)).toBeLessThanOrEqual(75);
    // Each part is whole characters: decoding it gives no replacement character.
    for (const part of danishParts) expect(part).not.toContain('\uFFFD');
    expect(foldLine(danish).replaceAll('\r\n ', '')).toBe(danish);
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
  });

  it('writes a calendar with CRLF lines, UTC times, stable UIDs and whole days', () => {
    const text = icalCalendar('Samspil', [
      {
        uid: 'meeting-1@samspil',
        summary: 'Netværksmøde',
        stamp: new Date('2026-03-01T12:00:00Z'),
        start: new Date('2026-03-10T09:00:00Z'),
        end: new Date('2026-03-10T10:30:00Z'),
        location: 'Jobcentret, lokale 2',
        status: 'CONFIRMED',
      },
      {
        uid: 'hearing-1@samspil',
        summary: 'Frist',
        stamp: new Date('2026-03-01T12:00:00Z'),
        day: '2026-03-31',
        status: 'CONFIRMED',
      },
    ]);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(lines).toContain('DTSTART:20260310T090000Z');
    expect(lines).toContain('DTEND:20260310T103000Z');
    expect(lines).toContain('DTSTAMP:20260301T120000Z');
    expect(lines).toContain('LOCATION:Jobcentret\\, lokale 2');
    expect(lines).toContain('DTSTART;VALUE=DATE:20260331');
    expect(lines).toContain('DTEND;VALUE=DATE:20260401');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(utcDateTime(new Date('2026-12-31T23:59:59.999Z'))).toBe('20261231T235959Z');
  });
});
