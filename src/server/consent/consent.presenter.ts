import type { ConsentState, InformationCategory } from '../../domain/consent/consent.js';
import { consentStatus } from '../../domain/consent/consent.js';
import type { Sector } from '../../domain/organisation/sectors.js';
import {
  type ConsentsWithNames,
  type DelegationRow,
  toConsentRecord,
} from '../../db/queries/consent.queries.js';
import type {
  Consent as ConsentView,
  Delegation as DelegationView,
} from '../../domain/consent/consent.responses.js';

/**
 * What leaves the server of a citizen's consents, decided in one place: the consent view the
 * consent routes answer with, and the consents of the citizen's export (JSON and PDF), both
 * made from the same rows and names (consentsWithNames).
 */

/** The citizen's consents as the consent routes show them, with their status at `now`. */
export function presentConsents(loaded: ConsentsWithNames, now: Date): ConsentView[] {
  return loaded.rows.map((row) => {
    const record = toConsentRecord(row);
    return {
      id: row.id,
      granteeUnit: row.grantee_unit_id
        ? { id: row.grantee_unit_id, name: loaded.unitNames.get(row.grantee_unit_id) ?? '' }
        : null,
      granteeSector: (row.grantee_sector as Sector | null) ?? null,
      categories: record.categories as InformationCategory[],
      purpose: record.purpose,
      caseReference: row.case_reference,
      basis: record.basis,
      legalProvision: record.legalProvision,
      validFrom: row.valid_from,
      validUntil: row.valid_until,
      status: consentStatus(record, now),
      state: row.state as ConsentState,
      declaration:
        row.declaration_reference && row.declaration_signed_on
          ? { reference: row.declaration_reference, signedOn: row.declaration_signed_on }
          : null,
      recordedBy: {
        kind: row.recorded_by_kind as 'citizen' | 'professional',
        name:
          row.recorded_by_kind === 'professional'
            ? (loaded.professionalNames.get(row.recorded_by_id) ?? null)
            : null,
      },
      recordedAt: row.recorded_at.toISOString(),
      withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    };
  });
}

/** An export's consent: as the JSON export carries it (and its PDF shows it). */
export interface ExportConsent {
  id: string;
  granteeUnit: string | null;
  granteeSector: string | null;
  categories: string[];
  purpose: string;
  caseReference: string | null;
  basis: string;
  legalProvision: string | null;
  validFrom: string;
  validUntil: string | null;
  recordedBy: string;
  recordedAt: string;
  withdrawnAt: string | null;
}

/**
 * The citizen's consents as her export carries them: the consent view without its status and
 * declaration, the unit by name (null when unknown), who recorded it by kind only.
 */
export function presentExportConsents(loaded: ConsentsWithNames, now: Date): ExportConsent[] {
  return presentConsents(loaded, now).map((view) => ({
    id: view.id,
    granteeUnit: view.granteeUnit ? (loaded.unitNames.get(view.granteeUnit.id) ?? null) : null,
    granteeSector: view.granteeSector,
    categories: view.categories,
    purpose: view.purpose,
    caseReference: view.caseReference,
    basis: view.basis,
    legalProvision: view.legalProvision,
    validFrom: view.validFrom,
    validUntil: view.validUntil,
    recordedBy: view.recordedBy.kind,
    recordedAt: view.recordedAt,
    withdrawnAt: view.withdrawnAt,
  }));
}

export function presentDelegation(row: DelegationRow): DelegationView {
  return {
    id: row.id,
    granteeName: row.grantee_name,
    includesConsent: row.includes_consent,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
