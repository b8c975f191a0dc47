import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** The latest change to a plan, as a viewer who may not see some interventions in detail sees it. */
export interface VisibleChange {
  at: string;
  by: { id: string; name: string } | null;
}

/**
 * The newest change to the citizen's plan that is not a change to one of the given (hidden)
 * interventions: when and by whom the plan last changed in a way the viewer may see. One read
 * on the history's (municipality, citizen, at) index; null when every change is hidden.
 */
export async function lastVisibleChange(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
  hiddenInterventionIds: readonly string[],
): Promise<VisibleChange | null> {
  let query = db
    .selectFrom('plan_history as h')
    .leftJoin('professional as p', (join) =>
      join.onRef('p.municipality_id', '=', 'h.municipality_id').onRef('p.id', '=', 'h.actor_id'),
    )
    .select(['h.at', 'h.actor_id', 'p.name'])
    .where('h.municipality_id', '=', municipalityId)
    .where('h.citizen_id', '=', citizenId);
  if (hiddenInterventionIds.length > 0) {
    const hidden = [...hiddenInterventionIds];
    query = query.where((eb) =>
      eb.or([eb('h.entity', '!=', 'intervention'), eb('h.entity_id', 'not in', hidden)]),
    );
  }
  const row = await query.orderBy('h.at', 'desc').orderBy('h.id', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return {
    at: row.at.toISOString(),
    by: row.name !== null ? { id: row.actor_id, name: row.name } : null,
  };
}

/**
 * lastVisibleChange for many plans at once (My day, the unit overview): one read, the newest
 * change per citizen that is not to one of that viewer's hidden interventions. Intervention ids
 * are unique, so one list of all hidden ids serves every citizen.
 */
export async function lastVisibleChanges(
  db: Kysely<DB>,
  municipalityId: string,
  hiddenByCitizen: ReadonlyMap<string, readonly string[]>,
): Promise<Map<string, VisibleChange>> {
  if (hiddenByCitizen.size === 0) return new Map();
  const citizens = [...hiddenByCitizen.keys()];
  const hidden = [...hiddenByCitizen.values()].flat();
  const rows = await db
    .selectFrom('plan_history as h')
    .leftJoin('professional as p', (join) =>
      join.onRef('p.municipality_id', '=', 'h.municipality_id').onRef('p.id', '=', 'h.actor_id'),
    )
    .distinctOn('h.citizen_id')
    .select(['h.citizen_id', 'h.at', 'h.actor_id', 'p.name'])
    .where('h.municipality_id', '=', municipalityId)
    .where('h.citizen_id', 'in', citizens)
    .$if(hidden.length > 0, (query) =>
      query.where((eb) => eb.or([eb('h.entity', '!=', 'intervention'), eb('h.entity_id', 'not in', hidden)])),
    )
    .orderBy('h.citizen_id')
    .orderBy('h.at', 'desc')
    .orderBy('h.id', 'desc')
    .execute();
  return new Map(
    rows.map((row) => [
      row.citizen_id,
      { at: row.at.toISOString(), by: row.name !== null ? { id: row.actor_id, name: row.name } : null },
    ]),
  );
}

/** One recorded change of the plan, with the name of the professional who made it (if one did). */
export interface PlanHistoryRow {
  id: string;
  at: Date;
  plan_version: number;
  actor_id: string;
  actor_role: string;
  name: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before: unknown;
  after: unknown;
  origin_kind: string | null;
  origin_id: string | null;
}

/**
 * The plan's history, newest first, leaving out changes to the given (hidden) interventions:
 * they are not this viewer's history (the hidden-details rule).
 */
export async function planHistoryRows(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
  hiddenInterventionIds: ReadonlySet<string>,
  limit: number,
): Promise<PlanHistoryRow[]> {
  return db
    .selectFrom('plan_history as h')
    .leftJoin('professional as p', (join) =>
      join.onRef('p.municipality_id', '=', 'h.municipality_id').onRef('p.id', '=', 'h.actor_id'),
    )
    .select([
      'h.id',
      'h.at',
      'h.plan_version',
      'h.actor_id',
      'h.actor_role',
      'p.name',
      'h.entity',
      'h.entity_id',
      'h.action',
      'h.before',
      'h.after',
      'h.origin_kind',
      'h.origin_id',
    ])
    .where('h.municipality_id', '=', municipalityId)
    .where('h.citizen_id', '=', citizenId)
    .$if(hiddenInterventionIds.size > 0, (query) =>
      query.where((eb) =>
        eb.or([
          eb('h.entity', '!=', 'intervention'),
          eb('h.entity_id', 'not in', [...hiddenInterventionIds]),
        ]),
      ),
    )
    .orderBy('h.at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(limit)
    .execute();
}
