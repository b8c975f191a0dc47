import { type Kysely, sql, type Transaction } from 'kysely';
import type { CitizenFacts, InterventionFact, ReferralFact } from '../../domain/coordination/facts.js';
import { normaliseFacts } from '../../domain/coordination/facts.js';
import type { FactExtras } from '../../domain/coordination/plan-facts.js';
import { parseSchedule } from '../../domain/coordination/schedule.js';
import type { ExistingFlag, FlagStatus } from '../../domain/coordination/flag-diff.js';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * The facts of every citizen of a municipality, for the batch scan: each table read once,
 * set-based, grouped by citizen in memory. Ended interventions are not read; where a rule needs
 * history (the first intervention of a pathway), the database computes it.
 */
export async function loadMunicipalityFacts(
  db: Executor,
  municipalityId: string,
  today: string,
): Promise<CitizenFacts[]> {
  const [types, units, plans, team, interventions, links, subGoals, gas, pathways, referrals] =
    await Promise.all([
      db
        .selectFrom('intervention_type')
        .select(['id', 'name', 'category', 'sector', 'pyramid_level', 'business_directed'])
        .where('municipality_id', '=', municipalityId)
        .execute(),
      db.selectFrom('unit').select(['id', 'name']).where('municipality_id', '=', municipalityId).execute(),
      db
        .selectFrom('plan')
        .select(['citizen_id', sql<boolean>`coalesce(btrim(goal_own_words), '') <> ''`.as('has_goal')])
        .where('municipality_id', '=', municipalityId)
        .execute(),
      db
        .selectFrom('team_member')
        .select(['citizen_id', 'professional_id', 'is_coordinator'])
        .where('municipality_id', '=', municipalityId)
        .where('ended_at', 'is', null)
        .where((eb) => eb.or([eb('is_coordinator', '=', true), eb('kind', '<>', 'professional')]))
        .execute(),
      db
        .selectFrom('intervention')
        .select([
          'id',
          'citizen_id',
          'type_id',
          'unit_id',
          'responsible_id',
          'status',
          'start_date',
          'end_date',
          'follow_up_date',
          'schedule',
        ])
        .where('municipality_id', '=', municipalityId)
        .where('status', '<>', 'ended')
        .execute(),
      db
        .selectFrom('intervention_sub_goal')
        .select(['intervention_id', 'sub_goal_id'])
        .where('municipality_id', '=', municipalityId)
        .execute(),
      db
        .selectFrom('sub_goal')
        .select(['id', 'citizen_id', 'title'])
        .where('municipality_id', '=', municipalityId)
        .where('status', '=', 'active')
        .execute(),
      db
        .selectFrom('sub_goal_gas_history')
        .select(['sub_goal_id', 'gas_level'])
        .where('municipality_id', '=', municipalityId)
        .orderBy('sub_goal_id')
        .orderBy('recorded_at')
        .orderBy('id')
        .execute(),
      firstOpenPathways(db, municipalityId, today, null),
      pendingReferrals(db, municipalityId, null),
    ]);

  const typeOf = new Map(types.map((type) => [type.id, type]));
  const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
  const byCitizen = new Map<string, CitizenFacts>();
  for (const plan of plans) {
    byCitizen.set(plan.citizen_id, {
      citizenId: plan.citizen_id,
      hasOwnGoal: plan.has_goal,
      coordinatorId: null,
      hasNetworkSupport: false,
      interventions: [],
      subGoals: [],
      pathway: null,
      pendingReferrals: [],
    });
  }
  for (const member of team) {
    const facts = byCitizen.get(member.citizen_id);
    if (!facts) continue;
    if (member.is_coordinator) facts.coordinatorId = member.professional_id;
    else facts.hasNetworkSupport = true;
  }
  const interventionById = new Map<string, InterventionFact>();
  for (const row of interventions) {
    const facts = byCitizen.get(row.citizen_id);
    const type = typeOf.get(row.type_id);
    if (!facts || !type) continue;
    const fact: InterventionFact = {
      id: row.id,
      typeId: row.type_id,
      typeName: type.name,
      category: type.category,
      sector: type.sector,
      unitId: row.unit_id,
      unitName: unitName.get(row.unit_id) ?? '',
      responsibleId: row.responsible_id,
      status: row.status as InterventionFact['status'],
      startDate: row.start_date,
      endDate: row.end_date,
      followUpDate: row.follow_up_date,
      pyramidLevel: type.pyramid_level,
      businessDirected: type.business_directed,
      schedule: parseSchedule(row.schedule),
      subGoalIds: [],
    };
    facts.interventions.push(fact);
    interventionById.set(row.id, fact);
  }
  // Links of ended interventions are not needed; they find no current intervention here.
  for (const link of links) interventionById.get(link.intervention_id)?.subGoalIds.push(link.sub_goal_id);
  const history = new Map<string, number[]>();
  for (const row of gas) {
    const list = history.get(row.sub_goal_id);
    if (list) list.push(row.gas_level);
    else history.set(row.sub_goal_id, [row.gas_level]);
  }
  for (const goal of subGoals) {
    byCitizen
      .get(goal.citizen_id)
      ?.subGoals.push({ id: goal.id, title: goal.title, gasHistory: history.get(goal.id) ?? [] });
  }
  for (const [citizenId, pathway] of pathways) {
    const facts = byCitizen.get(citizenId);
    if (facts) facts.pathway = pathway;
  }
  for (const [citizenId, list] of referrals) {
    const facts = byCitizen.get(citizenId);
    if (facts) facts.pendingReferrals = list;
  }
  return [...byCitizen.values()].map(normaliseFacts);
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
): Promise<{ extras: FactExtras; flags: ExistingFlag[] }> {
  const result = await sql<{
    pathway: { templateCode: string; startDate: string } | null;
    gas: { s: string; l: number }[] | null;
    referrals: (Omit<ReferralFact, 'toName'> & { toName: string | null })[] | null;
    flags: { id: string; fingerprint: string; status: FlagStatus; system: boolean }[] | null;
  }>`
    SELECT
      (SELECT json_build_object('templateCode', template_code, 'startDate', start_date)
         FROM pathway
        WHERE municipality_id = ${municipalityId} AND citizen_id = ${citizenId}
          AND (end_date IS NULL OR end_date >= ${today}::date)
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
                'system', status_by IS NULL))
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
  const result = await sql<{
    citizen_id: string;
    template_code: string;
    start_date: string;
    first: string | null;
  }>`
    SELECT DISTINCT ON (p.citizen_id) p.citizen_id, p.template_code, p.start_date,
      (SELECT min(greatest(i.start_date, p.start_date)) FROM intervention i
         JOIN intervention_type t ON t.municipality_id = i.municipality_id AND t.id = i.type_id
        WHERE i.municipality_id = p.municipality_id AND i.citizen_id = p.citizen_id
          AND t.category <> 'coordination' AND i.status <> 'planned'
          AND i.start_date <= ${today}::date
          AND (i.end_date IS NULL OR i.end_date >= p.start_date)) AS first
      FROM pathway p
     WHERE p.municipality_id = ${municipalityId}
       AND (p.end_date IS NULL OR p.end_date >= ${today}::date)
       ${citizenId ? sql`AND p.citizen_id = ${citizenId}` : sql``}
     ORDER BY p.citizen_id, p.start_date, p.id`.execute(db);
  return new Map(
    result.rows.map((row) => [
      row.citizen_id,
      {
        templateCode: row.template_code,
        startDate: toDay(row.start_date),
        firstStartedOn: row.first ? toDay(row.first) : null,
      },
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
    .where('r.status', '=', 'requested');
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

/** Dates come back as 'YYYY-MM-DD' from both engines (see database.ts); raw SQL keeps that. */
function toDay(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
