import type { CitizenFacts } from './facts.js';
import type { OwnedFinding, RuleDefinition, RuleId } from './rule.js';
import { RULES } from './rules.js';

/** A municipality's choices for one rule; anything left out takes the rule's default. */
export interface RuleChoice {
  enabled: boolean;
  settings: Record<string, unknown>;
}
export type MunicipalityRuleChoices = Partial<Record<RuleId, RuleChoice>>;

/** A rule ready to run: its definition and its effective settings. */
export interface ActiveRule {
  rule: RuleDefinition;
  settings: Record<string, unknown>;
}

/** The rules a municipality runs, with their settings merged over the defaults. */
export function activeRules(choices: MunicipalityRuleChoices): ActiveRule[] {
  return RULES.filter((rule) => choices[rule.id]?.enabled !== false).map((rule) => ({
    rule,
    settings: { ...rule.defaults, ...(choices[rule.id]?.settings ?? {}) },
  }));
}

/**
 * Runs the rules over one citizen's facts. Each finding gets an owner: the one the rule named,
 * else the coordinator, else the responsible professional of the first intervention it concerns.
 */
export function evaluateCitizen(
  facts: CitizenFacts,
  rules: readonly ActiveRule[],
  today: string,
): OwnedFinding[] {
  const findings: OwnedFinding[] = [];
  // Made only when a finding names no owner and the citizen has no coordinator.
  let responsibleOf: Map<string, string | null> | null = null;
  const firstResponsible = (subjectIds: readonly string[]): string | null => {
    responsibleOf ??= new Map(facts.interventions.map((item) => [item.id, item.responsibleId]));
    for (const id of subjectIds) {
      const responsible = responsibleOf.get(id);
      if (responsible !== undefined && responsible !== null) return responsible;
    }
    return null;
  };
  for (const { rule, settings } of rules) {
    for (const finding of rule.evaluate(facts, settings, today)) {
      findings.push({
        ...finding,
        ownerId: finding.ownerId ?? facts.coordinatorId ?? firstResponsible(finding.subjectIds),
      });
    }
  }
  return findings;
}
