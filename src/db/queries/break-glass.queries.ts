import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** A break-the-glass access as the review needs it. */
export interface BreakGlassRow {
  id: string;
  citizen_id: string;
  given_name: string;
  family_name: string;
  professional_id: string;
  professional_name: string;
  unit_id: string;
  unit_name: string;
  reason_code: string;
  reason: string;
  started_at: Date;
  expires_at: Date;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  reviewer_name: string | null;
  review_outcome: string | null;
  review_comment: string | null;
}

/** Break-the-glass accesses of a municipality, newest first; of one unit, unreviewed only, or one. */
export async function listBreakGlass(
  db: Kysely<DB>,
  municipalityId: string,
  filter: { unitId?: string; unreviewed?: boolean; id?: string; limit: number },
): Promise<BreakGlassRow[]> {
  let query = db
    .selectFrom('break_glass as b')
    .innerJoin('citizen as c', (join) =>
      join.onRef('c.municipality_id', '=', 'b.municipality_id').onRef('c.id', '=', 'b.citizen_id'),
    )
    .innerJoin('professional as p', (join) =>
      join.onRef('p.municipality_id', '=', 'b.municipality_id').onRef('p.id', '=', 'b.professional_id'),
    )
    .innerJoin('unit as u', (join) =>
      join.onRef('u.municipality_id', '=', 'b.municipality_id').onRef('u.id', '=', 'b.unit_id'),
    )
    .leftJoin('professional as r', (join) =>
      join.onRef('r.municipality_id', '=', 'b.municipality_id').onRef('r.id', '=', 'b.reviewed_by'),
    )
    .select([
      'b.id',
      'b.citizen_id',
      'c.given_name',
      'c.family_name',
      'b.professional_id',
      'p.name as professional_name',
      'b.unit_id',
      'u.name as unit_name',
      'b.reason_code',
      'b.reason',
      'b.started_at',
      'b.expires_at',
      'b.reviewed_at',
      'b.reviewed_by',
      'r.name as reviewer_name',
      'b.review_outcome',
      'b.review_comment',
    ])
    .where('b.municipality_id', '=', municipalityId);
  if (filter.unitId) query = query.where('b.unit_id', '=', filter.unitId);
  if (filter.unreviewed) query = query.where('b.reviewed_at', 'is', null);
  if (filter.id) query = query.where('b.id', '=', filter.id);
  return query.orderBy('b.started_at', 'desc').limit(filter.limit).execute();
}

/**
 * What the professional read and did about the citizen under a break-the-glass access: their
 * audit records about that citizen from breaking the glass until it expired, oldest first.
 */
export async function breakGlassActivity(
  db: Kysely<DB>,
  municipalityId: string,
  glass: { professional_id: string; citizen_id: string; started_at: Date; expires_at: Date },
): Promise<{ at: Date; action: string; resource: string; outcome: string }[]> {
  return db
    .selectFrom('audit_event')
    .select(['at', 'action', 'resource', 'outcome'])
    .where('municipality_id', '=', municipalityId)
    .where('actor_id', '=', glass.professional_id)
    .where('citizen_id', '=', glass.citizen_id)
    .where('at', '>=', glass.started_at)
    .where('at', '<=', glass.expires_at)
    .orderBy('at')
    .limit(500)
    .execute();
}

/** The professional's unexpired break-the-glass access to a citizen, if any (the latest). */
export async function activeBreakGlassOf(
  db: Kysely<DB>,
  municipalityId: string,
  professionalId: string,
  citizenId: string,
): Promise<{ id: string; expires_at: Date } | undefined> {
  return db
    .selectFrom('break_glass')
    .select(['id', 'expires_at'])
    .where('municipality_id', '=', municipalityId)
    .where('professional_id', '=', professionalId)
    .where('citizen_id', '=', citizenId)
    .where('expires_at', '>', new Date())
    .orderBy('expires_at', 'desc')
    .executeTakeFirst();
}

/** The review outcomes of break-the-glass accesses, by id (for the citizen's access log). */
export async function breakGlassReviews(
  db: Kysely<DB>,
  municipalityId: string,
  ids: readonly string[],
): Promise<Map<string, { outcome: string; comment: string | null; at: Date }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('break_glass')
    .select(['id', 'review_outcome', 'review_comment', 'reviewed_at'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', [...ids])
    .where('review_outcome', 'is not', null)
    .execute();
  return new Map(
    rows.flatMap((row) =>
      row.review_outcome && row.reviewed_at
        ? [[row.id, { outcome: row.review_outcome, comment: row.review_comment, at: row.reviewed_at }]]
        : [],
    ),
  );
}

/** Records a professional breaking the glass to a citizen, until it expires. */
export async function insertBreakGlass(
  db: Kysely<DB>,
  row: {
    municipalityId: string;
    id: string;
    citizenId: string;
    professionalId: string;
    unitId: string;
    reasonCode: string;
    reason: string;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('break_glass')
    .values({
      municipality_id: row.municipalityId,
      id: row.id,
      citizen_id: row.citizenId,
      professional_id: row.professionalId,
      unit_id: row.unitId,
      reason_code: row.reasonCode,
      reason: row.reason,
      expires_at: row.expiresAt,
      reviewed_by: null,
      reviewed_at: null,
    })
    .execute();
}

/** Records the review of an unreviewed break-the-glass access; false when it was reviewed already. */
export async function reviewBreakGlassRow(
  db: Kysely<DB>,
  municipalityId: string,
  id: string,
  review: { reviewerId: string; at: Date; outcome: string; comment: string },
): Promise<boolean> {
  const result = await db
    .updateTable('break_glass')
    .set({
      reviewed_by: review.reviewerId,
      reviewed_at: review.at,
      review_outcome: review.outcome,
      review_comment: review.comment,
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('reviewed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The citizen's CPR number as stored (encrypted), for an audited reveal; undefined if no such citizen. */
export async function encryptedCprOf(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('citizen')
    .select(['cpr_encrypted'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', citizenId)
    .executeTakeFirst();
  return row?.cpr_encrypted;
}
