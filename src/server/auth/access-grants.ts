import type { Kysely } from 'kysely';
import type { AccessGrants } from '../../domain/access/policy.js';
import { loadActiveBreakGlass, loadOpenConsents } from '../../db/queries/consent.queries.js';
import type { DB } from '../../db/schema.js';

/**
 * A citizen's consents and break-the-glass accesses, read on every plan read and so kept in a
 * bounded cache. Every consent or break-the-glass change in this process invalidates the
 * citizen's entry before it answers, so a withdrawal takes effect on the very next request.
 * Validity dates and expiry are evaluated by the policy at each read, never cached as a decision.
 */
export class AccessGrantStore {
  private readonly cache = new Map<string, AccessGrants>();
  /** Bumped by every invalidation, so a load that raced a change is not cached. */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly limit = 20_000,
  ) {}

  async get(municipalityId: string, citizenId: string): Promise<AccessGrants> {
    const key = `${municipalityId}/${citizenId}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const generation = this.generations.get(key) ?? 0;
    const [consents, breakGlass] = await Promise.all([
      loadOpenConsents(this.db, municipalityId, citizenId),
      loadActiveBreakGlass(this.db, municipalityId, citizenId, new Date()),
    ]);
    const grants: AccessGrants = { consents, breakGlass };
    if ((this.generations.get(key) ?? 0) !== generation) return grants;
    if (this.cache.size >= this.limit) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(key, grants);
    return grants;
  }

  /** Forget a citizen's grants: call after any consent or break-the-glass change commits. */
  invalidate(municipalityId: string, citizenId: string): void {
    const key = `${municipalityId}/${citizenId}`;
    this.cache.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    if (this.generations.size > this.limit * 2) this.generations.clear();
  }
}
