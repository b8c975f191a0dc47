import { type Kysely, sql } from 'kysely';
import { type AccessGrants, type BreakGlassGrant, NO_GRANTS } from '../../domain/access/policy.js';
import type { ConsentRecord } from '../../domain/consent/consent.js';
import { toConsentRecord } from '../../db/queries/consent.queries.js';
import type { DB } from '../../db/schema.js';

interface Miss {
  municipalityId: string;
  citizenId: string;
  generation: number;
  resolve: (grants: AccessGrants) => void;
  reject: (error: unknown) => void;
}

/**
 * A citizen's consents and break-the-glass accesses, read on every plan read and so kept in a
 * bounded cache. Every consent or break-the-glass change in this process invalidates the
 * citizen's entry before it answers, so a withdrawal takes effect on the very next request.
 * Validity dates and expiry are evaluated by the policy at each read, never cached as a decision.
 * Cold reads that arrive together share two queries (like PlanStore's misses).
 */
export class AccessGrantStore {
  private readonly cache = new Map<string, AccessGrants>();
  /** Bumped by every invalidation, so a load that raced a change is not cached. */
  private readonly generations = new Map<string, number>();
  private readonly loading = new Map<string, Promise<AccessGrants>>();
  private misses: Miss[] = [];
  private flushing = false;
  /**
   * Per municipality, the citizens who may have grants (an open consent or an unexpired
   * break-the-glass), loaded once; everyone else has none, so most cold reads need no query.
   * Only ever grows: every invalidation adds its citizen, so a new grant is never missed.
   */
  private readonly candidates = new Map<string, Promise<Set<string>>>();
  private readonly added = new Map<string, Set<string>>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly limit = 20_000,
  ) {}

  async get(municipalityId: string, citizenId: string): Promise<AccessGrants> {
    const key = `${municipalityId}/${citizenId}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (!(await this.mayHaveGrants(municipalityId, citizenId))) return NO_GRANTS;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const loading = new Promise<AccessGrants>((resolve, reject) => {
      this.misses.push({
        municipalityId,
        citizenId,
        generation: this.generations.get(key) ?? 0,
        resolve,
        reject,
      });
    });
    this.loading.set(key, loading);
    if (!this.flushing) void this.loadMisses();
    return loading;
  }

  /** Forget a citizen's grants: call after any consent or break-the-glass change commits. */
  invalidate(municipalityId: string, citizenId: string): void {
    const key = `${municipalityId}/${citizenId}`;
    const added = this.added.get(municipalityId) ?? new Set<string>();
    added.add(citizenId);
    this.added.set(municipalityId, added);
    this.cache.delete(key);
    this.loading.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    if (this.generations.size > this.limit * 2) this.generations.clear();
  }

  private async mayHaveGrants(municipalityId: string, citizenId: string): Promise<boolean> {
    if (this.added.get(municipalityId)?.has(citizenId)) return true;
    let loading = this.candidates.get(municipalityId);
    if (!loading) {
      loading = sql<{ citizen_id: string }>`
        SELECT citizen_id FROM consent WHERE municipality_id = ${municipalityId} AND withdrawn_at IS NULL
        UNION
        SELECT citizen_id FROM break_glass WHERE municipality_id = ${municipalityId} AND expires_at > now()`
        .execute(this.db)
        .then((result) => new Set(result.rows.map((row) => row.citizen_id)));
      this.candidates.set(municipalityId, loading);
      loading.catch(() => this.candidates.delete(municipalityId));
    }
    const candidates = await loading;
    // A grant added while the set was loading is in `added`.
    return candidates.has(citizenId) || (this.added.get(municipalityId)?.has(citizenId) ?? false);
  }

  private async loadMisses(): Promise<void> {
    this.flushing = true;
    try {
      while (this.misses.length > 0) {
        const batch = this.misses.splice(0, 500);
        const byTenant = new Map<string, Miss[]>();
        for (const miss of batch)
          byTenant.set(miss.municipalityId, [...(byTenant.get(miss.municipalityId) ?? []), miss]);
        for (const [municipalityId, misses] of byTenant) {
          try {
            const citizenIds = [...new Set(misses.map((miss) => miss.citizenId))];
            const now = new Date();
            const [consentRows, glassRows] = await Promise.all([
              this.db
                .selectFrom('consent')
                .selectAll()
                .where('municipality_id', '=', municipalityId)
                .where('citizen_id', 'in', citizenIds)
                .where('withdrawn_at', 'is', null)
                .execute(),
              this.db
                .selectFrom('break_glass')
                .select(['citizen_id', 'professional_id', 'expires_at'])
                .where('municipality_id', '=', municipalityId)
                .where('citizen_id', 'in', citizenIds)
                .where('expires_at', '>', now)
                .execute(),
            ]);
            const consents = new Map<string, ConsentRecord[]>();
            for (const row of consentRows)
              consents.set(row.citizen_id, [...(consents.get(row.citizen_id) ?? []), toConsentRecord(row)]);
            const glass = new Map<string, BreakGlassGrant[]>();
            for (const row of glassRows) {
              glass.set(row.citizen_id, [
                ...(glass.get(row.citizen_id) ?? []),
                { professionalId: row.professional_id, expiresAt: row.expires_at },
              ]);
            }
            for (const miss of misses) {
              const key = `${municipalityId}/${miss.citizenId}`;
              const grants: AccessGrants = {
                consents: consents.get(miss.citizenId) ?? [],
                breakGlass: glass.get(miss.citizenId) ?? [],
              };
              // A change committed while this read was in flight: answer, but do not cache.
              if ((this.generations.get(key) ?? 0) === miss.generation) {
                this.loading.delete(key);
                this.remember(key, grants);
              }
              miss.resolve(grants);
            }
          } catch (error) {
            for (const miss of misses) {
              this.loading.delete(`${municipalityId}/${miss.citizenId}`);
              miss.reject(error);
            }
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private remember(key: string, grants: AccessGrants): void {
    if (this.cache.size >= this.limit) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(key, grants);
  }
}
