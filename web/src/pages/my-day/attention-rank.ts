import type { AttentionItem } from '../../api/workspace.js';

/** Open coordination flags of one citizen, as My day counts them (GET /api/my-day/flags). */
export interface FlagCount {
  open: number;
  high: number;
}

/** One thing that needs attention, as a tag: severe ones first, minor ones last. */
export interface AttentionSignal {
  key:
    | 'flagsHigh'
    | 'followUpsOverdue'
    | 'subGoalsPastDate'
    | 'noActiveIntervention'
    | 'followUpsDueSoon'
    | 'flags'
    | 'gaps'
    | 'changedSinceLastVisit';
  severity: 'severe' | 'moderate' | 'minor';
  count: number;
}

/**
 * What needs attention for one citizen, most severe first: a severe coordination flag and an
 * overdue follow-up come before a sub-goal past its date, which comes before a gap or a change
 * by a colleague. The flags are part of it, so a citizen with a severe flag never reads
 * "nothing right now".
 */
export function attentionSignals(item: AttentionItem, flags: FlagCount | undefined): AttentionSignal[] {
  const a = item.attention;
  const high = flags?.high ?? 0;
  const otherFlags = (flags?.open ?? 0) - high;
  const signals: AttentionSignal[] = [
    { key: 'flagsHigh', severity: 'severe', count: high },
    { key: 'followUpsOverdue', severity: 'severe', count: a.followUpsOverdue },
    { key: 'subGoalsPastDate', severity: 'moderate', count: a.subGoalsPastDate },
    { key: 'noActiveIntervention', severity: 'moderate', count: Number(a.noActiveIntervention) },
    { key: 'followUpsDueSoon', severity: 'moderate', count: a.followUpsDueSoon },
    { key: 'flags', severity: 'moderate', count: otherFlags },
    { key: 'gaps', severity: 'minor', count: a.gaps },
    { key: 'changedSinceLastVisit', severity: 'minor', count: Number(a.changedSinceLastVisit) },
  ];
  return signals.filter((signal) => signal.count > 0);
}

/**
 * The severity-first rank: any severe signal outranks any number of moderate ones, and any
 * moderate one outranks any number of minor ones; within a level, more counts more.
 */
export function severityRank(item: AttentionItem, flags: FlagCount | undefined): number {
  const weight = { severe: 1_000_000, moderate: 1_000, minor: 1 } as const;
  return attentionSignals(item, flags).reduce(
    (sum, signal) => sum + weight[signal.severity] * Math.min(signal.count, 999),
    0,
  );
}
