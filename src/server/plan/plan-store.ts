import { type Kysely, sql } from 'kysely';
import type { CitizenRelations, InterventionScope } from '../../domain/access/policy.js';
import type { PlanOverview } from '../../domain/plan/plan.types.js';
import type { PlanDocumentRow } from '../../db/queries/plan-document.queries.js';
import type { DB } from '../../db/schema.js';
import { AccessGrantStore } from '../auth/access-grants.js';

/** A plan ready to serve: its version, who is related to it, and its JSON, serialised once. */
export interface StoredPlan {
  version: number;
  relations: CitizenRelations;
  json: string;
  /** Each intervention's unit, sector and responsible: what the "that, not what" rule needs. */
  scopes: readonly (InterventionScope & { id: string })[];
  /**
   * The JSON as shaped for viewers who may not see some details, keyed by the hidden
   * intervention ids. Belongs to this version: a new version is a new StoredPlan.
   */
  variants: Map<string, string>;
  /**
   * The document as parsed when the plan was loaded, held weakly: the presenter reuses it for
   * the first restricted variant instead of parsing the JSON again, without pinning memory.
   */
  parsed?: WeakRef<PlanOverview>;
}

function scopesOf(document: PlanOverview): StoredPlan['scopes'] {
  return document.sectors.flatMap((group) =>
    group.interventions.map((item) => ({
      id: item.id,
      unitId: item.unit.id,
      sector: item.sector,
      responsibleId: item.responsible?.id ?? null,
    })),
  );
}

/**
 * Reads plans from the read model (plan_document) through a bounded in-memory cache.
 * Every plan write in this process replaces the entry after it commits, so a cached plan is
 * never older than the last write made here. (Several processes on one PostgreSQL would
 * need invalidation by LISTEN/NOTIFY; Samspil runs one process per database today.)
 */
export class PlanStore {
  private readonly cache = new Map<string, StoredPlan>();
  private readonly loading = new Map<string, Promise<StoredPlan | null>>();
  private misses: {
    municipalityId: string;
    citizenId: string;
    resolve: (plan: StoredPlan | null) => void;
    reject: (error: unknown) => void;
  }[] = [];
  private flushing = false;
  /** Consents and break-the-glass accesses, applied per request by the plan presenter. */
  readonly grants: AccessGrantStore;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly limit = 20_000,
  ) {
    this.grants = new AccessGrantStore(db, limit);
  }

  async get(municipalityId: string, citizenId: string): Promise<StoredPlan | null> {
    const key = `${municipalityId}/${citizenId}`;
    const cached = this.cache.get(key);
    if (cached) {
      // Refresh its place so the least recently used entry is evicted first.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const pending = this.loading.get(key);
    if (pending) return pending;
    const loading = new Promise<StoredPlan | null>((resolve, reject) => {
      this.misses.push({ municipalityId, citizenId, resolve, reject });
    });
    this.loading.set(key, loading);
    if (!this.flushing) void this.loadMisses();
    return loading;
  }

  /**
   * Loads every plan missed since the last load in one query, the way AuditWriter batches
   * inserts: under load, cold reads share round trips instead of queueing for one each.
   * The document is read as text: parsing jsonb into objects and serialising them again
   * costs several times the query itself.
   */
  private async loadMisses(): Promise<void> {
    this.flushing = true;
    try {
      while (this.misses.length > 0) {
        const batch = this.misses.splice(0, 500);
        const byTenant = new Map<string, typeof batch>();
        for (const miss of batch)
          byTenant.set(miss.municipalityId, [...(byTenant.get(miss.municipalityId) ?? []), miss]);
        for (const [municipalityId, misses] of byTenant) {
          try {
            const rows = await this.db
              .selectFrom('plan_document')
              .select([
                'citizen_id',
                'version',
                'related_professional_ids',
                'related_unit_ids',
                sql<string>`document::text`.as('json'),
              ])
              .where('municipality_id', '=', municipalityId)
              .where('citizen_id', 'in', [...new Set(misses.map((miss) => miss.citizenId))])
              .execute();
            const found = new Map(rows.map((row) => [row.citizen_id, row]));
            for (const miss of misses) {
              const key = `${municipalityId}/${miss.citizenId}`;
              this.loading.delete(key);
              const row = found.get(miss.citizenId);
              if (!row) {
                miss.resolve(null);
                continue;
              }
              const current = this.cache.get(key);
              // A write committed while this read was in flight: its entry is newer.
              if (current && current.version >= row.version) {
                miss.resolve(current);
                continue;
              }
              const parsed = JSON.parse(row.json) as PlanOverview;
              const stored: StoredPlan = {
                version: row.version,
                relations: {
                  citizenId: miss.citizenId,
                  professionalIds: row.related_professional_ids,
                  unitIds: row.related_unit_ids,
                },
                json: row.json,
                scopes: scopesOf(parsed),
                variants: new Map(),
                parsed: new WeakRef(parsed),
              };
              this.remember(key, stored);
              miss.resolve(stored);
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

  /** Puts a freshly rebuilt plan in the cache (after its transaction committed). */
  put(municipalityId: string, row: PlanDocumentRow): StoredPlan {
    const stored: StoredPlan = {
      version: row.version,
      relations: {
        citizenId: row.citizenId,
        professionalIds: row.relatedProfessionalIds,
        unitIds: row.relatedUnitIds,
      },
      json: JSON.stringify(row.document),
      scopes: scopesOf(row.document),
      variants: new Map(),
    };
    this.remember(`${municipalityId}/${row.citizenId}`, stored);
    return stored;
  }

  private remember(key: string, stored: StoredPlan): void {
    this.cache.delete(key);
    if (this.cache.size >= this.limit) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(key, stored);
  }
}
