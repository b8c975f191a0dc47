import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimScanRun,
  finishScanRun,
  latestScanRun,
} from '../../src/db/queries/coordination-scan-runs.queries.js';
import { newId } from '../../src/db/ids.js';
import { CprVault } from '../../src/security/cpr-vault.js';
import { startNightlyScan } from '../../src/server/coordination/scan-runs.js';
import { Factories } from '../support/factories.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDatabase: TestDatabase;
let municipalityId: string;
const quiet = { info: () => undefined, error: (message: string) => errors.push(message) };
const errors: string[] = [];

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  const vault = new CprVault({
    encryption: new Map([[1, randomBytes(32)]]),
    currentKeyId: 1,
    hmac: randomBytes(32),
  });
  const make = new Factories(testDatabase.database.db, vault);
  municipalityId = (await make.municipality()).id;
  const unit = await make.unit(municipalityId);
  const caseworker = await make.professional(municipalityId, unit.id);
  const type = await make.interventionType(municipalityId);
  // Plans with an intervention but no coordinator, no goal and an overdue follow-up: the gaps
  // rule flags them.
  for (let index = 0; index < 3; index++) {
    const citizen = await make.citizen(municipalityId);
    await testDatabase.database.db
      .insertInto('intervention')
      .values({
        municipality_id: municipalityId,
        id: newId(),
        citizen_id: citizen.id,
        type_id: type.id,
        unit_id: unit.id,
        responsible_id: caseworker.id,
        legal_basis: 'LAB-47',
        purpose: 'Afklaring',
        start_date: '2026-09-01',
        end_date: null,
        follow_up_date: '2026-11-01',
        frequency: null,
        status: 'active',
        cost_ore: 0,
        end_reason: null,
      })
      .execute();
  }
}, 60_000);

afterAll(async () => {
  await testDatabase?.dispose();
});

async function runs() {
  return testDatabase.database.db
    .selectFrom('coordination_scan_run')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .execute();
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 250; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('timed out');
}

describe('the nightly coordination scan', () => {
  it('waits for the set Danish time, scans once per night across processes, and records the run', async () => {
    const { db } = testDatabase.database;
    // 01:00 UTC is 02:00 in Copenhagen in November (CET).
    let now = new Date('2026-11-22T01:00:00Z');
    // Each tick of a "process" reads its clock once: counting the reads counts the ticks.
    const ticks = { first: 0, second: 0 };
    const first = startNightlyScan(db, {
      at: { hour: 2, minute: 30 },
      everyMs: 10,
      now: () => {
        ticks.first += 1;
        return now;
      },
      log: quiet,
    });
    const second = startNightlyScan(db, {
      at: { hour: 2, minute: 30 },
      everyMs: 10,
      now: () => {
        ticks.second += 1;
        return now;
      },
      log: quiet,
    });
    /** Until both processes have ticked `count` more times (instead of sleeping and hoping they did). */
    const moreTicks = async (count: number): Promise<void> => {
      const from = { ...ticks };
      await until(async () => ticks.first >= from.first + count && ticks.second >= from.second + count);
    };
    try {
      await moreTicks(5);
      expect(await runs()).toHaveLength(0);

      now = new Date('2026-11-22T01:45:00Z'); // 02:45 Danish time
      await until(async () => (await runs()).some((run) => run.finished_at !== null));
      // Both "processes" ticked many times; the night's scan ran once.
      await moreTicks(5);
      const recorded = await runs();
      expect(recorded, JSON.stringify({ recorded, errors })).toHaveLength(1);
      expect(recorded[0]).toMatchObject({ trigger: 'nightly', day: '2026-11-22', error: null });
      expect(recorded[0]?.created).toBeGreaterThan(0);
      const flags = await db
        .selectFrom('coordination_flag')
        .select('citizen_id')
        .where('municipality_id', '=', municipalityId)
        .execute();
      expect(new Set(flags.map((flag) => flag.citizen_id)).size).toBe(3);
      expect(await latestScanRun(db, municipalityId)).toMatchObject({
        day: '2026-11-22',
        trigger: 'nightly',
      });

      // The next night scans again, and finds nothing new.
      now = new Date('2026-11-23T02:00:00Z');
      await until(async () => (await runs()).filter((run) => run.finished_at !== null).length === 2);
      const nextNight = (await runs()).find((run) => run.day === '2026-11-23');
      expect(nextNight).toMatchObject({ created: 0, reopened: 0, resolved: 0 });
      expect(errors).toEqual([]);
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  it('lets a later attempt retry a night whose scan failed', async () => {
    const { db } = testDatabase.database;
    const claimed = await claimScanRun(db, municipalityId, '2026-12-01', 'nightly');
    expect(claimed).not.toBeNull();
    expect(await claimScanRun(db, municipalityId, '2026-12-01', 'nightly')).toBeNull();
    await finishScanRun(db, municipalityId, claimed as string, { error: 'the database went away' });
    expect(await claimScanRun(db, municipalityId, '2026-12-01', 'nightly')).not.toBeNull();
    // Manual runs never hold the night's claim.
    expect(await claimScanRun(db, municipalityId, '2026-12-01', 'manual')).not.toBeNull();
  });
});
