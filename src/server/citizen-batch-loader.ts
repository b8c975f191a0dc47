interface Miss<V> {
  municipalityId: string;
  citizenId: string;
  promise: Promise<V | undefined>;
  resolve: (value: V | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * Loads one value per citizen for many citizens in one round trip: reads that miss a cache
 * while a load is running wait for the next load, which carries all of them (the way
 * AuditWriter batches inserts). Concurrent reads of the same citizen share one load.
 */
export class CitizenBatchLoader<V> {
  private readonly inFlight = new Map<string, Promise<V | undefined>>();
  private misses: Miss<V>[] = [];
  private flushing = false;

  /** `loadMany` answers for one municipality's citizens; a citizen it leaves out has no value. */
  constructor(
    private readonly loadMany: (municipalityId: string, citizenIds: string[]) => Promise<Map<string, V>>,
    private readonly batchSize = 500,
  ) {}

  load(municipalityId: string, citizenId: string): Promise<V | undefined> {
    const key = `${municipalityId}/${citizenId}`;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    let resolve!: Miss<V>['resolve'];
    let reject!: Miss<V>['reject'];
    const promise = new Promise<V | undefined>((resolvePromise, rejectPromise) => {
      resolve = resolvePromise;
      reject = rejectPromise;
    });
    this.misses.push({ municipalityId, citizenId, promise, resolve, reject });
    this.inFlight.set(key, promise);
    if (!this.flushing) void this.flush();
    return promise;
  }

  /** Stops sharing a load already under way: the next read of this citizen starts a fresh one. */
  forget(municipalityId: string, citizenId: string): void {
    this.inFlight.delete(`${municipalityId}/${citizenId}`);
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.misses.length > 0) {
        const byTenant = new Map<string, Miss<V>[]>();
        for (const miss of this.misses.splice(0, this.batchSize)) {
          const group = byTenant.get(miss.municipalityId) ?? [];
          group.push(miss);
          byTenant.set(miss.municipalityId, group);
        }
        for (const [municipalityId, misses] of byTenant) {
          try {
            const values = await this.loadMany(municipalityId, [
              ...new Set(misses.map((miss) => miss.citizenId)),
            ]);
            for (const miss of misses) this.settle(miss).resolve(values.get(miss.citizenId));
          } catch (error) {
            for (const miss of misses) this.settle(miss).reject(error);
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Ends the sharing of this load, unless a newer load of the same citizen took its place. */
  private settle(miss: Miss<V>): Miss<V> {
    const key = `${miss.municipalityId}/${miss.citizenId}`;
    if (this.inFlight.get(key) === miss.promise) this.inFlight.delete(key);
    return miss;
  }
}
