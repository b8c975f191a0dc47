import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_DOCUMENT_FORMAT, upgradePlanDocuments } from '../../src/db/queries/plan-document.queries.js';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A plan stored by an older shape of the code (format below PLAN_DOCUMENT_FORMAT) is rebuilt at
 * start-up, so it is never served without what the new code puts in it.
 */
let t: TestApp;
let w: AccessWorld;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
});
afterAll(() => t?.dispose());

const stored = () =>
  t.context.database.db
    .selectFrom('plan_document')
    .select(['citizen_id', 'format', 'document'])
    .where('municipality_id', '=', w.municipalityId)
    .execute();

describe('upgrading stored plans', () => {
  it('rebuilds every document of an older format, in batches, and then none', async () => {
    const db = t.context.database.db;
    const before = await stored();
    expect(before.length).toBeGreaterThan(1);
    expect(before.every((row) => row.format === PLAN_DOCUMENT_FORMAT)).toBe(true);
    // As the previous release left them: format 0, and a document without the newer parts.
    await db
      .updateTable('plan_document')
      .set({ format: 0, document: JSON.stringify({ stale: true }) })
      .where('municipality_id', '=', w.municipalityId)
      .execute();
    const progress: number[] = [];
    const rebuilt = await upgradePlanDocuments(db, (done) => progress.push(done), 1);
    expect(rebuilt).toBeGreaterThanOrEqual(before.length);
    expect(progress.length).toBe(rebuilt);
    const after = await stored();
    expect(after.every((row) => row.format === PLAN_DOCUMENT_FORMAT)).toBe(true);
    const raw = after.find((row) => row.citizen_id === w.citizen.id)?.document;
    const document = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, unknown>;
    expect(document.stale).toBeUndefined();
    expect(Array.isArray(document.subGoals)).toBe(true);
    expect(await upgradePlanDocuments(db)).toBe(0);
  });
});
