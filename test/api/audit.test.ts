import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_LANES, auditChainHead } from '../../src/db/queries/audit-append.queries.js';
import { checkAuditAnchors, parseAnchorLines } from '../../src/db/queries/audit-anchors.queries.js';
import { purgeAuditTrail, verifyAuditChain } from '../../src/db/queries/audit-chain.queries.js';
import { startAuditAnchoring } from '../../src/server/audit/audit-anchoring.js';
import { type AuditEntry, auditInTransaction } from '../../src/server/audit/audit-writer.js';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { TEST_ENGINE } from '../support/test-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { nextMillisecond, until } from '../support/waiting.js';

/** The audit trail: chained, append-only, verifiable, purgeable, readable by the citizen and supervisors. */
let t: TestApp;
let w: AccessWorld;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
});
afterAll(() => t?.dispose());

const readPlan = (cookie: string): Promise<unknown> =>
  t.request(cookie, { method: 'GET', url: `/api/citizens/${w.citizen.id}/plan` });

describe('the hash chain', () => {
  it('chains group-committed reads and in-transaction writes, even when they interleave', async () => {
    const reads = Array.from({ length: 60 }, (_, index) =>
      readPlan(index % 2 ? w.coordinator.cookie : w.psychiatryWorker.cookie),
    );
    const writes = [
      w.write('/sub-goals', 'POST', { title: 'Parallel 1' }),
      t.request(w.citizen.cookie, {
        method: 'POST',
        url: `/api/citizens/${w.citizen.id}/consents`,
        payload: { granteeSector: 'employment', categories: ['goals'], purpose: 'coordination' },
      }),
    ];
    await Promise.all([...reads, ...writes]);
    const result = await verifyAuditChain(t.context.database.db);
    expect(result.problems).toEqual([]);
    expect(result.records).toBeGreaterThan(60);
    const seqs = await t.context.database.db
      .selectFrom('audit_event')
      .select(sql<number>`count(DISTINCT (lane, seq))::int`.as('distinct'))
      .select(sql<number>`count(*)::int`.as('all'))
      .where('municipality_id', '=', w.municipalityId)
      .executeTakeFirstOrThrow();
    expect(seqs.distinct).toBe(seqs.all);
  });

  // PGlite is one session: two transactions cannot be open at once there.
  it.skipIf(TEST_ENGINE !== 'postgresql')(
    'lets two writes chain their records side by side, each on a lane of its own',
    async () => {
      const db = t.context.database.db;
      const entry = (resource: string): AuditEntry => ({
        actor: {
          kind: 'professional',
          id: w.coordinator.id,
          municipalityId: w.municipalityId,
          role: 'caseworker',
          unitId: w.units.jobcenter,
        } as AuditEntry['actor'],
        citizenId: w.citizen.id,
        action: 'read',
        resource,
        outcome: 'allowed',
        clientIp: null,
      });
      let releaseFirst!: () => void;
      const firstHolds = new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      let firstWrote!: () => void;
      const firstHasLane = new Promise<void>((resolve) => {
        firstWrote = resolve;
      });
      // The first write keeps its transaction (and its lane's row lock) open; the second must not
      // wait for it: it takes another lane and commits first.
      const first = db.transaction().execute(async (trx) => {
        await auditInTransaction(trx, entry('lane-test-first'));
        firstWrote();
        await firstHolds;
      });
      await firstHasLane;
      await db.transaction().execute(async (trx) => auditInTransaction(trx, entry('lane-test-second')));
      releaseFirst();
      await first;
      const rows = await db
        .selectFrom('audit_event')
        .select(['resource', 'lane'])
        .where('resource', 'in', ['lane-test-first', 'lane-test-second'])
        .execute();
      expect(rows).toHaveLength(2);
      expect(new Set(rows.map((row) => row.lane)).size).toBe(2);
      expect((await verifyAuditChain(db)).problems).toEqual([]);
    },
  );

  it('gives a chain from before lanes existed (lane 0 only) its other lanes', async () => {
    const db = t.context.database.db;
    // A municipality migrated from one chain: its head is lane 0, at some record.
    const municipalityId = w.other.municipalityId;
    await sql`DELETE FROM audit_chain_head WHERE municipality_id = ${municipalityId}`.execute(db);
    await sql`INSERT INTO audit_chain_head (municipality_id, lane, seq, hash)
              VALUES (${municipalityId}, 0, 41, decode(${'ab'.repeat(32)}, 'hex'))`.execute(db);
    expect(await auditChainHead(db, municipalityId, 5)).toEqual({ lane: 5, seq: 0, hash: '0'.repeat(64) });
    expect(await auditChainHead(db, municipalityId, 0)).toEqual({ lane: 0, seq: 41, hash: 'ab'.repeat(32) });
    const lanes = await db
      .selectFrom('audit_chain_head')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    expect(lanes.n).toBe(AUDIT_LANES);
    await sql`DELETE FROM audit_chain_head WHERE municipality_id = ${municipalityId}`.execute(db);
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    const db = t.context.database.db;
    await expect(
      db.updateTable('audit_event').set({ outcome: 'allowed' }).where('action', '=', 'read').execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_event').where('action', '=', 'read').execute()).rejects.toThrow(
      /append-only/,
    );
  });
});

describe('what the citizen sees', () => {
  it('lists who looked at their data, by unit and role, without names unless the municipality decides', async () => {
    await readPlan(w.coordinator.cookie);
    const log = await t.request(w.citizen.cookie, {
      method: 'GET',
      url: `/api/citizens/${w.citizen.id}/access-log`,
    });
    expect(log.statusCode).toBe(200);
    const entry = log
      .json()
      .items.find((item: { what: string; action: string }) => item.what === 'plan' && item.action === 'read');
    expect(entry).toMatchObject({
      who: { role: 'caseworker', unit: 'Jobcenter Adgang', name: null },
      why: 'coordination',
      breakGlass: false,
    });
    // Their own actions are not someone looking at them.
    expect(log.json().items.every((item: { who: { role: string } }) => item.who.role !== 'citizen')).toBe(
      true,
    );

    const policy = await t.request(w.administrator.cookie, {
      method: 'PUT',
      url: '/api/audit/settings',
      payload: { showNamesToCitizens: true },
    });
    expect(policy.statusCode).toBe(200);
    const named = (
      await t.request(w.citizen.cookie, { method: 'GET', url: `/api/citizens/${w.citizen.id}/access-log` })
    ).json();
    expect(named.showsNames).toBe(true);
    expect(named.items.map((item: { who: { name: string | null } }) => item.who.name)).toContain(
      'Karin Koordinator',
    );
    expect(
      (
        await t.request(w.coordinator.cookie, {
          method: 'PUT',
          url: '/api/audit/settings',
          payload: { showNamesToCitizens: false },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('is the citizen’s own: not another citizen’s, not a professional’s', async () => {
    const url = `/api/citizens/${w.citizen.id}/access-log`;
    expect((await t.request(w.otherCitizen.cookie, { method: 'GET', url })).statusCode).toBe(403);
    expect((await t.request(w.coordinator.cookie, { method: 'GET', url })).statusCode).toBe(403);
  });
});

describe('what supervisors see', () => {
  it('lets an administrator search the municipality’s trail, and records the search', async () => {
    const response = await t.request(w.administrator.cookie, {
      method: 'GET',
      url: `/api/audit/events?citizenId=${w.citizen.id}&action=read&limit=500`,
    });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { actor: { id: string }; citizenId: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.citizenId === w.citizen.id)).toBe(true);
    expect([...new Set(items.map((item) => item.actor.id))]).toEqual(
      expect.arrayContaining([w.coordinator.id, w.psychiatryWorker.id]),
    );
    const search = await t.context.database.db
      .selectFrom('audit_event')
      .select(['details'])
      .where('actor_id', '=', w.administrator.id)
      .where('action', '=', 'search')
      .executeTakeFirstOrThrow();
    expect(search.details).toMatchObject({ criteria: { citizenId: w.citizen.id, action: 'read' } });
  });

  it('limits a team leader to their own unit’s staff, and refuses caseworkers (audited)', async () => {
    const items = (
      await t.request(w.jobcenterLeader.cookie, { method: 'GET', url: '/api/audit/events?limit=500' })
    ).json().items as {
      actor: { unitId: string | null };
    }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.actor.unitId === w.units.jobcenter)).toBe(true);
    expect(
      (await t.request(w.coordinator.cookie, { method: 'GET', url: '/api/audit/events' })).statusCode,
    ).toBe(403);
    const denied = await t.context.database.db
      .selectFrom('audit_event')
      .select(['resource'])
      .where('actor_id', '=', w.coordinator.id)
      .where('outcome', '=', 'denied')
      .where('resource', '=', 'audit')
      .execute();
    expect(denied).toHaveLength(1);
  });
});

describe('retention', () => {
  it('purges old records with a checkpoint, and the rest of the chain still verifies', async () => {
    const db = t.context.database.db;
    const before = await db
      .selectFrom('audit_event')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    // Every record so far is stamped before "middle", the reads below at or after it.
    const middle = await nextMillisecond();
    await readPlan(w.coordinator.cookie);
    await readPlan(w.psychiatryWorker.cookie);
    // Five years from "middle", everything before it is out of retention.
    const fiveYearsOn = new Date(middle);
    fiveYearsOn.setUTCFullYear(fiveYearsOn.getUTCFullYear() + 5);
    const result = await purgeAuditTrail(db, 5, fiveYearsOn);
    expect(result.purged).toBe(before.n);
    expect(result.checkpoints).toBeGreaterThan(0);
    const left = await db
      .selectFrom('audit_event')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(left.n).toBeGreaterThanOrEqual(2);
    await readPlan(w.coordinator.cookie);
    expect((await verifyAuditChain(db)).problems).toEqual([]);
    // A second purge at the same point changes nothing.
    expect((await purgeAuditTrail(db, 5, fiveYearsOn)).purged).toBe(0);
  });
});

describe('tampering', () => {
  /** Only a superuser can switch the trigger off: that is the attacker we must still detect. */
  async function asAttacker(statement: ReturnType<typeof sql>): Promise<void> {
    const db = t.context.database.db;
    await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`.execute(db);
    try {
      await statement.execute(db);
    } finally {
      await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`.execute(db);
    }
  }

  it('detects a changed record', async () => {
    const victim = await t.context.database.db
      .selectFrom('audit_event')
      .select(['id', 'seq'])
      .where('actor_id', '=', w.coordinator.id)
      .where('seq', 'is not', null)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    await asAttacker(sql`UPDATE audit_event SET actor_role = 'citizen' WHERE id = ${victim.id}`);
    const result = await verifyAuditChain(t.context.database.db);
    expect(result.problems).toEqual([
      expect.objectContaining({ id: victim.id, problem: 'was changed after it was written' }),
    ]);
    await asAttacker(sql`UPDATE audit_event SET actor_role = 'caseworker' WHERE id = ${victim.id}`);
    expect((await verifyAuditChain(t.context.database.db)).problems).toEqual([]);
  });

  it('detects, with an anchor kept outside the database, a removed tail whose head was moved back too', async () => {
    const db = t.context.database.db;
    await readPlan(w.coordinator.cookie);
    const directory = await mkdtemp(join(tmpdir(), 'samspil-anchors-'));
    const file = join(directory, 'anchors.jsonl');
    // The server's anchoring, at a test's pace: one anchor per moved head, to the file and the log.
    const logged: object[] = [];
    const anchoring = startAuditAnchoring(db, {
      everyMinutes: 0.001,
      file,
      log: { info: (object) => logged.push(object), error: (message) => logged.push({ message }) },
    });
    // Until the job has written this municipality's head (the file may not exist before that).
    await until(async () => {
      const text = await readFile(file, 'utf8').catch(() => '');
      return text.includes(`"municipalityId":"${w.municipalityId}"`);
    }, 'an anchor of this municipality in the file');
    await anchoring.stop();
    const anchors = parseAnchorLines(await readFile(file, 'utf8'));
    const mine = anchors.filter((anchor) => anchor.municipalityId === w.municipalityId);
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(logged).toContainEqual({
      auditAnchor: expect.objectContaining({ municipalityId: w.municipalityId }),
    });
    expect(await checkAuditAnchors(db, anchors)).toEqual([]);
    // The longest lane's newest anchor (a lane the reads here hardly used may hold one record).
    const newest = mine.reduce((best, anchor) => (anchor.seq > best.seq ? anchor : best));
    const anchored = newest.seq;
    const lane = newest.lane;

    // A superuser removes the last two records and moves the head back: the chain alone is fooled.
    const kept = await db
      .selectFrom('audit_event')
      .select(['seq', sql<string>`encode(hash, 'hex')`.as('hash')])
      .where('municipality_id', '=', w.municipalityId)
      .where('lane', '=', lane)
      .where('seq', '=', String(anchored - 2) as never)
      .executeTakeFirstOrThrow();
    await asAttacker(
      sql`DELETE FROM audit_event WHERE municipality_id = ${w.municipalityId} AND lane = ${lane}
            AND seq > ${anchored - 2}`,
    );
    await sql`UPDATE audit_chain_head SET seq = ${anchored - 2}, hash = decode(${kept.hash}, 'hex')
               WHERE municipality_id = ${w.municipalityId} AND lane = ${lane}`.execute(db);
    expect(
      (await verifyAuditChain(db)).problems.filter((problem) => problem.municipalityId === w.municipalityId),
    ).toEqual([]);
    const problems = await checkAuditAnchors(db, mine);
    expect(problems).toContainEqual(
      expect.objectContaining({
        municipalityId: w.municipalityId,
        problem: expect.stringMatching(/records were removed/),
      }),
    );
    await rm(directory, { recursive: true });
  });

  it('detects a removed record, and a removed tail', async () => {
    const db = t.context.database.db;
    await readPlan(w.coordinator.cookie);
    await readPlan(w.coordinator.cookie);
    const rows = await db
      .selectFrom('audit_event')
      .select(['id', 'seq'])
      .where('municipality_id', '=', w.municipalityId)
      .orderBy('seq')
      .execute();
    const middle = rows[Math.floor(rows.length / 2)];
    await asAttacker(sql`DELETE FROM audit_event WHERE id = ${middle?.id}`);
    const gap = await verifyAuditChain(db);
    expect(gap.problems.some((problem) => /missing/.test(problem.problem))).toBe(true);
    const last = rows[rows.length - 1];
    await asAttacker(sql`DELETE FROM audit_event WHERE id = ${last?.id}`);
    const tail = await verifyAuditChain(db);
    expect(tail.problems.some((problem) => /records were removed/.test(problem.problem))).toBe(true);
  });
});
