import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  accessLogSchema,
  activeBreakGlassSchema,
  breakGlassDetailSchema,
  breakGlassListSchema,
  breakGlassOpenedSchema,
} from '../../src/domain/access/access.responses.js';
import { auditEventsSchema, auditVisitsSchema } from '../../src/domain/audit/audit.responses.js';
import {
  delegationChoicesSchema,
  demoPersonasSchema,
  meSchema,
  sessionSchema,
} from '../../src/domain/auth/auth.responses.js';
import { consentListSchema, delegationListSchema } from '../../src/domain/consent/consent.responses.js';
import {
  coordinationOverviewSchema,
  coordinationRulesSchema,
  coordinationTrendSchema,
  flagListSchema,
  flagSchema,
  leaderFlagListSchema,
  myDayFlagsSchema,
} from '../../src/domain/coordination/flags.responses.js';
import {
  inboxReadAllSchema,
  inboxSchema,
  notificationReadSchema,
  unreadCountSchema,
} from '../../src/domain/coordination/notifications.js';
import {
  referralListSchema,
  referralSchema,
  unansweredReferralsSchema,
} from '../../src/domain/coordination/referrals.responses.js';
import {
  interventionTypeSchema,
  professionalSchema,
  unitSchema,
} from '../../src/domain/organisation/catalogue.responses.js';
import { itemListSchema } from '../../src/domain/common/responses.js';
import {
  planHistorySchema,
  planWriteSchema,
  presentedPlanSchema,
} from '../../src/domain/plan/plan.responses.js';
import { proposalListSchema } from '../../src/domain/plan/proposal.responses.js';
import {
  caseloadPageSchema,
  cprSearchPageSchema,
  myDaySchema,
  unitCitizensSchema,
  unitOverviewSchema,
} from '../../src/domain/workspace/workspace.responses.js';
import { generateMunicipality } from '../../src/synth/generate.js';
import { recordedScan } from '../../src/server/coordination/scan-runs.js';
import { danishSentence } from '../support/notification-text.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { newId } from '../../src/db/ids.js';

/**
 * The web takes its types from the response schemas in src/domain. Until every route answers
 * through them, this holds the server's real bodies to them, on the demo's synthetic
 * municipality: each body must parse, and parsing must keep every key (a key the schema does not
 * know would be dropped, so the parsed body would differ from the one sent). A field added to a
 * presenter and not to its schema, or renamed on one side, fails here.
 */
let t: TestApp;
let municipalityId: string;
const cookies: Record<string, string> = {};
const subjects: Record<string, string> = {};

type Method = 'GET' | 'POST' | 'PATCH';

async function call(
  cookie: string | null,
  method: Method,
  url: string,
  payload?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ body: unknown; headers: Record<string, unknown> }> {
  const response = await t.request(cookie, { method, url, ...(payload ? { payload } : {}), headers });
  expect(response.statusCode, `${method} ${url}: ${response.body.slice(0, 300)}`).toBeLessThan(300);
  return { body: response.json(), headers: response.headers };
}

/** The body parses, and the schema knows every key in it, at every depth. */
function holds<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  expect(parsed.success, `${what}: ${parsed.error?.message ?? ''}`).toBe(true);
  expect(parsed.data, `${what}: a key the schema does not know`).toEqual(body);
  return parsed.data as z.infer<S>;
}

async function expectShape<S extends z.ZodType>(
  schema: S,
  cookie: string | null,
  url: string,
  method: Method = 'GET',
  payload?: Record<string, unknown>,
): Promise<z.infer<S>> {
  const { body } = await call(cookie, method, url, payload);
  return holds(schema, body, `${method} ${url}`);
}

beforeAll(async () => {
  t = await startTestApp({ demo: true });
  ({ municipalityId } = await generateMunicipality(t.context.database, t.context.vault, {
    citizens: 120,
    seed: 5,
  }));
  await recordedScan(t.context.database.db, municipalityId, 'demo', {});
  const personas = await t.context.database.db
    .selectFrom('demo_persona')
    .select(['id', 'subject_id', 'subject_kind'])
    .execute();
  for (const persona of personas) {
    subjects[persona.id] = persona.subject_id;
    // The demo login is the real way in (for the relative it carries her delegation).
    const login = await t.request(null, {
      method: 'POST',
      url: '/api/auth/demo-login',
      payload: { persona: persona.id },
    });
    expect(login.statusCode, login.body).toBe(200);
    holds(sessionSchema, login.json(), `demo-login ${persona.id}`);
    const setCookie = String(login.headers['set-cookie']);
    cookies[persona.id] = setCookie.split(';')[0] ?? '';
  }
}, 240_000);

afterAll(async () => {
  await t?.dispose();
});

describe('the response schemas hold the real bodies', () => {
  it('auth: me, session, personas and a relative’s delegations', async () => {
    await expectShape(demoPersonasSchema, null, '/api/auth/demo-personas');
    // A relative with two delegations chooses whose plan to act for before she is anyone.
    const relative = cookies.relative ?? '';
    const choices = await expectShape(delegationChoicesSchema, relative, '/api/auth/delegations');
    expect(choices.items.length).toBeGreaterThan(1);
    await expectShape(sessionSchema, relative, '/api/auth/delegation', 'POST', {
      delegationId: choices.items[0]?.delegationId,
    });
    for (const persona of Object.keys(cookies)) {
      await expectShape(meSchema, cookies[persona] ?? '', '/api/auth/me');
      await expectShape(sessionSchema, cookies[persona] ?? '', '/api/auth/session');
    }
  });

  it('the workspace: caseload, CPR search, My day and the unit overview', async () => {
    const caseworker = cookies['jobcenter-caseworker'] ?? '';
    const page = await expectShape(caseloadPageSchema, caseworker, '/api/citizens?pageSize=50');
    expect(page.items.length).toBeGreaterThan(0);
    const day = await expectShape(myDaySchema, caseworker, '/api/my-day');
    expect(day.items.length).toBeGreaterThan(0);
    await expectShape(myDayFlagsSchema, caseworker, '/api/my-day/flags');
    const stranger = await t.factories.citizen(municipalityId, { givenName: 'Fremmed' });
    const found = await expectShape(cprSearchPageSchema, caseworker, '/api/citizens/search', 'POST', {
      cpr: stranger.cpr,
    });
    expect(found.emergencyAccess).toEqual({ citizenId: stranger.id });

    const leader = cookies['team-leader'] ?? '';
    const me = await expectShape(meSchema, leader, '/api/auth/me');
    const unitId = me.unit?.id ?? '';
    const overview = await expectShape(unitOverviewSchema, leader, `/api/units/${unitId}/overview`);
    expect(overview.professionals.length).toBeGreaterThan(0);
    const list = await expectShape(
      unitCitizensSchema,
      leader,
      `/api/units/${unitId}/citizens?professionalId=${overview.professionals.find((professional) => professional.caseload > 0)?.id}`,
    );
    expect(list.items.length).toBeGreaterThan(0);
  });

  it('the plan, its history, proposals, a plan write, flags and consents, as each reader sees them', async () => {
    const caseworker = cookies['jobcenter-caseworker'] ?? '';
    const page = await expectShape(caseloadPageSchema, caseworker, '/api/citizens?pageSize=50');
    let restricted = 0;
    let flags = 0;
    for (const item of page.items.slice(0, 25)) {
      const base = `/api/citizens/${item.id}`;
      const plan = await expectShape(presentedPlanSchema, caseworker, `${base}/plan`);
      restricted += plan.sectors
        .flatMap((group) => group.interventions)
        .filter((intervention) => 'detailsHidden' in intervention).length;
      await expectShape(planHistorySchema, caseworker, `${base}/plan/history`);
      await expectShape(proposalListSchema, caseworker, `${base}/proposals`);
      const citizenFlags = await expectShape(flagListSchema, caseworker, `${base}/flags?include=all`);
      flags += citizenFlags.items.length;
      for (const flag of citizenFlags.items.slice(0, 1))
        await expectShape(flagSchema, caseworker, `/api/flags/${flag.id}`);
      await expectShape(consentListSchema, caseworker, `${base}/consents`);
      await expectShape(referralListSchema, caseworker, `${base}/referrals`);
    }
    // The synthetic world has both kinds, so both shapes are held.
    expect(restricted).toBeGreaterThan(0);
    expect(flags).toBeGreaterThan(0);

    const first = page.items[0]?.id ?? '';
    const { headers } = await call(caseworker, 'GET', `/api/citizens/${first}/plan`);
    const { body } = await call(
      caseworker,
      'POST',
      `/api/citizens/${first}/plan/sub-goals`,
      { title: 'Komme ud at gå hver dag' },
      { 'if-match': String(headers.etag) },
    );
    holds(planWriteSchema, body, 'POST …/plan/sub-goals');

    const citizen = cookies.citizen ?? '';
    const own = subjects.citizen ?? '';
    await expectShape(presentedPlanSchema, citizen, `/api/citizens/${own}/plan`);
    await expectShape(accessLogSchema, citizen, `/api/citizens/${own}/access-log?limit=200`);
    await expectShape(consentListSchema, citizen, `/api/citizens/${own}/consents`);
    const delegations = await expectShape(delegationListSchema, citizen, `/api/citizens/${own}/delegations`);
    expect(delegations.items.length).toBeGreaterThan(0);
  });

  it('the catalogue', async () => {
    const caseworker = cookies['jobcenter-caseworker'] ?? '';
    const types = await expectShape(
      itemListSchema(interventionTypeSchema),
      caseworker,
      '/api/catalogue/intervention-types',
    );
    expect(types.items.length).toBeGreaterThan(0);
    const units = await expectShape(itemListSchema(unitSchema), caseworker, '/api/units');
    await expectShape(
      itemListSchema(professionalSchema),
      caseworker,
      `/api/professionals?unitId=${units.items[0]?.id}`,
    );
  });

  it('referrals and the inbox they fill', async () => {
    const caseworker = cookies['jobcenter-caseworker'] ?? '';
    const socialWorker = cookies['social-worker'] ?? '';
    const theirs = await expectShape(meSchema, socialWorker, '/api/auth/me');
    const page = await expectShape(caseloadPageSchema, caseworker, '/api/citizens?pageSize=5');
    const referral = await expectShape(
      referralSchema,
      caseworker,
      `/api/citizens/${page.items[0]?.id}/referrals`,
      'POST',
      { toUnitId: theirs.unit?.id, reason: 'Hjælp til at finde en bolig' },
    );
    await expectShape(referralListSchema, caseworker, '/api/referrals?direction=outgoing&status=all');
    const incoming = await expectShape(
      referralListSchema,
      socialWorker,
      '/api/referrals?direction=incoming&status=all',
    );
    expect(incoming.items.map((item) => item.id)).toContain(referral.id);
    await expectShape(unansweredReferralsSchema, socialWorker, '/api/referrals/unanswered-count');
    await expectShape(referralSchema, socialWorker, `/api/referrals/${referral.id}/accept`, 'POST', {});

    const inbox = await expectShape(inboxSchema, socialWorker, '/api/inbox?limit=100');
    expect(inbox.items.length).toBeGreaterThan(0);
    await expectShape(inboxSchema, caseworker, '/api/inbox?limit=100');
    await expectShape(unreadCountSchema, socialWorker, '/api/inbox/unread-count');
    await expectShape(notificationReadSchema, socialWorker, `/api/inbox/${inbox.items[0]?.id}/read`, 'POST');
    await expectShape(inboxReadAllSchema, socialWorker, '/api/inbox/read-all', 'POST');
  });

  it('break the glass, its review list and the audit search', async () => {
    const nurse = cookies['home-care-nurse'] ?? '';
    const stranger = await t.factories.citizen(municipalityId, { givenName: 'Nødsituation' });
    const opened = await expectShape(
      breakGlassOpenedSchema,
      nurse,
      `/api/citizens/${stranger.id}/break-glass`,
      'POST',
      { reasonCode: 'life-or-health', reason: 'Borgeren er faldet og kan ikke svare på spørgsmål' },
    );
    const active = await expectShape(
      activeBreakGlassSchema,
      nurse,
      `/api/citizens/${stranger.id}/break-glass/active`,
    );
    expect(active.active?.id).toBe(opened.id);
    await call(nurse, 'GET', `/api/citizens/${stranger.id}/plan`);

    const administrator = cookies.administrator ?? '';
    const list = await expectShape(
      breakGlassListSchema,
      administrator,
      '/api/break-glass?status=all&limit=200',
    );
    expect(list.items.map((item) => item.id)).toContain(opened.id);
    const detail = await expectShape(breakGlassDetailSchema, administrator, `/api/break-glass/${opened.id}`);
    expect(detail.activity.length).toBeGreaterThan(0);

    const events = await expectShape(
      auditEventsSchema,
      administrator,
      `/api/audit/events?citizenId=${stranger.id}`,
    );
    expect(events.items.length).toBeGreaterThan(0);
    const visits = await expectShape(
      auditVisitsSchema,
      administrator,
      `/api/audit/visits?citizenId=${stranger.id}`,
    );
    expect(visits.items.length).toBeGreaterThan(0);
  });

  it('the leaders’ coordination overview, its lists, trend and rules', async () => {
    const leader = cookies['team-leader'] ?? '';
    const overview = await expectShape(coordinationOverviewSchema, leader, '/api/coordination/overview');
    expect(overview.byRule.length).toBeGreaterThan(0);
    const flags = await expectShape(leaderFlagListSchema, leader, '/api/coordination/flags?status=active');
    expect(flags.items.length).toBeGreaterThan(0);
    await expectShape(coordinationTrendSchema, leader, '/api/coordination/trends');
    const rules = await expectShape(
      coordinationRulesSchema,
      cookies.administrator ?? '',
      '/api/coordination/rules',
    );
    expect(rules.items.length).toBeGreaterThan(0);
  });

  it('an older stored notification, with the sentence it was stored with, is said from its data', async () => {
    const caseworker = cookies['jobcenter-caseworker'] ?? '';
    const me = await expectShape(meSchema, caseworker, '/api/auth/me');
    const page = await expectShape(caseloadPageSchema, caseworker, '/api/citizens?pageSize=1');
    const citizen = page.items[0];
    const id = newId();
    // As rows were stored before notifications carried kind and data only: a text, and no unit.
    await t.context.database.db
      .insertInto('notification')
      .values({
        municipality_id: municipalityId,
        id,
        recipient_id: me.id,
        citizen_id: citizen?.id ?? null,
        kind: 'proposal-made',
        subject_id: newId(),
        payload: JSON.stringify({
          proposalId: newId(),
          citizen: { id: citizen?.id, name: `${citizen?.givenName} ${citizen?.familyName}` },
          text: { da: 'En gammel sætning.', en: 'An old sentence.' },
        }),
        actor_id: subjects['social-worker'] ?? null,
        created_at: new Date(),
        read_at: null,
      })
      .execute();
    const inbox = await expectShape(inboxSchema, caseworker, '/api/inbox?limit=100');
    const old = inbox.items.find((item) => item.id === id);
    expect(old?.payload).toEqual({
      proposalId: expect.any(String),
      citizen: expect.any(Object),
      unit: null,
    });
    expect(JSON.stringify(old)).not.toContain('gammel');
    const name = old?.actor?.name ?? '';
    expect(name).not.toBe('');
    expect(await danishSentence(old)).toBe(`${name} har foreslået en ændring af en indsats, I ejer.`);
  });
});
