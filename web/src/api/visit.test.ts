import { describe, expect, it } from 'vitest';
import { visitId } from './visit.js';

describe('the page visit id', () => {
  it('is one UUID while the page stays, and a new one when the path changes', () => {
    const first = visitId('/borgere/a/plan');
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(visitId('/borgere/a/plan')).toBe(first);
    const second = visitId('/mit-overblik');
    expect(second).not.toBe(first);
    expect(visitId('/borgere/a/plan')).not.toBe(first);
  });
});
