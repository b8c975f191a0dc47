import type { Kysely } from 'kysely';
import { type AccessGrants, type BreakGlassGrant, NO_GRANTS } from '../../domain/access/policy.js';
import type { ConsentRecord } from '../../domain/consent/consent.js';
import {
  activeBreakGlassOfCitizens,
  citizensWithPossibleGrants,
  openConsentsOfCitizens,
} from '../../db/queries/access-grants.queries.js';
import { toConsentRecord } from '../../db/queries/consent.queries.js';
import type { DB } from '../../db/schema.js';
import { CitizenBatchLoader } from '../citizen-batch-loader.js';

/**
 * A citizen's consents and break-the-glass accesses, read on every plan read and so kept in a
 * bounded cache. Every consent or break-the-glass change in this process invalidates the
 * citizen's entry before it answers, so a withdrawal takes effect on the very next request.
 * Validity dates and expiry are evaluated by the policy at each read, never cached as a decision.
 * Cold reads that arrive together share two queries (CitizenBatchLoader, as PlanStore's do).
 */
export class AccessGrantStore {
  private readonly cache = new Map<string, AccessGrants>();
  /** Bumped by every invalidation, so a load that raced a change is not cached. */
  private readonly generations = new Map<string, number>();
  /** Bumped when many entries are forgotten at once, so no load in flight caches what it read. */
  private epoch = 0;
  private readonly loader = new CitizenBatchLoader<AccessGrants>((municipalityId, citizenIds) =>
    this.loadGrants(municipalityId, citizenIds),
  );
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
    const generation = this.generations.get(key) ?? 0;
    const epoch = this.epoch;
    const grants = (await this.loader.load(municipalityId, citizenId)) ?? NO_GRANTS;
    // A change committed while this read was in flight: answer, but do not cache.
    if ((this.generations.get(key) ?? 0) === generation && this.epoch === epoch) this.remember(key, grants);
    return grants;
  }

  /** Forget a citizen's grants: call after any consent or break-the-glass change commits. */
  invalidate(municipalityId: string, citizenId: string): void {
    const key = `${municipalityId}/${citizenId}`;
    const added = this.added.get(municipalityId) ?? new Set<string>();
    added.add(citizenId);
    this.added.set(municipalityId, added);
    this.cache.delete(key);
    this.loader.forget(municipalityId, citizenId);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    if (this.generations.size > this.limit * 2) this.generations.clear();
  }

  /** Many grants of a municipality changed at once: forget its cached grants and candidates. */
  invalidateMunicipality(municipalityId: string): void {
    this.epoch++;
    for (const key of this.cache.keys()) if (key.startsWith(`${municipalityId}/`)) this.cache.delete(key);
    this.candidates.delete(municipalityId);
  }

  /** Forget everything (notifications may have been missed). */
  clear(): void {
    this.epoch++;
    this.cache.clear();
    this.candidates.clear();
  }

  private async mayHaveGrants(municipalityId: string, citizenId: string): Promise<boolean> {
    if (this.added.get(municipalityId)?.has(citizenId)) return true;
    let loading = this.candidates.get(municipalityId);
    if (!loading) {
      loading = citizensWithPossibleGrants(this.db, municipalityId);
      this.candidates.set(municipalityId, loading);
      loading.catch(() => this.candidates.delete(municipalityId));
    }
    const candidates = await loading;
    // A grant added while the set was loading is in `added`.
    return candidates.has(citizenId) || (this.added.get(municipalityId)?.has(citizenId) ?? false);
  }

  /** Open consents and unexpired break-the-glass accesses of many citizens, two queries in all. */
  private async loadGrants(municipalityId: string, citizenIds: string[]): Promise<Map<string, AccessGrants>> {
    const [consentRows, glassRows] = await Promise.all([
      openConsentsOfCitizens(this.db, municipalityId, citizenIds),
      activeBreakGlassOfCitizens(this.db, municipalityId, citizenIds, new Date()),
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
    return new Map(
      citizenIds.map((citizenId) => [
        citizenId,
        { consents: consents.get(citizenId) ?? [], breakGlass: glass.get(citizenId) ?? [] },
      ]),
    );
  }

  private remember(key: string, grants: AccessGrants): void {
    if (this.cache.size >= this.limit) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(key, grants);
  }
}
