import type { Kysely } from 'kysely';
import { accessLogRows, auditShowsNames } from '../../db/queries/access-log.queries.js';
import { consentsWithNames } from '../../db/queries/consent.queries.js';
import type { DB } from '../../db/schema.js';
import { type ExportConsent, presentExportConsents } from '../consent/consent.presenter.js';
import { type AccessLogEntry, presentAccessLogEntry } from '../audit/access-log.presenter.js';

/**
 * The citizen's own parts of an export (GDPR art. 15): consents with history and who has looked.
 * One source for the JSON export and its readable PDF, so the two carry the same data.
 */

/** How many access-log entries an export carries at most (newest first; `accessLogTruncated` says so). */
export const ACCESS_LOG_LIMIT = 10_000;

/** The citizen's consents and recorded legal bases, with history (newest first): the consent view. */
export async function exportConsents(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
  now: Date = new Date(),
): Promise<ExportConsent[]> {
  return presentExportConsents(await consentsWithNames(db, municipalityId, citizenId), now);
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
