import { collisionRule } from './rules/collision.rule.js';
import { contradictionRule } from './rules/contradiction.rule.js';
import { duplicateRule } from './rules/duplicate.rule.js';
import { gapsRule } from './rules/gaps.rule.js';
import { pyramidRule } from './rules/pyramid.rule.js';
import { referralOverdueRule } from './rules/referral-overdue.rule.js';
import { stalledRule } from './rules/stalled.rule.js';
import type { RuleDefinition, RuleId } from './rule.js';

/** Every coordination rule, in the order they are shown. */
export const RULES: readonly RuleDefinition[] = [
  duplicateRule,
  collisionRule,
  contradictionRule,
  gapsRule,
  stalledRule,
  pyramidRule,
  referralOverdueRule,
] as unknown as readonly RuleDefinition[];

/** The rule with this id. */
export function ruleById(id: RuleId): RuleDefinition {
  const rule = RULES.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`Unknown coordination rule ${id}`);
  return rule;
}
