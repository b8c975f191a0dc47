import { type Kysely, sql, type Transaction } from 'kysely';
import type { CitizenFacts, InterventionFact, ReferralFact } from '../../domain/coordination/facts.js';
import type { FactExtras } from '../../domain/coordination/plan-facts.js';
import { parseSchedule } from '../../domain/coordination/schedule.js';
import type { ExistingFlag, FlagStatus } from '../../domain/coordination/flag-diff.js';
import type { DB } from '../schema.js';

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

/**
 * One citizen's plan as the batch query returns it: [citizen, has own goal, coordinator,
 * has network support, interventions, active sub-goals], where an intervention is [id, type,
 * unit, responsible, status, start, end, follow-up, schedule, sub-goal ids] and a sub-goal
 * [id, title].
 */
type InterventionTuple = [
  string,
  string,
  string,
  string | null,
  string,
  string,
  string | null,
  string | null,
  unknown,
  string[] | null,
];
type CitizenTuple = [
  string,
  boolean,
  string | null,
  boolean,
  InterventionTuple[] | null,
  [string, string][] | null,
];

/**
 * The facts of every citizen of a municipality, for the batch scan. Each table is read once,
 * grouped by citizen in the database and returned as one JSON value in canonical order: PGlite
 * turns one JSON value into objects far faster than hundreds of thousands of typed rows, so
 * this costs little more than reading the interventions once. Ended interventions are not
 * read; where a rule needs history (the first intervention of a pathway) the database computes it.
 */
export async function loadMunicipalityFacts(
  db: Executor,
  municipalityId: string,
  today: string,
): Promise<CitizenFacts[]> {
  const [types, units, citizens, gas, pathways, referrals] = await Promise.all([
    db
      .selectFrom('intervention_type')
      .select(['id', 'name', 'category', 'sector', 'pyramid_level', 'business_directed'])
      .where('municipality_id', '=', municipalityId)
      .execute(),
    db.selectFrom('unit').select(['id', 'name']).where('municipality_id', '=', municipalityId).execute(),
    // Grouped joins rather than correlated subqueries: without statistics after a bulk load the
    // planner may pick a poor index for a per-citizen lookup; hash aggregates have no such risk.
    sql<{ citizens: CitizenTuple[] | null }>`
      WITH links AS (
        SELECT intervention_id, json_agg(sub_goal_id ORDER BY sub_goal_id) AS goals
          FROM intervention_sub_goal WHERE municipality_id = ${municipalityId} GROUP BY intervention_id
      ), interventions AS (
        SELECT i.citizen_id, json_agg(json_build_array(i.id, i.type_id, i.unit_id, i.responsible_id, i.status,
                 i.start_date, i.end_date, i.follow_up_date, i.schedule, l.goals) ORDER BY i.start_date, i.id) AS items
          FROM intervention i LEFT JOIN links l ON l.intervention_id = i.id
         WHERE i.municipality_id = ${municipalityId} AND i.status <> 'ended'
         GROUP BY i.citizen_id
      ), goals AS (
        SELECT citizen_id, json_agg(json_build_array(id, title) ORDER BY id) AS items
          FROM sub_goal WHERE municipality_id = ${municipalityId} AND status = 'active' GROUP BY citizen_id
      ), team AS (
        SELECT citizen_id, (array_agg(professional_id) FILTER (WHERE is_coordinator))[1] AS coordinator,
               bool_or(kind <> 'professional') AS network
          FROM team_member WHERE municipality_id = ${municipalityId} AND ended_at IS NULL GROUP BY citizen_id
      )
      SELECT json_agg(json_build_array(p.citizen_id, coalesce(btrim(p.goal_own_words), '') <> '',
               team.coordinator, coalesce(team.network, false), interventions.items, goals.items)) AS citizens
        FROM plan p
        LEFT JOIN interventions ON interventions.citizen_id = p.citizen_id
        LEFT JOIN goals ON goals.citizen_id = p.citizen_id
        LEFT JOIN team ON team.citizen_id = p.citizen_id
       WHERE p.municipality_id = ${municipalityId}`.execute(db),
    sql<{ gas: [string, number][] | null }>`
      SELECT json_agg(json_build_array(sub_goal_id, gas_level) ORDER BY sub_goal_id, recorded_at, id) AS gas
        FROM sub_goal_gas_history WHERE municipality_id = ${municipalityId}`.execute(db),
    firstOpenPathways(db, municipalityId, today, null),
    pendingReferrals(db, municipalityId, null),
  ]);

  const typeOf = new Map(types.map((type) => [type.id, type]));
  const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
  const history = new Map<string, number[]>();
  for (const [subGoalId, level] of gas.rows[0]?.gas ?? []) {
    const list = history.get(subGoalId);
    if (list) list.push(level);
    else history.set(subGoalId, [level]);
  }
  const facts: CitizenFacts[] = [];
  for (const [citizenId, hasOwnGoal, coordinatorId, hasNetworkSupport, items, goals] of citizens.rows[0]
    ?.citizens ?? []) {
    const interventions: InterventionFact[] = [];
    for (const [id, typeId, unitId, responsibleId, status, start, end, followUp, schedule, links] of items ??
      []) {
      const type = typeOf.get(typeId);
      if (!type) continue;
      interventions.push({
        id,
        typeId,
        typeName: type.name,
        category: type.category,
        sector: type.sector,
        unitId,
        unitName: unitName.get(unitId) ?? '',
        responsibleId,
        status: status as InterventionFact['status'],
        startDate: start,
        endDate: end,
        followUpDate: followUp,
        pyramidLevel: type.pyramid_level,
        businessDirected: type.business_directed,
        schedule: parseSchedule(schedule),
        subGoalIds: links ?? [],
      });
    }
    // Already in canonical order (the query sorts), so no second sort here.
    facts.push({
      citizenId,
      hasOwnGoal,
      coordinatorId,
      hasNetworkSupport,
      interventions,
      subGoals: (goals ?? []).map(([id, title]) => ({ id, title, gasHistory: history.get(id) ?? [] })),
      pathway: pathways.get(citizenId) ?? null,
      pendingReferrals: referrals.get(citizenId) ?? [],
    });
  }
  return facts;
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
  // The write's notifications ride along in the same statement: one round trip, not two.
  const insert =
    notifications.length === 0
      ? sql``
      : sql`WITH notified AS (
          INSERT INTO notification (municipality_id, id, recipient_id, citizen_id, kind, subject_id, payload, actor_id)
          SELECT ${municipalityId}::uuid, t.id, t.recipient_id, ${citizenId}::uuid, t.kind, t.subject_id,
                 t.payload::jsonb, t.actor_id
            FROM unnest(${notifications.map((n) => n.id)}::uuid[], ${notifications.map((n) => n.recipientId)}::uuid[],
                        ${notifications.map((n) => n.kind)}::text[], ${notifications.map((n) => n.subjectId)}::uuid[],
                        ${notifications.map((n) => n.payload)}::text[], ${notifications.map((n) => n.actorId)}::uuid[])
                 AS t(id, recipient_id, kind, subject_id, payload, actor_id)
          RETURNING 1)`;
  const result = await sql<{
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
        }[]
      | null;
  }>`
    ${insert}
    SELECT
      ${notifications.length === 0 ? sql`0` : sql`(SELECT count(*) FROM notified)`} AS notified,
      (SELECT json_build_object('templateCode', template_code, 'startDate', start_date)
         FROM pathway
        WHERE municipality_id = ${municipalityId} AND citizen_id = ${citizenId}
          AND (end_date IS NULL OR end_date > ${today}::date)
        ORDER BY start_date, id LIMIT 1) AS pathway,
      (SELECT json_agg(json_build_object('s', sub_goal_id, 'l', gas_level) ORDER BY recorded_at, id)
         FROM sub_goal_gas_history
        WHERE municipality_id = ${municipalityId} AND citizen_id = ${citizenId}) AS gas,
      (SELECT json_agg(json_build_object(
                'id', r.id, 'fromUnitId', r.from_unit_id, 'fromProfessionalId', r.from_professional_id,
                'toUnitId', r.to_unit_id, 'toName', coalesce(u.name, r.to_civil_society),
                'answerDue', r.answer_due))
         FROM referral r
         LEFT JOIN unit u ON u.municipality_id = r.municipality_id AND u.id = r.to_unit_id
        WHERE r.municipality_id = ${municipalityId} AND r.citizen_id = ${citizenId}
          AND r.status = 'requested') AS referrals,
      (SELECT json_agg(json_build_object('id', id, 'fingerprint', fingerprint, 'status', status,
                'system', status_by IS NULL, 'owner', owner_id, 'taken', owner_taken_by IS NOT NULL))
         FROM coordination_flag
        WHERE municipality_id = ${municipalityId} AND citizen_id = ${citizenId}) AS flags`.execute(trx);
  const row = result.rows[0];
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
  const result = await sql<{ pathways: [string, string, string, string | null][] | null }>`
    SELECT json_agg(json_build_array(citizen_id, template_code, start_date, first)) AS pathways FROM (
      SELECT DISTINCT ON (p.citizen_id) p.citizen_id, p.template_code, p.start_date,
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
    (result.rows[0]?.pathways ?? []).map(([citizen, templateCode, startDate, first]) => [
      citizen,
      { templateCode, startDate, firstStartedOn: first },
    ]),
  );
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
