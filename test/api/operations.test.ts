import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuditAnchoring } from '../../src/server/audit/audit-anchoring.js';
import { recordedScan } from '../../src/server/coordination/scan-runs.js';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Operations: /metrics, /healthz, /readyz and a shutdown that drains. */
let t: TestApp;
let w: AccessWorld;
const TOKEN = 'metrics-token-for-tests-0123456789';

beforeAll(async () => {
  t = await startTestApp({ demo: true, env: { SAMSPIL_METRICS_TOKEN: TOKEN } });
  w = await buildAccessWorld(t);
});
afterAll(() => t?.dispose());

const scrape = async (): Promise<string> => {
  const response = await t.app.inject({ method: 'GET', url: '/metrics' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.body;
};

/** The value of one series, e.g. `samspil_db_pool_connections{state="total"}`. */
const seriesValue = (body: string, series: string): number | undefined => {
  const line = body.split('\n').find((item) => item.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('/metrics', () => {
  it('holds the named series, with route patterns and never a raw URL', async () => {
    for (let index = 0; index < 3; index += 1) {
      const response = await t.request(w.coordinator.cookie, {
        method: 'GET',
        url: `/api/citizens/${w.citizen.id}/plan`,
      });
      expect(response.statusCode).toBe(200);
    }
    const refused = await t.request(null, {
      method: 'POST',
      url: '/api/auth/demo-login',
      payload: { persona: 'nobody-at-all' },
    });
    expect(refused.statusCode).toBe(400);
    const anchoring = startAuditAnchoring(t.context.database.db, {
      everyMinutes: 60,
      file: null,
      log: { info: () => undefined, error: () => undefined },
    });
    await anchoring.stop();
    await recordedScan(t.context.database.db, w.municipalityId, 'manual');

    const body = await scrape();
    const planReads = seriesValue(
      body,
      'samspil_http_request_duration_seconds_count{method="GET",route="/api/citizens/:citizenId/plan",status_code="200"}',
    );
    expect(planReads).toBeGreaterThanOrEqual(3);
    expect(body).not.toContain(w.citizen.id);
    expect(body).not.toContain('nobody-at-all');
    expect(seriesValue(body, 'samspil_audit_queue_depth')).toBe(0);
    expect(seriesValue(body, 'samspil_audit_commit_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(seriesValue(body, 'samspil_audit_batch_records_count')).toBeGreaterThanOrEqual(1);
    expect(seriesValue(body, 'samspil_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(seriesValue(body, 'samspil_db_pool_connections{state="waiting"}')).toBe(0);
    expect(
      seriesValue(body, 'samspil_job_duration_seconds_count{job="audit-anchoring",outcome="ok"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      seriesValue(body, 'samspil_coordination_scan_duration_seconds_count{trigger="manual",outcome="ok"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      seriesValue(body, 'samspil_login_failures_total{method="demo",reason="unknown-persona"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(body).toContain('nodejs_eventloop_lag_seconds');
  });

  it('is served to this machine, and elsewhere only with the bearer token', async () => {
    const from = (remoteAddress: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });
    expect((await from('127.0.0.1')).statusCode).toBe(200);
    expect((await from('::1')).statusCode).toBe(200);
    const outside = await from('10.1.2.3');
    expect(outside.statusCode).toBe(401);
    expect(outside.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(outside.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(outside.body).not.toContain('samspil_');
    expect((await from('10.1.2.3', { authorization: 'Bearer wrong' })).statusCode).toBe(401);
    expect((await from('10.1.2.3', { authorization: `Bearer ${TOKEN}` })).statusCode).toBe(200);
    // Through a proxy on this machine, a request comes from elsewhere.
    expect((await from('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(401);
    expect((await from('127.0.0.1', { forwarded: 'for=203.0.113.9' })).statusCode).toBe(401);
  });

  it('without a configured token, is refused to other machines altogether', async () => {
    const other = await startTestApp({ database: t.context.database });
    try {
      const response = await other.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ status: 403, title: 'No access' });
      const bearer = await other.app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress: '10.1.2.3',
        headers: { authorization: 'Bearer ' },
      });
      expect(bearer.statusCode).toBe(403);
    } finally {
      await other.dispose();
    }
  });
});

describe('/healthz and /readyz', () => {
  it('healthz answers liveness without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: t.context.database.engine });
  });

  it('readyz is ready when the database answers and every migration is applied', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    const applied = await t.context.database.db
      .selectFrom('schema_migration')
      .select(sql<number>`count(*)::int`.as('count'))
      .executeTakeFirstOrThrow();
    expect(response.json()).toEqual({
      status: 'ready',
      database: t.context.database.engine,
      migrations: applied.count,
    });
  });

  it('readyz is a 503 problem naming the migration a database lacks', async () => {
    const db = t.context.database.db;
    const newest = await db
      .selectFrom('schema_migration')
      .selectAll()
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await db.deleteFrom('schema_migration').where('version', '=', newest.version).execute();
    try {
      const response = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json()).toMatchObject({ status: 503, title: 'Not ready' });
      expect(response.json().detail).toContain(newest.name);
    } finally {
      await db.insertInto('schema_migration').values(newest).execute();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes the requests under way and commits their audit records before closing', async () => {
    const server = await startTestApp({ database: t.context.database });
    const cookie = await server.login({
      municipalityId: w.municipalityId,
      kind: 'professional',
      id: w.coordinator.id,
    });
    const auditCount = async (): Promise<number> =>
      (
        await t.context.database.db
          .selectFrom('audit_event')
          .select(sql<number>`count(*)::int`.as('count'))
          .where('action', '=', 'read')
          .where('citizen_id', '=', w.citizen.id)
          .executeTakeFirstOrThrow()
      ).count;
    const before = await auditCount();
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const n = 20;
    let arrived = 0;
    const allArrived = new Promise<void>((resolve) => {
      server.app.server.on('request', () => {
        arrived += 1;
        if (arrived === n) resolve();
      });
    });
    const responses = Array.from({ length: n }, () =>
      fetch(`${address}/api/citizens/${w.citizen.id}/plan`, { headers: { cookie } }),
    );
    await allArrived;
    const closed = server.dispose();
    const statuses = await Promise.all(
      responses.map(async (pending) => {
        const response = await pending;
        await response.arrayBuffer();
        return response.status;
      }),
    );
    await closed;
    expect(statuses).toEqual(Array.from({ length: n }, () => 200));
    expect(await auditCount()).toBe(before + n);
    await expect(fetch(`${address}/healthz`)).rejects.toThrow();
  });
});
