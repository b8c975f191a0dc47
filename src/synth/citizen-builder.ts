import { type Archetype, CASE_TEAM_TYPES, CASE_UNITS } from './archetypes.js';
import { type InterventionTypeDefinition, typeByCode } from './catalogue.js';
import { ContactPicker } from './contacts.js';
import { monthlyCost, periodCost } from './costs.js';
import { splitByYear } from './dates.js';
import { TEAM_ROLES } from './goals.js';
import { IdSource } from './ids.js';
import {
  CIVIL_SOCIETY_ACTORS,
  emailLocalPart,
  NETWORK_RELATIONS,
  personName,
  type Sex,
  syntheticPhone,
} from './names.js';
import { poolKey, type SynthProfessional, type UnitKey, unitDefinition } from './organisation.js';
import { Random } from './random.js';

import type {
  CitizenContext,
  CitizenDraft,
  CostDraft,
  InterventionDraft,
  InterventionSpec,
  SubGoalDraft,
} from './citizen-drafts.js';

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
    let last = yesterday;
    if (intervention.status === 'ended') last = Math.min(intervention.end ?? yesterday, yesterday);
    else if (intervention.status === 'paused')
      last = Math.max(intervention.start, Math.min(pausedFrom ?? yesterday, yesterday));
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
