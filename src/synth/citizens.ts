import type { InterventionStatus, SubGoalStatus } from '../domain/plan/plan.schemas.js';
import {
  type Archetype,
  MULTI_SECTOR_ARCHETYPES,
  SINGLE_SECTOR_ARCHETYPES,
  type SectorRecipe,
} from './archetypes.js';
import { type Category, type Frequency, type InterventionTypeDefinition, typeByCode } from './catalogue.js';
import {
  END_REASONS,
  type GoalTheme,
  OWN_WORDS_GOALS,
  PROFESSIONAL_GOALS,
  SUB_GOAL_END_REASONS,
  SUB_GOALS,
} from './goals.js';
import { personName, type Sex } from './names.js';
import { coordinatorProfession, poolKey } from './organisation.js';
import { addConsents } from './consents.js';
import { addEarlierPathway } from './pathway-outcomes.js';
import { addCoordinationRealism } from './coordination-realism.js';
import { Random } from './random.js';

import { CitizenBuilder } from './citizen-builder.js';
import type { CitizenContext, CitizenDraft, InterventionDraft, SubGoalDraft } from './citizen-drafts.js';

const GAS_WEIGHTS: readonly (readonly [number, number])[] = [
  [-2, 10],
  [-1, 35],
  [0, 35],
  [1, 15],
  [2, 5],
];

const THEME_CATEGORY: Record<GoalTheme, Exclude<Category, 'coordination'>> = {
  job: 'job',
  health: 'health',
  'mental-health': 'mental-health',
  addiction: 'addiction',
  home: 'daily-living',
  education: 'education',
  elderly: 'daily-living',
  youth: 'education',
};

/** Chooses which citizens are in contact with two or more sectors: exactly a fixed share, by seed. */
export function chooseMultiSector(
  seed: number,
  count: number,
  share: number,
  always: readonly number[],
): Uint8Array {
  const flags = new Uint8Array(count);
  for (const index of always) if (index < count) flags[index] = 1;
  const wanted = Math.min(count, Math.max(always.length, Math.round(count * share)));
  const candidates = Array.from({ length: count }, (_, index) => index).filter((index) => !flags[index]);
  const random = Random.of(seed, 'multi-sector');
  let chosen = always.filter((index) => index < count).length;
  for (let position = 0; chosen < wanted && position < candidates.length; position++, chosen++) {
    const other = position + Math.floor(random.next() * (candidates.length - position));
    [candidates[position], candidates[other]] = [candidates[other] as number, candidates[position] as number];
    flags[candidates[position] as number] = 1;
  }
  return flags;
}

/** Generates one random citizen and their whole plan. */
export function generateCitizen(context: CitizenContext, index: number): CitizenDraft {
  const random = Random.of(context.seed, 'citizen', index);
  const multi = context.isMultiSector(index);
  const archetype = random.weighted(
    (multi ? MULTI_SECTOR_ARCHETYPES : SINGLE_SECTOR_ARCHETYPES).map((item) => [item, item.weight] as const),
  );
  const { today } = context;
  const sex: Sex = random.chance(archetype.femaleShare) ? 'female' : 'male';
  const age = random.int(archetype.ages[0], archetype.ages[1]);
  const birthDay = today - Math.floor(age * 365.25) - random.int(0, 364);
  const { givenName, familyName } = personName(random, sex);
  // Most citizens have been in contact for a while; some recent starts give the inflow.
  const pathwayStart = today - (30 + Math.floor(1065 * random.next() ** 0.9));
  const builder = new CitizenBuilder(context, random, index, {
    archetype,
    sex,
    birthDay,
    givenName,
    familyName,
    pathwayStart,
  });

  const recipes = archetype.sectors.filter(
    (recipe) => recipe.probability === undefined || random.chance(recipe.probability),
  );
  const anchors: InterventionDraft[] = [];
  for (const recipe of recipes) anchors.push(addSectorInterventions(builder, recipe, multi));
  if (archetype.civilSociety !== undefined && random.chance(archetype.civilSociety)) {
    const codes = random.sample(
      ['CIV-BESOEGSVEN', 'CIV-MENTOR', 'CIV-FAELLESSKAB', 'CIV-SELVHJAELP'],
      random.int(1, 2),
    );
    for (const code of codes) {
      const planned = random.chance(0.25);
      builder.addIntervention({
        code,
        status: planned ? 'planned' : 'active',
        start: planned
          ? today + random.int(5, 45)
          : randomStart(random, pathwayStart, today, typeByCode(code)),
        followUp: today + random.int(20, 120),
      });
    }
  }
  if (archetype.benefitMonthlyOre !== undefined) {
    const employmentAnchor = anchors.find((anchor) => anchor.type.sector === 'employment') ?? anchors[0];
    const from = Math.max(pathwayStart, (employmentAnchor?.start ?? pathwayStart) - random.int(0, 90));
    builder.addBenefit(archetype.benefitMonthlyOre, Math.min(from, today - 14));
  }

  addSubGoalsAndLinks(builder, archetype, multi);

  if (random.chance(multi ? 0.98 : 0.94)) {
    const coordinator = builder.contacts.pick(
      poolKey(archetype.coordinator, coordinatorProfession(archetype.coordinator)),
      true,
    );
    builder.setCoordinator(coordinator, pathwayStart);
  }
  builder.addResponsibleProfessionalsToTeam();
  const networkCount = random.chance(multi ? 0.75 : 0.3)
    ? random.weighted([
        [1, 7],
        [2, 3],
      ] as const)
    : 0;
  for (let member = 0; member < networkCount; member++)
    builder.randomNetworkMember(pathwayStart + random.int(0, 30));
  const hasCivilIntervention = builder.draft.interventions.some(
    (item) => item.type.sector === 'civil-society' && item.status !== 'ended',
  );
  if (hasCivilIntervention || random.chance(multi ? 0.3 : 0.08)) {
    builder.randomCivilSocietyMember(Math.max(pathwayStart, today - random.int(10, 300)));
  }

  if (random.chance(multi ? 0.96 : 0.92)) {
    builder.draft.goalOwnWords = random.pick(OWN_WORDS_GOALS[archetype.theme]);
    if (random.chance(0.35))
      builder.draft.goalProfessional = random.pick(PROFESSIONAL_GOALS[archetype.theme]);
  }
  builder.draft.planUpdatedDay = today - random.int(0, 90);
  // Last, so nothing above draws differently: the coordination problems real plans have.
  addCoordinationRealism(builder);
  addConsents(builder);
  addEarlierPathway(builder);
  return builder.draft;
}

function randomStart(
  random: Random,
  pathwayStart: number,
  today: number,
  type: InterventionTypeDefinition,
): number {
  const earliest = Math.max(pathwayStart, today - type.months[1] * 30);
  const latest = today - 14;
  return earliest >= latest ? latest : random.int(earliest, latest);
}

function pickFrequency(random: Random, type: InterventionTypeDefinition, intense: boolean): Frequency {
  const options = type.frequencies;
  if (intense && options.length > 1 && random.chance(0.6)) {
    return random.pick(options.slice(Math.floor(options.length / 2)));
  }
  return random.pick(options);
}

/** An active sub-goal's target lies ahead, now and then just passed; an ended one's is its end. */
function subGoalTargetDay(
  random: Random,
  status: SubGoalStatus,
  today: number,
  endedDay: number | null,
): number {
  if (status !== 'active') return endedDay ?? today;
  return random.chance(0.85) ? today + random.int(30, 365) : today - random.int(1, 60);
}

/** An achieved sub-goal scored high; an ended one has no score; an active one mostly has one. */
function subGoalGasLevel(random: Random, status: SubGoalStatus): number | null {
  if (status === 'achieved') return random.pick([1, 2]);
  if (status === 'ended') return null;
  return random.chance(0.05) ? null : random.weighted(GAS_WEIGHTS);
}

function followUpDay(random: Random, today: number): number {
  // About one in eight follow-ups is overdue, so the plan shows what needs attention.
  return random.chance(0.12) ? today - random.int(1, 45) : today + random.int(0, 120);
}

/** The sector's main intervention, further current ones, and ended history. Returns the main one. */
function addSectorInterventions(
  builder: CitizenBuilder,
  recipe: SectorRecipe,
  multi: boolean,
): InterventionDraft {
  const { random } = builder;
  const { today } = builder.context;
  const pathwayStart = builder.draft.pathwayStart;
  const anchorCode = random.pick(recipe.anchors);
  const anchorType = typeByCode(anchorCode);
  const anchorPaused = !multi && random.chance(0.05);
  const anchorStart = randomStart(random, pathwayStart, today, anchorType);
  const anchor = builder.addIntervention({
    code: anchorCode,
    status: anchorPaused ? 'paused' : 'active',
    start: anchorStart,
    followUp: followUpDay(random, today),
    frequency: pickFrequency(random, anchorType, multi),
    home: recipe.home,
    pausedFrom: anchorPaused ? Math.max(anchorStart, today - random.int(7, 60)) : undefined,
  });

  const extraCodes = random.sample(
    recipe.extras.filter((code) => code !== anchorCode),
    random.int(recipe.extraCount[0], recipe.extraCount[1]),
  );
  for (const code of extraCodes) {
    const type = typeByCode(code);
    const status = random.weighted<InterventionStatus>([
      ['active', 68],
      ['paused', 7],
      ['planned', 25],
    ]);
    const start =
      status === 'planned' ? today + random.int(3, 75) : randomStart(random, pathwayStart, today, type);
    builder.addIntervention({
      code,
      status,
      start,
      followUp: status === 'planned' ? start + 30 : followUpDay(random, today),
      frequency: pickFrequency(random, type, multi),
      home: recipe.home,
      pausedFrom: status === 'paused' ? Math.max(start, today - random.int(7, 60)) : undefined,
    });
  }

  const historyCount =
    recipe.history.length > 0 ? random.int(recipe.historyCount[0], recipe.historyCount[1]) : 0;
  for (let item = 0; item < historyCount; item++) {
    const code = random.pick(recipe.history);
    const type = typeByCode(code);
    const start = random.int(pathwayStart, today - 21);
    const length = random.int(type.months[0] * 30, type.months[1] * 30);
    const end = Math.max(start + 7, Math.min(start + length, today - 1));
    builder.addIntervention({
      code,
      status: 'ended',
      start,
      end,
      frequency: pickFrequency(random, type, multi),
      home: recipe.home,
      endReason: random.weighted(END_REASONS),
    });
  }
  return anchor;
}

function compatible(category: Category, subGoalCategory: Category): boolean {
  if (category === subGoalCategory) return true;
  const jobLike = (value: Category): boolean => value === 'job' || value === 'disability-pension-prep';
  return jobLike(category) && jobLike(subGoalCategory);
}

/** Sub-goals from what the current plan works on, then links from interventions to them. */
function addSubGoalsAndLinks(builder: CitizenBuilder, archetype: Archetype, multi: boolean): void {
  const { random } = builder;
  const { today } = builder.context;
  const { draft } = builder;
  const count = multi
    ? random.int(3, 4)
    : random.weighted([
        [1, 30],
        [2, 45],
        [3, 20],
        [4, 5],
      ] as const);
  const categories: Exclude<Category, 'coordination'>[] = [];
  for (const intervention of draft.interventions) {
    const category = intervention.type.category;
    if (intervention.status === 'ended' || category === 'coordination' || categories.includes(category))
      continue;
    categories.push(category);
  }
  if (categories.length === 0) categories.push(THEME_CATEGORY[archetype.theme]);
  // No more sub-goals than there are current interventions to work toward them.
  const servable = draft.interventions.filter(
    (item) => item.status !== 'ended' && item.type.category !== 'coordination',
  ).length;
  const chosen: Exclude<Category, 'coordination'>[] = [];
  for (let position = 0; position < Math.max(1, Math.min(count, servable)); position++)
    chosen.push(categories[position % categories.length] as Exclude<Category, 'coordination'>);
  // Now and then a sub-goal that nothing works toward yet: a gap the plan should show.
  if (random.chance(0.06)) {
    const all = Object.keys(SUB_GOALS) as Exclude<Category, 'coordination'>[];
    chosen[chosen.length - 1] = random.pick(all.filter((category) => !categories.includes(category)));
  }

  const used = new Set<string>();
  chosen.forEach((category, position) => {
    const options = SUB_GOALS[category].filter((template) => !used.has(template.title));
    const template = random.pick(options.length > 0 ? options : SUB_GOALS[category]);
    used.add(template.title);
    const status: SubGoalStatus =
      position === 0
        ? 'active'
        : random.weighted<SubGoalStatus>([
            ['active', 85],
            ['achieved', 10],
            ['ended', 5],
          ]);
    const createdDay =
      draft.pathwayStart + random.int(0, Math.max(0, Math.min(60, today - draft.pathwayStart - 1)));
    const endedDay = status === 'active' ? null : Math.min(today - 1, createdDay + random.int(30, 200));
    builder.addSubGoal({
      category,
      title: template.title,
      measure: template.measure,
      targetDate: subGoalTargetDay(random, status, today, endedDay),
      gasLevel: subGoalGasLevel(random, status),
      status,
      endReason: status === 'ended' ? random.pick(SUB_GOAL_END_REASONS) : null,
      createdDay,
      endedDay,
    });
  });

  const primary = draft.subGoals[0];
  const links = new Map<string, number>();
  const leastLinked = (goals: readonly SubGoalDraft[]): SubGoalDraft =>
    goals.reduce((best, goal) => ((links.get(goal.id) ?? 0) < (links.get(best.id) ?? 0) ? goal : best));
  const link = (intervention: InterventionDraft, goal: SubGoalDraft): void => {
    builder.link(intervention, goal);
    links.set(goal.id, (links.get(goal.id) ?? 0) + 1);
  };
  for (const intervention of draft.interventions) {
    const current = intervention.status !== 'ended';
    const category = intervention.type.category;
    const matches = draft.subGoals.filter((goal) => compatible(category, goal.category));
    if (!current) {
      // History: most past interventions served one of the sub-goals of their kind.
      if (matches.length > 0 && random.chance(0.7)) link(intervention, random.pick(matches));
      continue;
    }
    // A few current interventions serve no sub-goal: a gap the plan must show.
    if (random.chance(0.03) || !primary) continue;
    if (category === 'coordination') {
      link(intervention, primary);
      continue;
    }
    const activeMatches = matches.filter((goal) => goal.status === 'active');
    const candidates = activeMatches.length > 0 ? activeMatches : matches;
    if (candidates.length > 0) {
      // Spread the work over the sub-goals of its kind, so each has something working toward it.
      const first = leastLinked(candidates);
      link(intervention, first);
      const others = candidates.filter((goal) => goal !== first);
      if (others.length > 0 && random.chance(0.2)) link(intervention, leastLinked(others));
    } else if (category === 'network' || random.chance(0.85)) {
      link(intervention, primary);
    }
  }
}
