import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** A stored flag with its owner's name, as the API presents it. */
export interface FlagRow {
  id: string;
  citizen_id: string;
  rule_id: string;
  severity: string;
  status: string;
  subject_ids: string[];
  unit_ids: string[];
  sectors: string[];
  explanation: unknown;
  owner_id: string | null;
  owner_name: string | null;
  status_comment: string | null;
  dismissed_until: string | null;
  status_at: Date;
  created_at: Date;
}

/** Stored flags with their owner's name; narrow with the returned builder's where. */
export function flagQuery(db: Executor, municipalityId: string) {
  return db
    .selectFrom('coordination_flag as f')
    .leftJoin('professional as p', (join) =>
      join.onRef('p.municipality_id', '=', 'f.municipality_id').onRef('p.id', '=', 'f.owner_id'),
    )
    .select([
      'f.id',
      'f.citizen_id',
      'f.rule_id',
      'f.severity',
      'f.status',
      'f.subject_ids',
      'f.unit_ids',
      'f.sectors',
      'f.explanation',
      'f.owner_id',
      'p.name as owner_name',
      'f.status_comment',
      'f.dismissed_until',
      'f.status_at',
      'f.created_at',
    ])
    .where('f.municipality_id', '=', municipalityId);
}

/** A citizen's flags: open and acknowledged first (most severe first), then closed ones if asked. */
export async function citizenFlags(
  db: Executor,
  municipalityId: string,
  citizenId: string,
  includeClosed: boolean,
): Promise<FlagRow[]> {
  let query = flagQuery(db, municipalityId).where('f.citizen_id', '=', citizenId);
  if (!includeClosed) query = query.where('f.status', 'in', ['open', 'acknowledged']);
  return query
    .orderBy(sql`CASE f.status WHEN 'open' THEN 0 WHEN 'acknowledged' THEN 1 ELSE 2 END`)
    .orderBy(sql`CASE f.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END`)
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();
}

/** One flag, optionally locked for a status change. */
export async function flagById(
  db: Executor,
  municipalityId: string,
  flagId: string,
  lock = false,
): Promise<FlagRow | undefined> {
  let query = flagQuery(db, municipalityId).where('f.id', '=', flagId);
  if (lock) query = query.forUpdate('f');
  return query.executeTakeFirst();
}

/** A flag's status changes, oldest first. */
export async function flagHistory(
  db: Executor,
  municipalityId: string,
  flagId: string,
): Promise<
  { at: Date; action: string; actor_id: string | null; actor_name: string | null; comment: string | null }[]
> {
  return db
    .selectFrom('coordination_flag_event as e')
    .leftJoin('professional as p', (join) =>
      join.onRef('p.municipality_id', '=', 'e.municipality_id').onRef('p.id', '=', 'e.actor_id'),
    )
    .select(['e.at', 'e.action', 'e.actor_id', 'p.name as actor_name', 'e.comment'])
    .where('e.municipality_id', '=', municipalityId)
    .where('e.flag_id', '=', flagId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

/** Counts for the leaders' overview: by rule and status, and open flags by unit pair and sector pair. */
export async function overviewCounts(
  db: Executor,
  municipalityId: string,
): Promise<{
  byRule: { rule_id: string; status: string; n: number }[];
  unitPairs: { a: string; b: string; rule_id: string; n: number }[];
  sectorPairs: { a: string; b: string; rule_id: string; n: number }[];
  citizens: number;
}> {
  const [byRule, unitPairs, sectorPairs, citizens] = await Promise.all([
    sql<{ rule_id: string; status: string; n: number }>`
      SELECT rule_id, status, count(*)::int AS n FROM coordination_flag
       WHERE municipality_id = ${municipalityId} GROUP BY rule_id, status`.execute(db),
    sql<{ a: string; b: string; rule_id: string; n: number }>`
      SELECT least(unit_ids[1], unit_ids[2])::text AS a, greatest(unit_ids[1], unit_ids[2])::text AS b,
             rule_id, count(*)::int AS n
        FROM coordination_flag
       WHERE municipality_id = ${municipalityId} AND status IN ('open', 'acknowledged')
         AND cardinality(unit_ids) = 2
       GROUP BY 1, 2, 3`.execute(db),
    sql<{ a: string; b: string; rule_id: string; n: number }>`
      SELECT least(sectors[1], coalesce(sectors[2], sectors[1])) AS a,
             greatest(sectors[1], coalesce(sectors[2], sectors[1])) AS b, rule_id, count(*)::int AS n
        FROM coordination_flag
       WHERE municipality_id = ${municipalityId} AND status IN ('open', 'acknowledged')
         AND cardinality(sectors) BETWEEN 1 AND 2
       GROUP BY 1, 2, 3`.execute(db),
    sql<{ n: number }>`
      SELECT count(DISTINCT citizen_id)::int AS n FROM coordination_flag
       WHERE municipality_id = ${municipalityId} AND status IN ('open', 'acknowledged')`.execute(db),
  ]);
  return {
    byRule: byRule.rows,
    unitPairs: unitPairs.rows,
    sectorPairs: sectorPairs.rows,
    citizens: citizens.rows[0]?.n ?? 0,
  };
}

interface GapFlagRow {
  citizen_id: string;
  rule_id: string;
  subject_ids: string[];
  explanation: unknown;
  severity: string;
  /** Whether the professional owns the flag. */
  owned: boolean;
}

/**
 * The open gap flags among those My day counts, one row each: the hidden-details rule may keep
 * some of them from the professional (a gap of a hidden intervention), so the counts subtract them.
 */
export async function myDayGapFlags(
  db: Executor,
  municipalityId: string,
  professionalId: string,
): Promise<GapFlagRow[]> {
  const result = await sql<GapFlagRow>`
    SELECT f.citizen_id, f.rule_id, f.subject_ids, f.explanation, f.severity,
           (f.owner_id IS NOT DISTINCT FROM ${professionalId}::uuid) AS owned
      FROM coordination_flag f
      JOIN plan_document d ON d.municipality_id = f.municipality_id AND d.citizen_id = f.citizen_id
     WHERE f.municipality_id = ${municipalityId} AND f.status IN ('open', 'acknowledged')
       AND f.rule_id = 'gaps'
       AND (d.related_professional_ids @> ARRAY[${professionalId}]::uuid[] OR f.owner_id = ${professionalId})`.execute(
    db,
  );
  return result.rows;
}

/** Open flag counts per citizen for a professional's day: their related citizens and flags they own. */
export async function myDayFlagCounts(
  db: Executor,
  municipalityId: string,
  professionalId: string,
): Promise<{ citizen_id: string; open: number; high: number; owned: number }[]> {
  const result = await sql<{ citizen_id: string; open: number; high: number; owned: number }>`
    SELECT f.citizen_id, count(*)::int AS open,
           (count(*) FILTER (WHERE f.severity = 'high'))::int AS high,
           (count(*) FILTER (WHERE f.owner_id = ${professionalId}))::int AS owned
      FROM coordination_flag f
      JOIN plan_document d ON d.municipality_id = f.municipality_id AND d.citizen_id = f.citizen_id
     WHERE f.municipality_id = ${municipalityId} AND f.status IN ('open', 'acknowledged')
       AND (d.related_professional_ids @> ARRAY[${professionalId}]::uuid[] OR f.owner_id = ${professionalId})
     GROUP BY f.citizen_id
     ORDER BY high DESC, open DESC, f.citizen_id`.execute(db);
  return result.rows;
}
