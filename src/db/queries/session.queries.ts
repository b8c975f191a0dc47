import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** The relative's identity (HMAC of their CPR number) on a delegation, when it exists. */
export async function delegationGranteeHmac(db: Executor, municipalityId: string, delegationId: string) {
  const delegation = await db
    .selectFrom('delegation')
    .select('grantee_cpr_hmac')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', delegationId)
    .executeTakeFirst();
  return delegation?.grantee_cpr_hmac ?? null;
}

export async function insertSession(db: Executor, values: Insertable<DB['session']>): Promise<void> {
  await db.insertInto('session').values(values).execute();
}

/** A relative's pending session becomes one acting for the citizen of the chosen delegation. */
export async function setSessionDelegation(
  db: Executor,
  tokenHash: Uint8Array,
  delegation: { municipalityId: string; citizenId: string; delegationId: string },
): Promise<void> {
  await db
    .updateTable('session')
    .set({
      municipality_id: delegation.municipalityId,
      subject_kind: 'citizen',
      subject_id: delegation.citizenId,
      delegation_id: delegation.delegationId,
      role: 'relative',
    })
    .where('token_hash', '=', tokenHash)
    .where('grantee_cpr_hmac', 'is not', null)
    .execute();
}

export async function touchSession(db: Executor, tokenHash: Uint8Array, at: Date): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

/** A session by its token's hash, with what the login vouched for. */
export async function sessionByTokenHash(db: Executor, tokenHash: Uint8Array) {
  return db
    .selectFrom('session')
    .select([
      'municipality_id',
      'subject_kind',
      'subject_id',
      'persona',
      'expires_at',
      'last_seen_at',
      'acr',
      'auth_method',
      'delegation_id',
      'auth_time',
      'grantee_cpr_hmac',
    ])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function deleteSession(db: Executor, tokenHash: Uint8Array): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

/** Deletes every session of one user; returns how many there were. */
export async function deleteSessionsOf(
  db: Executor,
  municipalityId: string,
  subjectId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('session')
    .where('municipality_id', '=', municipalityId)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function sessionCitizen(db: Executor, municipalityId: string, citizenId: string) {
  return db
    .selectFrom('citizen')
    .select(['id', 'given_name', 'family_name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', citizenId)
    .executeTakeFirst();
}

/** The delegation a relative's session acts under, when it is of this citizen. */
export async function sessionDelegation(
  db: Executor,
  municipalityId: string,
  delegationId: string,
  citizenId: string,
) {
  return db
    .selectFrom('delegation')
    .select(['id', 'grantee_name', 'includes_consent', 'valid_from', 'valid_until', 'revoked_at'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', delegationId)
    .where('citizen_id', '=', citizenId)
    .executeTakeFirst();
}

/** An active professional with their unit's sector. */
export async function activeProfessional(db: Executor, municipalityId: string, professionalId: string) {
  return db
    .selectFrom('professional as p')
    .innerJoin('unit as u', (join) =>
      join.onRef('u.municipality_id', '=', 'p.municipality_id').onRef('u.id', '=', 'p.unit_id'),
    )
    .select(['p.id', 'p.name', 'p.role', 'p.unit_id', 'u.sector'])
    .where('p.municipality_id', '=', municipalityId)
    .where('p.id', '=', professionalId)
    .where('p.active', '=', true)
    .executeTakeFirst();
}
