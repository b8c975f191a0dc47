import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/db/queries/audit-chain.queries.js';
import {
  CITIZEN_DELETIONS,
  caseFacts,
  tablesWithCitizenColumn,
} from '../../src/db/queries/retention.queries.js';
import { runRetention } from '../../src/server/retention/retention.commands.js';
import { generateMunicipality } from '../../src/synth/generate.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Retention of citizen data after a case ends (issue 16): the municipality's setting, the
// deletion job with its own audit record, and the citizen's right of access covering it.
let t: TestApp;
let municipalityId: string;
let administrator: string;
let caseworker: string;
/** The demo citizen: the one with the most kinds of data (own part, meetings, a decision …). */
let citizenId: string;
let citizen: string;

const db = () => t.context.database.db;

/** Rows about one citizen in every table with a citizen_id column but the audit trail. */
async function rowsAbout(id: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tablesWithCitizenColumn(db())) {
    if (table === 'audit_event') continue;
    const result = await sql<{ n: string }>`
      SELECT count(*) AS n FROM ${sql.table(table)} WHERE citizen_id = ${id}`.execute(db());
    const n = Number(result.rows[0]?.n ?? 0);
    if (n > 0) counts[table] = n;
  }
  const own = await db().selectFrom('citizen').select('id').where('id', '=', id).execute();
  if (own.length > 0) counts.citizen = own.length;
  return counts;
}

/** Closes everything in a citizen's case and dates it back to 2020 (as years of real use would). */
async function closeCase(id: string): Promise<void> {
  const m = municipalityId;
  await sql`UPDATE pathway SET start_date = '2019-06-01', end_date = '2020-03-01' WHERE municipality_id = ${m} AND citizen_id = ${id}`.execute(
    db(),
  );
  await sql`UPDATE intervention SET status = 'ended', start_date = '2019-06-01', end_date = '2020-02-01', end_reason = 'Afsluttet'
    WHERE municipality_id = ${m} AND citizen_id = ${id}`.execute(db());
  await sql`UPDATE referral SET status = 'completed' WHERE municipality_id = ${m} AND citizen_id = ${id}`.execute(
    db(),
  );
  await sql`UPDATE meeting SET status = 'held', starts_at = '2020-01-15T09:00:00Z'
    WHERE municipality_id = ${m} AND citizen_id = ${id}`.execute(db());
  await sql`UPDATE decision SET status = 'final', created_at = '2020-01-10T09:00:00Z'
    WHERE municipality_id = ${m} AND citizen_id = ${id}`.execute(db());
  await sql`UPDATE proposal SET status = 'declined', decline_reason = 'Ikke relevant'
    WHERE municipality_id = ${m} AND citizen_id = ${id} AND status = 'pending'`.execute(db());
  await sql`UPDATE plan SET updated_at = '2020-03-01T10:00:00Z' WHERE municipality_id = ${m} AND citizen_id = ${id}`.execute(
    db(),
  );
  await sql`UPDATE citizen SET created_at = '2019-01-01T10:00:00Z' WHERE municipality_id = ${m} AND id = ${id}`.execute(
    db(),
  );
}

beforeAll(async () => {
  t = await startTestApp();
  ({ municipalityId } = await generateMunicipality(t.context.database, t.context.vault, {
    citizens: 40,
    seed: 7,
  }));
  const personas = await db().selectFrom('demo_persona').select(['id', 'subject_id']).execute();
  const persona = (id: string) => personas.find((row) => row.id === id)?.subject_id as string;
  const unit = await db().selectFrom('unit').select('id').executeTakeFirstOrThrow();
  const admin = await t.factories.professional(municipalityId, unit.id, { role: 'administrator' });
  administrator = await t.login({ municipalityId, kind: 'professional', id: admin.id });
  caseworker = await t.login({ municipalityId, kind: 'professional', id: persona('jobcenter-caseworker') });
  citizenId = persona('citizen');
  citizen = await t.login({ municipalityId, kind: 'citizen', id: citizenId });
}, 240_000);

afterAll(() => t?.dispose());

describe('the retention setting', () => {
  it("is the municipality's, set by an administrator only, and can be turned off", async () => {
    const read = await t.request(caseworker, { method: 'GET', url: '/api/retention/settings' });
    // The synthetic municipality keeps closed cases five years, as its privacy notice says.
    expect(read.json()).toEqual({ months: 60 });
    const off = await t.request(administrator, {
      method: 'PUT',
      url: '/api/retention/settings',
      payload: { months: null },
    });
    expect(off.json()).toEqual({ months: null });
    expect((await runRetention(db(), { today: '2099-01-01', dryRun: true })).municipalities).toBe(0);
    const refused = await t.request(caseworker, {
      method: 'PUT',
      url: '/api/retention/settings',
      payload: { months: 60 },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const set = await t.request(administrator, {
      method: 'PUT',
      url: '/api/retention/settings',
      payload: { months: 60 },
    });
    expect(set.statusCode).toBe(200);
    expect((await t.request(caseworker, { method: 'GET', url: '/api/retention/settings' })).json()).toEqual({
      months: 60,
    });
    const audit = await db()
      .selectFrom('audit_event')
      .select(['action', 'outcome'])
      .where('resource', '=', 'retention')
      .where('action', '=', 'update')
      .execute();
    expect(audit).toEqual([
      { action: 'update', outcome: 'allowed' },
      { action: 'update', outcome: 'allowed' },
    ]);
  });

  it('refuses a period out of bounds with a problem naming the field', async () => {
    for (const months of [6, 1201, 12.5, '60']) {
      const response = await t.request(administrator, {
        method: 'PUT',
        url: '/api/retention/settings',
        payload: { months },
      });
      expect(response.statusCode, String(months)).toBe(400);
      expect(JSON.stringify(response.json())).toContain('months');
    }
  });
});

describe('the deletion job', () => {
  it('knows every table that holds a citizen_id (a new table cannot be forgotten)', async () => {
    const listed = new Set(CITIZEN_DELETIONS.map((deletion) => deletion.table));
    const missing = (await tablesWithCitizenColumn(db())).filter(
      (table) => table !== 'audit_event' && !listed.has(table),
    );
    expect(missing).toEqual([]);
  });

  it('keeps an open case and tells the citizen so', async () => {
    const response = await t.request(citizen, { method: 'GET', url: `/api/citizens/${citizenId}/retention` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ months: 60, status: 'open', caseEndedOn: null, deletionDueOn: null });
    const result = await runRetention(db(), { today: '2099-01-01', dryRun: true });
    const [facts] = await caseFacts(db(), municipalityId, citizenId);
    expect(facts?.openItems).toBeGreaterThan(0);
    expect(result.checked).toBe((await caseFacts(db(), municipalityId)).length);
  });

  it('tells the citizen the day her closed case is deleted, in her access copy too', async () => {
    await closeCase(citizenId);
    const response = await t.request(citizen, { method: 'GET', url: `/api/citizens/${citizenId}/retention` });
    expect(response.json()).toEqual({
      months: 60,
      status: 'due',
      caseEndedOn: '2020-03-01',
      deletionDueOn: '2025-03-01',
    });
    const copy = await t.request(citizen, {
      method: 'POST',
      url: `/api/citizens/${citizenId}/export`,
      payload: {},
    });
    expect(copy.statusCode).toBe(200);
    expect(copy.json().retention).toEqual(response.json());
  });

  it('does not delete before the day, and a dry run deletes nothing', async () => {
    const before = await runRetention(db(), { today: '2025-02-28' });
    expect(before.deleted).toBe(0);
    const dry = await runRetention(db(), { today: '2025-03-01', dryRun: true });
    expect(dry.due).toBeGreaterThanOrEqual(1);
    expect(dry.deleted).toBe(0);
    expect((await rowsAbout(citizenId)).citizen).toBe(1);
  });

  it('deletes everything about her but the audit trail, with its own audit record, once', async () => {
    const before = await rowsAbout(citizenId);
    // The demo citizen has data in many tables: the test deletes more than a bare citizen row.
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(10);
    const others = (await caseFacts(db(), municipalityId)).filter((facts) => facts.citizenId !== citizenId);
    const result = await runRetention(db(), { today: '2025-03-01' });
    expect(result.deleted).toBe(result.due);
    expect(await rowsAbout(citizenId)).toEqual({});
    // Every citizen still open, or closed too recently, is still there.
    const stillThere = await caseFacts(db(), municipalityId);
    expect(stillThere.length).toBe(others.length + 1 - result.deleted);
    expect(
      others
        .filter((facts) => facts.openItems > 0)
        .every((facts) => stillThere.some((row) => row.citizenId === facts.citizenId)),
    ).toBe(true);

    const records = await db()
      .selectFrom('audit_event')
      .select(['actor_kind', 'actor_role', 'action', 'resource', 'details'])
      .where('citizen_id', '=', citizenId)
      .where('action', '=', 'delete')
      .execute();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      actor_kind: 'system',
      actor_role: 'retention',
      resource: 'citizen_data',
      details: { months: 60, caseEndedOn: '2020-03-01', deletionDueOn: '2025-03-01' },
    });
    // What was deleted, counted; never what it said.
    expect(Object.keys(records[0]?.details as object).sort()).toEqual([
      'caseEndedOn',
      'deletionDueOn',
      'months',
      'rows',
    ]);
    expect((await verifyAuditChain(db())).problems).toEqual([]);

    // The supervisors' audit search shows the job's record: the system acted, no person.
    for (const url of [
      `/api/audit/events?citizenId=${citizenId}`,
      `/api/audit/visits?citizenId=${citizenId}`,
    ]) {
      const search = await t.request(administrator, { method: 'GET', url });
      expect(search.statusCode, url).toBe(200);
      expect(JSON.stringify(search.json()), url).toContain('"system"');
    }

    const again = await runRetention(db(), { today: '2025-03-01' });
    expect(again.deleted).toBe(0);
  });

  it('leaves no cached copy: her plan and her session are gone at once', async () => {
    const plan = await t.request(caseworker, { method: 'GET', url: `/api/citizens/${citizenId}/plan` });
    expect(plan.statusCode).toBe(404);
    const own = await t.request(citizen, { method: 'GET', url: '/api/auth/me' });
    expect(own.statusCode).toBe(401);
  });

  it('shows the administrator counts, never names', async () => {
    const refused = await t.request(caseworker, { method: 'GET', url: '/api/retention/overview' });
    expect(refused.statusCode).toBe(403);
    const overview = await t.request(administrator, { method: 'GET', url: '/api/retention/overview' });
    const body = overview.json();
    expect(Object.keys(body).sort()).toEqual(['due', 'kept', 'months', 'open', 'scheduled']);
    expect(body.open + body.kept + body.scheduled + body.due).toBe(
      (await caseFacts(db(), municipalityId)).length,
    );
  });
});
