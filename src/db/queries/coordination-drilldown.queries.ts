import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Which flags a leader's figure stands for. The overview counts with the same conditions
 * (overviewCounts), so a figure and the list behind it agree by construction.
 */
export interface FlagListFilter {
  statuses: readonly string[];
  ruleId?: string;
  /** Flags between exactly these two units (either order). */
  units?: readonly [string, string];
  /** Flags between these two different sectors (either order). */
  sectors?: readonly [string, string];
  /** Flags within one sector: every sector the flag names is this one. */
  withinSector?: string;
}

/** One flag of the list, with the citizen's name for those who may see it (the caller decides). */
export interface FlagListRow {
  id: string;
  citizen_id: string;
  given_name: string;
  family_name: string;
  rule_id: string;
  severity: string;
  status: string;
  unit_ids: string[];
  sectors: string[];
  created_at: Date;
  status_at: Date;
}

function conditions(municipalityId: string, filter: FlagListFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [
    sql`f.municipality_id = ${municipalityId}`,
    sql`f.status IN (${sql.join(filter.statuses.map((status) => sql`${status}`))})`,
  ];
  if (filter.ruleId) parts.push(sql`f.rule_id = ${filter.ruleId}`);
  if (filter.units) {
    const [a, b] = [...filter.units].sort();
    parts.push(sql`cardinality(f.unit_ids) = 2
      AND least(f.unit_ids[1], f.unit_ids[2])::text = ${a}
      AND greatest(f.unit_ids[1], f.unit_ids[2])::text = ${b}`);
  }
  if (filter.sectors) {
    const [a, b] = [...filter.sectors].sort();
    parts.push(sql`cardinality(f.sectors) = 2
      AND least(f.sectors[1], f.sectors[2]) = ${a} AND greatest(f.sectors[1], f.sectors[2]) = ${b}`);
  }
  if (filter.withinSector) {
    parts.push(sql`cardinality(f.sectors) BETWEEN 1 AND 2
      AND f.sectors[1] = ${filter.withinSector}
      AND coalesce(f.sectors[2], f.sectors[1]) = ${filter.withinSector}`);
  }
  return sql.join(parts, sql` AND `);
}

/** The flags behind a figure, most severe and newest first, one page; with the total and distinct citizens. */
export async function flagList(
  db: Executor,
  municipalityId: string,
  filter: FlagListFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: FlagListRow[]; total: number; citizens: number }> {
  const where = conditions(municipalityId, filter);
  const [rows, counts] = await Promise.all([
    sql<FlagListRow>`
      SELECT f.id, f.citizen_id, c.given_name, c.family_name, f.rule_id, f.severity, f.status,
             f.unit_ids, f.sectors, f.created_at, f.status_at
        FROM coordination_flag f
        JOIN citizen c ON c.municipality_id = f.municipality_id AND c.id = f.citizen_id
       WHERE ${where}
       ORDER BY CASE f.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,
                f.created_at DESC, f.id
       LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db),
    sql<{ total: number; citizens: number }>`
      SELECT count(*)::int AS total, count(DISTINCT f.citizen_id)::int AS citizens
        FROM coordination_flag f WHERE ${where}`.execute(db),
  ]);
  return {
    rows: rows.rows,
    total: counts.rows[0]?.total ?? 0,
    citizens: counts.rows[0]?.citizens ?? 0,
  };
}

/** The names of the given units of a municipality, by id. */
export async function unitNames(
  db: Executor,
  municipalityId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const units = await db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(units.map((unit) => [unit.id, unit.name]));
}
