import type { PoolStats } from '../../db/database.js';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics, served at /metrics. One registry per process: the audit
 * writers, database pools and jobs of every app in it report here (in production one each).
 * Labels carry route patterns, job names and reasons only — never a URL, a name or a CPR number.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const httpRequestDuration = new Histogram({
  name: 'samspil_http_request_duration_seconds',
  help: 'HTTP requests by method, matched route pattern and status code (its _count is the request rate)',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

/** Things that report a number when scraped (a writer's queue, a pool), one set per gauge. */
class Sources<T> {
  private readonly items = new Set<() => T>();
  add(source: () => T): () => void {
    this.items.add(source);
    return () => {
      this.items.delete(source);
    };
  }
  read(): T[] {
    return [...this.items].map((source) => source());
  }
}

export const auditQueueSources = new Sources<number>();
new Gauge({
  name: 'samspil_audit_queue_depth',
  help: 'Audit records of reads waiting to be committed',
  registers: [registry],
  collect() {
    this.set(auditQueueSources.read().reduce((sum, depth) => sum + depth, 0));
  },
});

export const auditCommitDuration = new Histogram({
  name: 'samspil_audit_commit_duration_seconds',
  help: 'Time to commit one group-committed batch of audit records (including re-chaining)',
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

export const auditBatchRecords = new Histogram({
  name: 'samspil_audit_batch_records',
  help: 'Audit records per committed batch',
  buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
  registers: [registry],
});

export const poolSources = new Sources<PoolStats>();
new Gauge({
  name: 'samspil_db_pool_connections',
  help: 'Database pool connections by state (total, idle, waiting = callers queued for one)',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    const stats = poolSources.read();
    for (const state of ['total', 'idle', 'waiting'] as const) {
      this.set(
        { state },
        stats.reduce((sum, item) => sum + item[state], 0),
      );
    }
  },
});

export const jobDuration = new Histogram({
  name: 'samspil_job_duration_seconds',
  help: 'Runs of the periodic background jobs by job and outcome (ok, error)',
  labelNames: ['job', 'outcome'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
  registers: [registry],
});

export const coordinationScanDuration = new Histogram({
  name: 'samspil_coordination_scan_duration_seconds',
  help: 'Coordination scans of one municipality by trigger (nightly, manual, demo) and outcome',
  labelNames: ['trigger', 'outcome'] as const,
  buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
  registers: [registry],
});

export const loginFailures = new Counter({
  name: 'samspil_login_failures_total',
  help: 'Refused logins by method (oidc-professional, oidc-citizen, demo) and reason',
  labelNames: ['method', 'reason'] as const,
  registers: [registry],
});

/** Seconds since `started` (from performance.now()). */
export function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}

export const queuedJobRuns = new Counter({
  name: 'samspil_queue_jobs_total',
  help: 'Attempts at durable queue jobs by kind and result (done, retry, dead, lost = lease taken over)',
  labelNames: ['kind', 'result'] as const,
  registers: [registry],
});

/** The job queue's size by state, as last counted by this process's worker. */
export const jobQueueSize = new Gauge({
  name: 'samspil_queue_jobs',
  help: 'Durable queue jobs by state (queued, running, done, dead), as last counted by this process',
  labelNames: ['status'] as const,
  registers: [registry],
});
