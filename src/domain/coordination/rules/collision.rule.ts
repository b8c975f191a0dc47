import { z } from 'zod';
import type { CitizenFacts, InterventionFact } from '../facts.js';
import { WEEKDAY_LABELS, WEEKDAYS, type Weekday, scheduleOverlap } from '../schedule.js';
import {
  distinct,
  type Finding,
  fingerprintOf,
  isRunning,
  pairFinding,
  pairsOf,
  periodsOverlap,
  type RuleDefinition,
} from '../rule.js';

export interface CollisionSettings extends Record<string, unknown> {
  /** Overlap in a week below this many minutes is a matter of minutes, not a clash. */
  minimumOverlapMinutes: number;
  /** More home visits than this by different units on one weekday is too many. */
  maxHomeVisitUnitsPerDay: number;
}

/** Weekly schedules that clash, and days with too many home visits by different units. */
export const collisionRule: RuleDefinition<CollisionSettings> = {
  id: 'collision',
  title: { da: 'Indsatser kolliderer', en: 'Schedules collide' },
  description: {
    da: 'Indsatser fra forskellige enheder ligger på de samme tidspunkter, eller for mange enheder kommer i hjemmet samme dag.',
    en: 'Interventions from different units take the same hours, or too many units visit the home on one day.',
  },
  severity: 'medium',
  defaults: { minimumOverlapMinutes: 30, maxHomeVisitUnitsPerDay: 3 },
  settingsSchema: z.strictObject({
    minimumOverlapMinutes: z.number().int().min(1).max(600).optional(),
    maxHomeVisitUnitsPerDay: z.number().int().min(1).max(20).optional(),
  }),
  evaluate(facts: CitizenFacts, settings: CollisionSettings, today: string): Finding[] {
    const scheduled = facts.interventions.filter((item) => item.schedule !== null && isRunning(item, today));
    const findings: Finding[] = [];
    for (const [a, b] of pairsOf(scheduled)) {
      if (a.unitId === b.unitId || !periodsOverlap(a, b)) continue;
      const overlap = scheduleOverlap(a.schedule ?? [], b.schedule ?? []);
      const minutes = overlap.reduce((sum, day) => sum + day.minutes, 0);
      if (minutes < settings.minimumOverlapMinutes) continue;
      const days = overlap.map((day) => day.day);
      findings.push(
        pairFinding(
          'collision',
          'schedule',
          a.businessDirected || b.businessDirected ? 'high' : 'medium',
          a,
          b,
          {
            da: `${a.typeName} (${a.unitName}) og ${b.typeName} (${b.unitName}) ligger på samme tid ${listDays(days, 'da')} – ${minutes} minutter om ugen.`,
            en: `${a.typeName} (${a.unitName}) and ${b.typeName} (${b.unitName}) take the same hours on ${listDays(days, 'en')} – ${minutes} minutes a week.`,
            data: { kind: 'schedule', days, minutesPerWeek: minutes },
          },
        ),
      );
    }
    findings.push(...homeVisitCrowding(scheduled, settings.maxHomeVisitUnitsPerDay));
    return findings;
  },
};

function homeVisitCrowding(scheduled: InterventionFact[], limit: number): Finding[] {
  // No weekday can have more visiting units than visit on any day: most plans stop here (the
  // batch scan asks for every citizen).
  const visitingAtAll = new Set<string>();
  for (const item of scheduled)
    if ((item.schedule ?? []).some((slot) => slot.homeVisit === true)) visitingAtAll.add(item.unitId);
  if (visitingAtAll.size <= limit) return [];
  const findings: Finding[] = [];
  for (const day of WEEKDAYS) {
    const visiting = scheduled.filter((item) =>
      (item.schedule ?? []).some((slot) => slot.day === day && slot.homeVisit === true),
    );
    const units = distinct(visiting.map((item) => item.unitId));
    if (units.length <= limit) continue;
    const ids = visiting.map((item) => item.id);
    findings.push({
      ruleId: 'collision',
      fingerprint: fingerprintOf('collision', `home-visits-${day}`, ids),
      severity: 'medium',
      subjectIds: [...ids].sort(),
      unitIds: units,
      sectors: distinct(visiting.map((item) => item.sector)),
      explanation: {
        da: `${units.length} forskellige enheder kommer i hjemmet om ${WEEKDAY_LABELS[day].da}en (${distinct(visiting.map((item) => item.unitName)).join(', ')}).`,
        en: `${units.length} different units visit the home on ${WEEKDAY_LABELS[day].en}s (${distinct(visiting.map((item) => item.unitName)).join(', ')}).`,
        data: { kind: 'home-visits', day, units: units.length, limit },
      },
    });
  }
  return findings;
}

function listDays(days: Weekday[], language: 'da' | 'en'): string {
  return days.map((day) => WEEKDAY_LABELS[day][language]).join(', ');
}
