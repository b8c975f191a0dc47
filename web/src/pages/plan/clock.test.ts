import { describe, expect, it } from 'vitest';
import { parseClock } from './clock.js';

describe('parseClock', () => {
  it('reads a time as Danes write it, with a full stop or a colon', () => {
    expect(parseClock('13.30')).toBe('13:30');
    expect(parseClock('9.05')).toBe('09:05');
    expect(parseClock(' 08:00 ')).toBe('08:00');
    expect(parseClock('0.00')).toBe('00:00');
    expect(parseClock('23.59')).toBe('23:59');
  });

  it('refuses what is not a time of day', () => {
    for (const text of ['', '13', '24.00', '12.60', '1330', '13.3', 'kl. 13', '13.30.00']) {
      expect(parseClock(text), text).toBeNull();
    }
  });
});
