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
  for (const { rule, settings } of rules) {
    for (const finding of rule.evaluate(facts, settings, today)) {
      findings.push({
        ...finding,
        ownerId: finding.ownerId ?? facts.coordinatorId ?? firstResponsible(facts, finding.subjectIds),
      });
    }
  }
  return findings;
}

/** The responsible professional of the first subject that has one (subjects may be sub-goals too). */
function firstResponsible(facts: CitizenFacts, subjectIds: readonly string[]): string | null {
  for (const id of subjectIds) {
    const responsible = facts.interventions.find((item) => item.id === id)?.responsibleId;
    if (responsible !== undefined && responsible !== null) return responsible;
  }
  return null;
}
