import { CASE_UNITS } from './archetypes.js';
import { typeByCode } from './catalogue.js';
import { type CitizenBuilder, deliveringUnit } from './citizen-builder.js';
import type { InterventionDraft } from './citizen-drafts.js';
import type { UnitKey } from './organisation.js';
import { Random } from './random.js';
import { assignSchedules } from './schedules.js';

/**
 * The coordination problems real plans have, at realistic rates, so the demo and the benchmark
 * show them: a case moved between teams whose old intervention was never closed (a duplicate),
 * weekly schedules that clash, pathways the stalled rule measures from, and GAS follow-ups
 * that sometimes stay flat. Runs last in a citizen's generation, with random streams of its
 * own, so nothing generated before it changes.
 */
export function addCoordinationRealism(builder: CitizenBuilder): void {
  const { draft, context } = builder;
  const random = Random.of(context.seed, 'coordination', draft.index);
  const duplicate = maybeDuplicate(builder, random);
  if (duplicate) builder.addResponsibleProfessionalsToTeam();
  assignSchedules(draft.interventions, Random.of(context.seed, 'schedules', draft.index));
  addPathways(builder);
  addGasFollowUps(builder, random);
}

/** Share of citizens with a duplicate left behind when their case moved: single-sector, multi-sector. */
export const DUPLICATE_SHARE = { single: 0.03, multi: 0.1 } as const;

/** Interventions that follow the case when it moves between teams of one sector. */
const FOLLOWS_THE_CASE = ['BES-SAMTALE', 'BES-MENTOR', 'BES-AFKLARING', 'SOC-HANDLEPLAN'];
const CASE_TEAMS: readonly UnitKey[] = [...CASE_UNITS];

function maybeDuplicate(builder: CitizenBuilder, random: Random): InterventionDraft | null {
  const { draft, context } = builder;
  if (!random.chance(draft.multiSector ? DUPLICATE_SHARE.multi : DUPLICATE_SHARE.single)) return null;
  const original = draft.interventions.find(
    (item) => item.status === 'active' && FOLLOWS_THE_CASE.includes(item.type.code),
  );
  if (!original) return null;
  const type = typeByCode(original.type.code);
  const otherTeams = CASE_TEAMS.filter(
    (team) => team !== original.unitKey && deliveringUnit(type, team) === team,
  );
  if (otherTeams.length === 0) return null;
  const start = random.int(Math.min(original.start + 14, context.today - 7), context.today - 7);
  const copy = builder.addIntervention({
    code: type.code,
    status: 'active',
    start,
    followUp: context.today + random.int(7, 90),
    frequency: original.frequency,
    purpose: original.purpose,
    home: random.pick(otherTeams),
  });
  for (const link of draft.links.filter((item) => item.interventionId === original.id)) {
    draft.links.push({ interventionId: copy.id, subGoalId: link.subGoalId });
  }
  return copy;
}

const PATHWAY_TEMPLATES: Record<string, string> = {
  'BES-RESSOURCEFORLOEB': 'ressourceforloeb',
  'BES-JOBAFKLARING': 'jobafklaringsforloeb',
};

function addPathways(builder: CitizenBuilder): void {
  for (const item of builder.draft.interventions) {
    const template = PATHWAY_TEMPLATES[item.type.code];
    if (!template || item.status === 'ended') continue;
    builder.draft.pathways.push({ id: builder.ids.next(), templateCode: template, start: item.start });
  }
}

/** A follow-up about every four months since the sub-goal was set, mostly moving up, sometimes not. */
const FOLLOW_UP_DAYS = 120;
const GAS_FOLLOWED_SHARE = 0.5;
const STEPS: readonly (readonly [number, number])[] = [
  [1, 75],
  [0, 20],
  [-1, 5],
];

function addGasFollowUps(builder: CitizenBuilder, random: Random): void {
  const { today } = builder.context;
  for (const goal of builder.draft.subGoals) {
    // About half of the sub-goals are followed up with GAS; the others by conversation only.
    if (goal.status !== 'active' || goal.gasLevel === null || !random.chance(GAS_FOLLOWED_SHARE)) continue;
    const count = Math.min(4, Math.floor((today - goal.createdDay) / FOLLOW_UP_DAYS));
    if (count < 1) continue;
    const levels = [goal.gasLevel];
    while (levels.length < count) {
      const step = random.weighted(STEPS);
      levels.unshift(Math.max(-2, Math.min(2, (levels[0] as number) - step)));
    }
    levels.forEach((level, position) => {
      builder.draft.gasFollowUps.push({
        id: builder.ids.next(),
        subGoalId: goal.id,
        level,
        day: Math.min(today - 1, goal.createdDay + FOLLOW_UP_DAYS * (position + 1)),
      });
    });
  }
}
