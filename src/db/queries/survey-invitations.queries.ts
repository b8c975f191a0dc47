import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RcAnswer } from '../../domain/measures/relational-coordination.js';
import type { DB } from '../schema.js';

/**
 * Single-use invitation links to a collaboration survey round. Only a token's SHA-256 is kept;
 * a used link's row is deleted in the transaction that stores its answer (migration 021).
 */

export interface InvitationKey {
  municipalityId: string;
  surveyId: string;
  round: string;
  group: string;
}

/** Stores the hashes of new links for a round and group, and counts them as issued. */
export async function insertInvitations(
  db: Kysely<DB>,
  key: InvitationKey,
  tokenHashes: readonly string[],
  issuedAt: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('survey_invitation')
      .values(
        tokenHashes.map((tokenHash) => ({
          token_hash: tokenHash,
          municipality_id: key.municipalityId,
          survey_id: key.surveyId,
          round: key.round,
          group_name: key.group,
          issued_at: issuedAt,
        })),
      )
      .execute();
    await trx
      .insertInto('survey_invitation_count')
      .values({
        municipality_id: key.municipalityId,
        survey_id: key.surveyId,
        round: key.round,
        group_name: key.group,
        issued: tokenHashes.length,
      })
      .onConflict((conflict) =>
        conflict
          .columns(['municipality_id', 'survey_id', 'round', 'group_name'])
          .doUpdateSet((eb) => ({ issued: eb('survey_invitation_count.issued', '+', tokenHashes.length) })),
      )
      .execute();
  });
}

/** How many links were issued and used, per round (in the order first issued) and group. */
export async function invitationCounts(
  db: Kysely<DB>,
  municipalityId: string,
  surveyId: string,
): Promise<{ round: string; group: string; issued: number; used: number; firstIssuedAt: Date }[]> {
  const rows = await db
    .selectFrom('survey_invitation_count')
    .select(['round', 'group_name', 'issued', 'used', 'first_issued_at'])
    .where('municipality_id', '=', municipalityId)
    .where('survey_id', '=', surveyId)
    .orderBy('first_issued_at')
    .execute();
  return rows.map((row) => ({
    round: row.round,
    group: row.group_name,
    issued: row.issued,
    used: row.used,
    firstIssuedAt: row.first_issued_at,
  }));
}

/** The unused, unexpired link with this token hash, in whichever municipality it was issued. */
export async function findInvitation(
  db: Kysely<DB>,
  tokenHash: string,
  issuedAfter: Date,
): Promise<InvitationKey | undefined> {
  const row = await db
    .selectFrom('survey_invitation')
    .select(['municipality_id', 'survey_id', 'round', 'group_name'])
    .where('token_hash', '=', tokenHash)
    .where('issued_at', '>', issuedAfter)
    .executeTakeFirst();
  return row
    ? {
        municipalityId: row.municipality_id,
        surveyId: row.survey_id,
        round: row.round,
        group: row.group_name,
      }
    : undefined;
}

/**
 * Stores one respondent's answers and uses up the link, in one transaction: the link's row is
 * deleted (false when it is already gone: used, or used by a concurrent request first), the
 * answers are inserted under random ids, and the group's used count goes up by one. Nothing
 * written carries the token, its hash or a time.
 */
export async function answerThroughInvitation(
  db: Kysely<DB>,
  tokenHash: string,
  expected: InvitationKey,
  answers: readonly RcAnswer[],
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const used = await trx
      .deleteFrom('survey_invitation')
      .where('token_hash', '=', tokenHash)
      .where('municipality_id', '=', expected.municipalityId)
      .where('survey_id', '=', expected.surveyId)
      .where('round', '=', expected.round)
      .where('group_name', '=', expected.group)
      .returning('token_hash')
      .executeTakeFirst();
    if (!used) return false;
    await trx
      .insertInto('collaboration_response')
      .values(
        answers.map(({ respondent, group, aboutGroup, ...scores }) => ({
          municipality_id: expected.municipalityId,
          // A random UUID (v4): unlike the UUID v7 of imported rows, it holds no time.
          id: randomUUID(),
          survey_id: expected.surveyId,
          round: expected.round,
          respondent,
          group_name: group,
          about_group: aboutGroup,
          ...scores,
          source: 'link',
        })),
      )
      .execute();
    await trx
      .updateTable('survey_invitation_count')
      .set((eb) => ({ used: eb('used', '+', 1) }))
      .where('municipality_id', '=', expected.municipalityId)
      .where('survey_id', '=', expected.surveyId)
      .where('round', '=', expected.round)
      .where('group_name', '=', expected.group)
      .execute();
    return true;
  });
}

/** Deletes the links issued at or before `issuedBefore` (expired, never used); returns how many. */
export async function deleteExpiredInvitations(db: Kysely<DB>, issuedBefore: Date): Promise<number> {
  const result = await db
    .deleteFrom('survey_invitation')
    .where('issued_at', '<=', issuedBefore)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
