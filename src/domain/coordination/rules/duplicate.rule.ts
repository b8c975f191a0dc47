import { z } from 'zod';
import { token } from '../../common/text.schemas.js';
import { categoryLabel } from '../categories.js';
import type { CitizenFacts } from '../facts.js';
import {
  type Finding,
  isRunning,
  pairFinding,
  pairsOf,
  periodsOverlap,
  type RuleDefinition,
} from '../rule.js';

export interface DuplicateSettings extends Record<string, unknown> {
  /**
   * Purpose categories where two services from different sectors do the same work (two
   * coordinating plans, two guidance processes toward education, …). Two interventions of
   * the same type from different units are always duplicates.
   */
  categories: string[];
}

/** Two running interventions of the same type, or the same purpose across sectors, from different units. */
export const duplicateRule: RuleDefinition<DuplicateSettings> = {
  id: 'duplicate',
  title: { da: 'Dobbelt indsats', en: 'Duplicate intervention' },
  description: {
    da: 'To enheder giver samtidig den samme slags indsats. Aftal, hvem der fortsætter.',
    en: 'Two units are providing the same kind of help at the same time. Agree who continues.',
  },
  severity: 'high',
  defaults: { categories: ['coordination', 'education', 'housing', 'economy'] },
  settingsSchema: z.strictObject({ categories: z.array(token(100).min(1)).max(50).optional() }),
  evaluate(facts: CitizenFacts, settings: DuplicateSettings, today: string): Finding[] {
    const running = facts.interventions.filter((item) => isRunning(item, today));
    const findings: Finding[] = [];
    for (const [a, b] of pairsOf(running)) {
      if (a.unitId === b.unitId || !periodsOverlap(a, b)) continue;
      if (a.typeId === b.typeId) {
        findings.push(
          pairFinding('duplicate', 'type', 'high', a, b, {
            da: `Samme indsats (${a.typeName}) gives både af ${a.unitName} og ${b.unitName} i samme periode.`,
            en: `The same intervention (${a.typeName}) is provided by both ${a.unitName} and ${b.unitName} in the same period.`,
            data: { kind: 'type', typeId: a.typeId, units: [a.unitId, b.unitId] },
          }),
        );
      } else if (
        a.category === b.category &&
        a.sector !== b.sector &&
        settings.categories.includes(a.category)
      ) {
        findings.push(
          pairFinding('duplicate', 'category', 'medium', a, b, {
            da: `${a.unitName} (${a.typeName}) og ${b.unitName} (${b.typeName}) arbejder med det samme formål (${categoryLabel(a.category, 'da')}) i samme periode.`,
            en: `${a.unitName} (${a.typeName}) and ${b.unitName} (${b.typeName}) work toward the same purpose (${categoryLabel(a.category, 'en')}) in the same period.`,
            data: { kind: 'category', category: a.category, units: [a.unitId, b.unitId] },
          }),
        );
      }
    }
    return findings;
  },
};
