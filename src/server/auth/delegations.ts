import type { Kysely } from 'kysely';
import { isDelegationActive } from '../../domain/access/policy.js';
import { danishToday } from '../../domain/calendar.js';
import { unrevokedDelegationsOfGrantee } from '../../db/queries/consent.queries.js';
import type { DB } from '../../db/schema.js';
import { NO_SUBJECT, type SessionSubject } from './session-store.js';

/** A delegation (fuldmagt) a relative may act under: whose plan, until when. */
export interface DelegationChoice {
  delegationId: string;
  municipalityId: string;
  citizenId: string;
  citizenName: string;
  validUntil: string | null;
}

/**
 * The delegations in force today for one relative, identified by the HMAC of their CPR number
 * (the number itself is never needed). Ordered by the citizen's name, so the choice is stable.
 */
export async function activeDelegationsOf(
  db: Kysely<DB>,
  granteeCprHmac: Uint8Array,
  today: string = danishToday(),
): Promise<DelegationChoice[]> {
  const rows = await unrevokedDelegationsOfGrantee(db, granteeCprHmac);
  return rows
    .filter((row) =>
      isDelegationActive(
        { validFrom: row.valid_from, validUntil: row.valid_until, revokedAt: row.revoked_at },
        today,
      ),
    )
    .map((row) => ({
      delegationId: row.id,
      municipalityId: row.municipality_id,
      citizenId: row.citizen_id,
      citizenName: `${row.given_name} ${row.family_name}`,
      validUntil: row.valid_until,
    }))
    .sort(
      (a, b) =>
        a.citizenName.localeCompare(b.citizenName, 'da') || a.delegationId.localeCompare(b.delegationId),
    );
}

/**
 * The session subject of a relative who logged in (through MitID, or as the demo persona): with
 * one delegation in force they act for that citizen at once; with several they choose first (a
 * session without an actor); with none, null — the caller refuses the login.
 */
export async function relativeSubject(
  db: Kysely<DB>,
  granteeCprHmac: Uint8Array,
  login: Pick<SessionSubject, 'persona' | 'method' | 'acr' | 'authTime'>,
): Promise<SessionSubject | null> {
  const active = await activeDelegationsOf(db, granteeCprHmac);
  const first = active[0];
  if (!first) return null;
  const relative = { ...login, granteeCprHmac, municipalityId: first.municipalityId };
  if (active.length > 1) return { ...relative, kind: 'relative', id: NO_SUBJECT };
  return { ...relative, kind: 'citizen', id: first.citizenId, delegationId: first.delegationId };
}
