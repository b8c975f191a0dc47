import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Actor, isDelegationActive } from '../../domain/access/policy.js';
import type { ProfessionalRole, Sector } from '../../domain/organisation/sectors.js';
import { danishToday } from '../../domain/calendar.js';
import type { DB } from '../../db/schema.js';
import {
  activeProfessional,
  delegationGranteeHmac,
  deleteSession,
  deleteSessionsOf,
  insertSession,
  sessionByTokenHash,
  sessionCitizen,
  sessionDelegation,
  setSessionDelegation,
  touchSession,
} from '../../db/queries/session.queries.js';

/** The subject id of a relative's session before they chose whose plan to act for. */
export const NO_SUBJECT = '00000000-0000-0000-0000-000000000000';

export interface SessionSubject {
  municipalityId: string;
  /** 'relative': a relative with several delegations who has not chosen yet (no actor). */
  kind: 'professional' | 'citizen' | 'relative';
  id: string;
  persona: string | null;
  /** How the user logged in: demo, oidc-professional, oidc-citizen, test. */
  method?: string;
  /** The assurance level the identity provider vouched for (NSIS / acr). */
  acr?: string | null;
  /** A relative acting for the citizen under delegated access. */
  delegationId?: string | null;
  /** When the user authenticated (OIDC auth_time); now when not given. */
  authTime?: Date;
  /** A relative's identity (HMAC of their CPR number); taken from the delegation when not given. */
  granteeCprHmac?: Uint8Array | null;
}

/** A resolved session: the actor and what the login vouched for. */
export interface ResolvedSession {
  /** Null only for a relative who has not yet chosen whose plan to act for. */
  actor: Actor | null;
  municipalityId: string;
  acr: string | null;
  method: string;
  persona: string | null;
  /** When the user last authenticated, for step-up before sensitive acts. */
  authTime: Date;
  /** A relative's identity, to list and switch their delegations; null for everyone else. */
  granteeCprHmac: Uint8Array | null;
}

interface CachedSession extends ResolvedSession {
  /** The last day (ISO date) the relative's delegation is in force, checked on every request. */
  delegationUntil: string | null;
  expiresAt: number;
  lastSeenAt: number;
  /** When the cached actor was last checked against the database (disabled accounts, deletions). */
  checkedAt: number;
  /** When last_seen_at was last written; written at most once a minute to keep reads cheap. */
  touchedAt: number;
}

const CACHE_LIMIT = 50_000;
/** A cached session is re-checked against the database this often, so changes elsewhere land. */
const RECHECK_MS = 30_000;
const TOUCH_MS = 60_000;

export interface SessionLimits {
  absoluteHours: number;
  idleMinutes: number;
}

/**
 * Server-side sessions. The browser holds a random token; the database holds only its
 * SHA-256, so a database dump does not give working sessions. Sessions end after the idle
 * timeout or the absolute lifetime, at logout, and when the account is disabled (every
 * session of that user, in the database and in this process's cache).
 */
export class SessionStore {
  private readonly cache = new Map<string, CachedSession>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly limits: SessionLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  async create(subject: SessionSubject): Promise<{ token: string; actor: Actor | null; expiresAt: Date }> {
    const actor =
      subject.kind === 'relative'
        ? null
        : ((await loadActor(this.db, subject, danishToday(new Date(this.clock()))))?.actor ?? null);
    if (subject.kind !== 'relative' && !actor) throw new Error('session subject does not exist');
    if (subject.kind === 'relative' && !subject.granteeCprHmac)
      throw new Error('a relative session needs the relative’s identity');
    let granteeCprHmac = subject.granteeCprHmac ?? null;
    if (!granteeCprHmac && subject.delegationId) {
      granteeCprHmac = await delegationGranteeHmac(this.db, subject.municipalityId, subject.delegationId);
    }
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    const expiresAt = new Date(now + this.limits.absoluteHours * 3_600_000);
    await insertSession(this.db, {
      token_hash: hashToken(token),
      municipality_id: subject.municipalityId,
      subject_kind: subject.kind,
      subject_id: subject.id,
      role: sessionRole(actor),
      persona: subject.persona,
      expires_at: expiresAt,
      last_seen_at: new Date(now),
      auth_method: subject.method ?? 'test',
      acr: subject.acr ?? null,
      delegation_id: subject.delegationId ?? null,
      auth_time: subject.authTime ?? new Date(now),
      grantee_cpr_hmac: granteeCprHmac,
    });
    return { token, actor, expiresAt };
  }

  /**
   * A relative chooses (or switches to) whose plan to act for. The caller has checked that the
   * delegation is theirs and in force; the session keeps its token and authentication time.
   */
  async chooseDelegation(
    token: string,
    delegation: { municipalityId: string; citizenId: string; delegationId: string },
  ): Promise<Actor | null> {
    const hash = hashToken(token);
    this.cache.delete(hash.toString('base64'));
    await setSessionDelegation(this.db, hash, delegation);
    return (await this.resolveSession(token))?.actor ?? null;
  }

  /** The actor of a session token, or null when it is unknown, expired, idle too long or revoked. */
  async resolve(token: string): Promise<Actor | null> {
    return (await this.resolveSession(token))?.actor ?? null;
  }

  async resolveSession(token: string): Promise<ResolvedSession | null> {
    const hash = hashToken(token);
    const key = hash.toString('base64');
    const now = this.clock();
    const idleMs = this.limits.idleMinutes * 60_000;
    const cached = this.cache.get(key);
    if (cached && now - cached.checkedAt < RECHECK_MS) {
      const delegationEnded =
        cached.delegationUntil !== null && cached.delegationUntil < danishToday(new Date(now));
      if (cached.expiresAt <= now || now - cached.lastSeenAt > idleMs || delegationEnded) {
        await this.destroy(token);
        return null;
      }
      cached.lastSeenAt = now;
      if (now - cached.touchedAt > TOUCH_MS) {
        cached.touchedAt = now;
        await touchSession(this.db, hash, new Date(now));
      }
      return cached;
    }
    this.cache.delete(key);
    const row = await sessionByTokenHash(this.db, hash);
    if (!row) return null;
    // The in-memory last-seen is fresher than the database's (written at most once a minute).
    const lastSeen = Math.max(row.last_seen_at.getTime(), cached?.lastSeenAt ?? 0);
    if (row.expires_at.getTime() <= now || now - lastSeen > idleMs) {
      await this.destroy(token);
      return null;
    }
    const pending = row.subject_kind === 'relative';
    const loaded = pending
      ? null
      : await loadActor(
          this.db,
          {
            municipalityId: row.municipality_id,
            kind: row.subject_kind as SessionSubject['kind'],
            id: row.subject_id,
            persona: row.persona,
            delegationId: row.delegation_id,
          },
          danishToday(new Date(now)),
        );
    if (!pending && !loaded) {
      await this.destroy(token);
      return null;
    }
    await touchSession(this.db, hash, new Date(now));
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    const session: CachedSession = {
      actor: loaded?.actor ?? null,
      municipalityId: row.municipality_id,
      acr: row.acr,
      method: row.auth_method,
      persona: row.persona,
      authTime: row.auth_time,
      granteeCprHmac: row.grantee_cpr_hmac,
      delegationUntil: loaded?.delegationUntil ?? null,
      expiresAt: row.expires_at.getTime(),
      lastSeenAt: now,
      checkedAt: now,
      touchedAt: now,
    };
    this.cache.set(key, session);
    return session;
  }

  async destroy(token: string): Promise<void> {
    const hash = hashToken(token);
    this.cache.delete(hash.toString('base64'));
    await deleteSession(this.db, hash);
  }

  /** Drops one cached session by its token hash (base64): it was ended or moved by another process. */
  forgetCached(tokenHash: string): void {
    this.cache.delete(tokenHash);
  }

  /** Drops every cached session; each is read again from the database on its next request. */
  forgetAllCached(): void {
    this.cache.clear();
  }

  /** Drops cached sessions of a relative whose delegation ended (their rows are deleted by the caller). */
  forgetDelegation(delegationId: string): void {
    for (const [key, session] of this.cache) {
      if (session.actor?.kind === 'citizen' && session.actor.delegate?.delegationId === delegationId)
        this.cache.delete(key);
    }
  }

  /** Ends every session of one user (logout everywhere, a disabled account). */
  async destroyAllOf(municipalityId: string, subjectId: string): Promise<number> {
    for (const [key, session] of this.cache) {
      if (session.actor?.municipalityId === municipalityId && session.actor.id === subjectId)
        this.cache.delete(key);
    }
    return deleteSessionsOf(this.db, municipalityId, subjectId);
  }
}

/** A professional's own role; otherwise a citizen acting for themself, or a relative (no actor yet too). */
function sessionRole(actor: Actor | null): string {
  if (actor && actor.kind !== 'citizen') return actor.role;
  return actor && !actor.delegate ? 'citizen' : 'relative';
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** The acting person behind a session, or null when they no longer exist, are disabled or the delegation ended. */
async function loadActor(
  db: Kysely<DB>,
  subject: SessionSubject,
  today: string,
): Promise<{ actor: Actor; delegationUntil: string | null } | null> {
  if (subject.kind === 'relative') return null;
  if (subject.kind === 'citizen') {
    const citizen = await sessionCitizen(db, subject.municipalityId, subject.id);
    if (!citizen) return null;
    const actor: Actor = {
      kind: 'citizen',
      municipalityId: subject.municipalityId,
      id: citizen.id,
      name: `${citizen.given_name} ${citizen.family_name}`,
    };
    if (!subject.delegationId) return { actor, delegationUntil: null };
    const delegation = await sessionDelegation(db, subject.municipalityId, subject.delegationId, subject.id);
    if (
      !delegation ||
      !isDelegationActive(
        {
          validFrom: delegation.valid_from,
          validUntil: delegation.valid_until,
          revokedAt: delegation.revoked_at,
        },
        today,
      )
    )
      return null;
    return {
      actor: {
        ...actor,
        name: delegation.grantee_name,
        delegate: {
          delegationId: delegation.id,
          name: delegation.grantee_name,
          includesConsent: delegation.includes_consent,
        },
      },
      // A session never outlives its delegation: the cache checks this day on every request.
      delegationUntil: delegation.valid_until ?? '9999-12-31',
    };
  }
  const professional = await activeProfessional(db, subject.municipalityId, subject.id);
  return professional
    ? {
        delegationUntil: null,
        actor: {
          kind: 'professional',
          municipalityId: subject.municipalityId,
          id: professional.id,
          name: professional.name,
          role: professional.role as ProfessionalRole,
          unitId: professional.unit_id,
          sector: professional.sector as Sector,
        },
      }
    : null;
}
