import type { overviewCounts } from '../../db/queries/coordination-views.queries.js';
import type { latestScanRun } from '../../db/queries/coordination-scan-runs.queries.js';
import type { RuleDefinition } from '../../domain/coordination/rule.js';
import { RULES } from '../../domain/coordination/rules.js';
import { SECTOR_LABELS, type Sector } from '../../domain/organisation/sectors.js';
import type { CoordinationOverview, CoordinationRule } from '../../domain/coordination/flags.responses.js';

const PAIRWISE_RULES = new Set<string>(['duplicate', 'collision', 'contradiction']);

type PairRow = { a: string; b: string; rule_id: string; n: number };

/** Open flags per pair (of units or sectors), with their rules, most first. */
function pairs(rows: readonly PairRow[], name: (id: string) => string, only?: Set<string>) {
  const grouped = new Map<
    string,
    {
      a: { id: string; name: string };
      b: { id: string; name: string };
      open: number;
      byRule: Record<string, number>;
    }
  >();
  for (const row of rows) {
    if (only && !only.has(row.rule_id)) continue;
    const key = `${row.a}|${row.b}`;
    const entry = grouped.get(key) ?? {
      a: { id: row.a, name: name(row.a) },
      b: { id: row.b, name: name(row.b) },
      open: 0,
      byRule: {},
    };
    entry.open += row.n;
    entry.byRule[row.rule_id] = (entry.byRule[row.rule_id] ?? 0) + row.n;
    grouped.set(key, entry);
  }
  return [...grouped.values()].sort((x, y) => y.open - x.open || x.a.name.localeCompare(y.a.name, 'da'));
}

/** The leaders' coordination overview: flags by rule, by unit and sector pair, and the last scan. */
export function presentOverview(
  counts: Awaited<ReturnType<typeof overviewCounts>>,
  units: readonly { id: string; name: string }[],
  lastScan: Awaited<ReturnType<typeof latestScanRun>>,
): CoordinationOverview {
  const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
  const statuses = ['open', 'acknowledged', 'resolved', 'dismissed'] as const;
  const totals = {
    open: 0,
    acknowledged: 0,
    resolved: 0,
    dismissed: 0,
    citizensWithOpenFlags: counts.citizens,
  };
  const byRule = RULES.map((rule) => {
    const entry = {
      ruleId: rule.id,
      title: rule.title,
      open: 0,
      acknowledged: 0,
      resolved: 0,
      dismissed: 0,
    };
    for (const row of counts.byRule) {
      if (row.rule_id !== rule.id) continue;
      const status = statuses.find((candidate) => candidate === row.status);
      if (status) {
        entry[status] += row.n;
        totals[status] += row.n;
      }
    }
    return entry;
  });
  const sectorName = (id: string): string => SECTOR_LABELS[id as Sector]?.da ?? id;
  const unitLabel = (id: string): string => unitName.get(id) ?? id;
  return {
    totals,
    byRule,
    byUnitPair: pairs(counts.unitPairs, unitLabel).slice(0, 50),
    // A pair is two different sectors; collaboration within one sector is its own table.
    bySectorPair: pairs(
      counts.sectorPairs.filter((row) => row.a !== row.b),
      sectorName,
    ).slice(0, 50),
    withinSector: pairs(
      counts.sectorPairs.filter((row) => row.a === row.b),
      sectorName,
    ).map((pair) => ({ sector: pair.a, open: pair.open, byRule: pair.byRule })),
    mostCollidingUnitPairs: pairs(counts.unitPairs, unitLabel, PAIRWISE_RULES).slice(0, 10),
    lastScan:
      lastScan?.finished_at != null
        ? {
            day: lastScan.day,
            trigger: lastScan.trigger,
            finishedAt: lastScan.finished_at.toISOString(),
            created: lastScan.created,
            resolved: lastScan.resolved,
            failed: lastScan.error !== null,
          }
        : null,
  };
}

/** A rule with the municipality's setting for it. */
export function presentRule(
  rule: RuleDefinition,
  enabled: boolean,
  settings: Record<string, unknown>,
): CoordinationRule {
  return {
    id: rule.id,
    title: rule.title,
    description: rule.description,
    severity: rule.severity,
    enabled,
    settings,
    defaults: rule.defaults,
  };
}
