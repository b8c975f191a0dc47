import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASSES, runFuzz } from '../fuzz/hostile.js';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { type ApiDocument, loadApi } from '../support/openapi.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_ENGINE } from '../support/test-database.js';

/**
 * The suite's share of the fuzz run (`npm run fuzz` sends ≥ 10,000): hostile requests to
 * every endpoint of the OpenAPI document, one spoiled part each, by class (NUL, lone
 * surrogates, control characters, impossible dates, overlong strings, wrong types, extra
 * fields, percent-encoded paths, injection strings, broken bodies, path and query values,
 * If-Match). Zero 5xx; every refusal is problem+json and changes nothing; what cannot be stored
 * is never accepted; a percent-encoded path still needs the CSRF header and our Origin.
 * Fixed seed, so a failure reproduces (test/fuzz/hostile.ts has the checks).
 */
const SEED = 20_261_202;
const REQUESTS = TEST_ENGINE === 'pglite' ? 600 : 300;

let t: TestApp;
let w: AccessWorld;
let api: ApiDocument;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
  api = await loadApi(t);
}, 120_000);
afterAll(() => t?.dispose());

describe('fuzzing every endpoint with hostile input', () => {
  it('never answers 5xx, refuses with problem+json, and a refusal changes nothing', async () => {
    const report = await runFuzz({ t, w, api, requests: REQUESTS, seed: SEED });
    expect(report.failures.slice(0, 20)).toEqual([]);
    expect(report.serverErrors).toBe(0);
    expect(report.partialWrites).toBe(0);
    expect(report.requests).toBe(REQUESTS);
    // Every endpoint and every class was met (a run that skipped some would prove less).
    expect(REQUESTS).toBeGreaterThanOrEqual(api.operations.length);
    expect(Object.keys(report.byClass).sort()).toEqual([...CLASSES].sort());
    // Logged in once per persona, again only when a session ended (logout, step-up).
    expect(report.logins).toBeLessThan(REQUESTS / 5);
  }, 300_000);

  it('refuses path traversal and prototype pollution outright', async () => {
    const cookie = await t.login({
      municipalityId: w.municipalityId,
      kind: 'professional',
      id: w.coordinator.id,
    });
    for (const url of [
      '/api/citizens/../../etc/passwd',
      '/api/citizens/%2e%2e%2f%2e%2e%2fetc%2fpasswd/plan',
      '/api/../healthz?x=1',
      '/api/citizens/..%5c..%5c/plan',
    ]) {
      const response = await t.request(cookie, { method: 'GET', url });
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.body).not.toMatch(/root:/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
