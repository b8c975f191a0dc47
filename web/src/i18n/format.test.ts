import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney } from './format.js';

describe('formatDate', () => {
  it('writes a calendar day the Danish way', () => {
    expect(formatDate('2026-11-01', 'da')).toBe('1. nov. 2026');
  });

  it('writes a calendar day in English', () => {
    expect(formatDate('2026-11-01', 'en')).toBe('1 Nov 2026');
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatDate('soon', 'da')).toBe('soon');
  });
});

describe('formatDateTime', () => {
  it('shows the time in Danish time, also across midnight UTC', () => {
    expect(formatDateTime('2026-10-31T23:30:00Z', 'da')).toContain('1. nov. 2026');
  });
});

describe('formatMoney', () => {
  it('turns øre into kroner', () => {
    expect(formatMoney(123456, 'da').replace(/\s/g, ' ')).toBe('1.234,56 kr.');
  });
});
