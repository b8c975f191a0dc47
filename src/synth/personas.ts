import { MULTI_SECTOR_ARCHETYPES } from './archetypes.js';
import { typeByCode } from './catalogue.js';
import { CitizenBuilder } from './citizen-builder.js';
import type { CitizenContext, CitizenDraft } from './citizen-drafts.js';
import { recordConsents } from './consents.js';
import { addMonths } from './dates.js';
import { type PoolKey, poolKey, type SynthProfessional, type UnitKey } from './organisation.js';
import { Random } from './random.js';
import { assignSchedules } from './schedules.js';

/** Who one can log in as in demo mode, in the order the login page lists them. */
export const PERSONAS = [
  {
    id: 'jobcenter-caseworker',
    titleDa: 'Socialrådgiver, Jobcenter – Team Ressource',
    titleEn: 'Social worker, Jobcenter (Team Ressource)',
  },
  {
    id: 'social-worker',
    titleDa: 'Socialrådgiver, Socialpsykiatri',
    titleEn: 'Social worker, community mental health',
  },
  { id: 'home-care-nurse', titleDa: 'Sygeplejerske, Hjemmesygeplejen', titleEn: 'Nurse, home nursing' },
  {
    id: 'team-leader',
    titleDa: 'Teamleder, Jobcenter – Team Ressource',
    titleEn: 'Team leader, Jobcenter (Team Ressource)',
  },
  {
    id: 'administrator',
    titleDa: 'Administrator, kommunens indstillinger',
    titleEn: 'Administrator, municipal settings',
  },
  { id: 'citizen', titleDa: 'Borger', titleEn: 'Citizen' },
  {
    id: 'relative',
    titleDa: 'Pårørende med fuldmagt (to borgere)',
    titleEn: 'Relative with power of attorney (two citizens)',
  },
] as const;

/** The demo administrator: changes municipality-wide settings; no relationship to any citizen. */
export const ADMINISTRATOR_PERSONA = { name: 'Anders Administrator', profession: 'IT-administrator' };

/** The demo relative: the demo citizen's sister, already in her network. */
export const RELATIVE_PERSONA_NAME = 'Louise Eksempelsen';

/** The id of a demo persona. */
export type PersonaId = (typeof PERSONAS)[number]['id'];

/** The pools the professional personas belong to; each persona is the first member of its pool. */
export const PERSONA_POOLS: Readonly<
  Record<'jobcenter-caseworker' | 'social-worker' | 'home-care-nurse', PoolKey>
> = {
  'jobcenter-caseworker': poolKey('jobcenter-ressource', 'socialrådgiver'),
  'social-worker': poolKey('socialpsykiatri', 'socialrådgiver'),
  'home-care-nurse': poolKey('hjemmesygeplejen', 'sygeplejerske'),
};

/** How many citizens each professional persona should have: a realistic caseload. */
export const PERSONA_CASELOADS: Readonly<Record<keyof typeof PERSONA_POOLS, number>> = {
  'jobcenter-caseworker': 30,
  'social-worker': 35,
  'home-care-nurse': 40,
};

/** The index of the scripted demo citizen. */
export const PERSONA_CITIZEN_INDEX = 0;

/** The professionals the demo personas log in as. */
export interface PersonaProfessionals {
  caseworker: SynthProfessional;
  socialWorker: SynthProfessional;
  nurse: SynthProfessional;
}

/**
 * The demo citizen: in contact with the jobcenter, social psychiatry, home nursing, regional
 * psychiatry and a volunteer, all in one plan — the situation Samspil exists for. The plan is
 * written out by hand so the demo tells the same story every time; it still has one gap (an
 * intervention that serves no sub-goal) so the demo can show how gaps appear.
 */
export function buildPersonaCitizen(context: CitizenContext, personas: PersonaProfessionals): CitizenDraft {
  const { today } = context;
  const random = Random.of(context.seed, 'citizen', PERSONA_CITIZEN_INDEX);
  const archetype = MULTI_SECTOR_ARCHETYPES.find((item) => item.key === 'psychiatry-and-employment');
  if (!archetype) throw new Error('The persona archetype is missing');
  const monthsAgo = (months: number): number => addMonths(today, -months);
  const builder = new CitizenBuilder(context, random, PERSONA_CITIZEN_INDEX, {
    archetype,
    sex: 'female',
    birthDay: addMonths(today, -(34 * 12 + 5)) - 11,
    givenName: 'Sara',
    familyName: 'Eksempelsen',
    pathwayStart: monthsAgo(20),
  });
  const assign = (unit: UnitKey, profession: string, professional: SynthProfessional): void =>
    builder.contacts.assign(poolKey(unit, profession), professional);
  assign('jobcenter-ressource', 'socialrådgiver', personas.caseworker);
  assign('socialpsykiatri', 'socialrådgiver', personas.socialWorker);
  assign('hjemmesygeplejen', 'sygeplejerske', personas.nurse);
  const frequency = (code: string, text: string) => {
    const found = typeByCode(code).frequencies.find((item) => item.text === text);
    if (!found) throw new Error(`No frequency "${text}" for ${code}`);
    return found;
  };

  // Employment
  const resource = builder.addIntervention({
    code: 'BES-RESSOURCEFORLOEB',
    status: 'active',
    start: monthsAgo(14),
    followUp: today + 21,
    home: 'jobcenter-ressource',
    purpose:
      'At udvikle arbejdsevnen gennem en samlet plan på tværs af jobcenter, socialpsykiatri og sundhed',
    frequency: frequency('BES-RESSOURCEFORLOEB', 'Koordinerende møde hver måned'),
  });
  const mentor = builder.addIntervention({
    code: 'BES-MENTOR',
    status: 'active',
    start: monthsAgo(5),
    followUp: today + 35,
    home: 'jobcenter-ressource',
    purpose: 'At have en fast person, der følger med de første gange i praktikken',
    frequency: frequency('BES-MENTOR', '2 timer om ugen'),
  });
  const internship = builder.addIntervention({
    code: 'BES-PRAKTIK',
    status: 'planned',
    start: today + 14,
    followUp: today + 45,
    home: 'jobcenter-ressource',
    purpose: 'At prøve arbejdet med dyr af på et dyrehospital',
    frequency: frequency('BES-PRAKTIK', '10 timer om ugen'),
  });
  builder.addIntervention({
    code: 'BES-AFKLARING',
    status: 'ended',
    start: monthsAgo(13),
    end: monthsAgo(10),
    home: 'jobcenter-ressource',
    endReason: 'Afsluttet efter planen',
    frequency: frequency('BES-AFKLARING', '2 dage om ugen'),
  });
  builder.addBenefit(archetype.benefitMonthlyOre ?? 0, monthsAgo(14));

  // Adult social services (social psychiatry)
  const plan141 = builder.addIntervention({
    code: 'SOC-HANDLEPLAN',
    status: 'active',
    start: monthsAgo(12),
    followUp: today + 60,
    home: 'socialpsykiatri',
    purpose: 'At samle den sociale støtte i én handleplan, der hænger sammen med ressourceforløbet',
  });
  const contactPerson = builder.addIntervention({
    code: 'SOC-SKP',
    status: 'active',
    start: monthsAgo(10),
    followUp: today - 6,
    home: 'socialpsykiatri',
    purpose: 'At øve bustur og indkøb sammen, indtil Sara kan klare det alene',
    frequency: frequency('SOC-SKP', '1 gang om ugen'),
  });
  // Deliberately linked to no sub-goal: the demo shows this as a gap in the one plan.
  builder.addIntervention({
    code: 'SOC-SAMVAER',
    status: 'active',
    start: monthsAgo(7),
    followUp: today + 30,
    home: 'socialpsykiatri',
    purpose: 'At have et sted at komme to formiddage om ugen',
    frequency: frequency('SOC-SAMVAER', '2 dage om ugen'),
  });
  builder.addIntervention({
    code: 'SOC-RECOVERY',
    status: 'ended',
    start: monthsAgo(9),
    end: monthsAgo(7),
    home: 'socialpsykiatri',
    endReason: 'Målet er nået',
  });

  // Health and care
  const medicine = builder.addIntervention({
    code: 'SUN-SYGEPLEJE-MEDICIN',
    status: 'active',
    start: monthsAgo(6),
    followUp: today + 14,
    home: 'hjemmesygeplejen',
    purpose: 'At få medicinen doseret, så den bliver taget hver dag',
    frequency: frequency('SUN-SYGEPLEJE-MEDICIN', 'Medicin 1 gang om ugen'),
  });

  // Regional psychiatry
  const psychiatry = builder.addIntervention({
    code: 'REG-AMBULANT',
    status: 'active',
    start: monthsAgo(16),
    followUp: today + 28,
    home: 'regionspsykiatri',
    purpose: 'At få behandling for angst og få medicinen justeret',
    frequency: frequency('REG-AMBULANT', 'Samtale hver 14. dag'),
  });

  // Civil society
  const visitor = builder.addIntervention({
    code: 'CIV-BESOEGSVEN',
    status: 'active',
    start: monthsAgo(3),
    followUp: today + 60,
    purpose: 'At have en at gå tur med i weekenden',
    frequency: frequency('CIV-BESOEGSVEN', '1 gang om ugen'),
  });

  const internshipGoal = builder.addSubGoal({
    category: 'job',
    title: 'Være i praktik på et dyrehospital 10 timer om ugen',
    measure: 'Timer i praktik pr. uge',
    targetDate: addMonths(today, 4),
    gasLevel: -1,
    // The internship is what Sara wants most: it weighs double in her GAS T-score.
    gasWeight: 2,
    status: 'active',
    endReason: null,
    createdDay: monthsAgo(12),
    endedDay: null,
  });
  const busGoal = builder.addSubGoal({
    category: 'mental-health',
    title: 'Tage bussen alene til praktikken',
    measure: 'Antal ture alene pr. uge',
    targetDate: addMonths(today, 2),
    gasLevel: 0,
    status: 'active',
    endReason: null,
    createdDay: monthsAgo(10),
    endedDay: null,
  });
  const medicineGoal = builder.addSubGoal({
    category: 'health',
    title: 'Tage min medicin fast hver dag',
    measure: 'Doseringsæske tømt korrekt hver uge',
    targetDate: addMonths(today, 3),
    gasLevel: 1,
    status: 'active',
    endReason: null,
    createdDay: monthsAgo(6),
    endedDay: null,
  });
  // GAS follow-ups, oldest first, scored by Sara, her sister, the caseworker or an independent
  // assessor; each sub-goal's last level is its level now, and every one is rising at the end.
  for (const [goal, level, months, scorer] of [
    [internshipGoal, -2, 9, 'professional'],
    [busGoal, -1, 8, 'professional'],
    [medicineGoal, 0, 5, 'professional'],
    [internshipGoal, -2, 5, 'citizen'],
    [busGoal, -1, 4, 'independent-assessor'],
    [internshipGoal, -1, 2, 'citizen'],
    [busGoal, 0, 1, 'citizen'],
    [medicineGoal, 1, 1, 'relative'],
  ] as const) {
    builder.draft.gasFollowUps.push({
      id: builder.ids.next(),
      subGoalId: goal.id,
      level,
      day: monthsAgo(months),
      scorer,
    });
  }
  builder.link(resource, internshipGoal);
  builder.link(mentor, internshipGoal);
  builder.link(mentor, busGoal);
  builder.link(internship, internshipGoal);
  builder.link(plan141, busGoal);
  builder.link(contactPerson, busGoal);
  builder.link(medicine, medicineGoal);
  builder.link(psychiatry, busGoal);
  builder.link(psychiatry, medicineGoal);
  builder.link(visitor, busGoal);

  builder.setCoordinator(personas.caseworker, monthsAgo(14));
  builder.addResponsibleProfessionalsToTeam();
  builder.addNetworkMember({
    name: RELATIVE_PERSONA_NAME,
    relation: 'Søster',
    role: 'Støtteperson til møder',
    phone: '+45 01 23 45 67',
    email: 'louise.eksempelsen@privat.example',
    startDay: monthsAgo(12),
  });
  builder.addNetworkMember({
    name: 'Bo Testrup',
    relation: 'Nabo',
    role: 'Kigger forbi et par gange om ugen',
    phone: null,
    email: null,
    startDay: monthsAgo(8),
  });
  builder.addCivilSocietyMember({
    name: 'Inge Demosen, Røde Kors-lignende forening (syntetisk)',
    relation: 'Frivillig',
    role: 'Besøgsven',
    phone: '+45 07 65 43 21',
    startDay: monthsAgo(3),
  });

  builder.draft.goalOwnWords =
    'Jeg vil gerne arbejde med dyr og klare min hverdag, uden at angsten bestemmer, hvad jeg kan.';
  builder.draft.goalProfessional =
    'Sara ønsker beskæftigelse inden for dyrepleje på nedsat tid og øget mestring af angst i hverdagen.';
  builder.draft.planUpdatedDay = today - 6;
  // The scripted days: the planned internship lands on the værested's mornings (a collision
  // the demo shows), and the ressourceforløb and the § 141 plan both coordinate (a duplicate).
  assignSchedules(builder.draft.interventions, null);
  builder.draft.pathways.push({
    id: builder.ids.next(),
    templateCode: 'ressourceforloeb',
    start: resource.start,
  });
  // Sara shares her plan across the municipality's units that work with her, but not with the
  // region: her psychiatric treatment shows to them as "that, not what".
  recordConsents(builder, [resource.unitId, plan141.unitId, medicine.unitId], {
    validFrom: monthsAgo(14),
    validUntil: null,
    withdrawnDay: null,
  });
  return builder.draft;
}
