import { z } from 'zod';
import type { CitizenFacts } from '../facts.js';
import { type Finding, fingerprintOf, type RuleDefinition } from '../rule.js';
import { addMonths } from '../../calendar.js';
import { pathwayName } from '../../plan/pathways.js';

export interface StalledSettings extends Record<string, unknown> {
  /** Months from a pathway's start within which an intervention must have started (LAB: 6). */
  monthsToFirstIntervention: number;
  /** How many of the latest GAS follow-ups must be flat or falling. */
  followUpsWithoutProgress: number;
}

/**
 * "Change what doesn't work": no intervention started within N months of a pathway's start,
 * or a sub-goal's measured progress (GAS) flat or falling over the last K follow-ups.
 */
export const stalledRule: RuleDefinition<StalledSettings> = {
  id: 'stalled',
  title: { da: 'Forløbet står stille', en: 'Stalled pathway' },
  description: {
    da: 'Ingen indsats er sat i gang inden for fristen efter forløbets start, en fase i forløbet er over sin frist, eller et delmål rykker sig ikke over flere opfølgninger.',
    en: 'No intervention started within the deadline after the pathway began, a stage of the pathway is past its deadline, or a sub-goal has not moved over several follow-ups.',
  },
  severity: 'high',
  defaults: { monthsToFirstIntervention: 6, followUpsWithoutProgress: 3 },
  settingsSchema: z.strictObject({
    monthsToFirstIntervention: z.number().int().min(1).max(36).optional(),
    followUpsWithoutProgress: z.number().int().min(2).max(12).optional(),
  }),
  evaluate(facts: CitizenFacts, settings: StalledSettings, today: string): Finding[] {
    const findings: Finding[] = [];
    const pathway = facts.pathway;
    // The pathway's template version sets the months (decision 0019); a template without the
    // rule raises no such flag; facts without a template take the municipality's setting.
    const months =
      pathway?.monthsToFirstIntervention === undefined
        ? settings.monthsToFirstIntervention
        : pathway.monthsToFirstIntervention;
    if (pathway && pathway.firstStartedOn === null && months !== null) {
      const deadline = addMonths(pathway.startDate, months);
      if (deadline < today) {
        findings.push({
          ruleId: 'stalled',
          fingerprint: fingerprintOf(
            'stalled',
            `no-intervention-${pathway.templateCode}-${pathway.startDate}`,
            [facts.citizenId],
          ),
          severity: 'high',
          subjectIds: [],
          unitIds: [],
          sectors: [],
          explanation: {
            da: `Forløbet (${pathwayName(pathway.templateCode).da}) startede ${pathway.startDate}, og ingen indsats er sat i gang inden for ${months} måneder. Sagen skal tilbage til teamet.`,
            en: `The pathway (${pathwayName(pathway.templateCode).en}) started ${pathway.startDate} and no intervention has started within ${months} months. The case must go back to the team.`,
            data: { kind: 'no-intervention-started', deadline, pathwayStart: pathway.startDate },
          },
        });
      }
    }
    findings.push(...overdueStages(facts, today));
    const k = settings.followUpsWithoutProgress;
    for (const goal of facts.subGoals) {
      if (goal.gasHistory.length < k) continue;
      const latest = goal.gasHistory.slice(-k);
      const notRising = latest.every((level, index) => index === 0 || level <= (latest[index - 1] as number));
      if (!notRising || (latest.at(-1) as number) >= 2) continue;
      const falling = (latest.at(-1) as number) < (latest[0] as number);
      findings.push({
        ruleId: 'stalled',
        fingerprint: fingerprintOf('stalled', 'gas-not-improving', [goal.id]),
        severity: falling ? 'high' : 'medium',
        subjectIds: [goal.id],
        unitIds: [],
        sectors: [],
        explanation: {
          da: `Delmålet "${goal.title}" er ${falling ? 'gået tilbage' : 'ikke rykket sig'} over de sidste ${k} opfølgninger (GAS ${latest.join(' → ')}). Skal indsatsen ændres?`,
          en: `The sub-goal "${goal.title}" has ${falling ? 'gone back' : 'not moved'} over the last ${k} follow-ups (GAS ${latest.join(' → ')}). Should the intervention change?`,
          data: { kind: 'gas-not-improving', levels: latest },
        },
      });
    }
    return findings;
  },
};

/** A running pathway's stage past its deadline, when its template flags that (decision 0019). */
function overdueStages(facts: CitizenFacts, today: string): Finding[] {
  return (facts.dueStages ?? [])
    .filter((stage) => stage.dueDate < today)
    .map((stage) => ({
      ruleId: 'stalled' as const,
      fingerprint: fingerprintOf('stalled', `stage-overdue-${stage.stageCode}-${stage.since}`, [
        stage.pathwayId,
      ]),
      severity: 'medium' as const,
      subjectIds: [],
      unitIds: [],
      sectors: [],
      explanation: {
        da: `Forløbet (${stage.pathwayName.da}) har været i fasen "${stage.stageName.da}" siden ${stage.since}, og fristen var ${stage.dueDate}. Skal forløbet videre?`,
        en: `The pathway (${stage.pathwayName.en}) has been in the stage "${stage.stageName.en}" since ${stage.since}, and it was due ${stage.dueDate}. Should the pathway move on?`,
        data: {
          kind: 'stage-overdue',
          pathwayId: stage.pathwayId,
          stage: stage.stageCode,
          dueDate: stage.dueDate,
        },
      },
    }));
}
