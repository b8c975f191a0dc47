import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

// `npm test` builds the web app before running the suite, so web/dist is always there.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.dispose());

describe('serving the web app', () => {
  it('serves the shell fresh and hashed assets for good', async () => {
    const shell = await t.request(null, { method: 'GET', url: '/' });
    expect(shell.statusCode).toBe(200);
    expect(shell.headers['cache-control']).toBe('no-cache');
    expect(shell.headers['content-security-policy']).toContain("script-src 'self'");
    const asset = /\/assets\/[^"]+\.js/.exec(shell.body)?.[0];
    expect(asset).toBeDefined();
    const script = await t.request(null, { method: 'GET', url: asset ?? '' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers client-side routes with the shell, and unknown API paths with problem details', async () => {
    const route = await t.request(null, { method: 'GET', url: '/borgere/some-id/plan' });
    expect(route.statusCode).toBe(200);
    expect(route.headers['content-type']).toContain('text/html');
    const api = await t.request(null, { method: 'GET', url: '/api/no-such-thing' });
    expect(api.headers['content-type']).toContain('application/problem+json');
  });
});
