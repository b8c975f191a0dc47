import type { Kysely } from 'kysely';
import { accessLogRows, auditShowsNames } from '../../db/queries/access-log.queries.js';
import { listConsentRows } from '../../db/queries/consent.queries.js';
import { unitNamesById } from '../../db/queries/export.queries.js';
import type { DB } from '../../db/schema.js';
import { type AccessLogEntry, presentAccessLogEntry } from '../presenters/access-log.presenter.js';

/**
 * The citizen's own parts of an export (GDPR art. 15): consents with history and who has looked.
 * One source for the JSON export and its readable PDF, so the two carry the same data.
 */

/** How many access-log entries an export carries at most (newest first; `accessLogTruncated` says so). */
export const ACCESS_LOG_LIMIT = 10_000;

/** An export's consent: as the JSON export carries it. */
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

/** The citizen's consents and recorded legal bases, with history (newest first). */
export async function exportConsents(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
): Promise<ExportConsent[]> {
  const rows = await listConsentRows(db, municipalityId, citizenId);
  const unitIds = [...new Set(rows.flatMap((row) => (row.grantee_unit_id ? [row.grantee_unit_id] : [])))];
  const unitName = await unitNamesById(db, municipalityId, unitIds);
  return rows.map((row) => ({
    id: row.id,
    granteeUnit: row.grantee_unit_id ? (unitName.get(row.grantee_unit_id) ?? null) : null,
    granteeSector: row.grantee_sector,
    categories: row.categories,
    purpose: row.purpose,
    caseReference: row.case_reference,
    basis: row.basis,
    legalProvision: row.legal_provision,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    recordedBy: row.recorded_by_kind,
    recordedAt: row.recorded_at.toISOString(),
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
  }));
}

/** Who has looked at the citizen's data and why, as the access log shows it (names by policy). */
export async function exportAccessLog(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
): Promise<{ entries: AccessLogEntry[]; truncated: boolean }> {
  const showsNames = await auditShowsNames(db, municipalityId);
  const rows = await accessLogRows(db, municipalityId, citizenId, { limit: ACCESS_LOG_LIMIT + 1 });
  const entries = rows.map((row) => presentAccessLogEntry(row, showsNames));
  return { entries: entries.slice(0, ACCESS_LOG_LIMIT), truncated: entries.length > ACCESS_LOG_LIMIT };
}
