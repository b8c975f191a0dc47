import type { ScheduleSlot } from '../domain/coordination/schedule.js';
import type { Sector } from '../domain/organisation/sectors.js';
import type { InterventionStatus, SubGoalStatus, TeamMemberKind } from '../domain/plan/plan.schemas.js';
import {
  type Archetype,
  CASE_TEAM_TYPES,
  CASE_UNITS,
  MULTI_SECTOR_ARCHETYPES,
  SINGLE_SECTOR_ARCHETYPES,
  type SectorRecipe,
} from './archetypes.js';
import {
  type BudgetArea,
  type Category,
  type Frequency,
  type InterventionTypeDefinition,
  typeByCode,
} from './catalogue.js';
import { ContactPicker, type StaffSource } from './contacts.js';
import { monthlyCost, periodCost } from './costs.js';
import { splitByYear } from './dates.js';
import {
  END_REASONS,
  type GoalTheme,
  OWN_WORDS_GOALS,
  PROFESSIONAL_GOALS,
  SUB_GOAL_END_REASONS,
  SUB_GOALS,
  TEAM_ROLES,
} from './goals.js';
import { IdSource } from './ids.js';
import {
  CIVIL_SOCIETY_ACTORS,
  emailLocalPart,
  NETWORK_RELATIONS,
  personName,
  type Sex,
  syntheticPhone,
} from './names.js';
import {
  coordinatorProfession,
  type PoolKey,
  poolKey,
  type SynthProfessional,
  type UnitKey,
  unitDefinition,
} from './organisation.js';
import { addConsents, type ConsentDraft } from './consents.js';
import { addCoordinationRealism } from './coordination-realism.js';
import { Random } from './random.js';

/** What every citizen's generation needs to know about the run. */
export interface CitizenContext {
  seed: number;
  /** Mixed into id randomness so two municipalities from one seed never share ids. */
  idSalt: string;
  today: number;
  /** The millisecond of citizen 0's ids; citizen i uses the next i-th millisecond. */
  firstCitizenMillisecond: number;
  unitId(key: UnitKey): string;
  typeId(code: string): string;
  staff: StaffSource;
  isMultiSector(index: number): boolean;
}

/** One cost entry: an intervention's cost in one calendar year, or a benefit's. */
export interface CostDraft {
  id: string;
  interventionId: string | null;
  sector: Sector;
  budgetArea: BudgetArea;
  from: number;
  to: number;
  /** List-price amount in øre before calibration. */
  natural: number;
  /** Calibrated amount in whole øre. */
  amountOre: number;
}

/** An intervention as generated, before it is written. */
export interface InterventionDraft {
  id: string;
  type: InterventionTypeDefinition;
  typeId: string;
  unitKey: UnitKey;
  unitId: string;
  responsible: SynthProfessional;
  purpose: string;
  start: number;
  end: number | null;
  followUp: number | null;
  frequency: Frequency;
  status: InterventionStatus;
  endReason: string | null;
  costOre: number;
  costs: CostDraft[];
  /** Weekly schedule, for the interventions with a fixed weekly rhythm (see schedules.ts). */
  schedule: ScheduleSlot[] | null;
}

/** A framed course (ressourceforløb, jobafklaringsforløb) the stalled rule measures from. */
export interface PathwayDraft {
  id: string;
  templateCode: string;
  start: number;
}

/** One recorded GAS follow-up of a sub-goal. */
export interface GasFollowUpDraft {
  id: string;
  subGoalId: string;
  level: number;
  day: number;
}

/** A sub-goal as generated, before it is written. */
export interface SubGoalDraft {
  id: string;
  category: Exclude<Category, 'coordination'>;
  title: string;
  measure: string;
  targetDate: number | null;
  gasLevel: number | null;
  status: SubGoalStatus;
  endReason: string | null;
  createdDay: number;
  endedDay: number | null;
}

/** A team member as generated: a professional, a relative or a civil-society actor. */
export interface TeamMemberDraft {
  id: string;
  kind: TeamMemberKind;
  professional: SynthProfessional | null;
  name: string | null;
  relation: string | null;
  role: string | null;
  isCoordinator: boolean;
  phone: string | null;
  email: string | null;
  startDay: number;
}

/** A citizen and their whole plan, as generated, before it is written. */
export interface CitizenDraft {
  index: number;
  id: string;
  archetype: string;
  multiSector: boolean;
  sex: Sex;
  birthDay: number;
  givenName: string;
  familyName: string;
  pathwayStart: number;
  goalOwnWords: string | null;
  goalProfessional: string | null;
  planUpdatedDay: number;
  coordinator: SynthProfessional | null;
  subGoals: SubGoalDraft[];
  interventions: InterventionDraft[];
  links: { interventionId: string; subGoalId: string }[];
  team: TeamMemberDraft[];
  /** Every cost: those of interventions and the citizen's benefits (Forsørgelse). */
  costs: CostDraft[];
  pathways: PathwayDraft[];
  gasFollowUps: GasFollowUpDraft[];
  consents: ConsentDraft[];
  /** Pools the current plan draws on, for sizing the organisation. */
  currentPools: ReadonlySet<PoolKey>;
  /** Every pool the plan draws on, history included. */
  allPools: ReadonlySet<PoolKey>;
}

/** What to add: the type, status and dates; the rest is drawn when not given. */
export interface InterventionSpec {
  code: string;
  status: InterventionStatus;
  start: number;
  end?: number | null;
  followUp?: number | null;
  frequency?: Frequency;
  purpose?: string;
  endReason?: string | null;
  /** The unit holding the case in the sector; general case work is delivered from it. */
  home?: UnitKey;
  /** For paused interventions: the day the pause began. */
  pausedFrom?: number;
}

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

/**
 * Assembles one citizen: the person, the plan and everything in it, with ids drawn in a fixed
 * order. Used both by the random generator and by the scripted demo citizen.
 */
export class CitizenBuilder {
  readonly ids: IdSource;
  readonly contacts: ContactPicker;
  readonly draft: CitizenDraft;

  constructor(
    readonly context: CitizenContext,
    readonly random: Random,
    index: number,
    person: {
      archetype: Archetype;
      sex: Sex;
      birthDay: number;
      givenName: string;
      familyName: string;
      pathwayStart: number;
    },
  ) {
    this.ids = new IdSource(
      context.firstCitizenMillisecond + index,
      1,
      Random.of(context.seed, context.idSalt, 'citizen-ids', index),
    );
    this.contacts = new ContactPicker(random, context.staff);
    this.draft = {
      index,
      id: this.ids.next(),
      archetype: person.archetype.key,
      multiSector: person.archetype.multiSector,
      sex: person.sex,
      birthDay: person.birthDay,
      givenName: person.givenName,
      familyName: person.familyName,
      pathwayStart: person.pathwayStart,
      goalOwnWords: null,
      goalProfessional: null,
      planUpdatedDay: context.today,
      coordinator: null,
      subGoals: [],
      interventions: [],
      links: [],
      team: [],
      costs: [],
      pathways: [],
      gasFollowUps: [],
      consents: [],
      currentPools: this.contacts.currentPools,
      allPools: this.contacts.allPools,
    };
  }

  /** Adds an intervention with its responsible professional and its yearly costs. */
  addIntervention(spec: InterventionSpec): InterventionDraft {
    const type = typeByCode(spec.code);
    const unitKey = deliveringUnit(type, spec.home);
    const current = spec.status !== 'ended';
    const responsible = this.contacts.pick(poolKey(unitKey, type.profession), current);
    const intervention: InterventionDraft = {
      id: this.ids.next(),
      type,
      typeId: this.context.typeId(type.code),
      unitKey,
      unitId: this.context.unitId(unitKey),
      responsible,
      purpose: spec.purpose ?? this.random.pick(type.purposes),
      start: spec.start,
      end: spec.end ?? null,
      followUp: spec.followUp ?? null,
      frequency: spec.frequency ?? this.random.pick(type.frequencies),
      status: spec.status,
      endReason: spec.endReason ?? null,
      costOre: 0,
      costs: [],
      schedule: null,
    };
    this.draft.interventions.push(intervention);
    this.addInterventionCosts(intervention, spec.pausedFrom);
    return intervention;
  }

  private addInterventionCosts(intervention: InterventionDraft, pausedFrom: number | undefined): void {
    const { type } = intervention;
    if (type.unitCostOre === 0 || intervention.status === 'planned') return;
    const yesterday = this.context.today - 1;
    if (intervention.start > yesterday) return;
    if (type.costUnit === 'once') {
      this.pushCost(intervention, intervention.start, intervention.start, type.unitCostOre);
      return;
    }
    const last =
      intervention.status === 'ended'
        ? Math.min(intervention.end ?? yesterday, yesterday)
        : intervention.status === 'paused'
          ? Math.max(intervention.start, Math.min(pausedFrom ?? yesterday, yesterday))
          : yesterday;
    for (const part of splitByYear(intervention.start, last)) {
      const amount = periodCost(
        type.unitCostOre,
        type.costUnit,
        intervention.frequency.quantity,
        part.to - part.from + 1,
      );
      this.pushCost(intervention, part.from, part.to, amount);
    }
  }

  private pushCost(intervention: InterventionDraft, from: number, to: number, natural: number): void {
    const cost: CostDraft = {
      id: this.ids.next(),
      interventionId: intervention.id,
      sector: intervention.type.sector,
      budgetArea: intervention.type.budgetArea,
      from,
      to,
      natural,
      amountOre: 0,
    };
    intervention.costs.push(cost);
    this.draft.costs.push(cost);
  }

  /** Books a monthly benefit (Forsørgelse) from `from` until yesterday, one entry per year. */
  addBenefit(monthlyOre: number, from: number): void {
    for (const part of splitByYear(from, this.context.today - 1)) {
      this.draft.costs.push({
        id: this.ids.next(),
        interventionId: null,
        sector: 'employment',
        budgetArea: 'Forsørgelse',
        from: part.from,
        to: part.to,
        natural: monthlyCost(monthlyOre, part.to - part.from + 1),
        amountOre: 0,
      });
    }
  }

  /** Adds a sub-goal. */
  addSubGoal(goal: Omit<SubGoalDraft, 'id'>): SubGoalDraft {
    const subGoal: SubGoalDraft = { id: this.ids.next(), ...goal };
    this.draft.subGoals.push(subGoal);
    return subGoal;
  }

  /** Links an intervention to a sub-goal it serves. */
  link(intervention: InterventionDraft, subGoal: SubGoalDraft): void {
    this.draft.links.push({ interventionId: intervention.id, subGoalId: subGoal.id });
  }

  /** Names the coordinator and adds them to the team. */
  setCoordinator(professional: SynthProfessional, startDay: number): void {
    this.draft.coordinator = professional;
    this.draft.team.push({
      id: this.ids.next(),
      kind: 'professional',
      professional,
      name: null,
      relation: null,
      role: professional.role === 'caseworker' ? 'Koordinerende sagsbehandler' : 'Tovholder',
      isCoordinator: true,
      phone: null,
      email: null,
      startDay,
    });
  }

  /** Adds every professional responsible for a current intervention who is not yet on the team. */
  addResponsibleProfessionalsToTeam(): void {
    const onTeam = new Set(this.draft.team.map((member) => member.professional?.id));
    for (const intervention of this.draft.interventions) {
      if (intervention.status === 'ended' || onTeam.has(intervention.responsible.id)) continue;
      onTeam.add(intervention.responsible.id);
      this.draft.team.push({
        id: this.ids.next(),
        kind: 'professional',
        professional: intervention.responsible,
        name: null,
        relation: null,
        role: TEAM_ROLES[intervention.responsible.profession] ?? intervention.responsible.profession,
        isCoordinator: false,
        phone: null,
        email: null,
        startDay: Math.min(intervention.start, this.context.today),
      });
    }
  }

  /** Adds a relative or other private person. */
  addNetworkMember(member: {
    name: string;
    relation: string;
    role: string;
    phone: string | null;
    email: string | null;
    startDay: number;
  }): void {
    this.draft.team.push({
      id: this.ids.next(),
      kind: 'network',
      professional: null,
      isCoordinator: false,
      ...member,
    });
  }

  /** Adds a volunteer or association. */
  addCivilSocietyMember(member: {
    name: string;
    relation: string;
    role: string;
    phone: string | null;
    startDay: number;
  }): void {
    this.draft.team.push({
      id: this.ids.next(),
      kind: 'civil_society',
      professional: null,
      isCoordinator: false,
      email: null,
      ...member,
    });
  }

  /** A random network member for this citizen. */
  randomNetworkMember(startDay: number): void {
    const relation = this.random.pick(NETWORK_RELATIONS);
    const sex: Sex = relation.sex ?? (this.random.chance(0.5) ? 'female' : 'male');
    const name = personName(this.random, sex);
    const sameFamily = ['Søster', 'Bror', 'Mor', 'Far', 'Datter', 'Søn'].includes(relation.relation);
    const familyName = sameFamily && this.random.chance(0.7) ? this.draft.familyName : name.familyName;
    const phone = this.random.chance(0.85) ? syntheticPhone(this.random) : null;
    const email = this.random.chance(0.3)
      ? `${emailLocalPart(`${name.givenName} ${familyName}`)}@privat.example`
      : null;
    this.addNetworkMember({
      name: `${name.givenName} ${familyName}`,
      relation: relation.relation,
      role: this.random.pick(relation.roles),
      phone,
      email,
      startDay,
    });
  }

  /** A random civil-society actor for this citizen. */
  randomCivilSocietyMember(startDay: number): void {
    const actor = this.random.pick(CIVIL_SOCIETY_ACTORS);
    const person = personName(this.random, this.random.chance(0.6) ? 'female' : 'male');
    this.addCivilSocietyMember({
      name: `${person.givenName} ${person.familyName}, ${actor.organisation}`,
      relation: actor.relation,
      role: actor.role,
      phone: this.random.chance(0.6) ? syntheticPhone(this.random) : null,
      startDay,
    });
  }
}

/** The unit that delivers a type for a citizen whose case in the sector is held by `home`. */
export function deliveringUnit(type: InterventionTypeDefinition, home: UnitKey | undefined): UnitKey {
  if (!home || !CASE_TEAM_TYPES.has(type.code) || !CASE_UNITS.has(home)) return type.unit;
  const homeDefinition = unitDefinition(home);
  if (homeDefinition.sector !== type.sector) return type.unit;
  return homeDefinition.staff.some(([profession]) => profession === type.profession) ? home : type.unit;
}

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
      targetDate:
        status === 'active'
          ? random.chance(0.85)
            ? today + random.int(30, 365)
            : today - random.int(1, 60)
          : (endedDay ?? today),
      gasLevel:
        status === 'achieved'
          ? random.pick([1, 2])
          : status === 'ended'
            ? null
            : random.chance(0.05)
              ? null
              : random.weighted(GAS_WEIGHTS),
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
