import { describe, expect, it } from 'vitest';
import {
  freeText,
  httpUrl,
  isoDate,
  isoDateTime,
  optionalTextLine,
  textLine,
  token,
  UNSAFE_TEXT_MESSAGES,
  unstorableReason,
} from './text.schemas.js';

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }): string =>
  result.success ? 'accepted' : (result.error?.issues[0]?.message ?? '');

describe('free text and lines', () => {
  it('refuse NUL, lone surrogates and control characters with a human message', () => {
    for (const schema of [freeText(100), textLine(100), token(100)]) {
      expect(messageOf(schema.safeParse('a\u0000b'))).toBe(UNSAFE_TEXT_MESSAGES.nul);
      expect(messageOf(schema.safeParse('\ud800x'))).toBe(UNSAFE_TEXT_MESSAGES.surrogate);
      expect(messageOf(schema.safeParse('x\udc00'))).toBe(UNSAFE_TEXT_MESSAGES.surrogate);
      expect(messageOf(schema.safeParse('bell\u0007'))).toBe(UNSAFE_TEXT_MESSAGES.control);
      expect(messageOf(schema.safeParse('c1\u0085'))).toBe(UNSAFE_TEXT_MESSAGES.control);
      expect(messageOf(schema.safeParse('del\u007f'))).toBe(UNSAFE_TEXT_MESSAGES.control);
    }
  });

  it('let prose have line breaks and tabs, but not a line', () => {
    expect(freeText(100).parse('Første linje\nAnden\tlinje\r\n')).toBe('Første linje\nAnden\tlinje');
    expect(messageOf(textLine(100).safeParse('to\nlinjer'))).toBe(UNSAFE_TEXT_MESSAGES.lineBreak);
    expect(messageOf(token(100).safeParse('a\tb'))).toBe(UNSAFE_TEXT_MESSAGES.lineBreak);
  });

  it('accept all of Unicode that is well-formed: Danish, emoji, right-to-left', () => {
    for (const value of ['ÆØÅ æøå', '𝕊𝖆𝖒𝖘𝖕𝖎𝖑 🧑‍🤝‍🧑', 'مرحبا', '\u202Egnp.exe'])
      expect(textLine(100).parse(value)).toBe(value);
  });

  it('trim, refuse empty and overlong text, and allow null where optional', () => {
    expect(textLine(10).parse('  navn  ')).toBe('navn');
    expect(messageOf(textLine(10).safeParse('   '))).toBe('must not be empty');
    expect(messageOf(textLine(10).safeParse('x'.repeat(11)))).toBe('must be at most 10 characters');
    expect(messageOf(textLine(10).safeParse(42))).toBe('must be text');
    expect(optionalTextLine(10).parse(null)).toBeNull();
    expect(optionalTextLine(10).parse(undefined)).toBeUndefined();
  });

  it('names what cannot be stored at all', () => {
    expect(unstorableReason('fine\n')).toBeNull();
    expect(unstorableReason('\u0000')).toBe(UNSAFE_TEXT_MESSAGES.nul);
    expect(unstorableReason('\udfff')).toBe(UNSAFE_TEXT_MESSAGES.surrogate);
    expect(unstorableReason('👍')).toBeNull();
  });
});

describe('http URLs', () => {
  it('refuse control characters the URL parser lets through', () => {
    expect(httpUrl(500).safeParse('https://idp.kommune.dk/realms/samspil').success).toBe(true);
    expect(messageOf(httpUrl(500).safeParse('https://idp.example/\u0007'))).toBe(
      UNSAFE_TEXT_MESSAGES.control,
    );
    // Tab and line breaks the URL parser itself removes (WHATWG), so they are not stored.
    expect(httpUrl(500).parse('https://idp.example/\tx')).toBe('https://idp.example/x');
    expect(messageOf(httpUrl(500).safeParse('ftp://idp.example/'))).toBe('must be an http or https URL');
  });
});

describe('dates and date-times', () => {
  it('take real days in 1900–2200 only', () => {
    for (const value of ['1900-01-01', '2024-02-29', '2026-12-31', '2200-12-31'])
      expect(isoDate.safeParse(value).success, value).toBe(true);
    for (const value of ['0000-01-01', '1899-12-31', '2201-01-01', '9999-12-31'])
      expect(messageOf(isoDate.safeParse(value)), value).toBe('must be in the years 1900–2200');
    for (const value of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-1', '02-03-2026', ''])
      expect(messageOf(isoDate.safeParse(value)), value).toMatch(/form YYYY-MM-DD/);
  });

  it('take real moments with a time zone in 1900–2200 only', () => {
    for (const value of ['2026-03-02T10:00:00Z', '2026-03-02T10:00:00+01:00', '2026-03-02T10:00:00.123Z'])
      expect(isoDateTime.safeParse(value).success, value).toBe(true);
    for (const value of ['0000-01-01T00:00:00Z', '2200-12-31T23:30:00-02:00'])
      expect(messageOf(isoDateTime.safeParse(value)), value).toBe('must be in the years 1900–2200');
    for (const value of ['2026-02-30T10:00:00Z', '2026-03-02T25:00:00Z', '2026-03-02T10:00:00', '2026-03-02'])
      expect(messageOf(isoDateTime.safeParse(value)), value).toMatch(/date-time with a time zone/);
  });
});
