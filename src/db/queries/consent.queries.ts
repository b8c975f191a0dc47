import type { Kysely, Selectable, Transaction } from 'kysely';
import type { BreakGlassGrant } from '../../domain/access/policy.js';
import type {
  ConsentPurpose,
  ConsentRecord,
  InformationCategory,
  LegalProvision,
} from '../../domain/consent/consent.js';
import type { Sector } from '../../domain/organisation/sectors.js';
import type { ConsentTable, DB } from '../schema.js';

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
