import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUuidV7, IdSource } from './ids.js';
import { deriveSeed, Random } from './random.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Random', () => {
  it('gives the same sequence for the same seed', () => {
    const draw = (seed: number): number[] => {
      const random = new Random(seed);
      return Array.from({ length: 20 }, () => random.nextUint32());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('is pinned: a change to the generator shows up here, not as silently different data', () => {
    const random = Random.of(1, 'citizen', 0);
    expect([random.nextUint32(), random.nextUint32(), random.nextUint32()]).toEqual([
      2117250754, 4055438246, 384828859,
    ]);
  });

  it('derives independent streams from names and numbers', () => {
    expect(deriveSeed(1, 'citizen', 0)).toBe(deriveSeed(1, 'citizen', 0));
    expect(deriveSeed(1, 'citizen', 0)).not.toBe(deriveSeed(1, 'citizen', 1));
    expect(deriveSeed(1, 'citizen', 0)).not.toBe(deriveSeed(1, 'cpr', 0));
    expect(deriveSeed(2 ** 32 + 1)).not.toBe(deriveSeed(1));
  });

  it('draws integers within bounds and floats in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), (seed, min, span) => {
        const random = new Random(seed);
        for (let draw = 0; draw < 50; draw++) {
          const value = random.int(min, min + span);
          expect(value).toBeGreaterThanOrEqual(min);
          expect(value).toBeLessThanOrEqual(min + span);
          const unit = random.next();
          expect(unit).toBeGreaterThanOrEqual(0);
          expect(unit).toBeLessThan(1);
        }
      }),
    );
  });

  it('picks by weight roughly in proportion', () => {
    const random = new Random(7);
    const counts = { a: 0, b: 0 };
    for (let draw = 0; draw < 10_000; draw++)
      counts[
        random.weighted([
          ['a', 1],
          ['b', 3],
        ] as const)
      ]++;
    expect(counts.b / 10_000).toBeGreaterThan(0.72);
    expect(counts.b / 10_000).toBeLessThan(0.78);
  });
});

describe('ids', () => {
  it('are valid, unique, ordered UUID v7 values and the same for the same seed', () => {
    const make = (): string[] => {
      const ids = new IdSource(Date.UTC(2026, 9, 31), 3, Random.of(1, 'ids'));
      return Array.from({ length: 9000 }, () => ids.next());
    };
    const first = make();
    expect(first).toEqual(make());
    for (const id of first) expect(id).toMatch(UUID_V7);
    expect(new Set(first).size).toBe(first.length);
    expect([...first].sort()).toEqual(first);
  });

  it('carry the timestamp in the first 48 bits', () => {
    const millisecond = Date.UTC(2026, 9, 31, 12, 0, 0);
    const id = formatUuidV7(millisecond, 5, new Random(1));
    expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(millisecond);
    expect(id.slice(15, 18)).toBe('005');
  });

  it('refuse to run past their reserved range instead of colliding with the next source', () => {
    const ids = new IdSource(0, 1, new Random(1));
    for (let count = 0; count < 4096; count++) ids.next();
    expect(() => ids.next()).toThrow(/used up/);
  });
});
