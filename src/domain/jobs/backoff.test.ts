import { describe, expect, it } from 'vitest';
import { afterFailure, RETRY_CAP_MS, retryDelayMs } from './backoff.js';

describe('job retry backoff', () => {
  it('waits 30 s, then four times longer each time', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 120_000, 480_000, 1_920_000]);
  });

  it('never waits more than six hours, and grows monotonically', () => {
    const delays = Array.from({ length: 40 }, (_, index) => retryDelayMs(index + 1));
    expect(Math.max(...delays)).toBe(RETRY_CAP_MS);
    for (let index = 1; index < delays.length; index += 1)
      expect(delays[index]).toBeGreaterThanOrEqual(delays[index - 1] ?? 0);
  });

  it('gives up after the last attempt', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    expect(afterFailure(1, 5, now)).toEqual({ status: 'queued', runAt: new Date('2026-03-02T10:00:30Z') });
    expect(afterFailure(4, 5, now).status).toBe('queued');
    expect(afterFailure(5, 5, now)).toEqual({ status: 'dead', runAt: null });
  });
});
