import type { Kysely } from 'kysely';
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
    const row = await this.db
      .selectFrom('plan_document')
      .select(['version', 'related_professional_ids', 'related_unit_ids', 'document'])
      .where('municipality_id', '=', municipalityId)
      .where('citizen_id', '=', citizenId)
      .executeTakeFirst();
    if (!row) return null;
    const document = (
      typeof row.document === 'string' ? JSON.parse(row.document) : row.document
    ) as PlanOverview;
    const stored: StoredPlan = {
      version: row.version,
      relations: { citizenId, professionalIds: row.related_professional_ids, unitIds: row.related_unit_ids },
      json: typeof row.document === 'string' ? row.document : JSON.stringify(row.document),
      scopes: scopesOf(document),
      variants: new Map(),
    };
    this.remember(key, stored);
    return stored;
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
