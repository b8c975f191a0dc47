import type { Kysely, Selectable } from 'kysely';
import type { DB, InterventionTypeTable } from '../schema.js';

/** The municipality's active intervention types, by sector, then name. */
export async function activeInterventionTypes(
  db: Kysely<DB>,
  municipalityId: string,
): Promise<Selectable<InterventionTypeTable>[]> {
  return db
    .selectFrom('intervention_type')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('active', '=', true)
    .orderBy('sector')
    .orderBy('name')
    .execute();
}

/** The municipality's units, by sector, then name. */
export async function unitsOf(db: Kysely<DB>, municipalityId: string) {
  return db
    .selectFrom('unit')
    .select(['id', 'name', 'sector', 'phone', 'email'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('sector')
    .orderBy('name')
    .execute();
}

export type CatalogueUnitRow = Awaited<ReturnType<typeof unitsOf>>[number];

/**
 * The municipality's active professionals by name (at most 2000), of one unit when given, and
 * only those of `ids` when given.
 */
export async function activeProfessionals(
  db: Kysely<DB>,
  municipalityId: string,
  filter: { unitId?: string; ids?: readonly string[] },
) {
  let query = db
    .selectFrom('professional')
    .select(['id', 'name', 'profession', 'role', 'unit_id', 'phone', 'email'])
    .where('municipality_id', '=', municipalityId)
    .where('active', '=', true);
  if (filter.unitId) query = query.where('unit_id', '=', filter.unitId);
  if (filter.ids) query = query.where('id', 'in', [...filter.ids]);
  return query.orderBy('name').limit(2000).execute();
}

export type CatalogueProfessionalRow = Awaited<ReturnType<typeof activeProfessionals>>[number];
