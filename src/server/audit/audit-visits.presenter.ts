import type { AuditEvent, AuditVisit } from '../../domain/audit/audit.responses.js';
import { describeVisit, partText, resourceKind } from '../../domain/audit/audit-text.js';
import { type EntryGroup, groupVisits, visitGist } from '../../domain/audit/audit-visits.js';
import type { AuditSearchRow } from '../../db/queries/audit-search.queries.js';

export { type AuditVisit, auditEventSchema, auditVisitSchema } from '../../domain/audit/audit.responses.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function detailsOf(row: AuditSearchRow): Record<string, unknown> | null {
  return row.details && typeof row.details === 'object' ? (row.details as Record<string, unknown>) : null;
}

/** An audit record as the search answers it. */
export function presentAuditEvent(row: AuditSearchRow): AuditEvent {
  return {
    id: row.id,
    seq: row.seq === null ? null : Number(row.seq),
    at: row.at.toISOString(),
    actor: {
      kind: row.actor_kind,
      id: row.actor_id,
      role: row.actor_role,
      name: row.name,
      unitId: row.actor_unit_id,
    },
    onBehalfOf: row.on_behalf_of,
    citizenId: row.citizen_id,
    action: row.action,
    resource: row.resource,
    outcome: row.outcome,
    purpose: row.purpose,
    clientIp: row.client_ip,
    details: detailsOf(row),
  };
}

/** The unit ids the rows name: the actors' units and the units a unit overview was about. */
export function unitIdsOf(rows: readonly AuditSearchRow[]): string[] {
  return rows.flatMap((row) => {
    const ids = row.actor_unit_id ? [row.actor_unit_id] : [];
    const [kind, id] = row.resource.split(':');
    return kind === 'unit-overview' && id && UUID.test(id) ? [...ids, id] : ids;
  });
}

/** The rows grouped as visits (the rule is in src/domain/audit/audit-visits.ts). */
export function visitsOf(
  rows: readonly AuditSearchRow[],
): EntryGroup<AuditSearchRow & { visit: string | null; actorId: string; citizenId: string | null }>[] {
  return groupVisits(
    rows.map((row) => {
      const visit = detailsOf(row)?.visit;
      return {
        ...row,
        actorId: row.actor_id,
        citizenId: row.citizen_id,
        visit: typeof visit === 'string' ? visit : null,
      };
    }),
  );
}

/**
 * A visit as the supervisor sees it: who (name, unit), which citizen (their name only where
 * `names` has it), why, and what was seen, in words; the records themselves to unfold.
 */
export function presentAuditVisit(
  group: ReturnType<typeof visitsOf>[number],
  lookups: {
    citizenNames: ReadonlyMap<string, string>;
    units: ReadonlyMap<string, string>;
    citizenId?: string;
  },
): AuditVisit {
  const { entries } = group;
  const first = entries[0];
  const last = entries.at(-1);
  if (!first || !last) throw new Error('a visit has at least one entry');
  const gist = visitGist(entries);
  const citizenId = first.citizen_id ?? lookups.citizenId ?? null;
  const inList = first.citizen_id === null && citizenId !== null;
  const citizenName = citizenId ? (lookups.citizenNames.get(citizenId) ?? null) : null;
  const overview = entries.find((entry) => resourceKind(entry.resource) === 'unit-overview');
  const overviewUnit = overview?.resource.split(':')[1];
  const basis = entries
    .map((entry) => detailsOf(entry)?.basis)
    .find((value): value is string => typeof value === 'string');
  return {
    key: group.key,
    from: first.at.toISOString(),
    to: last.at.toISOString(),
    actor: {
      kind: first.actor_kind,
      id: first.actor_id,
      role: first.actor_role,
      name: first.name,
      unit:
        first.actor_unit_id && lookups.units.has(first.actor_unit_id)
          ? { id: first.actor_unit_id, name: lookups.units.get(first.actor_unit_id) ?? '' }
          : null,
    },
    citizen: citizenId ? { id: citizenId, name: citizenName } : null,
    inList,
    action: gist.action,
    outcome: gist.outcome,
    purpose: entries.map((entry) => entry.purpose).find((value) => value !== null) ?? null,
    basis: basis ?? null,
    description: describeVisit({
      action: gist.action,
      kind: gist.kind,
      outcome: gist.outcome,
      citizenName,
      unitName: overviewUnit ? (lookups.units.get(overviewUnit) ?? null) : null,
      inList,
    }),
    parts: gist.kinds.map((kind) => ({ kind, text: partText(kind) })),
    entries: entries.map(presentAuditEvent),
  };
}
