import { type Kysely, sql } from 'kysely';
import type { PlanOverview } from '../../domain/plan/plan.types.js';
import type { DB } from '../schema.js';

/** At most this many plans are weighed for one person's day or one unit's overview. */
export const WORKSPACE_LIMIT = 2000;

/** The plans a professional (or, with unitId, a unit) is related to, parsed. */
export async function relatedPlans(
  db: Kysely<DB>,
  municipalityId: string,
  relation: { professionalId: string } | { unitId: string },
): Promise<PlanOverview[]> {
  const condition =
    'professionalId' in relation
      ? sql<boolean>`related_professional_ids @> ARRAY[${relation.professionalId}]::uuid[]`
      : sql<boolean>`related_unit_ids @> ARRAY[${relation.unitId}]::uuid[]`;
  const rows = await db
    .selectFrom('plan_document')
    .select('document')
    .where('municipality_id', '=', municipalityId)
    .where(condition)
    .limit(WORKSPACE_LIMIT)
    .execute();
  return rows.map(
    (row) => (typeof row.document === 'string' ? JSON.parse(row.document) : row.document) as PlanOverview,
  );
}

/** When the professional last opened each of these plans (from the audit trail). */
export async function lastVisits(
  db: Kysely<DB>,
  municipalityId: string,
  professionalId: string,
  citizenIds: string[],
): Promise<Map<string, string>> {
  if (citizenIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('audit_event')
    .select(['citizen_id', sql<Date>`max(at)`.as('at')])
    .where('municipality_id', '=', municipalityId)
    .where('actor_id', '=', professionalId)
    .where('action', '=', 'read')
    .where('resource', '=', 'plan')
    .where('outcome', '=', 'allowed')
    .where('citizen_id', 'in', citizenIds)
    .groupBy('citizen_id')
    .execute();
  return new Map(rows.map((row) => [row.citizen_id ?? '', new Date(row.at).toISOString()]));
}

/**
 * The visit before the current one: the plan page loads the plan (an audited read) and then
 * asks what changed since the visit before that.
 */
export async function previousVisit(
  db: Kysely<DB>,
  municipalityId: string,
  actorId: string,
  citizenId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('audit_event')
    .select('at')
    .where('municipality_id', '=', municipalityId)
    .where('actor_id', '=', actorId)
    .where('citizen_id', '=', citizenId)
    .where('action', '=', 'read')
    .where('resource', '=', 'plan')
    .where('outcome', '=', 'allowed')
    .orderBy('at', 'desc')
    .offset(1)
    .limit(1)
    .executeTakeFirst();
  return row ? row.at.toISOString() : null;
}
