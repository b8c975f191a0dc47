import { z } from 'zod';
import type { CitizenFacts } from '../facts.js';
import { type Finding, fingerprintOf, type RuleDefinition } from '../rule.js';

export interface PyramidSettings extends Record<string, unknown> {
  /** The level counted as specialised (the activity pyramid's top, 5). */
  specialisedLevel: number;
  /** Relatives, network or civil society on the team count as lower-level support. */
  networkCounts: boolean;
}

/** Most help from the bottom: a specialised intervention with no lower-level support considered. */
export const pyramidRule: RuleDefinition<PyramidSettings> = {
  id: 'pyramid',
  title: { da: 'Aktivitetspyramiden', en: 'Activity pyramid' },
  description: {
    da: 'En specialiseret indsats er sat i gang, uden at egen indsats, netværk, civilsamfund eller almene tilbud er overvejet.',
    en: 'A specialised intervention started with no own effort, network, civil-society or general support considered.',
  },
  severity: 'low',
  defaults: { specialisedLevel: 5, networkCounts: true },
  settingsSchema: z.strictObject({
    specialisedLevel: z.number().int().min(2).max(5).optional(),
    networkCounts: z.boolean().optional(),
  }),
  evaluate(facts: CitizenFacts, settings: PyramidSettings): Finding[] {
    const specialised = facts.interventions.filter(
      (item) => item.status === 'active' && item.pyramidLevel >= settings.specialisedLevel,
    );
    if (specialised.length === 0) return [];
    const lower = facts.interventions.some((item) => item.pyramidLevel < settings.specialisedLevel);
    if (lower || (settings.networkCounts && facts.hasNetworkSupport)) return [];
    return specialised.map((item) => ({
      ruleId: 'pyramid',
      fingerprint: fingerprintOf('pyramid', 'no-lower-level', [item.id]),
      severity: 'low',
      subjectIds: [item.id],
      unitIds: [item.unitId],
      sectors: [item.sector],
      ownerId: item.responsibleId ?? undefined,
      explanation: {
        da: `${item.typeName} (${item.unitName}) er et specialiseret tilbud, og planen viser ingen mindre indgribende støtte (egen indsats, netværk, civilsamfund eller almene tilbud).`,
        en: `${item.typeName} (${item.unitName}) is a specialised service and the plan shows no less intrusive support (own effort, network, civil society or general services).`,
        data: { kind: 'no-lower-level', level: item.pyramidLevel },
      },
    }));
  },
};
