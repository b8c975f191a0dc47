import { z } from 'zod';
import { token } from '../../common/text.schemas.js';
import type { CitizenFacts } from '../facts.js';
import {
  type Finding,
  isRunning,
  pairFinding,
  pairsOf,
  periodsOverlap,
  type RuleDefinition,
} from '../rule.js';

export interface ContradictionSettings extends Record<string, unknown> {
  /** Pairs of purpose categories that pull in opposite directions. */
  pairs: [string, string][];
}

/** Running interventions whose purposes pull in opposite directions, from the municipality's table. */
export const contradictionRule: RuleDefinition<ContradictionSettings> = {
  id: 'contradiction',
  title: { da: 'Modsatrettede indsatser', en: 'Contradicting interventions' },
  description: {
    da: 'To indsatser trækker i hver sin retning, fx et jobmål mens en anden enhed forbereder en sag om førtidspension.',
    en: 'Two interventions pull in opposite directions, e.g. a job goal while another unit prepares a disability-pension case.',
  },
  severity: 'high',
  defaults: {
    pairs: [
      ['job', 'disability-pension-prep'],
      ['education', 'disability-pension-prep'],
    ],
  },
  settingsSchema: z.strictObject({
    pairs: z
      .array(z.tuple([token(100).min(1), token(100).min(1)]))
      .max(100)
      .optional(),
  }),
  evaluate(facts: CitizenFacts, settings: ContradictionSettings, today: string): Finding[] {
    const opposite = oppositeCategories(settings.pairs);
    const running = facts.interventions.filter((item) => isRunning(item, today));
    const findings: Finding[] = [];
    for (const [a, b] of pairsOf(running)) {
      if (!opposite.has(`${a.category}|${b.category}`) || !periodsOverlap(a, b)) continue;
      findings.push(
        pairFinding('contradiction', 'categories', 'high', a, b, {
          da: `${a.typeName} (${a.unitName}) og ${b.typeName} (${b.unitName}) trækker i hver sin retning. Tal sammen om, hvad målet er.`,
          en: `${a.typeName} (${a.unitName}) and ${b.typeName} (${b.unitName}) pull in opposite directions. Agree on what the goal is.`,
          data: { kind: 'categories', categories: [a.category, b.category] },
        }),
      );
    }
    return findings;
  },
};

/** The pairs as a set of "a|b" and "b|a", made once per settings (the scan runs the rule per citizen). */
const oppositeCache = new WeakMap<ContradictionSettings['pairs'], Set<string>>();
function oppositeCategories(pairs: ContradictionSettings['pairs']): Set<string> {
  let opposite = oppositeCache.get(pairs);
  if (!opposite) {
    opposite = new Set(pairs.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
    oppositeCache.set(pairs, opposite);
  }
  return opposite;
}
