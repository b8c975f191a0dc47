import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, danishToday } from '../../src/domain/calendar.js';
import { isFollowUpOverdue, isSubGoalOverdue } from '../../src/domain/plan/overdue.js';
import { generateMunicipality } from '../../src/synth/generate.js';
import { recordedScan } from '../../src/server/coordination/scan-runs.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * "Næste skridt" and My day come from one query and one domain function: for the demo's persona
 * professionals and every citizen on their day, the plan's next steps and My day's counts agree,
 * and both agree with what the plan's cards mark as overdue. The data's "today" lies a month
 * back, as in a demo left running, so follow-ups and sub-goals are overdue.
 */
let t: TestApp;
let municipalityId: string;
const today = danishToday();
const PERSONAS = ['jobcenter-caseworker', 'social-worker', 'home-care-nurse'];
let personas: { id: string; subject_id: string | null }[];

interface DayItem {
  id: string;
  attention: { followUpsOverdue: number; subGoalsPastDate: number; nextFollowUp: string | null };
  nextSteps: Record<string, number>;
}

beforeAll(async () => {
  t = await startTestApp();
  const result = await generateMunicipality(t.context.database, t.context.vault, {
    citizens: 120,
    seed: 7,
    today: addDays(today, -30),
  });
  municipalityId = result.municipalityId;
  await recordedScan(t.context.database.db, municipalityId, 'demo', {});
  personas = await t.context.database.db.selectFrom('demo_persona').select(['id', 'subject_id']).execute();
}, 240_000);

afterAll(async () => {
  await t?.dispose();
});

async function loginAs(persona: string): Promise<string> {
  const subject = personas.find((row) => row.id === persona)?.subject_id;
  if (!subject) throw new Error(`no persona ${persona}`);
  return t.login({ municipalityId, kind: 'professional', id: subject });
}

describe('Næste skridt and My day', () => {
  it('agree for every citizen of the demo personas, and with the overdue marks of the plan', async () => {
    let compared = 0;
    let withOverdue = 0;
    for (const persona of PERSONAS) {
      const cookie = await loginAs(persona);
      const day = await t.request(cookie, { method: 'GET', url: '/api/my-day' });
      expect(day.statusCode).toBe(200);
      const items = day.json().items as DayItem[];
      expect(items.length).toBeGreaterThan(3);
      for (const item of items) {
        const steps = await t.request(cookie, { method: 'GET', url: `/api/citizens/${item.id}/next-steps` });
        expect(steps.statusCode).toBe(200);
        const body = steps.json();
        expect(body.counts, `${persona} ${item.id}`).toEqual(item.nextSteps);
        expect(body.counts.overdueFollowUps).toBe(item.attention.followUpsOverdue);
        expect(body.counts.overdueSubGoals).toBe(item.attention.subGoalsPastDate);
        // What the plan's cards mark (the same overdue.ts) is what both count.
        const plan = (
          await t.request(cookie, { method: 'GET', url: `/api/citizens/${item.id}/plan` })
        ).json();
        const marked = plan.sectors
          .flatMap(
            (group: { interventions: { id: string; status: 'active'; followUpDate?: string | null }[] }) =>
              group.interventions,
          )
          .filter((intervention: { status: 'active'; followUpDate?: string | null }) =>
            isFollowUpOverdue(intervention, today),
          )
          .map((intervention: { id: string }) => intervention.id);
        expect(body.followUps.map((step: { interventionId: string }) => step.interventionId).sort()).toEqual(
          marked.sort(),
        );
        const goals = plan.subGoals.filter((goal: { status: 'active'; targetDate: string | null }) =>
          isSubGoalOverdue(goal, today),
        );
        expect(body.subGoals).toHaveLength(goals.length);
        // "Næste opfølgning" is the overdue one while any is overdue.
        if (body.followUps.length > 0) {
          expect(item.attention.nextFollowUp).toBe(body.followUps[0].date);
          withOverdue += 1;
        }
        // Flags come most severe first.
        const order = { high: 0, medium: 1, low: 2 } as const;
        const ranks = body.flags.map((flag: { severity: keyof typeof order }) => order[flag.severity]);
        expect(ranks).toEqual([...ranks].sort());
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(20);
    expect(withOverdue).toBeGreaterThan(3);
  }, 240_000);

  it('lists only what the viewer may see: no hidden intervention, no flag about one', async () => {
    const { db } = t.context.database;
    let hiddenOverdueChecked = 0;
    for (const persona of PERSONAS) {
      const cookie = await loginAs(persona);
      const items = (await t.request(cookie, { method: 'GET', url: '/api/my-day' })).json()
        .items as DayItem[];
      for (const item of items) {
        const plan = (
          await t.request(cookie, { method: 'GET', url: `/api/citizens/${item.id}/plan` })
        ).json();
        const hidden = new Set<string>(
          plan.sectors
            .flatMap(
              (group: { interventions: { id: string; detailsHidden?: boolean }[] }) => group.interventions,
            )
            .filter((intervention: { detailsHidden?: boolean }) => intervention.detailsHidden)
            .map((intervention: { id: string }) => intervention.id),
        );
        if (hidden.size === 0) continue;
        const stored = await db
          .selectFrom('plan_document')
          .select('document')
          .where('municipality_id', '=', municipalityId)
          .where('citizen_id', '=', item.id)
          .executeTakeFirstOrThrow();
        const document = (
          typeof stored.document === 'string' ? JSON.parse(stored.document) : stored.document
        ) as {
          sectors: { interventions: { id: string; status: 'active'; followUpDate: string | null }[] }[];
        };
        const hiddenOverdue = document.sectors
          .flatMap((group) => group.interventions)
          .filter((intervention) => hidden.has(intervention.id) && isFollowUpOverdue(intervention, today));
        const flags = await db
          .selectFrom('coordination_flag')
          .select(['id', 'subject_ids'])
          .where('municipality_id', '=', municipalityId)
          .where('citizen_id', '=', item.id)
          .where('rule_id', '=', 'gaps')
          .where('status', 'in', ['open', 'acknowledged'])
          .execute();
        const aboutHidden = new Set(
          flags.filter((flag) => flag.subject_ids.some((id) => hidden.has(id))).map((flag) => flag.id),
        );
        const body = (
          await t.request(cookie, { method: 'GET', url: `/api/citizens/${item.id}/next-steps` })
        ).json();
        const listed = new Set(body.followUps.map((step: { interventionId: string }) => step.interventionId));
        for (const intervention of hiddenOverdue) expect(listed.has(intervention.id)).toBe(false);
        for (const flag of body.flags as { id: string }[]) expect(aboutHidden.has(flag.id)).toBe(false);
        expect(JSON.stringify(body)).not.toMatch(
          new RegExp([...hidden].map((id) => id.replace(/-/g, '\\-')).join('|')),
        );
        hiddenOverdueChecked += hiddenOverdue.length + aboutHidden.size;
      }
    }
    // The demo has such cases, so the test can fail.
    expect(hiddenOverdueChecked).toBeGreaterThan(0);
  }, 240_000);

  it('is refused without a relationship, and audited when read', async () => {
    const unit = await t.factories.unit(municipalityId, { name: 'Fremmed enhed' });
    const stranger = await t.factories.professional(municipalityId, unit.id, {});
    const cookie = await t.login({ municipalityId, kind: 'professional', id: stranger.id });
    const citizen = (await t.context.database.db
      .selectFrom('citizen')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirstOrThrow()) as { id: string };
    const refused = await t.request(cookie, { method: 'GET', url: `/api/citizens/${citizen.id}/next-steps` });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
  });
});
