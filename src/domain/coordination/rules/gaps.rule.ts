import { z } from 'zod';
import type { CitizenFacts } from '../facts.js';
import { type Finding, fingerprintOf, type RuleDefinition } from '../rule.js';
import { addDays } from '../../calendar.js';

export interface GapsSettings extends Record<string, unknown> {
  interventionWithoutSubGoal: boolean;
  subGoalWithoutIntervention: boolean;
  noOwnGoal: boolean;
  noCoordinator: boolean;
  followUpOverdue: boolean;
  /** Days a follow-up may be late before it is flagged. */
  followUpGraceDays: number;
}

/**
 * The places where "one plan" is not coherent yet: an intervention serving no sub-goal, a
 * sub-goal nothing works toward, no goal in the citizen's own words, no coordinator, a
 * follow-up overdue (an intervention's or, since migration 035, a sub-goal's: one rule, one
 * grace period and one switch for both). Only plans someone works on (a current intervention)
 * are judged.
 */
export const gapsRule: RuleDefinition<GapsSettings> = {
  id: 'gaps',
  title: { da: 'Huller i planen', en: 'Gaps in the plan' },
  description: {
    da: 'Indsatser uden delmål, delmål uden indsats, intet mål med borgerens egne ord, ingen koordinator eller en opfølgning, der er overskredet.',
    en: "Interventions serving no sub-goal, sub-goals with no intervention, no goal in the citizen's own words, no coordinator, or an overdue follow-up.",
  },
  severity: 'low',
  defaults: {
    interventionWithoutSubGoal: true,
    subGoalWithoutIntervention: true,
    noOwnGoal: true,
    noCoordinator: true,
    followUpOverdue: true,
    followUpGraceDays: 14,
  },
  settingsSchema: z.strictObject({
    interventionWithoutSubGoal: z.boolean().optional(),
    subGoalWithoutIntervention: z.boolean().optional(),
    noOwnGoal: z.boolean().optional(),
    noCoordinator: z.boolean().optional(),
    followUpOverdue: z.boolean().optional(),
    followUpGraceDays: z.number().int().min(0).max(365).optional(),
  }),
  evaluate(facts: CitizenFacts, settings: GapsSettings, today: string): Finding[] {
    if (facts.interventions.length === 0) return [];
    const findings: Finding[] = [];
    if (settings.noOwnGoal && !facts.hasOwnGoal) {
      findings.push(
        citizenFinding(
          facts.citizenId,
          'no-own-goal',
          'Planen har intet overordnet mål med borgerens egne ord.',
          "The plan has no overall goal in the citizen's own words.",
          'medium',
        ),
      );
    }
    if (settings.noCoordinator && facts.coordinatorId === null) {
      findings.push(
        citizenFinding(
          facts.citizenId,
          'no-coordinator',
          'Ingen er koordinerende sagsbehandler (tovholder) for borgeren.',
          'Nobody is the coordinator for this citizen.',
          'medium',
        ),
      );
    }
    const overdueBefore = daysBefore(today, settings.followUpGraceDays);
    const served = new Set<string>();
    for (const item of facts.interventions) {
      for (const id of item.subGoalIds) served.add(id);
      const about = { subjectIds: [item.id], unitIds: [item.unitId], sectors: [item.sector] };
      if (settings.interventionWithoutSubGoal && item.subGoalIds.length === 0) {
        findings.push({
          ruleId: 'gaps',
          fingerprint: fingerprintOf('gaps', 'intervention-without-sub-goal', [item.id]),
          severity: 'low',
          ...about,
          ownerId: item.responsibleId ?? undefined,
          explanation: {
            da: `${item.typeName} (${item.unitName}) tjener ikke noget delmål i planen.`,
            en: `${item.typeName} (${item.unitName}) serves no sub-goal in the plan.`,
            data: { kind: 'intervention-without-sub-goal' },
          },
        });
      }
      if (settings.followUpOverdue && item.followUpDate !== null && item.followUpDate < overdueBefore) {
        findings.push({
          ruleId: 'gaps',
          fingerprint: fingerprintOf('gaps', `follow-up-overdue-${item.followUpDate}`, [item.id]),
          severity: 'medium',
          ...about,
          ownerId: item.responsibleId ?? undefined,
          explanation: {
            da: `Opfølgningen på ${item.typeName} (${item.unitName}) skulle have været ${item.followUpDate}.`,
            en: `The follow-up of ${item.typeName} (${item.unitName}) was due ${item.followUpDate}.`,
            data: { kind: 'follow-up-overdue', followUpDate: item.followUpDate },
          },
        });
      }
    }
    if (settings.followUpOverdue) {
      for (const goal of facts.subGoals) {
        if (!goal.followUpDate || goal.followUpDate >= overdueBefore) continue;
        findings.push({
          ruleId: 'gaps',
          fingerprint: fingerprintOf('gaps', `follow-up-overdue-${goal.followUpDate}`, [goal.id]),
          severity: 'medium',
          subjectIds: [goal.id],
          unitIds: [],
          sectors: [],
          // The coordinator holds the whole plan's thread, its sub-goals' follow-ups among it.
          ownerId: facts.coordinatorId ?? undefined,
          explanation: {
            da: `Opfølgningen på delmålet "${goal.title}" skulle have været ${goal.followUpDate}.`,
            en: `The follow-up of the sub-goal "${goal.title}" was due ${goal.followUpDate}.`,
            data: { kind: 'follow-up-overdue', followUpDate: goal.followUpDate },
          },
        });
      }
    }
    if (settings.subGoalWithoutIntervention) {
      for (const goal of facts.subGoals) {
        if (served.has(goal.id)) continue;
        findings.push({
          ruleId: 'gaps',
          fingerprint: fingerprintOf('gaps', 'sub-goal-without-intervention', [goal.id]),
          severity: 'low',
          subjectIds: [goal.id],
          unitIds: [],
          sectors: [],
          explanation: {
            da: `Ingen indsats arbejder hen imod delmålet "${goal.title}".`,
            en: `No intervention works toward the sub-goal "${goal.title}".`,
            data: { kind: 'sub-goal-without-intervention' },
          },
        });
      }
    }
    return findings;
  },
};

/** `today` minus `days`, remembered for the last pair asked (the scan asks 50,000 times for the same). */
let lastDaysBefore = { today: '', days: -1, result: '' };
function daysBefore(today: string, days: number): string {
  if (lastDaysBefore.today !== today || lastDaysBefore.days !== days)
    lastDaysBefore = { today, days, result: addDays(today, -days) };
  return lastDaysBefore.result;
}

/** A finding about the plan as a whole (no subject). Module-level: the scan runs the rule per citizen. */
function citizenFinding(
  citizenId: string,
  kind: string,
  da: string,
  en: string,
  severity: Finding['severity'],
): Finding {
  return {
    ruleId: 'gaps',
    fingerprint: fingerprintOf('gaps', kind, [citizenId]),
    severity,
    subjectIds: [],
    unitIds: [],
    sectors: [],
    explanation: { da, en, data: { kind } },
  };
}
