import type { BREAK_GLASS_OUTCOMES, BREAK_GLASS_REASONS } from '../../domain/access/break-glass.js';
import type { BreakGlassRow } from '../../db/queries/break-glass.queries.js';
import type {
  BreakGlassAccess as BreakGlassView,
  BreakGlassActivity,
} from '../../domain/access/access.responses.js';

export function presentGlass(row: BreakGlassRow): BreakGlassView {
  return {
    id: row.id,
    citizen: { id: row.citizen_id, name: `${row.given_name} ${row.family_name}` },
    professional: { id: row.professional_id, name: row.professional_name },
    unit: { id: row.unit_id, name: row.unit_name },
    reasonCode: row.reason_code as (typeof BREAK_GLASS_REASONS)[number],
    reason: row.reason,
    startedAt: row.started_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    review: row.review_outcome
      ? {
          outcome: row.review_outcome as (typeof BREAK_GLASS_OUTCOMES)[number],
          comment: row.review_comment,
          reviewer:
            row.reviewed_by && row.reviewer_name ? { id: row.reviewed_by, name: row.reviewer_name } : null,
        }
      : null,
  };
}

/** What was read and done under the access: the kind of resource only, not its ids. */
export function presentActivity(
  entries: readonly { at: Date; action: string; resource: string; outcome: string }[],
): BreakGlassActivity[] {
  return entries.map((entry) => ({
    at: entry.at.toISOString(),
    action: entry.action,
    what: entry.resource.split(/[:,]/, 1)[0] ?? entry.resource,
    outcome: entry.outcome as 'allowed' | 'denied',
  }));
}

/** A full CPR number as DDMMYY-SSSS. */
export function presentCpr(cpr: string): { cpr: string } {
  return { cpr: `${cpr.slice(0, 6)}-${cpr.slice(6)}` };
}
