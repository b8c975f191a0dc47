import { type Kysely, sql, type Transaction } from 'kysely';
import type {
  CitizenFacts,
  InterventionFact,
  PathwayStageFact,
  ReferralFact,
} from '../../domain/coordination/facts.js';
import { dueStagesOf, type FactExtras } from '../../domain/coordination/plan-facts.js';
import { pathwayView } from '../../domain/plan/pathway-view.js';
import { definitionsOf } from './pathway-templates.queries.js';
import { parseSchedule } from '../../domain/coordination/schedule.js';
import type { ExistingFlag, FlagStatus } from '../../domain/coordination/flag-diff.js';
import type { DB } from '../schema.js';
import { fixedRecords, NO_ID, RECORD_SEPARATOR, UUID_LENGTH } from './packed-records.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** A notification to write together with the incremental check's read. */
export interface NotificationInsert {
  id: string;
  recipientId: string;
  kind: string;
  subjectId: string | null;
  payload: string;
  actorId: string | null;
}

/** An intervention's status as the batch read writes it: its first two letters. */
const STATUS_OF: Record<string, InterventionFact['status']> = { pl: 'planned', ac: 'active', pa: 'paused' };
/** A day (YYYY-MM-DD), or ten blanks for none, in a fixed-width record. */
const DAY_WIDTH = 10;
const NO_DAY = ' '.repeat(DAY_WIDTH);

/**
 * The facts of every citizen of a municipality, for the batch scan. Each table is read once, as
 * one flat JSON array in no particular order, and grouped by citizen here: PGlite turns one JSON
 * value into objects far faster than hundreds of thousands of typed rows, and grouping and
 * sorting a few items per citizen in JavaScript is cheaper than the database's sort of every
 * row (which also needs memory it may not have). So the interventions cost what reading them
 * once costs. Ended interventions are not read; where a rule needs history (the first
 * intervention of a pathway) the database computes it.
 */
export async function loadMunicipalityFacts(
  db: Executor,
  municipalityId: string,
  today: string,
): Promise<CitizenFacts[]> {
  const [types, units, plans, interventions, links, goals, team, gas, pathways, referrals] =
    await Promise.all([
      db
        .selectFrom('intervention_type')
        .select(['id', 'name', 'category', 'sector', 'pyramid_level', 'business_directed'])
        .where('municipality_id', '=', municipalityId)
        .execute(),
      db.selectFrom('unit').select(['id', 'name']).where('municipality_id', '=', municipalityId).execute(),
      // The small tables as strings of fixed-width records (UUIDs are 36 characters): splitting a
      // string costs a fraction of turning JSON into objects, and the scan is held to 3× a read.
      sql<{ s: string | null }>`
      SELECT string_agg(citizen_id::text || CASE WHEN btrim(coalesce(goal_own_words, '')) <> '' THEN '1' ELSE '0' END, '') AS s
        FROM plan WHERE municipality_id = ${municipalityId}`.execute(db),
      // One record per current intervention: citizen, id, type, unit and responsible (fixed
      // width), status (two letters), start, end and follow-up (ten characters each), then its
      // weekly schedule as JSON (empty when none). As one string: PGlite hands it over several
      // times faster than the same rows as JSON, and splitting it costs a fraction of parsing.
      sql<{ s: string | null }>`
      SELECT string_agg(citizen_id::text || id::text || type_id::text || unit_id::text
               || coalesce(responsible_id::text, ${NO_ID}) || left(status, 2) || start_date::text
               || coalesce(end_date::text, ${NO_DAY}) || coalesce(follow_up_date::text, ${NO_DAY})
               || coalesce(schedule::text, ''), ${RECORD_SEPARATOR}) AS s
        FROM intervention WHERE municipality_id = ${municipalityId} AND status <> 'ended'`.execute(db),
      // Every link, also those of ended interventions (a second pass over the interventions to
      // leave those out would cost more than the rows it saves), as one string of fixed-width
      // pairs of UUIDs: parsing 370,000 two-element JSON arrays costs three times the read.
      sql<{ links: string | null }>`
      SELECT string_agg(intervention_id::text || sub_goal_id::text, '') AS links
        FROM intervention_sub_goal WHERE municipality_id = ${municipalityId}`.execute(db),
      sql<{ s: string | null }>`
      SELECT string_agg(citizen_id::text || id::text || coalesce(follow_up_date::text, '          ')
               || replace(title, chr(31), ' '), chr(31)) AS s
        FROM sub_goal WHERE municipality_id = ${municipalityId} AND status = 'active'`.execute(db),
      // Only the members that decide something: the coordinator (one at most per citizen) and
      // network or civil-society support (never a coordinator).
      sql<{ s: string | null }>`
      SELECT string_agg(citizen_id::text || coalesce(CASE WHEN is_coordinator THEN professional_id END::text, ${NO_ID}), '') AS s
        FROM team_member
       WHERE municipality_id = ${municipalityId} AND ended_at IS NULL
         AND (is_coordinator OR kind <> 'professional')`.execute(db),
      // GAS levels −2..+2 as one digit 0..4, oldest first per sub-goal.
      sql<{ s: string | null }>`
      SELECT string_agg(sub_goal_id::text || (gas_level + 2)::text, '' ORDER BY sub_goal_id, recorded_at, id) AS s
        FROM sub_goal_gas_history WHERE municipality_id = ${municipalityId}`.execute(db),
      firstOpenPathways(db, municipalityId, today, null),
      pendingReferrals(db, municipalityId, null),
    ]);
  const stagesDue = await dueStages(db, municipalityId);

  const typeOf = new Map(types.map((type) => [type.id, type]));
  const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
  const history = new Map<string, number[]>();
  for (const record of fixedRecords(gas.rows[0]?.s, UUID_LENGTH + 1)) {
    const subGoalId = record.slice(0, UUID_LENGTH);
    const level = Number(record[UUID_LENGTH]) - 2;
    const list = history.get(subGoalId);
    if (list) list.push(level);
    else history.set(subGoalId, [level]);
  }
  // The citizens (one per plan), then each current intervention straight into its citizen's list.
  const facts: CitizenFacts[] = [];
  const factsOf = new Map<string, CitizenFacts>();
  const planRecords = plans.rows[0]?.s ?? '';
  for (let at = 0; at + UUID_LENGTH < planRecords.length; at += UUID_LENGTH + 1) {
    const citizenId = planRecords.slice(at, at + UUID_LENGTH);
    const citizen: CitizenFacts = {
      citizenId,
      hasOwnGoal: planRecords[at + UUID_LENGTH] === '1',
      coordinatorId: null,
      hasNetworkSupport: false,
      interventions: [],
      subGoals: [],
      pathway: pathways.get(citizenId) ?? null,
      pendingReferrals: referrals.get(citizenId) ?? [],
      dueStages: stagesDue.get(citizenId) ?? [],
    };
    facts.push(citizen);
    factsOf.set(citizenId, citizen);
  }
  const interventionById = new Map<string, InterventionFact>();
  for (const record of (interventions.rows[0]?.s ?? '').split(RECORD_SEPARATOR)) {
    if (record.length < INTERVENTION_HEAD) continue;
    const citizen = factsOf.get(record.slice(0, UUID_LENGTH));
    const typeId = record.slice(2 * UUID_LENGTH, 3 * UUID_LENGTH);
    const type = typeOf.get(typeId);
    if (!citizen || !type) continue;
    const id = record.slice(UUID_LENGTH, 2 * UUID_LENGTH);
    const unitId = record.slice(3 * UUID_LENGTH, 4 * UUID_LENGTH);
    const responsibleId = record.slice(4 * UUID_LENGTH, 5 * UUID_LENGTH);
    const dates = 5 * UUID_LENGTH + 2;
    const end = record.slice(dates + DAY_WIDTH, dates + 2 * DAY_WIDTH);
    const followUp = record.slice(dates + 2 * DAY_WIDTH, INTERVENTION_HEAD);
    const fact: InterventionFact = {
      id,
      typeId,
      typeName: type.name,
      category: type.category,
      sector: type.sector,
      unitId,
      unitName: unitName.get(unitId) ?? '',
      responsibleId: responsibleId === NO_ID ? null : responsibleId,
      status: STATUS_OF[record.slice(5 * UUID_LENGTH, dates)] ?? 'active',
      startDate: record.slice(dates, dates + DAY_WIDTH),
      endDate: end === NO_DAY ? null : end,
      followUpDate: followUp === NO_DAY ? null : followUp,
      pyramidLevel: type.pyramid_level,
      businessDirected: type.business_directed,
      schedule: record.length > INTERVENTION_HEAD ? parseSchedule(record.slice(INTERVENTION_HEAD)) : null,
      subGoalIds: [],
    };
    citizen.interventions.push(fact);
    interventionById.set(id, fact);
  }
  // Every link, ended interventions' too: those find no current intervention and are passed over.
  const linkRecords = links.rows[0]?.links ?? '';
  for (let at = 0; at + 2 * UUID_LENGTH <= linkRecords.length; at += 2 * UUID_LENGTH)
    interventionById
      .get(linkRecords.slice(at, at + UUID_LENGTH))
      ?.subGoalIds.push(linkRecords.slice(at + UUID_LENGTH, at + 2 * UUID_LENGTH));
  const subGoalsOf = new Map<string, CitizenFacts['subGoals']>();
  for (const record of (goals.rows[0]?.s ?? '').split(RECORD_SEPARATOR)) {
    if (record === '') continue;
    const citizenId = record.slice(0, UUID_LENGTH);
    const id = record.slice(UUID_LENGTH, 2 * UUID_LENGTH);
    // The next follow-up (migration 035) as ten characters, blank when none, before the title.
    const followUp = record.slice(2 * UUID_LENGTH, 2 * UUID_LENGTH + 10).trim();
    const goal = {
      id,
      title: record.slice(2 * UUID_LENGTH + 10),
      followUpDate: followUp === '' ? null : followUp,
      gasHistory: history.get(id) ?? [],
    };
    const list = subGoalsOf.get(citizenId);
    if (list) list.push(goal);
    else subGoalsOf.set(citizenId, [goal]);
  }
  for (const record of fixedRecords(team.rows[0]?.s, 2 * UUID_LENGTH)) {
    const citizen = factsOf.get(record.slice(0, UUID_LENGTH));
    if (!citizen) continue;
    const coordinatorId = record.slice(UUID_LENGTH);
    if (coordinatorId === NO_ID) citizen.hasNetworkSupport = true;
    else citizen.coordinatorId = coordinatorId;
  }
  for (const citizen of facts) {
    // The canonical order of normaliseFacts (start date, then id; sub-goals by id). Dates are
    // YYYY-MM-DD and ids lower-case UUIDs, so plain string order is the database's order.
    if (citizen.interventions.length > 1) citizen.interventions.sort(byStartThenId);
    for (const item of citizen.interventions) if (item.subGoalIds.length > 1) item.subGoalIds.sort(byText);
    const goals = subGoalsOf.get(citizen.citizenId);
    if (goals) citizen.subGoals = goals.length > 1 ? goals.sort((a, b) => byText(a.id, b.id)) : goals;
  }
  return facts;
}

/** The fixed-width head of an intervention's record, before its schedule. */
const INTERVENTION_HEAD = 5 * UUID_LENGTH + 2 + 3 * DAY_WIDTH;

function byText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function byStartThenId(a: InterventionFact, b: InterventionFact): number {
  return byText(a.startDate, b.startDate) || byText(a.id, b.id);
}

/**
 * What the incremental check needs beyond the plan document, and the citizen's stored flags,
 * in one round trip: it runs inside every plan write.
 */
export async function loadCitizenExtras(
  trx: Executor,
  municipalityId: string,
  citizenId: string,
  today: string,
  notifications: readonly NotificationInsert[] = [],
): Promise<{ extras: FactExtras; flags: ExistingFlag[] }> {
  // One round trip: the write's notifications ride along, and the statements live in a PL/pgSQL
  // function (migration 008) whose plans are prepared once per connection, not on every write.
  const result = await sql<{
    extras: {
      pathway: { templateCode: string; startDate: string } | null;
      gas: { s: string; l: number }[] | null;
      referrals: (Omit<ReferralFact, 'toName'> & { toName: string | null })[] | null;
      flags:
        | {
            id: string;
            fingerprint: string;
            status: FlagStatus;
            system: boolean;
            owner: string | null;
            taken: boolean;
            until?: string | null;
          }[]
        | null;
    } | null;
  }>`
    SELECT coordination_citizen_extras(${municipalityId}::uuid, ${citizenId}::uuid,
      ${today}::date + 1, -- a pathway ending today is no longer open
      ${notifications.map((n) => n.id)}::uuid[], ${notifications.map((n) => n.recipientId)}::uuid[],
      ${notifications.map((n) => n.kind)}::text[], ${notifications.map((n) => n.subjectId)}::uuid[],
      ${notifications.map((n) => n.payload)}::text[], ${notifications.map((n) => n.actorId)}::uuid[]) AS extras`.execute(
    trx,
  );
  const row = result.rows[0]?.extras;
  const gasHistory = new Map<string, number[]>();
  for (const entry of row?.gas ?? []) {
    const list = gasHistory.get(entry.s);
    if (list) list.push(entry.l);
    else gasHistory.set(entry.s, [entry.l]);
  }
  return {
    extras: {
      pathway: row?.pathway ?? null,
      gasHistory,
      pendingReferrals: (row?.referrals ?? []).map((referral) => ({
        ...referral,
        toName: referral.toName ?? '',
      })),
    },
    flags: (row?.flags ?? []).map((flag) => ({
      id: flag.id,
      citizenId,
      fingerprint: flag.fingerprint,
      status: flag.status,
      closedBySystem: flag.status === 'resolved' && flag.system,
      ownerId: flag.owner,
      ownerTaken: flag.taken,
      dismissedUntil: flag.until ?? null,
    })),
  };
}

/** Each citizen's first open pathway and the first day a (non-coordination) intervention ran within it. */
async function firstOpenPathways(
  db: Executor,
  municipalityId: string,
  today: string,
  citizenId: string | null,
): Promise<Map<string, NonNullable<CitizenFacts['pathway']>>> {
  const result = await sql<{ pathways: [string, string, string, string | null, number | null][] | null }>`
    SELECT json_agg(json_build_array(citizen_id, template_code, start_date, first, months)) AS pathways FROM (
      SELECT DISTINCT ON (p.citizen_id) p.citizen_id, p.template_code, p.start_date,
        -- The template version's "no intervention started" months (decision 0019), NULL without the rule.
        (SELECT (r->>'months')::int FROM pathway_template_version v, jsonb_array_elements(v.definition->'rules') r
          WHERE v.municipality_id = p.municipality_id AND v.id = p.template_version_id
            AND r->>'kind' = 'no-intervention-started' LIMIT 1) AS months,
        (SELECT min(greatest(i.start_date, p.start_date)) FROM intervention i
          WHERE i.municipality_id = p.municipality_id AND i.citizen_id = p.citizen_id
            AND i.type_id NOT IN (SELECT t.id FROM intervention_type t
                                   WHERE t.municipality_id = p.municipality_id AND t.category = 'coordination')
            AND i.status <> 'planned'
            AND i.start_date <= ${today}::date
            AND (i.end_date IS NULL OR i.end_date >= p.start_date)) AS first
        FROM pathway p
       WHERE p.municipality_id = ${municipalityId}
         AND (p.end_date IS NULL OR p.end_date > ${today}::date)
         ${citizenId ? sql`AND p.citizen_id = ${citizenId}` : sql``}
       ORDER BY p.citizen_id, p.start_date, p.id) AS open_pathways`.execute(db);
  return new Map(
    (result.rows[0]?.pathways ?? []).map(([citizen, templateCode, startDate, first, months]) => [
      citizen,
      { templateCode, startDate, firstStartedOn: first, monthsToFirstIntervention: months },
    ]),
  );
}

/**
 * Each citizen's running pathways' stages with a deadline their template flags (decision 0019):
 * the pathways in one read, each template version's definition once.
 */
async function dueStages(db: Executor, municipalityId: string): Promise<Map<string, PathwayStageFact[]>> {
  const rows = await db
    .selectFrom('pathway')
    .select([
      'id',
      'citizen_id',
      'template_code',
      'start_date',
      'end_date',
      'end_reason',
      'template_version_id',
      'stage_code',
      'stage_since',
    ])
    .where('municipality_id', '=', municipalityId)
    .where('end_date', 'is', null)
    .execute();
  const definitions = await definitionsOf(
    db,
    municipalityId,
    rows.map((row) => row.template_version_id),
  );
  const byCitizen = new Map<string, PathwayStageFact[]>();
  for (const row of rows) {
    const definition = definitions.get(row.template_version_id);
    if (!definition) continue;
    const view = pathwayView(
      {
        id: row.id,
        templateCode: row.template_code,
        startDate: row.start_date,
        endDate: row.end_date,
        endReason: row.end_reason,
        // Only running pathways are read here: none has an outcome yet.
        outcome: null,
        templateVersionId: row.template_version_id,
        version: 0,
        stageCode: row.stage_code,
        stageSince: row.stage_since,
      },
      definition,
    );
    const stages = dueStagesOf([view]);
    if (stages.length > 0)
      byCitizen.set(row.citizen_id, [...(byCitizen.get(row.citizen_id) ?? []), ...stages]);
  }
  return byCitizen;
}

async function pendingReferrals(
  db: Executor,
  municipalityId: string,
  citizenId: string | null,
): Promise<Map<string, ReferralFact[]>> {
  let query = db
    .selectFrom('referral as r')
    .leftJoin('unit as u', (join) =>
      join.onRef('u.municipality_id', '=', 'r.municipality_id').onRef('u.id', '=', 'r.to_unit_id'),
    )
    .select([
      'r.id',
      'r.citizen_id',
      'r.from_unit_id',
      'r.from_professional_id',
      'r.to_unit_id',
      'r.to_civil_society',
      'u.name as unit_name',
      'r.answer_due',
    ])
    .where('r.municipality_id', '=', municipalityId)
    .where('r.status', '=', 'requested')
    .orderBy('r.id');
  if (citizenId) query = query.where('r.citizen_id', '=', citizenId);
  const rows = await query.execute();
  const result = new Map<string, ReferralFact[]>();
  for (const row of rows) {
    const list = result.get(row.citizen_id) ?? [];
    list.push({
      id: row.id,
      fromUnitId: row.from_unit_id,
      fromProfessionalId: row.from_professional_id,
      toUnitId: row.to_unit_id,
      toName: row.unit_name ?? row.to_civil_society ?? '',
      answerDue: row.answer_due,
    });
    result.set(row.citizen_id, list);
  }
  return result;
}
