import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.js';

/** What the supervisors' audit search filters on. */
export interface AuditCriteria {
  citizenId?: string;
  actorId?: string;
  action?: string;
  outcome?: 'allowed' | 'denied';
  from?: Date;
  to?: Date;
  /** A team leader sees their own unit's staff only. */
  actorUnitId?: string;
  /**
   * Also the list reads that showed the citizen (details.seenCitizens, migration 013's index),
   * not only the records about them.
   */
  includeLists?: boolean;
}

/** One audit record as the search reads it, with the actor's name. */
export interface AuditSearchRow {
  id: string;
  seq: string | null;
  at: Date;
  actor_kind: string;
  actor_id: string;
  actor_role: string;
  actor_unit_id: string | null;
  name: string | null;
  on_behalf_of: string | null;
  citizen_id: string | null;
  action: string;
  resource: string;
  outcome: string;
  purpose: string | null;
  client_ip: string | null;
  details: unknown;
}

/** The newest audit records that match, newest first. */
export async function auditSearchRows(
  db: Kysely<DB>,
  municipalityId: string,
  criteria: AuditCriteria,
  limit: number,
): Promise<AuditSearchRow[]> {
  let query = db
    .selectFrom('audit_event as a')
    .leftJoin('professional as p', (join) =>
      join.onRef('p.municipality_id', '=', 'a.municipality_id').onRef('p.id', '=', 'a.actor_id'),
    )
    .select([
      'a.id',
      'a.seq',
      'a.at',
      'a.actor_kind',
      'a.actor_id',
      'a.actor_role',
      'a.actor_unit_id',
      'p.name',
      'a.on_behalf_of',
      'a.citizen_id',
      'a.action',
      'a.resource',
      'a.outcome',
      'a.purpose',
      'a.client_ip',
      'a.details',
    ])
    .where('a.municipality_id', '=', municipalityId);
  if (criteria.actorUnitId) query = query.where('a.actor_unit_id', '=', criteria.actorUnitId);
  if (criteria.citizenId) {
    const citizenId = criteria.citizenId;
    query = criteria.includeLists
      ? query.where((eb) =>
          eb.or([
            eb('a.citizen_id', '=', citizenId),
            sql<boolean>`(a.details -> 'seenCitizens') @> ${JSON.stringify([citizenId])}::jsonb`,
          ]),
        )
      : query.where('a.citizen_id', '=', citizenId);
  }
  if (criteria.actorId) query = query.where('a.actor_id', '=', criteria.actorId);
  if (criteria.action) query = query.where('a.action', '=', criteria.action);
  if (criteria.outcome) query = query.where('a.outcome', '=', criteria.outcome);
  if (criteria.from) query = query.where('a.at', '>=', criteria.from);
  if (criteria.to) query = query.where('a.at', '<', criteria.to);
  const rows = await query.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    ...row,
    at: new Date(row.at),
    details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details,
  }));
}

/**
 * The names of these citizens the viewer may see beside audit entries: all of the municipality's,
 * or only those whose plan names the unit (the policy's auditCitizenNameScope decides which).
 */
export async function auditCitizenNames(
  db: Kysely<DB>,
  municipalityId: string,
  citizenIds: readonly string[],
  scope: 'municipality' | { unitId: string } | 'none',
): Promise<Map<string, string>> {
  if (citizenIds.length === 0 || scope === 'none') return new Map();
  let query = db
    .selectFrom('citizen as c')
    .select(['c.id', 'c.given_name', 'c.family_name'])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.id', 'in', [...new Set(citizenIds)]);
  if (scope !== 'municipality') {
    const { unitId } = scope;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('plan_document as d')
          .select(sql`1`.as('one'))
          .whereRef('d.municipality_id', '=', 'c.municipality_id')
          .whereRef('d.citizen_id', '=', 'c.id')
          .where(sql<boolean>`d.related_unit_ids @> ARRAY[${unitId}]::uuid[]`),
      ),
    );
  }
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.id, `${row.given_name} ${row.family_name}`]));
}

/** Unit names by id (the actors' units, and the units a unit overview was about). */
export async function unitNames(
  db: Kysely<DB>,
  municipalityId: string,
  unitIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
