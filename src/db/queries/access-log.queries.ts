import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.js';

/** One entry of a citizen's access log: a visit's audit records taken together, with names. */
export interface AccessLogRow {
  /** The visit's latest record. */
  at: Date;
  action: string;
  /** The resource of the visit's first record (what the page was about). */
  resource: string;
  /** Every resource the visit's records name, first first. */
  resources: string[];
  actor_kind: string;
  actor_role: string;
  purpose: string | null;
  outcome: string;
  unit_name: string | null;
  professional_name: string | null;
  /** The citizen appeared in a list the professional saw (not a read of their own record). */
  in_list: boolean;
}

/**
 * Who has looked at a citizen's data and why, newest first: every audit record about the citizen
 * and every list read that showed them (details.seenCitizens), except the citizen's own actions
 * (those are not "someone looking at my data"). The records of one page visit (the same actor,
 * visit id, act and outcome; the first purpose given) are one entry; records without a visit id stay single.
 * Paged by the entries' time (`before`).
 */
export async function accessLogRows(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
  page: { limit: number; before?: Date },
): Promise<AccessLogRow[]> {
  const seen = JSON.stringify([citizenId]);
  const before = page.before ? sql`HAVING max(a.at) < ${page.before}` : sql``;
  const result = await sql<AccessLogRow>`
    SELECT max(a.at) AS at, a.action,
      (array_agg(a.resource ORDER BY a.at, a.id))[1] AS resource,
      array_agg(a.resource ORDER BY a.at, a.id) AS resources,
      (array_agg(a.purpose ORDER BY a.at, a.id) FILTER (WHERE a.purpose IS NOT NULL))[1] AS purpose,
      a.actor_kind, a.actor_role, a.outcome,
      u.name AS unit_name, p.name AS professional_name, a.in_list
    FROM (
      SELECT e.*, (e.citizen_id IS DISTINCT FROM ${citizenId}::uuid) AS in_list,
        coalesce(e.details ->> 'visit', e.id::text) AS visit_key
      FROM audit_event e
      WHERE e.municipality_id = ${municipalityId}
        AND (e.citizen_id = ${citizenId}::uuid OR (e.details -> 'seenCitizens') @> ${seen}::jsonb)
        AND e.actor_kind <> 'citizen'
    ) a
    LEFT JOIN unit u ON u.municipality_id = a.municipality_id AND u.id = a.actor_unit_id
    LEFT JOIN professional p ON p.municipality_id = a.municipality_id AND p.id = a.actor_id
    GROUP BY a.actor_id, a.actor_kind, a.actor_role, a.actor_unit_id, a.action, a.outcome,
      u.name, p.name, a.in_list, a.visit_key
    ${before}
    ORDER BY max(a.at) DESC
    LIMIT ${page.limit}`.execute(db);
  return result.rows.map((row) => ({ ...row, at: new Date(row.at) }));
}

/** Whether the municipality shows citizens the names of the professionals in their access log. */
export async function auditShowsNames(db: Kysely<DB>, municipalityId: string): Promise<boolean> {
  const row = await db
    .selectFrom('municipality')
    .select(['audit_shows_names'])
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return row.audit_shows_names;
}

/** Sets whether citizens see professionals' names in their access log. */
export async function setAuditShowsNames(
  db: Kysely<DB>,
  municipalityId: string,
  showsNames: boolean,
): Promise<void> {
  await db
    .updateTable('municipality')
    .set({ audit_shows_names: showsNames })
    .where('id', '=', municipalityId)
    .execute();
}
