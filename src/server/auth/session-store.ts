import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access/policy.js';
import type { ProfessionalRole } from '../../domain/organisation/sectors.js';
import type { DB } from '../../db/schema.js';

export interface SessionSubject {
  municipalityId: string;
  kind: 'professional' | 'citizen';
  id: string;
  persona: string | null;
}

interface CachedSession {
  actor: Actor;
  expiresAt: number;
}

const CACHE_LIMIT = 50_000;

/**
 * Server-side sessions. The browser holds a random token; the database holds only its
 * SHA-256, so a database dump does not give working sessions. Resolved sessions are kept
 * in memory because every request needs one.
 */
export class SessionStore {
  private readonly cache = new Map<string, CachedSession>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly lifetimeHours: number,
  ) {}

  async create(subject: SessionSubject): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
    const actor = await loadActor(this.db, subject);
    if (!actor) throw new Error('session subject does not exist');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.lifetimeHours * 3_600_000);
    await this.db
      .insertInto('session')
      .values({
        token_hash: hashToken(token),
        municipality_id: subject.municipalityId,
        subject_kind: subject.kind,
        subject_id: subject.id,
        role: actor.kind === 'citizen' ? 'citizen' : actor.role,
        persona: subject.persona,
        expires_at: expiresAt,
      })
      .execute();
    return { token, actor, expiresAt };
  }

  async resolve(token: string): Promise<Actor | null> {
    const key = hashToken(token).toString('base64');
    const cached = this.cache.get(key);
    if (cached) {
      if (cached.expiresAt > Date.now()) return cached.actor;
      this.cache.delete(key);
      return null;
    }
    const row = await this.db
      .selectFrom('session')
      .select(['municipality_id', 'subject_kind', 'subject_id', 'persona', 'expires_at'])
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row || row.expires_at.getTime() <= Date.now()) return null;
    const actor = await loadActor(this.db, {
      municipalityId: row.municipality_id,
      kind: row.subject_kind as SessionSubject['kind'],
      id: row.subject_id,
      persona: row.persona,
    });
    if (!actor) return null;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, { actor, expiresAt: row.expires_at.getTime() });
    return actor;
  }

  async destroy(token: string): Promise<void> {
    const hash = hashToken(token);
    this.cache.delete(hash.toString('base64'));
    await this.db.deleteFrom('session').where('token_hash', '=', hash).execute();
  }
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** The acting person behind a session, or null when they no longer exist or are disabled. */
async function loadActor(db: Kysely<DB>, subject: SessionSubject): Promise<Actor | null> {
  if (subject.kind === 'citizen') {
    const citizen = await db
      .selectFrom('citizen')
      .select(['id', 'given_name', 'family_name'])
      .where('municipality_id', '=', subject.municipalityId)
      .where('id', '=', subject.id)
      .executeTakeFirst();
    return citizen
      ? {
          kind: 'citizen',
          municipalityId: subject.municipalityId,
          id: citizen.id,
          name: `${citizen.given_name} ${citizen.family_name}`,
        }
      : null;
  }
  const professional = await db
    .selectFrom('professional')
    .select(['id', 'name', 'role', 'unit_id'])
    .where('municipality_id', '=', subject.municipalityId)
    .where('id', '=', subject.id)
    .where('active', '=', true)
    .executeTakeFirst();
  return professional
    ? {
        kind: 'professional',
        municipalityId: subject.municipalityId,
        id: professional.id,
        name: professional.name,
        role: professional.role as ProfessionalRole,
        unitId: professional.unit_id,
      }
    : null;
}
