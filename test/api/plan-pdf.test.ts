import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { pdfText } from '../support/pdf-text.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The plan as a PDF made on the server: each reader gets their own view (what the plan JSON
 * would show them, nothing more), page numbers, and an audit record like any read.
 */
let t: TestApp;
let w: AccessWorld;
const SECRET = 'psykiatriens fortrolige detalje';

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
}, 120_000);
afterAll(() => t?.dispose());

async function pdfOf(cookie: string, query = '', citizenId = w.citizen.id) {
  const response = await t.request(cookie, {
    method: 'GET',
    url: `/api/citizens/${citizenId}/plan.pdf${query}`,
  });
  return response;
}

const textOf = pdfText;

describe('GET /api/citizens/:citizenId/plan.pdf', () => {
  it('gives the coordinator a PDF of the plan with page numbers, without what is hidden from him', async () => {
    const response = await pdfOf(w.coordinator.cookie);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename=".+\.pdf"$/);
    const text = await textOf(response.rawPayload);
    expect(text).toContain('Komme i praktik');
    expect(text).toMatch(/Side 1 af \d+/);
    expect(text).not.toContain(SECRET);
  });

  it('shows the owning unit its own intervention in full, in English when asked', async () => {
    const response = await pdfOf(w.psychiatryWorker.cookie, '?lang=en');
    expect(response.statusCode).toBe(200);
    const text = await textOf(response.rawPayload);
    expect(text).toContain(SECRET);
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it('gives the citizen her own plan without its cost', async () => {
    const response = await pdfOf(w.citizen.cookie);
    expect(response.statusCode).toBe(200);
    const text = await textOf(response.rawPayload);
    expect(text).toContain('Komme i praktik');
    expect(text).toContain('Min plan');
    expect(text).toMatch(/Side 1 af \d+/);
    expect(text).not.toMatch(/kr\./);
  });

  it('is audited as a read of the plan, and refused to a professional of another municipality', async () => {
    const records = await t.context.database.db
      .selectFrom('audit_event')
      .select(['resource', 'outcome'])
      .where('actor_id', '=', w.coordinator.id)
      .where('citizen_id', '=', w.citizen.id)
      .where('action', '=', 'read')
      .execute();
    expect(records).toEqual(expect.arrayContaining([{ resource: 'plan_pdf', outcome: 'allowed' }]));
    const refused = await pdfOf(w.other.professional.cookie);
    expect([403, 404]).toContain(refused.statusCode);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it('names a bad language in a problem', async () => {
    const response = await pdfOf(w.coordinator.cookie, '?lang=fr');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('lang');
  });
});
