import type { AccessLogRow } from '../../db/queries/access-log.queries.js';
import type { AuditOutcome } from '../audit/audit-writer.js';

/** An entry of the citizen's access log, as the citizen reads it (in the app and in their export). */
export interface AccessLogEntry {
  at: string;
  action: string;
  what: string;
  who: { role: string; unit: string | null; name: string | null };
  why: string | null;
  outcome: AuditOutcome;
}

/**
 * An audit record as the citizen sees it: what was looked at (the resource's kind, not its ids),
 * by which role and unit, and why; a professional's name only where the municipality shows names.
 */
export function presentAccessLogEntry(row: AccessLogRow, showsNames: boolean): AccessLogEntry {
  return {
    at: row.at.toISOString(),
    action: row.action,
    what: row.resource.split(/[:,]/, 1)[0] ?? row.resource,
    who: {
      role: row.actor_role,
      unit: row.unit_name,
      name: showsNames && row.actor_kind === 'professional' ? row.professional_name : null,
    },
    why: row.purpose,
    outcome: row.outcome as AuditOutcome,
  };
}
