import { type Kysely, sql, type Transaction } from 'kysely';
import type {
  CitizenFacts,
  InterventionFact,
  PathwayFact,
  PathwayStageFact,
  ReferralFact,
} from '../../domain/coordination/facts.js';
import { dueStagesOf, type FactExtras } from '../../domain/coordination/plan-facts.js';
import { pathwayView } from '../../domain/plan/pathway-view.js';
import { firstInterventionMonths } from '../../domain/plan/pathway-template.js';
import { definitionsOf } from './pathway-templates.queries.js';
import { parseSchedule } from '../../domain/coordination/schedule.js';
import type { ExistingFlag, FlagStatus } from '../../domain/coordination/flag-diff.js';
import type { DB } from '../schema.js';
import { fixedRecords, NO_ID, RECORD_SEPARATOR, RecordWalk, UUID_LENGTH } from './packed-records.js';
import { storedFlagRecords } from './coordination-flags.queries.js';

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

/** An intervention's status from its record, where the read writes its first two letters (pl, ac, pa). */
function statusAt(record: string): InterventionFact['status'] {
  if (record[5 * UUID_LENGTH] === 'a') return 'active';
  return record[5 * UUID_LENGTH + 1] === 'l' ? 'planned' : 'paused';
}
/** A day (YYYY-MM-DD), or ten blanks for none, in a fixed-width record. */
const DAY_WIDTH = 10;
const NO_DAY = ' '.repeat(DAY_WIDTH);

/**
 * The batch scan's facts, read in two parts. What is keyed by something other than the citizen
 * (types, units, links by intervention, GAS history by sub-goal, pathways, referrals) is read
 * once (`loadSharedFacts`); what leads with the citizen is read per range of citizens
 * (`loadCitizenRange`), in citizen order, so the scan can read the next range while the rules
 * run on this one. Every table is read as strings of packed records (packed-records.ts): PGlite
 * hands a string over several times faster than the same rows as JSON, and splitting it costs
 * a fraction of parsing. A citizen's facts are built from the strings only when the rules ask
 * for them (`citizensOf`), so they die young instead of a whole municipality's objects living
 * through the scan. Ended interventions are not read; where a rule needs history (the first
 * intervention of a pathway) the database computes it.
 */
export interface SharedFacts {
  typeOf: Map<string, InterventionTypeRow>;
  unitName: Map<string, string>;
  /** GAS levels per sub-goal, oldest first. */
  history: Map<string, number[]>;
  /** Every intervention's sub-goals, unless each range reads its own (`loadCitizenRange`). */
  links: LinkIndex | null;
  pathways: Map<string, PathwayFact>;
  stagesDue: Map<string, PathwayStageFact[]>;
  referrals: Map<string, ReferralFact[]>;
}

interface InterventionTypeRow {
  id: string;
  name: string;
  category: string;
  sector: string;
  pyramid_level: number;
  business_directed: boolean;
}

/** Citizens from `from` (inclusive) to `to` (exclusive), in uuid order; null is open-ended. */
export interface CitizenRange {
  from: string | null;
  to: string | null;
}

/** One range of citizens as read: packed records, each string in citizen order. */
export interface CitizenRecords {
  plans: string;
  interventions: string;
  goals: string;
  team: string;
  flags: string;
  /** Each intervention's record holds its sub-goals (`LinkReading` 'per-range'). */
  linksInRecords: boolean;
}

/** An intervention's sub-goals (sorted), from a string of links in intervention order. */
export type LinkIndex = (interventionId: string) => string[];

/** Indexes a string of links: where each intervention's run of pairs starts. */
export function linkIndex(linkText: string): LinkIndex {
  const linksAt = new Map<string, number>();
  let previous = '';
  for (let at = 0; at + LINK_WIDTH <= linkText.length; at += LINK_WIDTH) {
    if (previous !== '' && linkText.startsWith(previous, at)) continue;
    previous = linkText.slice(at, at + UUID_LENGTH);
    linksAt.set(previous, at);
  }
  return (interventionId) => {
    const start = linksAt.get(interventionId);
    if (start === undefined) return [];
    const ids: string[] = [];
    for (
      let at = start;
      at + LINK_WIDTH <= linkText.length && linkText.startsWith(interventionId, at);
      at += LINK_WIDTH
    )
      ids.push(linkText.slice(at + UUID_LENGTH, at + LINK_WIDTH));
    return ids;
  };
}

/**
 * Where the links are read. PGlite: all of them once, ended interventions' too (leaving those
 * out costs it more than the rows it saves). PostgreSQL: in each current intervention's record,
 * looked up by the links' primary key, in the statement it works on while the scan checks the
 * range before (a join instead would scan every link once per range).
 */
export type LinkReading = 'once' | 'per-range';

export async function loadSharedFacts(
  db: Executor,
  municipalityId: string,
  today: string,
  links: LinkReading,
): Promise<SharedFacts> {
  const [types, units, linkText, gas, { first: pathways, stagesDue }, referrals] = await Promise.all([
    db
      .selectFrom('intervention_type')
      .select(['id', 'name', 'category', 'sector', 'pyramid_level', 'business_directed'])
      .where('municipality_id', '=', municipalityId)
      .execute(),
    db.selectFrom('unit').select(['id', 'name']).where('municipality_id', '=', municipalityId).execute(),
    // Fixed-width pairs of UUIDs in intervention order: an intervention's sub-goals are one run.
    links === 'once'
      ? sql<{ links: string | null }>`
      SELECT string_agg(intervention_id::text || sub_goal_id::text, '' ORDER BY intervention_id, sub_goal_id) AS links
        FROM intervention_sub_goal WHERE municipality_id = ${municipalityId}`
          .execute(db)
          .then((result) => result.rows[0]?.links ?? '')
      : null,
    // GAS levels −2..+2 as one digit 0..4, oldest first per sub-goal.
    sql<{ s: string | null }>`
      SELECT string_agg(sub_goal_id::text || (gas_level + 2)::text, '' ORDER BY sub_goal_id, recorded_at, id) AS s
        FROM sub_goal_gas_history WHERE municipality_id = ${municipalityId}`.execute(db),
    openPathways(db, municipalityId, today),
    pendingReferrals(db, municipalityId, null),
  ]);
  const history = new Map<string, number[]>();
  for (const record of fixedRecords(gas.rows[0]?.s, UUID_LENGTH + 1)) {
    const subGoalId = record.slice(0, UUID_LENGTH);
    const level = Number(record[UUID_LENGTH]) - 2;
    const list = history.get(subGoalId);
    if (list) list.push(level);
    else history.set(subGoalId, [level]);
  }
  return {
    typeOf: new Map(types.map((type) => [type.id, type])),
    unitName: new Map(units.map((unit) => [unit.id, unit.name])),
    history,
    links: linkText === null ? null : linkIndex(linkText),
    pathways,
    stagesDue,
    referrals,
  };
}

/**
 * The records of one range of citizens, the stored flags among them, in one statement (one
 * round trip, which the database can work on while the scan checks the range before).
 */
export async function loadCitizenRange(
  db: Executor,
  municipalityId: string,
  range: CitizenRange,
  links: LinkReading,
): Promise<CitizenRecords> {
  const within = sql`${range.from === null ? sql`` : sql`AND citizen_id >= ${range.from}::uuid`}
    ${range.to === null ? sql`` : sql`AND citizen_id < ${range.to}::uuid`}`;
  const result = await sql<Record<keyof CitizenRecords, string | null>>`
    SELECT
      (SELECT string_agg(citizen_id::text || CASE WHEN btrim(coalesce(goal_own_words, '')) <> '' THEN '1' ELSE '0' END, ''
                ORDER BY citizen_id)
         FROM plan WHERE municipality_id = ${municipalityId} ${within}) AS plans,
      -- One record per current intervention (sorted by citizen only: a citizen's few are put in
      -- order in JavaScript, which costs less than a longer sort key here): citizen, id, type,
      -- unit and responsible (fixed width), status (two letters), start, end and follow-up (ten
      -- characters each), [its sub-goals in id order, then '|',] then its weekly schedule as
      -- JSON (empty when none).
      (SELECT string_agg(citizen_id::text || id::text || type_id::text || unit_id::text
                || coalesce(responsible_id::text, ${NO_ID}) || left(status, 2) || start_date::text
                || coalesce(end_date::text, ${NO_DAY}) || coalesce(follow_up_date::text, ${NO_DAY})
                ${
                  links === 'per-range'
                    ? sql`|| coalesce((SELECT string_agg(l.sub_goal_id::text, '' ORDER BY l.sub_goal_id)
                                        FROM intervention_sub_goal l
                                       WHERE l.municipality_id = ${municipalityId} AND l.intervention_id = intervention.id), '')
                          || ${LINKS_END}`
                    : sql``
                }
                || coalesce(schedule::text, ''), ${RECORD_SEPARATOR} ORDER BY citizen_id)
         FROM intervention WHERE municipality_id = ${municipalityId} AND status <> 'ended' ${within}) AS interventions,
      -- Active sub-goals by citizen, then id: the next follow-up (migration 035) as ten
      -- characters, blank when none, before the title.
      (SELECT string_agg(citizen_id::text || id::text || coalesce(follow_up_date::text, ${NO_DAY})
                || replace(title, ${RECORD_SEPARATOR}, ' '), ${RECORD_SEPARATOR} ORDER BY citizen_id, id)
         FROM sub_goal WHERE municipality_id = ${municipalityId} AND status = 'active' ${within}) AS goals,
      -- Only the members that decide something: the coordinator (one at most per citizen) and
      -- network or civil-society support (never a coordinator).
      (SELECT string_agg(citizen_id::text || coalesce(CASE WHEN is_coordinator THEN professional_id END::text, ${NO_ID}), ''
                ORDER BY citizen_id)
         FROM team_member
        WHERE municipality_id = ${municipalityId} AND ended_at IS NULL
          AND (is_coordinator OR kind <> 'professional') ${within}) AS team,
      (${storedFlagRecords(municipalityId, within)}) AS flags`.execute(db);
  const row = result.rows[0];
  return {
    plans: row?.plans ?? '',
    interventions: row?.interventions ?? '',
    goals: row?.goals ?? '',
    team: row?.team ?? '',
    flags: row?.flags ?? '',
    linksInRecords: links === 'per-range',
  };
}

/** The facts of a range's citizens with a plan, one at a time in citizen order. */
export function* citizensOf(shared: SharedFacts, records: CitizenRecords): Generator<CitizenFacts> {
  const { typeOf, unitName, history } = shared;
  const subGoalIdsOf = shared.links;
  if (!records.linksInRecords && !subGoalIdsOf)
    throw new Error('The links were read neither once nor with the range');
  const planText = records.plans;
  const interventionText = new RecordWalk(records.interventions, RECORD_SEPARATOR);
  const goalText = new RecordWalk(records.goals, RECORD_SEPARATOR);
  const teamText = new RecordWalk(records.team, 2 * UUID_LENGTH);
  for (let at = 0; at + UUID_LENGTH < planText.length; at += UUID_LENGTH + 1) {
    const citizenId = planText.slice(at, at + UUID_LENGTH);
    const interventionsOf: InterventionFact[] = [];
    for (
      let record = interventionText.next(citizenId);
      record !== null;
      record = interventionText.next(citizenId)
    ) {
      const typeId = record.slice(2 * UUID_LENGTH, 3 * UUID_LENGTH);
      const type = typeOf.get(typeId);
      if (!type || record.length < INTERVENTION_HEAD) continue;
      const id = record.slice(UUID_LENGTH, 2 * UUID_LENGTH);
      const unitId = record.slice(3 * UUID_LENGTH, 4 * UUID_LENGTH);
      const responsibleId = record.slice(4 * UUID_LENGTH, 5 * UUID_LENGTH);
      const end = record.slice(DATES_AT + DAY_WIDTH, DATES_AT + 2 * DAY_WIDTH);
      const followUp = record.slice(DATES_AT + 2 * DAY_WIDTH, INTERVENTION_HEAD);
      let subGoalIds: string[];
      let scheduleAt = INTERVENTION_HEAD;
      if (records.linksInRecords) {
        const linksEnd = record.indexOf(LINKS_END, INTERVENTION_HEAD);
        subGoalIds = [];
        for (let goalAt = INTERVENTION_HEAD; goalAt + UUID_LENGTH <= linksEnd; goalAt += UUID_LENGTH)
          subGoalIds.push(record.slice(goalAt, goalAt + UUID_LENGTH));
        scheduleAt = linksEnd + 1;
      } else subGoalIds = subGoalIdsOf?.(id) ?? [];
      interventionsOf.push({
        id,
        typeId,
        typeName: type.name,
        category: type.category,
        sector: type.sector,
        unitId,
        unitName: unitName.get(unitId) ?? '',
        responsibleId: responsibleId === NO_ID ? null : responsibleId,
        status: statusAt(record),
        startDate: record.slice(DATES_AT, DATES_AT + DAY_WIDTH),
        endDate: end === NO_DAY ? null : end,
        followUpDate: followUp === NO_DAY ? null : followUp,
        pyramidLevel: type.pyramid_level,
        businessDirected: type.business_directed,
        schedule: record.length > scheduleAt ? parseSchedule(record.slice(scheduleAt)) : null,
        subGoalIds,
      });
    }
    // The canonical order of normaliseFacts: start date, then id (YYYY-MM-DD days and
    // lower-case UUIDs, so plain string order is the database's order).
    if (interventionsOf.length > 1) interventionsOf.sort(byStartThenId);
    const subGoals: CitizenFacts['subGoals'] = [];
    for (let record = goalText.next(citizenId); record !== null; record = goalText.next(citizenId)) {
      const id = record.slice(UUID_LENGTH, 2 * UUID_LENGTH);
      const followUp = record.slice(2 * UUID_LENGTH, 2 * UUID_LENGTH + DAY_WIDTH);
      subGoals.push({
        id,
        title: record.slice(2 * UUID_LENGTH + DAY_WIDTH),
        followUpDate: followUp === NO_DAY ? null : followUp,
        gasHistory: history.get(id) ?? [],
      });
    }
    let coordinatorId: string | null = null;
    let hasNetworkSupport = false;
    for (let record = teamText.next(citizenId); record !== null; record = teamText.next(citizenId)) {
      const member = record.slice(UUID_LENGTH);
      if (member === NO_ID) hasNetworkSupport = true;
      else coordinatorId = member;
    }
    yield {
      citizenId,
      hasOwnGoal: planText[at + UUID_LENGTH] === '1',
      coordinatorId,
      hasNetworkSupport,
      interventions: interventionsOf,
      subGoals,
      pathway: shared.pathways.get(citizenId) ?? null,
      pendingReferrals: shared.referrals.get(citizenId) ?? [],
      dueStages: shared.stagesDue.get(citizenId) ?? [],
    };
  }
}

function byStartThenId(a: InterventionFact, b: InterventionFact): number {
  if (a.startDate !== b.startDate) return a.startDate < b.startDate ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/** The fixed-width head of an intervention's record, before its schedule, and where its dates start. */
const DATES_AT = 5 * UUID_LENGTH + 2;
const INTERVENTION_HEAD = DATES_AT + 3 * DAY_WIDTH;
/** Ends an intervention's sub-goals in its record, before the schedule (never in a UUID). */
const LINKS_END = '|';
/** A link: intervention and sub-goal. */
const LINK_WIDTH = 2 * UUID_LENGTH;

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

/**
 * Each citizen's first open pathway (start, then id) with the first day a (non-coordination)
 * intervention ran within it, and the running pathways' stages that have a deadline their
 * template flags (decision 0019): one read of the open pathways, each template version's
 * definition once. The first day needs ended interventions too, so the database computes it,
 * for the first open pathway of each citizen only.
 */
async function openPathways(
  db: Executor,
  municipalityId: string,
  today: string,
): Promise<{ first: Map<string, PathwayFact>; stagesDue: Map<string, PathwayStageFact[]> }> {
  const result = await sql<{
    id: string;
    citizen_id: string;
    template_code: string;
    start_date: string;
    end_date: string | null;
    end_reason: string | null;
    template_version_id: string;
    stage_code: string;
    stage_since: string;
    first_of_citizen: boolean;
    first: string | null;
  }>`
    SELECT p.*, CASE WHEN p.first_of_citizen THEN (SELECT min(greatest(i.start_date, p.start_date)) FROM intervention i
          WHERE i.municipality_id = ${municipalityId} AND i.citizen_id = p.citizen_id
            -- Not correlated, so hashed once rather than once per pathway.
            AND i.type_id NOT IN (SELECT t.id FROM intervention_type t
                                   WHERE t.municipality_id = ${municipalityId} AND t.category = 'coordination')
            AND i.status <> 'planned'
            AND i.start_date <= ${today}::date
            AND (i.end_date IS NULL OR i.end_date >= p.start_date)) END AS first
      FROM (SELECT municipality_id, id, citizen_id, template_code, start_date, end_date, end_reason,
                   template_version_id, stage_code, stage_since,
                   row_number() OVER (PARTITION BY citizen_id ORDER BY start_date, id) = 1 AS first_of_citizen
              FROM pathway
             WHERE municipality_id = ${municipalityId} AND (end_date IS NULL OR end_date > ${today}::date)) AS p
     ORDER BY p.id`.execute(db);
  const definitions = await definitionsOf(
    db,
    municipalityId,
    result.rows.map((row) => row.template_version_id),
  );
  const first = new Map<string, PathwayFact>();
  const stagesDue = new Map<string, PathwayStageFact[]>();
  for (const row of result.rows) {
    const definition = definitions.get(row.template_version_id);
    if (row.first_of_citizen)
      first.set(row.citizen_id, {
        templateCode: row.template_code,
        startDate: row.start_date,
        firstStartedOn: row.first,
        // The template version's "no intervention started" months, null without the rule.
        monthsToFirstIntervention: definition ? firstInterventionMonths(definition) : null,
      });
    if (row.end_date !== null || !definition) continue;
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
    if (stages.length === 0) continue;
    // In pathway order, as normaliseFacts puts them.
    const list = stagesDue.get(row.citizen_id);
    if (list) list.push(...stages);
    else stagesDue.set(row.citizen_id, stages);
  }
  return { first, stagesDue };
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
