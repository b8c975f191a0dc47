import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRateLimitHit } from '../../src/db/queries/rate-limit.queries.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Rate limits are counted in the database: two server processes on one database (as behind the
 * proxy) give a client the limit once, not once per process.
 */
let first: TestApp;
let second: TestApp;

beforeAll(async () => {
  first = await startTestApp();
  second = await startTestApp({ database: first.context.database });
}, 60_000);
afterAll(async () => {
  await second?.dispose();
  await first?.dispose();
});

// A public route limited to 60 a minute per client address; an unknown link is a 404.
const open = (app: TestApp) =>
  app.request(null, { method: 'GET', url: `/api/survey-invitations/${'D'.repeat(43)}` });

describe('a rate limit across processes', () => {
  it('counts one client on both processes together', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await open(first)).statusCode);
    for (let i = 0; i < 30; i++) statuses.push((await open(second)).statusCode);
    expect(statuses.every((status) => status === 404)).toBe(true);
    const refused = await open(first);
    expect(refused.statusCode).toBe(429);
    expect((await open(second)).statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('keeps no client address, only a hash per route and client', async () => {
    const rows = await first.context.database.db.selectFrom('rate_limit_hit').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('127.0.0.1');
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.key_hash))).toBe(true);
  });

  it('starts a new window once the old one has ended', async () => {
    const db = first.context.database.db;
    const key = 'a'.repeat(64);
    expect((await countRateLimitHit(db, key, 200)).hits).toBe(1);
    const second = await countRateLimitHit(db, key, 200);
    expect(second.hits).toBe(2);
    expect(second.msLeft).toBeGreaterThan(0);
    expect(second.msLeft).toBeLessThanOrEqual(200);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await countRateLimitHit(db, key, 200)).hits).toBe(1);
  });
});
