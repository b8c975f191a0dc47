import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINE } from '../support/test-database.js';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Two server processes on one database, each with its own caches: what one commits reaches the
 * other at once (migration 009's notifications), so no cached plan, consent or session outlives
 * a change made elsewhere.
 */
let first: TestApp;
let second: TestApp;
let w: AccessWorld;

beforeAll(async () => {
  first = await startTestApp();
  second = await startTestApp({ database: first.context.database });
  w = await buildAccessWorld(first);
}, 60_000);
afterAll(async () => {
  await second?.dispose();
  await first?.dispose();
});

async function planOnSecond(cookie: string) {
  const response = await second.request(cookie, { method: 'GET', url: `/api/citizens/${w.citizen.id}/plan` });
  return { status: response.statusCode, body: response.statusCode === 200 ? response.json() : null };
}

function psychiatryIntervention(body: {
  sectors: { interventions: { id: string; detailsHidden?: boolean }[] }[];
}) {
  return body.sectors
    .flatMap((group) => group.interventions)
    .find((item) => item.id === w.interventions.psychiatry);
}

describe('caches across processes', () => {
  it('shows the other process’s plan change on the next read', async () => {
    const before = await planOnSecond(w.coordinator.cookie);
    expect(before.status).toBe(200);
    const goal = 'At komme i arbejde med dyr (skrevet i den anden proces)';
    expect((await w.write('/goal', 'PUT', { ownWords: goal })).statusCode).toBe(200);
    await expect.poll(async () => (await planOnSecond(w.coordinator.cookie)).body?.goal?.ownWords).toBe(goal);
    expect((await planOnSecond(w.coordinator.cookie)).body.version).toBe(w.version);
  });

  it('hides another unit’s details as soon as the citizen withdraws her consent in the other process', async () => {
    const given = await first.request(w.citizen.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/consents`,
      payload: {
        granteeUnitId: w.units.jobcenter,
        categories: ['intervention-details'],
        purpose: 'coordination',
      },
    });
    expect(given.statusCode).toBe(201);
    await expect
      .poll(
        async () => psychiatryIntervention((await planOnSecond(w.coordinator.cookie)).body)?.detailsHidden,
      )
      .toBeUndefined();
    const withdrawn = await first.request(w.citizen.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/consents/${given.json().id}/withdraw`,
      payload: {},
    });
    expect(withdrawn.statusCode).toBe(200);
    await expect
      .poll(
        async () => psychiatryIntervention((await planOnSecond(w.coordinator.cookie)).body)?.detailsHidden,
      )
      .toBe(true);
  });

  it('ends a session in every process when it is logged out in one', async () => {
    const cookie = await first.login({
      municipalityId: w.municipalityId,
      kind: 'professional',
      id: w.coordinator.id,
    });
    expect((await planOnSecond(cookie)).status).toBe(200); // now cached in the second process
    const out = await first.request(cookie, { method: 'POST', url: '/api/auth/logout', payload: {} });
    expect(out.statusCode).toBeLessThan(300);
    await expect.poll(async () => (await planOnSecond(cookie)).status).toBe(401);
  });

  it('shows a change acknowledged by the other process on the very next read, every time', async () => {
    // No waiting: a client that got the 2xx from one process and asks the other must see it.
    for (let round = 0; round < 25; round += 1) {
      const goal = `Skrevet i den første proces, læst i den anden med det samme (${round})`;
      expect((await w.write('/goal', 'PUT', { ownWords: goal })).statusCode).toBe(200);
      const seen = await planOnSecond(w.coordinator.cookie);
      expect(seen.body?.goal?.ownWords).toBe(goal);
    }
    for (let round = 0; round < 10; round += 1) {
      const cookie = await first.login({
        municipalityId: w.municipalityId,
        kind: 'professional',
        id: w.coordinator.id,
      });
      expect((await planOnSecond(cookie)).status).toBe(200); // cached in the second process
      const out = await first.request(cookie, { method: 'POST', url: '/api/auth/logout', payload: {} });
      expect(out.statusCode).toBe(204);
      expect((await planOnSecond(cookie)).status).toBe(401);
    }
  });

  // PGlite is one session in one process: there is no connection to lose.
  it.runIf(TEST_ENGINE === 'postgresql')(
    'forgets everything when its listening connection is lost, and listens again',
    async () => {
      const db = first.context.database.db;
      const listeners = async () =>
        (
          await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity
             WHERE datname = current_database() AND query LIKE 'LISTEN%'`.execute(db)
        ).rows;
      expect((await listeners()).length).toBe(2);
      await planOnSecond(w.coordinator.cookie); // cached
      for (const { pid } of await listeners()) await sql`SELECT pg_terminate_backend(${pid})`.execute(db);
      const goal = 'Skrevet mens den anden proces ikke lyttede';
      expect((await w.write('/goal', 'PUT', { ownWords: goal })).statusCode).toBe(200);
      await expect
        .poll(async () => (await planOnSecond(w.coordinator.cookie)).body?.goal?.ownWords)
        .toBe(goal);
      await expect.poll(async () => (await listeners()).length, { timeout: 5000 }).toBe(2);
      const after = 'Skrevet efter at den lytter igen';
      expect((await w.write('/goal', 'PUT', { ownWords: after })).statusCode).toBe(200);
      await expect
        .poll(async () => (await planOnSecond(w.coordinator.cookie)).body?.goal?.ownWords)
        .toBe(after);
    },
  );
});
