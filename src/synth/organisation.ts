import type { ProfessionalRole, Sector } from '../domain/organisation/sectors.js';
import type { IdSource } from './ids.js';
import { emailLocalPart, personName, type Sex, syntheticPhone } from './names.js';
import type { Random } from './random.js';

/** The units of the synthetic municipality, by a stable key the generator refers to. */
export type UnitKey =
  | 'jobcenter-ressource'
  | 'jobcenter-sygdom'
  | 'jobcenter-unge'
  | 'jobcenter-virksomhed'
  | 'socialpsykiatri'
  | 'voksenhandicap'
  | 'bostotte'
  | 'misbrugscenter'
  | 'botilbud'
  | 'vaerkstedet'
  | 'visitation'
  | 'hjemmeplejen'
  | 'hjemmesygeplejen'
  | 'sundhedscenter'
  | 'vuc'
  | 'ungeindsats'
  | 'boligsocialt'
  | 'regionspsykiatri'
  | 'frivilligcenter';

interface UnitDefinition {
  key: UnitKey;
  name: string;
  sector: Sector;
  leaderProfession: string;
  /** The professions working in the unit; the first caseworker profession coordinates plans. */
  staff: readonly (readonly [profession: string, role: ProfessionalRole])[];
}

/** The units, their sector and the professions working in each. */
export const UNIT_DEFINITIONS: readonly UnitDefinition[] = [
  {
    key: 'jobcenter-ressource',
    name: 'Jobcenter – Team Ressource',
    sector: 'employment',
    leaderProfession: 'socialrådgiver',
    staff: [
      ['socialrådgiver', 'caseworker'],
      ['jobkonsulent', 'caseworker'],
      ['mentor', 'specialist'],
    ],
  },
  {
    key: 'jobcenter-sygdom',
    name: 'Jobcenter – Team Job og Sygdom',
    sector: 'employment',
    leaderProfession: 'socialrådgiver',
    staff: [
      ['socialrådgiver', 'caseworker'],
      ['jobkonsulent', 'caseworker'],
      ['ergoterapeut', 'specialist'],
    ],
  },
  {
    key: 'jobcenter-unge',
    name: 'Jobcenter – Team Unge og Uddannelse',
    sector: 'employment',
    leaderProfession: 'socialrådgiver',
    staff: [
      ['jobkonsulent', 'caseworker'],
      ['socialrådgiver', 'caseworker'],
      ['mentor', 'specialist'],
    ],
  },
  {
    key: 'jobcenter-virksomhed',
    name: 'Jobcenter – Virksomhedsservice',
    sector: 'employment',
    leaderProfession: 'jobkonsulent',
    staff: [['jobkonsulent', 'specialist']],
  },
  {
    key: 'socialpsykiatri',
    name: 'Socialpsykiatri',
    sector: 'social-adult',
    leaderProfession: 'socialrådgiver',
    staff: [
      ['socialrådgiver', 'caseworker'],
      ['socialpædagog', 'specialist'],
      ['psykolog', 'specialist'],
    ],
  },
  {
    key: 'voksenhandicap',
    name: 'Voksen og Handicap – Myndighed',
    sector: 'social-adult',
    leaderProfession: 'socialrådgiver',
    staff: [['socialrådgiver', 'caseworker']],
  },
  {
    key: 'bostotte',
    name: 'Bostøtte',
    sector: 'social-adult',
    leaderProfession: 'socialpædagog',
    staff: [
      ['socialpædagog', 'specialist'],
      ['pædagog', 'specialist'],
    ],
  },
  {
    key: 'misbrugscenter',
    name: 'Misbrugscenter',
    sector: 'social-adult',
    leaderProfession: 'socialrådgiver',
    staff: [
      ['socialrådgiver', 'caseworker'],
      ['sygeplejerske', 'specialist'],
      ['psykolog', 'specialist'],
    ],
  },
  {
    key: 'botilbud',
    name: 'Bofællesskabet Engbo (botilbud)',
    sector: 'social-adult',
    leaderProfession: 'socialpædagog',
    staff: [
      ['socialpædagog', 'specialist'],
      ['SOSU-assistent', 'specialist'],
    ],
  },
  {
    key: 'vaerkstedet',
    name: 'Værkstedet – aktivitets- og samværstilbud',
    sector: 'social-adult',
    leaderProfession: 'pædagog',
    staff: [
      ['pædagog', 'specialist'],
      ['ergoterapeut', 'specialist'],
    ],
  },
  {
    key: 'visitation',
    name: 'Visitation og Hjælpemidler',
    sector: 'health-care',
    leaderProfession: 'ergoterapeut',
    staff: [
      ['ergoterapeut', 'caseworker'],
      ['sygeplejerske', 'caseworker'],
    ],
  },
  {
    key: 'hjemmeplejen',
    name: 'Hjemmeplejen',
    sector: 'health-care',
    leaderProfession: 'sygeplejerske',
    staff: [
      ['SOSU-hjælper', 'specialist'],
      ['SOSU-assistent', 'specialist'],
    ],
  },
  {
    key: 'hjemmesygeplejen',
    name: 'Hjemmesygeplejen',
    sector: 'health-care',
    leaderProfession: 'sygeplejerske',
    staff: [['sygeplejerske', 'specialist']],
  },
  {
    key: 'sundhedscenter',
    name: 'Sundhedscenter – Genoptræning og Forebyggelse',
    sector: 'health-care',
    leaderProfession: 'fysioterapeut',
    staff: [
      ['fysioterapeut', 'specialist'],
      ['ergoterapeut', 'specialist'],
      ['sygeplejerske', 'specialist'],
    ],
  },
  {
    key: 'vuc',
    name: 'Voksenuddannelsescenter (FVU og OBU)',
    sector: 'education',
    leaderProfession: 'lærer',
    staff: [['lærer', 'specialist']],
  },
  {
    key: 'ungeindsats',
    name: 'Kommunal Ungeindsats (KUI og STU)',
    sector: 'education',
    leaderProfession: 'lærer',
    staff: [
      ['uddannelsesvejleder', 'caseworker'],
      ['lærer', 'specialist'],
    ],
  },
  {
    key: 'boligsocialt',
    name: 'Boligsocialt team',
    sector: 'housing',
    leaderProfession: 'socialrådgiver',
    staff: [
      ['socialrådgiver', 'caseworker'],
      ['boligsocial medarbejder', 'specialist'],
    ],
  },
  {
    key: 'regionspsykiatri',
    name: 'Regionspsykiatrien – Psykiatrisk ambulatorium',
    sector: 'region-psychiatry',
    leaderProfession: 'læge',
    staff: [
      ['sygeplejerske', 'specialist'],
      ['psykolog', 'specialist'],
      ['læge', 'specialist'],
    ],
  },
  {
    key: 'frivilligcenter',
    name: 'Frivilligcenter',
    sector: 'civil-society',
    leaderProfession: 'frivilligkoordinator',
    staff: [['frivilligkoordinator', 'specialist']],
  },
];

/** A unit as generated. */
export interface SynthUnit {
  key: UnitKey;
  id: string;
  name: string;
  sector: Sector;
  phone: string;
  email: string;
}

/** A professional as generated. */
export interface SynthProfessional {
  id: string;
  unitKey: UnitKey;
  unitId: string;
  name: string;
  profession: string;
  role: ProfessionalRole;
  email: string;
  phone: string;
}

/** A group of interchangeable professionals: one profession in one unit. */
export type PoolKey = `${UnitKey}|${string}`;

/** The pool key of a profession in a unit. */
export function poolKey(unit: UnitKey, profession: string): PoolKey {
  return `${unit}|${profession}`;
}

/** The staffed organisation, with lookups by unit and pool. */
export interface Organisation {
  units: SynthUnit[];
  professionals: SynthProfessional[];
  unit(key: UnitKey): SynthUnit;
  /** The professionals of one profession in one unit (never the team leader). */
  pool(key: PoolKey): readonly SynthProfessional[];
  teamLeader(key: UnitKey): SynthProfessional;
}

const UNIT_BY_KEY = new Map(UNIT_DEFINITIONS.map((unit) => [unit.key, unit]));

/** The definition of a unit. */
export function unitDefinition(key: UnitKey): UnitDefinition {
  const definition = UNIT_BY_KEY.get(key);
  if (!definition) throw new Error(`Unknown unit ${key}`);
  return definition;
}

/** The profession that coordinates plans from a unit: its first caseworker profession, else its first. */
export function coordinatorProfession(key: UnitKey): string {
  const definition = unitDefinition(key);
  const caseworker = definition.staff.find(([, role]) => role === 'caseworker') ?? definition.staff[0];
  if (!caseworker) throw new Error(`Unit ${key} has no staff`);
  return caseworker[0];
}

/** Every pool of the organisation, in a fixed order, with its role. */
export function allPools(): { key: PoolKey; unit: UnitKey; profession: string; role: ProfessionalRole }[] {
  return UNIT_DEFINITIONS.flatMap((unit) =>
    unit.staff.map(([profession, role]) => ({
      key: poolKey(unit.key, profession),
      unit: unit.key,
      profession,
      role,
    })),
  );
}

/** About one professional per 32 citizens, and never fewer than the organisation needs to be complete. */
export function professionalCount(citizens: number): number {
  return Math.max(30, Math.round(citizens / 32));
}

/** Creates the units (ids, names, contact details); professionals come later, sized by demand. */
export function buildUnits(random: Random, ids: IdSource, mailDomain: string): SynthUnit[] {
  return UNIT_DEFINITIONS.map((definition) => ({
    key: definition.key,
    id: ids.next(),
    name: definition.name,
    sector: definition.sector,
    phone: syntheticPhone(random),
    email: `${emailLocalPart(definition.name)}@${mailDomain}`,
  }));
}

/**
 * Staffs the units: one team leader each, and the remaining professionals shared between the
 * pools in proportion to how many citizens each pool serves now (`demand`), so caseloads are
 * even. Every pool in `demand` (if only for past interventions) and every unit's first
 * profession gets at least one person;
 * the pools of demo personas get at least two.
 */
export function buildOrganisation(
  random: Random,
  ids: IdSource,
  units: SynthUnit[],
  demand: ReadonlyMap<PoolKey, number>,
  citizens: number,
  mailDomain: string,
  personaPools: ReadonlySet<PoolKey> = new Set(),
): Organisation {
  const pools = allPools();
  const firstPools = new Set(UNIT_DEFINITIONS.map((unit) => poolKey(unit.key, unit.staff[0]?.[0] ?? '')));
  const minimumOf = (key: PoolKey): number => {
    // A demo persona must leave colleagues to take the citizens beyond its own caseload.
    if (personaPools.has(key)) return 2;
    return firstPools.has(key) || demand.has(key) ? 1 : 0;
  };
  const budget = Math.max(0, professionalCount(citizens) - units.length);
  const totalDemand = pools.reduce((sum, pool) => sum + (demand.get(pool.key) ?? 0), 0) || 1;
  const sizes = new Map<PoolKey, number>();
  for (const pool of pools) {
    const wanted = (budget * (demand.get(pool.key) ?? 0)) / totalDemand;
    sizes.set(pool.key, Math.max(minimumOf(pool.key), Math.round(wanted)));
  }

  const usedEmails = new Set<string>();
  const makeProfessional = (
    unit: SynthUnit,
    profession: string,
    role: ProfessionalRole,
  ): SynthProfessional => {
    const sex: Sex = random.chance(0.7) ? 'female' : 'male';
    const { givenName, familyName } = personName(random, sex);
    const base = emailLocalPart(`${givenName} ${familyName}`);
    let email = `${base}@${mailDomain}`;
    for (let suffix = 2; usedEmails.has(email); suffix++) email = `${base}${suffix}@${mailDomain}`;
    usedEmails.add(email);
    return {
      id: ids.next(),
      unitKey: unit.key,
      unitId: unit.id,
      name: `${givenName} ${familyName}`,
      profession,
      role,
      email,
      phone: syntheticPhone(random),
    };
  };

  const professionals: SynthProfessional[] = [];
  const byPool = new Map<PoolKey, SynthProfessional[]>();
  const leaders = new Map<UnitKey, SynthProfessional>();
  for (const unit of units) {
    const definition = unitDefinition(unit.key);
    const leader = makeProfessional(unit, definition.leaderProfession, 'team_leader');
    leaders.set(unit.key, leader);
    professionals.push(leader);
    for (const [profession, role] of definition.staff) {
      const key = poolKey(unit.key, profession);
      const members = Array.from({ length: sizes.get(key) ?? 0 }, () =>
        makeProfessional(unit, profession, role),
      );
      byPool.set(key, members);
      professionals.push(...members);
    }
  }

  const byKey = new Map(units.map((unit) => [unit.key, unit]));
  return {
    units,
    professionals,
    unit: (key) => byKey.get(key) as SynthUnit,
    pool: (key) => byPool.get(key) ?? [],
    teamLeader: (key) => leaders.get(key) as SynthProfessional,
  };
}

/** The domain part of e-mail addresses, from the municipality's name ("Hedensted (syntetisk)" → hedensted.example). */
export function mailDomainOf(municipalityName: string): string {
  const firstWord = municipalityName.split(/[\s(]/)[0] ?? 'kommune';
  return `${emailLocalPart(firstWord) || 'kommune'}.example`;
}
