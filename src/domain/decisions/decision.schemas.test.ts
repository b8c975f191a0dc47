import { describe, expect, it } from 'vitest';
import { hearingOpen } from './decision.schemas.js';

describe('a hearing', () => {
  it('is open through its last day, closed after it and once the decision is final', () => {
    expect(hearingOpen('hearing', '2026-12-17', '2026-12-17')).toBe(true);
    expect(hearingOpen('hearing', '2026-12-17', '2026-12-18')).toBe(false);
    expect(hearingOpen('final', '2026-12-17', '2026-12-10')).toBe(false);
    expect(hearingOpen('hearing', null, '2026-12-10')).toBe(false);
  });
});
