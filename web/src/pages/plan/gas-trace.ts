import type { HistoryEntry } from '../../api/plan.js';

/** One recorded GAS level of a sub-goal, at a time. */
export interface GasPoint {
  at: string;
  level: number;
}

function levelOf(record: Record<string, unknown> | null): number | null | undefined {
  if (!record || !('gasLevel' in record)) return undefined;
  const value = record.gasLevel;
  return typeof value === 'number' ? value : null;
}

/**
 * The GAS levels each sub-goal has had, oldest first, read from the plan's history (the
 * before/after of each change). A level that did not change is not repeated.
 */
export function gasTraces(history: readonly HistoryEntry[]): Map<string, GasPoint[]> {
  const traces = new Map<string, GasPoint[]>();
  const oldestFirst = history
    .filter((entry) => entry.entity === 'sub_goal')
    .sort((a, b) => a.at.localeCompare(b.at) || a.planVersion - b.planVersion);
  for (const entry of oldestFirst) {
    const trace = traces.get(entry.entityId) ?? [];
    const before = levelOf(entry.before);
    const after = levelOf(entry.after);
    if (trace.length === 0 && typeof before === 'number') trace.push({ at: entry.at, level: before });
    if (typeof after === 'number' && trace.at(-1)?.level !== after)
      trace.push({ at: entry.at, level: after });
    traces.set(entry.entityId, trace);
  }
  return traces;
}
