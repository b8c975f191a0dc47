import type { z } from 'zod';
import type { CitizenFacts, InterventionFact } from './facts.js';

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULE_IDS = [
  'duplicate',
  'collision',
  'contradiction',
  'gaps',
  'stalled',
  'pyramid',
  'referral-overdue',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface Text {
  da: string;
  en: string;
}

/** What a rule found: the data it looked at, why it matters, and a fingerprint that never changes for the same problem. */
export interface Finding {
  ruleId: RuleId;
  /** Stable for the same problem on the same data: re-running a check never duplicates a flag. */
  fingerprint: string;
  severity: Severity;
  /** The interventions, sub-goals or referrals the rule looked at. */
  subjectIds: string[];
  unitIds: string[];
  sectors: string[];
  /** Who should act; when a rule leaves it out, the coordinator (or the first subject's responsible). */
  ownerId?: string | null;
  explanation: Text & { data: Record<string, unknown> };
}

/** A finding as stored: with its owner settled. */
export type OwnedFinding = Finding & { ownerId: string | null };

/** One coordination rule: pure, fast, explained in Danish and English, with configurable settings. */
export interface RuleDefinition<Settings extends Record<string, unknown> = Record<string, unknown>> {
  id: RuleId;
  title: Text;
  description: Text;
  severity: Severity;
  defaults: Settings;
  /** Validates a municipality's settings (all keys optional; missing keys take the defaults). */
  settingsSchema: z.ZodType<Partial<Settings>>;
  evaluate(facts: CitizenFacts, settings: Settings, today: string): Finding[];
}

/** Whether an intervention is running or about to: what can duplicate, collide or contradict. */
export function isRunning(item: InterventionFact, today: string): boolean {
  return (
    (item.status === 'active' || item.status === 'planned') &&
    (item.endDate === null || item.endDate >= today)
  );
}

/** Whether two interventions' periods overlap (open ends run forever). */
export function periodsOverlap(a: InterventionFact, b: InterventionFact): boolean {
  return a.startDate <= (b.endDate ?? '9999-12-31') && b.startDate <= (a.endDate ?? '9999-12-31');
}

/** The fingerprint of a problem: the rule, a kind, and the sorted ids it concerns. */
export function fingerprintOf(ruleId: RuleId, kind: string, ids: readonly string[]): string {
  return `${ruleId}:${kind}:${[...ids].sort().join(',')}`;
}

/** Distinct values in first-seen order. */
export function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Every unordered pair of a list, in order. */
export function* pairsOf<T>(items: readonly T[]): Generator<[T, T]> {
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) yield [items[i] as T, items[j] as T];
  }
}

/** A finding about two interventions (duplicate, collision, contradiction). */
export function pairFinding(
  ruleId: RuleId,
  kind: string,
  severity: Severity,
  a: InterventionFact,
  b: InterventionFact,
  explanation: Finding['explanation'],
): Finding {
  return {
    ruleId,
    fingerprint: fingerprintOf(ruleId, kind, [a.id, b.id]),
    severity,
    subjectIds: [a.id, b.id].sort(),
    unitIds: distinct([a.unitId, b.unitId]),
    sectors: distinct([a.sector, b.sector]),
    explanation,
  };
}
