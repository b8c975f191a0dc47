import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { normaliseCpr } from '../../src/domain/citizen/cpr.js';
import type { PlanOverview } from '../../src/domain/plan/plan.types.js';
import { CprVault } from '../../src/security/cpr-vault.js';
import { generateMunicipality, type SynthResult } from '../../src/synth/generate.js';
import { topShare } from '../../src/synth/costs.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const CITIZENS = 300;

function newVault(): CprVault {
  return new CprVault({
    encryption: new Map([[1, randomBytes(32)]]),
    currentKeyId: 1,
    hmac: randomBytes(32),
  });
}

async function rows<T>(database: Database, query: string): Promise<T[]> {
  return (await sql.raw<T>(query).execute(database.db)).rows;
}

describe('generateMunicipality', () => {
  let testDatabase: TestDatabase;
  let database: Database;
  let vault: CprVault;
  let result: SynthResult;
  const phases = new Set<string>();

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    database = testDatabase.database;
    vault = newVault();
    result = await generateMunicipality(database, vault, { citizens: CITIZENS, seed: 1 }, (progress) => {
      phases.add(progress.phase);
      expect(progress.done).toBeLessThanOrEqual(progress.total);
    });
  }, 120_000);

  afterAll(async () => {
    await testDatabase?.dispose();
  });

  it('writes the counts it reports', async () => {
    const [counts] = await rows<Record<string, number>>(
      database,
      `SELECT (SELECT count(*) FROM citizen)::int AS citizens,
              (SELECT count(*) FROM plan)::int AS plans,
              (SELECT count(*) FROM plan_document)::int AS documents,
              (SELECT count(*) FROM intervention)::int AS interventions,
              (SELECT count(*) FROM cost_entry)::int AS costs,
              (SELECT count(*) FROM intervention_type)::int AS types,
              (SELECT count(*) FROM professional)::int AS professionals,
              (SELECT count(*) FROM professional WHERE role = 'team_leader')::int AS leaders,
              (SELECT count(*) FROM unit)::int AS units`,
    );
    expect(counts).toMatchObject({
      citizens: CITIZENS,
      plans: CITIZENS,
      documents: CITIZENS,
      interventions: result.interventions,
      costs: result.costEntries,
      leaders: counts?.units,
    });
    expect(result.citizens).toBe(CITIZENS);
    expect(result.interventions / CITIZENS).toBeGreaterThan(8);
    expect(result.interventions / CITIZENS).toBeLessThan(12);
    expect(result.costEntries / result.interventions).toBeLessThanOrEqual(1.5);
    expect(counts?.types).toBeGreaterThanOrEqual(35);
    expect(counts?.professionals).toBeGreaterThanOrEqual(30);
    expect([...phases]).toEqual(expect.arrayContaining(['organisation', 'citizens', 'plans']));
  });

  it('keeps ownership: every responsible professional belongs to the intervention’s unit', async () => {
    const [outside] = await rows<{ n: string }>(
      database,
      `SELECT count(*) AS n FROM intervention i JOIN professional p
         ON p.municipality_id = i.municipality_id AND p.id = i.responsible_id
       WHERE p.unit_id <> i.unit_id`,
    );
    expect(Number(outside?.n)).toBe(0);
    const [awaiting] = await rows<{ n: string }>(
      database,
      'SELECT count(*) AS n FROM intervention WHERE awaiting_confirmation',
    );
    expect(Number(awaiting?.n)).toBe(0);
  });

  it('gives every plan at most one coordinator, and most plans exactly one', async () => {
    const coordinators = await rows<{ citizen_id: string; n: number }>(
      database,
      `SELECT citizen_id, count(*)::int AS n FROM team_member WHERE is_coordinator GROUP BY citizen_id`,
    );
    expect(coordinators.every((row) => row.n === 1)).toBe(true);
    expect(coordinators.length / CITIZENS).toBeGreaterThan(0.85);
    const [wrongKind] = await rows<{ n: number }>(
      database,
      `SELECT count(*)::int AS n FROM team_member WHERE is_coordinator AND kind <> 'professional'`,
    );
    expect(wrongKind?.n).toBe(0);
  });

  it('puts 5–10 % of citizens in contact with two or more sectors', async () => {
    const [share] = await rows<{ share: number }>(
      database,
      `SELECT (count(*) FILTER (WHERE sectors >= 2))::float8 / count(*) AS share FROM (
         SELECT c.id, count(DISTINCT t.sector) FILTER (WHERE i.status = 'active') AS sectors
         FROM citizen c
         LEFT JOIN intervention i ON i.citizen_id = c.id
         LEFT JOIN intervention_type t ON t.id = i.type_id
         GROUP BY c.id) per_citizen`,
    );
    expect(share?.share).toBeGreaterThanOrEqual(0.05);
    expect(share?.share).toBeLessThanOrEqual(0.1);
  });

  it('records the holistic plan’s consent for most multi-sector citizens, to the units that work with them', async () => {
    const [stats] = await rows<{ multi: number; consented: number; stray: number; withdrawn: number }>(
      database,
      `WITH multi AS (
         SELECT i.citizen_id FROM intervention i JOIN intervention_type t ON t.id = i.type_id
          WHERE i.status <> 'ended' GROUP BY i.citizen_id HAVING count(DISTINCT t.sector) >= 2)
       SELECT (SELECT count(*) FROM multi)::int AS multi,
              (SELECT count(DISTINCT c.citizen_id) FROM consent c JOIN multi USING (citizen_id))::int AS consented,
              -- A consent's grantee is always a unit that works with that citizen now.
              (SELECT count(*) FROM consent c WHERE NOT EXISTS (
                 SELECT 1 FROM intervention i WHERE i.citizen_id = c.citizen_id
                    AND i.unit_id = c.grantee_unit_id AND i.status <> 'ended')
                 AND NOT EXISTS (
                 SELECT 1 FROM team_member m JOIN professional p ON p.id = m.professional_id
                  WHERE m.citizen_id = c.citizen_id AND m.is_coordinator AND p.unit_id = c.grantee_unit_id)
              )::int AS stray,
              (SELECT count(*) FROM consent WHERE withdrawn_at IS NOT NULL)::int AS withdrawn`,
    );
    expect(stats?.multi).toBeGreaterThan(10);
    const share = (stats?.consented ?? 0) / (stats?.multi ?? 1);
    expect(share).toBeGreaterThanOrEqual(0.5);
    expect(share).toBeLessThanOrEqual(0.9);
    expect(stats?.stray).toBe(0);
    expect(stats?.withdrawn).toBeLessThan(stats?.consented ?? 0);
  });

  it('calibrates this year’s costs to the known concentration and keeps interventions consistent', async () => {
    const perCitizen = await rows<{ total: number }>(
      database,
      `SELECT sum(amount_ore)::float8 AS total FROM cost_entry WHERE period_start >= '2026-01-01' GROUP BY citizen_id`,
    );
    expect(perCitizen).toHaveLength(CITIZENS);
    const totals = perCitizen.map((row) => row.total);
    expect(Math.abs(topShare(totals, 0.01) - 0.22)).toBeLessThan(0.01);
    expect(Math.abs(topShare(totals, 0.1) - 0.72)).toBeLessThan(0.01);
    const [mismatch] = await rows<{ n: number }>(
      database,
      `SELECT count(*)::int AS n FROM intervention i
       LEFT JOIN (SELECT intervention_id, sum(amount_ore) AS total FROM cost_entry GROUP BY 1) e ON e.intervention_id = i.id
       WHERE i.cost_ore <> coalesce(e.total, 0)`,
    );
    expect(mismatch?.n).toBe(0);
  });

  it('stores substitute CPR numbers encrypted, with their HMAC and birth part', async () => {
    const citizens = await database.db
      .selectFrom('citizen')
      .select(['cpr_encrypted', 'cpr_hmac', 'cpr_birth_part'])
      .limit(50)
      .execute();
    for (const citizen of citizens) {
      const cpr = vault.decrypt(citizen.cpr_encrypted);
      expect(normaliseCpr(cpr)).toBe(cpr);
      expect(Number(cpr.slice(0, 2))).toBeGreaterThanOrEqual(61);
      expect(Number(cpr.slice(0, 2))).toBeLessThanOrEqual(91);
      expect(cpr.slice(0, 6)).toBe(citizen.cpr_birth_part);
      expect(Buffer.from(citizen.cpr_hmac).equals(vault.hmac(cpr))).toBe(true);
    }
  });

  it('creates the demo personas, with the demo citizen’s plan spanning their sectors', async () => {
    const personas = await database.db
      .selectFrom('demo_persona')
      .selectAll()
      .where('municipality_id', '=', result.municipalityId)
      .orderBy('sort_order')
      .execute();
    expect(personas.map((persona) => persona.id)).toEqual([
      'jobcenter-caseworker',
      'social-worker',
      'home-care-nurse',
      'team-leader',
      'administrator',
      'citizen',
      'relative',
    ]);

    const byId = new Map(personas.map((persona) => [persona.id, persona]));
    const professional = (id: string) =>
      database.db
        .selectFrom('professional as p')
        .innerJoin('unit as u', 'u.id', 'p.unit_id')
        .select(['p.id', 'p.profession', 'p.role', 'u.name as unit'])
        .where('p.id', '=', byId.get(id)?.subject_id ?? '')
        .executeTakeFirstOrThrow();
    expect(await professional('jobcenter-caseworker')).toMatchObject({
      profession: 'socialrådgiver',
      role: 'caseworker',
      unit: 'Jobcenter – Team Ressource',
    });
    expect(await professional('social-worker')).toMatchObject({
      profession: 'socialrådgiver',
      unit: 'Socialpsykiatri',
    });
    expect(await professional('home-care-nurse')).toMatchObject({
      profession: 'sygeplejerske',
      unit: 'Hjemmesygeplejen',
    });
    expect(await professional('team-leader')).toMatchObject({
      role: 'team_leader',
      unit: 'Jobcenter – Team Ressource',
    });
    // Municipality-wide settings need an administrator (issue 9, finding 10).
    expect(await professional('administrator')).toMatchObject({ role: 'administrator' });

    const citizen = byId.get('citizen');
    expect(citizen?.subject_kind).toBe('citizen');
    const stored = await database.db
      .selectFrom('plan_document')
      .select(['document', 'related_professional_ids'])
      .where('citizen_id', '=', citizen?.subject_id ?? '')
      .executeTakeFirstOrThrow();
    const plan = stored.document as PlanOverview;
    expect(plan.goal?.ownWords).toBeTruthy();
    expect(plan.subGoals).toHaveLength(3);
    const activeSectors = plan.sectors.filter((group) =>
      group.interventions.some((item) => item.status === 'active'),
    );
    expect(activeSectors.length).toBeGreaterThanOrEqual(3);
    expect(plan.gaps.interventionsWithoutSubGoal).toHaveLength(1);
    expect(plan.gaps.missingCoordinator).toBe(false);
    expect(plan.team.some((member) => member.kind === 'network')).toBe(true);
    expect(plan.team.some((member) => member.kind === 'civil_society')).toBe(true);
    for (const id of ['jobcenter-caseworker', 'social-worker', 'home-care-nurse']) {
      expect(stored.related_professional_ids).toContain(byId.get(id)?.subject_id);
    }
    const coordinator = plan.team.find((member) => member.isCoordinator);
    expect(coordinator?.professionalId).toBe(byId.get('jobcenter-caseworker')?.subject_id);
  });

  it('gives the caseworker persona a realistic caseload', async () => {
    const caseworker = await database.db
      .selectFrom('demo_persona')
      .select('subject_id')
      .where('id', '=', 'jobcenter-caseworker')
      .executeTakeFirstOrThrow();
    const [load] = await rows<{ coordinating: number }>(
      database,
      `SELECT count(*)::int AS coordinating FROM team_member
       WHERE is_coordinator AND professional_id = '${caseworker.subject_id}'`,
    );
    expect(load?.coordinating).toBeGreaterThanOrEqual(10);
    expect(load?.coordinating).toBeLessThanOrEqual(45);
  });

  it('refuses to generate the same municipality twice into one database', async () => {
    await expect(generateMunicipality(database, vault, { citizens: 10, seed: 1 })).rejects.toThrow(
      /already exists/,
    );
  });

  it('generates identical data from the same seed into another database', async () => {
    const otherDatabase = await createTestDatabase();
    const other = otherDatabase.database;
    try {
      const again = await generateMunicipality(other, newVault(), { citizens: CITIZENS, seed: 1 });
      expect(again).toEqual(result);
      const snapshot = async (target: Database) => ({
        citizens: await rows(
          target,
          'SELECT id, given_name, family_name, cpr_birth_part, created_at FROM citizen ORDER BY id',
        ),
        interventions: await rows(target, 'SELECT * FROM intervention ORDER BY id'),
        subGoals: await rows(target, 'SELECT * FROM sub_goal ORDER BY id'),
        team: await rows(target, 'SELECT * FROM team_member ORDER BY id'),
        costs: await rows(target, 'SELECT * FROM cost_entry ORDER BY id'),
        professionals: await rows(target, 'SELECT * FROM professional ORDER BY id'),
        documents: await rows(target, 'SELECT citizen_id, document FROM plan_document ORDER BY citizen_id'),
        // The demo citizen's measures and the meetings her feedback is about.
        measures: await rows(
          target,
          'SELECT id, citizen_id, instrument_code, respondent_kind, recorded_by, answered_at, context_kind, context_id, answers, raw, score, band FROM measure_response ORDER BY id',
        ),
        meetings: await rows(
          target,
          'SELECT id, citizen_id, kind, purpose, starts_at, status, summary FROM meeting ORDER BY id',
        ),
      });
      const [first, second] = [await snapshot(database), await snapshot(other)];
      expect(second.citizens).toEqual(first.citizens);
      expect(second.interventions).toEqual(first.interventions);
      expect(second.subGoals).toEqual(first.subGoals);
      expect(second.team).toEqual(first.team);
      expect(second.costs).toEqual(first.costs);
      expect(second.professionals).toEqual(first.professionals);
      expect(second.documents).toEqual(first.documents);
      expect(second.measures).toEqual(first.measures);
      expect(second.measures.length).toBeGreaterThanOrEqual(7);
      expect(second.meetings).toEqual(first.meetings);
    } finally {
      await otherDatabase.dispose();
    }
  }, 120_000);
});
