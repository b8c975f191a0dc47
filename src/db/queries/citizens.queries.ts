import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.js';

export interface CaseloadFilter {
  municipalityId: string;
  /** The unit's citizens (a team leader's caseload), or those the professional is related to. */
  related: { unitId: string } | { professionalId: string };
  /** Part of the name, any case. */
  q?: string | null;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/**
 * One page of a caseload, by family name, then given name (then id), and how many there are
 * in all: the plan documents to present.
 */
export async function caseloadPage(
  db: Kysely<DB>,
  filter: CaseloadFilter,
): Promise<{ documents: unknown[]; total: number }> {
  const { order } = filter;
  const related =
    'unitId' in filter.related
      ? sql<boolean>`d.related_unit_ids @> ARRAY[${filter.related.unitId}]::uuid[]`
      : sql<boolean>`d.related_professional_ids @> ARRAY[${filter.related.professionalId}]::uuid[]`;
  let query = db
    .selectFrom('plan_document as d')
    .innerJoin('citizen as c', (join) =>
      join.onRef('c.municipality_id', '=', 'd.municipality_id').onRef('c.id', '=', 'd.citizen_id'),
    )
    .where('d.municipality_id', '=', filter.municipalityId)
    .where(related);
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
    query = query.where(sql<boolean>`lower(c.given_name || ' ' || c.family_name) LIKE ${pattern}`);
  }
  const [rows, count] = await Promise.all([
    query
      .select(['d.document'])
      .orderBy(sql`lower(c.family_name)`, order)
      .orderBy(sql`lower(c.given_name)`, order)
      .orderBy('c.id', order)
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { documents: rows.map((row) => row.document), total: count.total };
}

/** The citizen with this CPR number (by its HMAC), with the plan document and its relations. */
export async function citizenByCprHmac(db: Kysely<DB>, municipalityId: string, cprHmac: Uint8Array) {
  return db
    .selectFrom('citizen as c')
    .innerJoin('plan_document as d', (join) =>
      join.onRef('d.municipality_id', '=', 'c.municipality_id').onRef('d.citizen_id', '=', 'c.id'),
    )
    .select([
      'c.id',
      'd.document',
      'd.related_professional_ids',
      'd.related_unit_ids',
      'd.referral_unit_ids',
      'd.meeting_relations',
    ])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.cpr_hmac', '=', cprHmac)
    .executeTakeFirst();
}
