import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { rebuildPlanDocuments } from '../db/queries/plan-document.queries.js';
import { writeDemoDecision } from './decisions.js';
import type { CprVault } from '../security/cpr-vault.js';
import { MULTI_SECTOR_SHARE } from './archetypes.js';
import { CATALOGUE } from './catalogue.js';
import { chooseMultiSector, generateCitizen } from './citizens.js';
import type { CitizenContext, CitizenDraft, CostDraft } from './citizen-drafts.js';
import type { StaffSource } from './contacts.js';
import { scaleToTarget, YearlyCostCalibration } from './costs.js';
import { SubstituteCprNumbers } from './cpr.js';
import { dayToMs, formatDay, parseDay, startOfYear, yearOf } from './dates.js';
import { IdSource } from './ids.js';
import {
  buildOrganisation,
  buildUnits,
  mailDomainOf,
  type Organisation,
  type PoolKey,
  type SynthProfessional,
  type UnitKey,
} from './organisation.js';
import {
  buildPersonaCitizen,
  PERSONA_CASELOADS,
  PERSONA_CITIZEN_INDEX,
  PERSONA_POOLS,
  PERSONAS,
  type PersonaId,
  type PersonaProfessionals,
  RELATIVE_PERSONA_NAME,
  ADMINISTRATOR_PERSONA,
} from './personas.js';
import { Random } from './random.js';
import { writeDemoMeasures, writeDemoSurveys } from './surveys.js';
import { type CitizenRecord, writeCitizens, writeOrganisation } from './writer.js';

/** What to generate. */
export interface SynthOptions {
  citizens: number;
  seed: number;
  /** Four digits; default '0766'. */
  municipalityCode?: string;
  /** Default 'Hedensted (syntetisk)'. */
  municipalityName?: string;
  /** YYYY-MM-DD, the "today" of the data; default '2026-11-01' so output is deterministic. */
  today?: string;
}

/** Progress of one phase: calibration, organisation, citizens, plans, personas. */
export interface SynthProgress {
  phase: string;
  done: number;
  total: number;
}

/** What was generated. */
export interface SynthResult {
  municipalityId: string;
  citizens: number;
  interventions: number;
  costEntries: number;
  personas: number;
}

/** Mean yearly cost attributable to a citizen, in øre; the calibration spreads it by rank. */
export const MEAN_YEARLY_COST_ORE = 15_000_000;

/** Citizens per transaction: large enough for few round trips, small enough for steady progress. */
const BATCH_SIZE = 1000;
/** Milliseconds of id timestamps reserved for the municipality, its organisation and catalogue. */
const ORGANISATION_ID_MILLISECONDS = 1000;

/**
 * Generates a whole synthetic municipality: organisation, catalogue, citizens with one plan each,
 * costs calibrated to the known concentration (top 1 % ≈ 22 %, top 10 % ≈ 72 %), and the demo
 * personas. Same seed and size give the same data, ids included (only the CPR ciphertexts differ,
 * as their IVs are random). The database must be migrated.
 *
 * Runs in two passes over the citizens: the first only measures (each citizen's list-price cost,
 * which ranks them for the calibration, and how many citizens each group of professionals serves,
 * which sizes the organisation); the second regenerates the same citizens from their seeds and
 * writes them in batches.
 */
export async function generateMunicipality(
  database: Database,
  vault: CprVault,
  options: SynthOptions,
  onProgress?: (progress: SynthProgress) => void,
): Promise<SynthResult> {
  const count = options.citizens;
  if (!Number.isInteger(count) || count < 1)
    throw new Error('The number of citizens must be a positive whole number');
  if (!Number.isSafeInteger(options.seed)) throw new Error('The seed must be a whole number');
  const code = options.municipalityCode ?? '0766';
  if (!/^\d{4}$/.test(code)) throw new Error('The municipality code must be four digits');
  const name = options.municipalityName ?? 'Hedensted (syntetisk)';
  const today = parseDay(options.today ?? '2026-11-01');
  const report = (phase: string, done: number, total: number): void => onProgress?.({ phase, done, total });
  const { db } = database;

  const existing = await db
    .selectFrom('municipality')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  if (existing) throw new Error(`A municipality with code ${code} already exists in this database`);

  const seed = options.seed;
  const mailDomain = mailDomainOf(name);
  const firstMillisecond = dayToMs(today - 1);
  const organisationIds = new IdSource(
    firstMillisecond,
    ORGANISATION_ID_MILLISECONDS,
    Random.of(seed, code, 'ids'),
  );
  const organisationRandom = Random.of(seed, 'organisation');
  const municipalityId = organisationIds.next();
  const units = buildUnits(organisationRandom, organisationIds, mailDomain);
  const types = CATALOGUE.map((type) => ({ id: organisationIds.next(), type }));
  const typeIds = new Map(types.map(({ id, type }) => [type.code, id]));
  const unitIds = new Map(units.map((unit) => [unit.key, unit.id]));
  const multiSector = chooseMultiSector(seed, count, MULTI_SECTOR_SHARE, [PERSONA_CITIZEN_INDEX]);
  const calibrationYear = yearOf(today - 1);
  const calibrationDays = today - startOfYear(calibrationYear);

  const contextWith = (staff: StaffSource): CitizenContext => ({
    seed,
    idSalt: code,
    today,
    firstCitizenMillisecond: firstMillisecond + ORGANISATION_ID_MILLISECONDS,
    unitId: (key) => unitIds.get(key) as string,
    typeId: (typeCode) => typeIds.get(typeCode) as string,
    staff,
    isMultiSector: (index) => multiSector[index] === 1,
  });

  // Pass 1: measure. Placeholder staff draw the same random numbers as real staff.
  const placeholders = new Map<PoolKey, SynthProfessional[]>();
  const trialContext = contextWith({
    pool(key) {
      let members = placeholders.get(key);
      if (!members) {
        const [unitKey, profession] = key.split('|') as [UnitKey, string];
        members = [
          { id: '', unitKey, unitId: '', name: '', profession, role: 'specialist', email: '', phone: '' },
        ];
        placeholders.set(key, members);
      }
      return members;
    },
    personaChance: () => 0,
  });
  const trialPersonas: PersonaProfessionals = {
    caseworker: trialContext.staff.pool(PERSONA_POOLS['jobcenter-caseworker'])[0] as SynthProfessional,
    socialWorker: trialContext.staff.pool(PERSONA_POOLS['social-worker'])[0] as SynthProfessional,
    nurse: trialContext.staff.pool(PERSONA_POOLS['home-care-nurse'])[0] as SynthProfessional,
  };
  const calibration = new YearlyCostCalibration(
    count,
    calibrationYear,
    Math.round((MEAN_YEARLY_COST_ORE * calibrationDays) / 365),
  );
  const demand = new Map<PoolKey, number>();
  for (let index = 0; index < count; index++) {
    const draft =
      index === PERSONA_CITIZEN_INDEX
        ? buildPersonaCitizen(trialContext, trialPersonas)
        : generateCitizen(trialContext, index);
    calibration.record(index, costByYear(draft), rankWeight(draft, Random.of(seed, 'rank', index)));
    // A pool only the history uses still needs someone to have been responsible.
    for (const pool of draft.allPools) {
      demand.set(pool, (demand.get(pool) ?? 0) + (draft.currentPools.has(pool) ? 1 : 0));
    }
    if ((index + 1) % 2000 === 0 || index + 1 === count) report('calibration', index + 1, count);
  }

  // The organisation, sized by what the citizens need.
  report('organisation', 0, 1);
  const organisation = buildOrganisation(
    organisationRandom,
    organisationIds,
    units,
    demand,
    count,
    mailDomain,
    new Set(Object.values(PERSONA_POOLS)),
  );
  const personas = personaProfessionals(organisation);
  const personaChances = new Map<PoolKey, number>(
    (Object.keys(PERSONA_POOLS) as (keyof typeof PERSONA_POOLS)[]).map((persona) => {
      const pool = PERSONA_POOLS[persona];
      return [pool, Math.min(1, PERSONA_CASELOADS[persona] / Math.max(1, demand.get(pool) ?? 0))];
    }),
  );
  const context = contextWith({
    pool: (key) => organisation.pool(key),
    personaChance: (key) => personaChances.get(key) ?? 0,
  });
  await db.transaction().execute(async (trx) => {
    // Closed cases kept five years, as the privacy notice says (the synthetic cases are all open).
    await trx
      .insertInto('municipality')
      .values({ id: municipalityId, code, name, citizen_retention_months: 60 })
      .execute();
    await writeOrganisation(trx, municipalityId, organisation.units, organisation.professionals, types);
  });
  report('organisation', 1, 1);

  // Pass 2: generate again, calibrate and write.
  const cprNumbers = new SubstituteCprNumbers();
  const citizenIds: string[] = new Array(count);
  let interventions = 0;
  let costEntries = 0;
  report('citizens', 0, count);
  for (let batchStart = 0; batchStart < count; batchStart += BATCH_SIZE) {
    const records: CitizenRecord[] = [];
    for (let index = batchStart; index < Math.min(count, batchStart + BATCH_SIZE); index++) {
      const draft =
        index === PERSONA_CITIZEN_INDEX
          ? buildPersonaCitizen(context, personas)
          : generateCitizen(context, index);
      calibrate(draft, (year) => calibration.target(index, year));
      const cpr = cprNumbers.issue(Random.of(seed, 'cpr', index), draft.birthDay, draft.sex);
      records.push({
        draft,
        cprEncrypted: vault.encrypt(cpr),
        cprHmac: vault.hmac(cpr),
        cprBirthPart: cpr.slice(0, 6),
      });
      citizenIds[index] = draft.id;
    }
    const written = await db.transaction().execute((trx) => writeCitizens(trx, municipalityId, records));
    interventions += written.interventions;
    costEntries += written.costEntries;
    report('citizens', batchStart + records.length, count);
  }

  // The plan read model, batch by batch.
  report('plans', 0, count);
  for (let batchStart = 0; batchStart < count; batchStart += BATCH_SIZE) {
    const ids = citizenIds.slice(batchStart, batchStart + BATCH_SIZE);
    await db.transaction().execute((trx) => rebuildPlanDocuments(trx, municipalityId, ids));
    report('plans', batchStart + ids.length, count);
  }

  report('personas', 0, PERSONAS.length);
  // The demo relative: the demo citizen's sister, with power of attorney from her and from one
  // more citizen, so a login shows the choice of whose plan to see.
  const relativeCpr = cprNumbers.issue(Random.of(seed, 'relative-cpr'), today - 41 * 365, 'female');
  const delegations = [citizenIds[PERSONA_CITIZEN_INDEX], citizenIds[PERSONA_CITIZEN_INDEX + 1]]
    .filter((citizenId): citizenId is string => citizenId !== undefined)
    .map((citizenId, position) => ({
      municipality_id: municipalityId,
      id: organisationIds.next(),
      citizen_id: citizenId,
      grantee_cpr_hmac: vault.hmac(relativeCpr),
      grantee_name: RELATIVE_PERSONA_NAME,
      valid_from: formatDay(today - 365 + position * 100),
      valid_until: position === 0 ? null : formatDay(today + 200),
    }));
  if (delegations.length > 0) await db.insertInto('delegation').values(delegations).execute();
  // The demo administrator, at the municipality's visitation (an office with no caseload of its
  // own here): municipality-wide settings are theirs, citizens' plans are not.
  const administratorUnit = organisation.unit('visitation');
  const administrator = {
    municipality_id: municipalityId,
    id: organisationIds.next(),
    unit_id: administratorUnit.id,
    name: ADMINISTRATOR_PERSONA.name,
    profession: ADMINISTRATOR_PERSONA.profession,
    role: 'administrator',
    email: `administrator@${mailDomain}`,
    phone: null,
  };
  await db.insertInto('professional').values(administrator).execute();
  const subjects: Record<PersonaId, { kind: 'professional' | 'citizen' | 'relative'; id: string }> = {
    'jobcenter-caseworker': { kind: 'professional', id: personas.caseworker.id },
    'social-worker': { kind: 'professional', id: personas.socialWorker.id },
    'home-care-nurse': { kind: 'professional', id: personas.nurse.id },
    'team-leader': { kind: 'professional', id: organisation.teamLeader('jobcenter-ressource').id },
    administrator: { kind: 'professional', id: administrator.id },
    citizen: { kind: 'citizen', id: citizenIds[PERSONA_CITIZEN_INDEX] as string },
    relative: { kind: 'relative', id: delegations[0]?.id as string },
  };
  await db
    .insertInto('demo_persona')
    .values(
      PERSONAS.map((persona, position) => ({
        municipality_id: municipalityId,
        id: persona.id,
        subject_kind: subjects[persona.id].kind,
        subject_id: subjects[persona.id].id,
        title_da: persona.titleDa,
        title_en: persona.titleEn,
        sort_order: position + 1,
      })),
    )
    .execute();
  report('personas', PERSONAS.length, PERSONAS.length);
  const leader = organisation.teamLeader('jobcenter-ressource');
  await writeDemoSurveys(db, municipalityId, leader, organisationIds, seed);
  await writeDemoMeasures(
    db,
    municipalityId,
    citizenIds[PERSONA_CITIZEN_INDEX] as string,
    personas.caseworker,
    organisationIds,
    today,
  );
  await writeDemoDecision(
    db,
    municipalityId,
    citizenIds[PERSONA_CITIZEN_INDEX] as string,
    personas.caseworker,
    organisationIds,
    today,
  );
  // A bulk load leaves the planner without statistics (and PGlite runs no autovacuum): without
  // them every table looks like one row, and plan writes and scans pick poor plans.
  await sql`ANALYZE`.execute(db);

  return { municipalityId, citizens: count, interventions, costEntries, personas: PERSONAS.length };
}

/**
 * Weighs a citizen's list-price cost when ranking for the calibration: by the number of sectors
 * they are in contact with — several caseworkers, coordination and more frequent crises cost
 * more than list prices show, and it puts the multi-sector citizens at the top as in the real
 * figures — and by a little noise, so prices alone do not fix the order.
 */
function rankWeight(draft: CitizenDraft, random: Random): number {
  const sectors = new Set(
    draft.interventions.filter((item) => item.status === 'active').map((item) => item.type.sector),
  );
  return Math.max(1, sectors.size) * Math.exp(0.25 * random.normal());
}

function costByYear(draft: CitizenDraft): Map<number, number> {
  const sums = new Map<number, number>();
  for (const cost of draft.costs)
    sums.set(yearOf(cost.from), (sums.get(yearOf(cost.from)) ?? 0) + cost.natural);
  return sums;
}

function personaProfessionals(organisation: Organisation): PersonaProfessionals {
  const first = (pool: PoolKey): SynthProfessional => {
    const professional = organisation.pool(pool)[0];
    if (!professional) throw new Error(`No professional for the persona in ${pool}`);
    return professional;
  };
  return {
    caseworker: first(PERSONA_POOLS['jobcenter-caseworker']),
    socialWorker: first(PERSONA_POOLS['social-worker']),
    nurse: first(PERSONA_POOLS['home-care-nurse']),
  };
}

/** Sets every cost of the citizen to its calibrated amount, year by year, and each intervention's total. */
function calibrate(draft: CitizenDraft, targetFor: (year: number) => number): void {
  const byYear = new Map<number, CostDraft[]>();
  for (const cost of draft.costs) {
    const year = yearOf(cost.from);
    const list = byYear.get(year);
    if (list) list.push(cost);
    else byYear.set(year, [cost]);
  }
  for (const [year, costs] of byYear) {
    const amounts = scaleToTarget(
      costs.map((cost) => cost.natural),
      targetFor(year),
    );
    costs.forEach((cost, position) => {
      cost.amountOre = amounts[position] as number;
    });
  }
  for (const intervention of draft.interventions) {
    intervention.costOre = intervention.costs.reduce((sum, cost) => sum + cost.amountOre, 0);
  }
}
