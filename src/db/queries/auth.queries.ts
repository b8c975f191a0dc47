import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** The municipality's code and name (it exists: the actor belongs to it). */
export async function municipalityOf(db: Executor, municipalityId: string) {
  return db
    .selectFrom('municipality')
    .select(['code', 'name'])
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
}

/** A unit of the municipality, as the logged-in user is shown with it. */
export async function unitOf(db: Executor, municipalityId: string, unitId: string) {
  return db
    .selectFrom('unit')
    .select(['id', 'name', 'sector'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', unitId)
    .executeTakeFirst();
}

/** A citizen's name (the citizen exists: a relative acts for her). */
export async function citizenNameOf(db: Executor, municipalityId: string, citizenId: string) {
  return db
    .selectFrom('citizen')
    .select(['given_name', 'family_name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', citizenId)
    .executeTakeFirstOrThrow();
}

/** Demo mode: the personas one can log in as, in their order, with their names and units. */
export async function demoPersonas(db: Executor) {
  return db
    .selectFrom('demo_persona as d')
    .leftJoin('professional as p', (join) =>
      join.onRef('p.municipality_id', '=', 'd.municipality_id').onRef('p.id', '=', 'd.subject_id'),
    )
    .leftJoin('unit as u', (join) =>
      join.onRef('u.municipality_id', '=', 'p.municipality_id').onRef('u.id', '=', 'p.unit_id'),
    )
    .leftJoin('citizen as c', (join) =>
      join.onRef('c.municipality_id', '=', 'd.municipality_id').onRef('c.id', '=', 'd.subject_id'),
    )
    .leftJoin('delegation as g', (join) =>
      join.onRef('g.municipality_id', '=', 'd.municipality_id').onRef('g.id', '=', 'd.subject_id'),
    )
    .select([
      'd.id',
      'd.subject_kind',
      'd.title_da',
      'd.title_en',
      'g.grantee_name',
      'p.name as professional_name',
      'c.given_name',
      'c.family_name',
      'u.id as unit_id',
      'u.name as unit_name',
      'u.sector as unit_sector',
    ])
    .orderBy('d.sort_order')
    .orderBy('d.id')
    .execute();
}

export type DemoPersonaRow = Awaited<ReturnType<typeof demoPersonas>>[number];

/** Demo mode: one persona, by id. */
export async function demoPersona(db: Executor, personaId: string) {
  return db
    .selectFrom('demo_persona')
    .select(['municipality_id', 'subject_kind', 'subject_id', 'id'])
    .where('id', '=', personaId)
    .executeTakeFirst();
}

/** Who holds a delegation: the relative's CPR number, as its HMAC. */
export async function delegationGrantee(db: Executor, municipalityId: string, delegationId: string) {
  return db
    .selectFrom('delegation')
    .select('grantee_cpr_hmac')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', delegationId)
    .executeTakeFirst();
}

/** Disables or enables an account; false when there is no such professional. */
export async function setProfessionalActive(
  db: Executor,
  municipalityId: string,
  professionalId: string,
  active: boolean,
): Promise<boolean> {
  const result = await db
    .updateTable('professional')
    .set({ active })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', professionalId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Whether an identity at a provider is linked to an account already (in any municipality). */
export async function identityLinked(db: Executor, issuer: string, subject: string): Promise<boolean> {
  const row = await db
    .selectFrom('identity_link')
    .select('subject_id')
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
  return row !== undefined;
}

/** Links a professional to their identity at the municipality's identity provider. */
export async function insertProfessionalIdentityLink(
  db: Executor,
  link: { municipalityId: string; issuer: string; subject: string; professionalId: string },
): Promise<void> {
  await db
    .insertInto('identity_link')
    .values({
      municipality_id: link.municipalityId,
      issuer: link.issuer,
      subject: link.subject,
      subject_kind: 'professional',
      subject_id: link.professionalId,
    })
    .execute();
}

/** Remembers a login in progress (PKCE verifier and nonce) under the hash of its state. */
export async function insertLoginAttempt(
  db: Executor,
  attempt: Insertable<DB['login_attempt']>,
): Promise<void> {
  await db.insertInto('login_attempt').values(attempt).execute();
}

/** Forgets the logins in progress that expired before `now`. */
export async function deleteExpiredLoginAttempts(db: Executor, now: Date): Promise<void> {
  await db.deleteFrom('login_attempt').where('expires_at', '<', now).execute();
}

/** Takes a login in progress (it can be used once): deletes it and returns what it remembered. */
export async function takeLoginAttempt(db: Executor, stateHash: Uint8Array, provider: string) {
  return db
    .deleteFrom('login_attempt')
    .where('state_hash', '=', stateHash)
    .where('provider', '=', provider)
    .returning(['code_verifier', 'nonce', 'expires_at', 'step_up', 'return_to'])
    .executeTakeFirst();
}

/** The account an identity at a provider is linked to, when it is. */
export async function identityLinkOf(db: Executor, issuer: string, subject: string) {
  return db
    .selectFrom('identity_link')
    .select(['municipality_id', 'subject_kind', 'subject_id'])
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
}

/** The citizens (in any municipality) with this CPR number's HMAC. */
export async function citizensByCprHmac(db: Executor, cprHmac: Uint8Array) {
  return db.selectFrom('citizen').select(['municipality_id', 'id']).where('cpr_hmac', '=', cprHmac).execute();
}

/** Links a citizen to their identity at the provider; a link already there stays. */
export async function insertCitizenIdentityLink(
  db: Executor,
  link: { municipalityId: string; issuer: string; subject: string; citizenId: string },
): Promise<void> {
  await db
    .insertInto('identity_link')
    .values({
      municipality_id: link.municipalityId,
      issuer: link.issuer,
      subject: link.subject,
      subject_kind: 'citizen',
      subject_id: link.citizenId,
    })
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}
