import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { BreakGlassGrant } from '../../domain/access/policy.js';
import type {
  ConsentPurpose,
  ConsentRecord,
  InformationCategory,
  LegalProvision,
} from '../../domain/consent/consent.js';
import type { Sector } from '../../domain/organisation/sectors.js';
import type { ConsentTable, DB, DelegationTable } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** A consent row as the domain rules see it. */
export function toConsentRecord(row: Selectable<ConsentTable>): ConsentRecord {
  return {
    id: row.id,
    citizenId: row.citizen_id,
    grantee: row.grantee_unit_id ? { unitId: row.grantee_unit_id } : { sector: row.grantee_sector as Sector },
    categories: row.categories as InformationCategory[],
    purpose: row.purpose as ConsentPurpose,
    basis: row.basis as ConsentRecord['basis'],
    legalProvision: row.legal_provision as LegalProvision | null,
    caseReference: row.case_reference,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    withdrawnAt: row.withdrawn_at,
    state: row.state as ConsentRecord['state'],
  };
}

/** Every consent of a citizen, withdrawn and expired ones too: the full history, newest first. */
export async function listConsentRows(
  db: Executor,
  municipalityId: string,
  citizenId: string,
): Promise<Selectable<ConsentTable>[]> {
  return db
    .selectFrom('consent')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** A citizen's consents (the full history, newest first) and the names they are shown with. */
export interface ConsentsWithNames {
  rows: Selectable<ConsentTable>[];
  /** The grantee units' names, by id. */
  unitNames: Map<string, string>;
  /** The names of the professionals who recorded consents, by id. */
  professionalNames: Map<string, string>;
}

export async function consentsWithNames(
  db: Executor,
  municipalityId: string,
  citizenId: string,
): Promise<ConsentsWithNames> {
  const rows = await listConsentRows(db, municipalityId, citizenId);
  const unitIds = [...new Set(rows.flatMap((row) => (row.grantee_unit_id ? [row.grantee_unit_id] : [])))];
  const proIds = [
    ...new Set(
      rows.filter((row) => row.recorded_by_kind === 'professional').map((row) => row.recorded_by_id),
    ),
  ];
  const [unitNames, professionalNames] = await Promise.all([
    namesById(db, 'unit', municipalityId, unitIds),
    namesById(db, 'professional', municipalityId, proIds),
  ]);
  return { rows, unitNames, professionalNames };
}

async function namesById(
  db: Executor,
  table: 'unit' | 'professional',
  municipalityId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await db
    .selectFrom(table)
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(found.map((row) => [row.id, row.name]));
}

export async function insertConsent(db: Executor, row: Insertable<ConsentTable>): Promise<void> {
  await db.insertInto('consent').values(row).execute();
}

/** Who recorded a consent and on what basis (these never change), or undefined. */
export async function consentRecordedBy(
  db: Executor,
  municipalityId: string,
  citizenId: string,
  consentId: string,
) {
  return db
    .selectFrom('consent')
    .select(['basis', 'recorded_by_kind', 'recorded_by_id'])
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('id', '=', consentId)
    .executeTakeFirst();
}

/** A consent's withdrawal and state, locked while it is answered. */
export async function consentForUpdate(trx: Transaction<DB>, municipalityId: string, consentId: string) {
  return trx
    .selectFrom('consent')
    .select(['withdrawn_at', 'state'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', consentId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export type ConsentAnswer = 'withdraw' | 'confirm' | 'reject';

/** The columns one answer to a consent sets. */
function answerColumns(answer: ConsentAnswer, by: { kind: string; id: string }, now: Date) {
  if (answer === 'withdraw') return { withdrawn_at: now, withdrawn_by_kind: by.kind, withdrawn_by_id: by.id };
  if (answer === 'confirm') return { state: 'confirmed', confirmed_at: now };
  return { state: 'rejected' };
}

/** Stores an answer to a consent: withdrawn (by whom), confirmed or rejected, at `now`. */
export async function setConsentAnswer(
  db: Executor,
  municipalityId: string,
  consentId: string,
  answer: ConsentAnswer,
  by: { kind: string; id: string },
  now: Date,
): Promise<void> {
  await db
    .updateTable('consent')
    .set(answerColumns(answer, by, now))
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', consentId)
    .execute();
}

/** The citizen's delegations (fuldmagter), revoked ones too, newest first. */
export async function delegationsOfCitizen(db: Executor, municipalityId: string, citizenId: string) {
  return db
    .selectFrom('delegation')
    .select(['id', 'grantee_name', 'includes_consent', 'valid_from', 'valid_until', 'revoked_at'])
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .orderBy('created_at', 'desc')
    .execute();
}

export type DelegationRow = Awaited<ReturnType<typeof delegationsOfCitizen>>[number];

/** The unrevoked delegations of one relative (by the HMAC of their CPR number), with the citizens' names. */
export async function unrevokedDelegationsOfGrantee(db: Executor, granteeCprHmac: Uint8Array) {
  return db
    .selectFrom('delegation as d')
    .innerJoin('citizen as c', (join) =>
      join.onRef('c.municipality_id', '=', 'd.municipality_id').onRef('c.id', '=', 'd.citizen_id'),
    )
    .select([
      'd.id',
      'd.municipality_id',
      'd.citizen_id',
      'd.valid_from',
      'd.valid_until',
      'd.revoked_at',
      'c.given_name',
      'c.family_name',
    ])
    .where('d.grantee_cpr_hmac', '=', granteeCprHmac)
    .where('d.revoked_at', 'is', null)
    .execute();
}

export async function insertDelegation(db: Executor, row: Insertable<DelegationTable>): Promise<void> {
  await db.insertInto('delegation').values(row).execute();
}

/** Revokes a delegation in force at `now`; false when there is none such (or it is revoked already). */
export async function revokeDelegationRow(
  db: Executor,
  municipalityId: string,
  citizenId: string,
  delegationId: string,
  now: Date,
): Promise<boolean> {
  const updated = await db
    .updateTable('delegation')
    .set({ revoked_at: now })
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('id', '=', delegationId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** Ends every session a relative holds under a delegation. */
export async function deleteDelegationSessions(
  db: Executor,
  municipalityId: string,
  delegationId: string,
): Promise<void> {
  await db
    .deleteFrom('session')
    .where('municipality_id', '=', municipalityId)
    .where('delegation_id', '=', delegationId)
    .execute();
}

/** Consents not withdrawn (their dates are checked by the rules at each read). */
export async function loadOpenConsents(
  db: Executor,
  municipalityId: string,
  citizenId: string,
): Promise<ConsentRecord[]> {
  const rows = await db
    .selectFrom('consent')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('withdrawn_at', 'is', null)
    .execute();
  return rows.map(toConsentRecord);
}

/** Break-the-glass accesses to a citizen that have not yet expired. */
export async function loadActiveBreakGlass(
  db: Executor,
  municipalityId: string,
  citizenId: string,
  now: Date,
): Promise<BreakGlassGrant[]> {
  const rows = await db
    .selectFrom('break_glass')
    .select(['professional_id', 'expires_at'])
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('expires_at', '>', now)
    .execute();
  return rows.map((row) => ({ professionalId: row.professional_id, expiresAt: row.expires_at }));
}
