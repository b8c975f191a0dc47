import type { Kysely } from 'kysely';
import type { CitizenRelations, InterventionScope } from '../../domain/access/policy.js';
import type { PlanOverview } from '../../domain/plan/plan.types.js';
import {
  type PlanDocumentRow,
  planDocumentsAsText,
  relationsOf,
} from '../../db/queries/plan-document.queries.js';
import type { DB } from '../../db/schema.js';
import { AccessGrantStore } from '../auth/access-grants.js';
import { CitizenBatchLoader } from '../citizen-batch-loader.js';

/** A plan ready to serve: its version, who is related to it, and its JSON, serialised once. */
export interface StoredPlan {
  version: number;
  relations: CitizenRelations;
  /**
   * The JSON as UTF-8 bytes, ready for the socket: a string would be measured and encoded
   * again on every response (a plan is several kilobytes). `planDocument` parses it.
   */
  body: Buffer;
  /** Each intervention's unit, sector and responsible: what the "that, not what" rule needs. */
  scopes: readonly (InterventionScope & { id: string })[];
  /**
   * The JSON as shaped for viewers who may not see some details, keyed by the hidden
   * intervention ids. Belongs to this version: a new version is a new StoredPlan.
   */
  variants: Map<string, Buffer>;
  /**
   * The document as parsed when the plan was loaded, held weakly: the presenter reuses it for
   * the first restricted variant instead of parsing the JSON again, without pinning memory.
   */
  parsed?: WeakRef<PlanOverview>;
}

/** The plan's document: the one parsed at load while it is still alive, or parsed again. */
export function planDocument(plan: StoredPlan): PlanOverview {
  return plan.parsed?.deref() ?? (JSON.parse(plan.body.toString('utf8')) as PlanOverview);
}

function scopesOf(document: PlanOverview): StoredPlan['scopes'] {
  return document.sectors.flatMap((group) =>
    group.interventions.map((item) => ({
      id: item.id,
      unitId: item.unit.id,
      sector: item.sector,
      responsibleId: item.responsible?.id ?? null,
      caseReference: item.caseReference ?? null,
      recordedBy: item.recordedBy ?? null,
      awaitingConfirmation: item.awaitingConfirmation ?? false,
    })),
  );
}

/**
 * Reads plans from the read model (plan_document) through a bounded in-memory cache.
 * Every plan write in this process replaces the entry after it commits; a write by another
 * process on the same database reaches `forget` through its commit's notification
 * (cache-invalidation.ts), so a cached plan is never older than the last committed write.
 */
export class PlanStore {
  private readonly cache = new Map<string, StoredPlan>();
  /**
   * Versions announced by other processes' commits while a load may be in flight: a load that
   * read an older version answers its request but is not cached.
   */
  private readonly announced = new Map<string, number>();
  private readonly loader = new CitizenBatchLoader<StoredPlan>((municipalityId, citizenIds) =>
    this.loadPlans(municipalityId, citizenIds),
  );
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
    const loaded = await this.loader.load(municipalityId, citizenId);
    if (!loaded) return null;
    const current = this.cache.get(key);
    // A write committed while this read was in flight: its entry is newer.
    if (current && current.version >= loaded.version) return current;
    const announced = this.announced.get(key);
    if (announced !== undefined) {
      if (loaded.version < announced) return loaded;
      this.announced.delete(key);
    }
    this.remember(key, loaded);
    return loaded;
  }

  /** Another process committed this version of a plan: forget any older copy. */
  forget(municipalityId: string, citizenId: string, version: number): void {
    const key = `${municipalityId}/${citizenId}`;
    const cached = this.cache.get(key);
    if (cached && cached.version >= version) return;
    this.cache.delete(key);
    this.loader.forget(municipalityId, citizenId);
    if (this.announced.size >= this.limit) this.announced.clear();
    this.announced.set(key, Math.max(version, this.announced.get(key) ?? 0));
  }

  /** Many plans of a municipality changed at once (a bulk load): forget them all. */
  forgetMunicipality(municipalityId: string): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${municipalityId}/`)) this.cache.delete(key);
  }

  /** Forget everything (notifications may have been missed). */
  clear(): void {
    this.cache.clear();
  }

  /**
   * Loads plans from the read model, many citizens in one query. The document is read as
   * text: parsing jsonb into objects and serialising them again costs several times the
   * query itself.
   */
  private async loadPlans(municipalityId: string, citizenIds: string[]): Promise<Map<string, StoredPlan>> {
    const rows = await planDocumentsAsText(this.db, municipalityId, citizenIds);
    return new Map(
      rows.map((row) => {
        const parsed = JSON.parse(row.json) as PlanOverview;
        const stored: StoredPlan = {
          version: row.version,
          relations: relationsOf(row.citizen_id, row),
          body: Buffer.from(row.json, 'utf8'),
          scopes: scopesOf(parsed),
          variants: new Map(),
          parsed: new WeakRef(parsed),
        };
        return [row.citizen_id, stored];
      }),
    );
  }

  /** Puts a freshly rebuilt plan in the cache (after its transaction committed). */
  put(municipalityId: string, row: PlanDocumentRow): StoredPlan {
    const stored: StoredPlan = {
      version: row.version,
      relations: {
        citizenId: row.citizenId,
        professionalIds: row.relatedProfessionalIds,
        unitIds: row.relatedUnitIds,
        referralUnitIds: row.referralUnitIds,
        meetings: row.meetingRelations,
      },
      body: Buffer.from(JSON.stringify(row.document), 'utf8'),
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
