import { describe, expect, it } from 'vitest';
import {
  type CitizenGas,
  gasChangeBand,
  gasDistribution,
  gasScoreBand,
  latestGas,
} from './gas-distribution.js';

describe('GAS bands', () => {
  it('put a boundary value in the band above it', () => {
    expect([39.99, 40, 49.99, 50, 59.99, 60, 80].map(gasScoreBand)).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect([-0.01, 0, 4.99, 5, 9.99, 10, 30].map(gasChangeBand)).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });
});

describe("a citizen's latest GAS in a year", () => {
  const records = [
    { subGoalId: 'a', level: -1, at: '2025-11-01T10:00:00Z', weight: 2 },
    { subGoalId: 'b', level: -1, at: '2026-02-01T10:00:00Z', weight: 1 },
    { subGoalId: 'a', level: 1, at: '2026-05-01T10:00:00Z', weight: 2 },
    { subGoalId: 'a', level: 2, at: '2027-01-02T10:00:00Z', weight: 2 },
  ];
  it('is the T-score after the last follow-up before the end of the year, beside the first one', () => {
    // Baseline: a alone at −1 → 40. End of 2026: a +1 (w 2), b −1 (w 1):
    // 50 + 10·(2 − 1)/√(0.7·5 + 0.3·9) = 50 + 10/√6.2 = 54.016…
    expect(latestGas(records, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual({
      tScore: 54.02,
      change: 14.02,
    });
    // Only the baseline by the end of 2025: counted, but no change yet.
    expect(latestGas(records, '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toEqual({
      tScore: 40,
      change: null,
    });
    // No follow-up in 2024.
    expect(latestGas(records, '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z')).toBeNull();
  });
});

describe('the GAS distribution', () => {
  /** A small deterministic generator, so the data are the same every run. */
  function* numbers(seed: number): Generator<number> {
    let state = seed;
    for (;;) {
      state = (state * 1103515245 + 12345) % 2147483648;
      yield state / 2147483648;
    }
  }

  it('counts every citizen in the band a direct computation gives, and hides small cells', () => {
    const random = numbers(7);
    const next = () => random.next().value as number;
    const citizens: CitizenGas[] = [];
    for (let index = 0; index < 90; index++) {
      const goals = 1 + Math.floor(next() * 3);
      const records = [];
      for (let goal = 0; goal < goals; goal++) {
        const weight = 1 + Math.floor(next() * 3);
        const followUps = 1 + Math.floor(next() * 3);
        for (let time = 0; time < followUps; time++) {
          const month = 1 + goal + 3 * time;
          records.push({
            subGoalId: `g${goal}`,
            level: Math.floor(next() * 5) - 2,
            at: `2026-${String(month).padStart(2, '0')}-15T10:00:00Z`,
            weight,
          });
        }
      }
      citizens.push({ row: index % 3, records });
    }
    const result = gasDistribution(citizens, 3, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');

    // The direct computation: each sub-goal's last level, T by the formula, then the band.
    const direct = {
      scores: [0, 1, 2].map(() => [0, 0, 0, 0]),
      changes: [0, 1, 2].map(() => [0, 0, 0, 0]),
    };
    const t = (goals: { level: number; weight: number }[]) => {
      const wx = goals.reduce((s, g) => s + g.weight * g.level, 0);
      const w2 = goals.reduce((s, g) => s + g.weight ** 2, 0);
      const w = goals.reduce((s, g) => s + g.weight, 0);
      return Math.round(100 * (50 + (10 * wx) / Math.sqrt(0.7 * w2 + 0.3 * w * w))) / 100;
    };
    const band = (value: number, limits: number[]) => limits.filter((limit) => value >= limit).length;
    for (const citizen of citizens) {
      const sorted = [...citizen.records].sort((a, b) => a.at.localeCompare(b.at));
      const times = [...new Set(sorted.map((r) => r.at))];
      const at = (time: string) => {
        const latest = new Map<string, { level: number; weight: number }>();
        for (const r of sorted)
          if (r.at <= time) latest.set(r.subGoalId, { level: r.level, weight: r.weight ?? 1 });
        return t([...latest.values()]);
      };
      const last = at(times.at(-1) as string);
      const scores = direct.scores[citizen.row] as number[];
      scores[band(last, [40, 50, 60])] = (scores[band(last, [40, 50, 60])] as number) + 1;
      if (times.length > 1) {
        const change = Math.round(100 * (last - at(times[0] as string))) / 100;
        const changes = direct.changes[citizen.row] as number[];
        changes[band(change, [0, 5, 10])] = (changes[band(change, [0, 5, 10])] as number) + 1;
      }
    }

    expect(result.citizens).toBe(90);
    for (const [name, table] of [
      ['scores', result.scores],
      ['changes', result.changes],
    ] as const) {
      const expected = direct[name];
      let shown = 0;
      table.cells.forEach((row, r) => {
        row.forEach((cell, c) => {
          const count = (expected[r] as number[])[c] as number;
          if (cell.hidden === null) {
            expect(cell.citizens, `${name} ${r},${c}`).toBe(count);
            if (count > 0) shown++;
          } else expect(cell.citizens).toBeNull();
          if (count > 0 && count < 5) expect(cell.hidden, `${name} ${r},${c}`).toBe('small');
        });
      });
      // The column totals are the overall distribution.
      table.columnTotals.forEach((cell, c) => {
        const count = expected.reduce((sum, row) => sum + (row[c] as number), 0);
        if (cell.hidden === null) expect(cell.citizens).toBe(count);
      });
      // A single hidden cell in a row could be recomputed from the row's total.
      table.cells.forEach((row, r) => {
        const inRow = row.filter((cell) => cell.hidden !== null).length;
        if (table.rowTotals[r]?.hidden === null) expect(inRow).not.toBe(1);
      });
      // The data are not so small that everything is hidden.
      expect(shown, name).toBeGreaterThan(3);
    }
    expect(result.changes.total.citizens).toBe(
      citizens.filter((c) => new Set(c.records.map((r) => r.at)).size > 1).length,
    );
  });
});
