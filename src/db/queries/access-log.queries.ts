import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** One audit record as the citizen's access log needs it, with the unit's and professional's names. */
export interface AccessLogRow {
  at: Date;
  action: string;
  resource: string;
  actor_kind: string;
  actor_role: string;
  purpose: string | null;
  outcome: string;
  unit_name: string | null;
  professional_name: string | null;
}

/**
 * Who has looked at a citizen's data and why, newest first: every audit record about the citizen
 * except the citizen's own actions (those are not "someone looking at my data").
 */
export async function accessLogRows(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
  page: { limit: number; before?: Date },
): Promise<AccessLogRow[]> {
  let query = db
    .selectFrom('audit_event as a')
    .leftJoin('unit as u', (join) =>
      join.onRef('u.municipality_id', '=', 'a.municipality_id').onRef('u.id', '=', 'a.actor_unit_id'),
    )
    .leftJoin('professional as p', (join) =>
      join.onRef('p.municipality_id', '=', 'a.municipality_id').onRef('p.id', '=', 'a.actor_id'),
    )
    .select([
      'a.at',
      'a.action',
      'a.resource',
      'a.actor_kind',
      'a.actor_role',
      'a.purpose',
      'a.outcome',
      'u.name as unit_name',
      'p.name as professional_name',
    ])
    .where('a.municipality_id', '=', municipalityId)
    .where('a.citizen_id', '=', citizenId)
    .where('a.actor_kind', '!=', 'citizen');
  if (page.before) query = query.where('a.at', '<', page.before);
  return query.orderBy('a.at', 'desc').limit(page.limit).execute();
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
