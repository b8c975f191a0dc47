import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { type ApiDocument, fillPath, loadApi, type Operation, sampleOf } from '../support/openapi.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every endpoint in /api/openapi.json, called as every persona: a citizen, their relative, an
 * unrelated citizen, related and unrelated professionals, leaders, an administrator, another
 * municipality's staff and citizens, and nobody. Endpoints with an explicit expectation are
 * checked against it; every other endpoint (new ones appear here automatically) against the
 * generic rules: no session is 401, no 5xx ever, another tenant never gets a 2xx on our
 * citizen, and no 2xx body carries a detail or a CPR number its reader may not see.
 */
let t: TestApp;
let w: AccessWorld;
let api: ApiDocument;

type PersonaName =
  | 'anonymous'
  | 'citizen'
  | 'relative'
  | 'otherCitizen'
  | 'coordinator'
  | 'psychiatryWorker'
  | 'jobcenterColleague'
  | 'healthWorker'
  | 'jobcenterLeader'
  | 'healthLeader'
  | 'administrator'
  | 'otherTenantProfessional'
  | 'otherTenantCitizen';

const PERSONAS: PersonaName[] = [
  'anonymous',
  'citizen',
  'relative',
  'otherCitizen',
  'coordinator',
  'psychiatryWorker',
  'jobcenterColleague',
  'healthWorker',
  'jobcenterLeader',
  'healthLeader',
  'administrator',
  'otherTenantProfessional',
  'otherTenantCitizen',
];

/** Who may read the citizen's plan (and its history, consents, delegations). */
const PLAN_READERS: PersonaName[] = [
  'citizen',
  'relative',
  'coordinator',
  'psychiatryWorker',
  'jobcenterLeader',
];
/** Who may arrange and change the citizen's meetings: those who work with the citizen. */
const MEETING_ARRANGERS: PersonaName[] = ['coordinator', 'psychiatryWorker', 'jobcenterLeader'];
const OTHER_TENANT: PersonaName[] = ['otherTenantProfessional', 'otherTenantCitizen'];
const SUPERVISORS: PersonaName[] = ['jobcenterLeader', 'healthLeader', 'administrator'];
const PROFESSIONALS: PersonaName[] = [
  'coordinator',
  'psychiatryWorker',
  'jobcenterColleague',
  'healthWorker',
  'jobcenterLeader',
  'healthLeader',
  'administrator',
  'otherTenantProfessional',
];

/** Routes that answer without a session. */
const PUBLIC = [/^\/api\/auth\/oidc\//, /^\/api\/auth\/logout$/, /^\/api\/auth\/demo-/];

type Expectation = 'allow' | 'deny' | 'any';
type Rule = (persona: PersonaName) => Expectation;

const readers =
  (allowed: PersonaName[]): Rule =>
  (persona) =>
    allowed.includes(persona) ? 'allow' : 'deny';

/** Explicit expectations for the endpoints whose rules this capability defines. */
const EXPLICIT: Record<string, Rule> = {
  'GET /api/citizens/{citizenId}/plan': readers(PLAN_READERS),
  'GET /api/citizens/{citizenId}/plan/history': readers(PLAN_READERS),
  'GET /api/citizens/{citizenId}/consents': readers(PLAN_READERS),
  'GET /api/citizens/{citizenId}/delegations': readers(PLAN_READERS),
  'GET /api/citizens/{citizenId}/access-log': readers(['citizen', 'relative']),
  'POST /api/citizens/{citizenId}/cpr/reveal': readers([
    'coordinator',
    'psychiatryWorker',
    'jobcenterLeader',
  ]),
  'POST /api/citizens/{citizenId}/delegations': readers(['citizen']),
  'POST /api/citizens/{citizenId}/consents': readers([
    'citizen',
    'coordinator',
    'psychiatryWorker',
    'jobcenterLeader',
  ]),
  'POST /api/citizens/{citizenId}/break-glass': readers([
    'jobcenterColleague',
    'healthWorker',
    'healthLeader',
    'administrator',
  ]),
  'GET /api/break-glass': readers(SUPERVISORS),
  'GET /api/audit/events': readers(SUPERVISORS),
  'PUT /api/audit/settings': readers(['administrator']),
  'POST /api/professionals/{professionalId}/disable': readers(['administrator']),
  'POST /api/professionals/{professionalId}/enable': readers(['administrator']),
  'GET /api/citizens': readers(PROFESSIONALS),
  'GET /api/citizens/{citizenId}/meetings': readers(PLAN_READERS),
  'POST /api/citizens/{citizenId}/meetings': readers(MEETING_ARRANGERS),
  'PATCH /api/citizens/{citizenId}/meetings/{meetingId}': readers(MEETING_ARRANGERS),
  'POST /api/citizens/{citizenId}/meetings/{meetingId}/hold': readers(MEETING_ARRANGERS),
  'POST /api/citizens/{citizenId}/meetings/{meetingId}/cancel': readers(MEETING_ARRANGERS),
  'GET /api/auth/me': (persona) => (persona === 'anonymous' ? 'deny' : 'allow'),
  'POST /api/citizens/{citizenId}/export': readers(PLAN_READERS),
  'GET /api/auth/delegations': readers(['relative']),
  'POST /api/auth/delegation': readers(['relative']),
  'GET /api/citizens/{citizenId}/measures': readers(PLAN_READERS),
  // WHO-5 answered by the citizen: the citizen or those who work with her (a relative records as a relative).
  'POST /api/citizens/{citizenId}/measures': readers([
    'citizen',
    'coordinator',
    'psychiatryWorker',
    'jobcenterLeader',
  ]),
  'GET /api/collaboration-surveys': readers(['jobcenterLeader', 'healthLeader', 'administrator']),
  'POST /api/collaboration-surveys': readers(['jobcenterLeader', 'healthLeader', 'administrator']),
  'GET /api/quality-surveys': readers(['jobcenterLeader', 'healthLeader', 'administrator']),
  'POST /api/quality-surveys': readers(['jobcenterLeader', 'healthLeader', 'administrator']),
  'POST /api/instruments': readers(['administrator']),
};

/** What must never reach a reader outside these personas. */
const SECRETS: { text: () => string; allowed: PersonaName[] }[] = [
  { text: () => 'psykiatriens fortrolige detalje', allowed: ['citizen', 'relative', 'psychiatryWorker'] },
  {
    text: () => 'jobcenterets detalje',
    allowed: ['citizen', 'relative', 'coordinator', 'jobcenterLeader', 'jobcenterColleague', 'administrator'],
  },
];

let ids: Record<string, string>;

/** Bodies the schema alone cannot make valid (cross-field rules). */
const SAMPLE_BODIES: Record<string, unknown> = {
  'POST /api/citizens/{citizenId}/consents': {
    granteeSector: 'housing',
    categories: ['goals'],
    purpose: 'coordination',
  },
  'POST /api/citizens/{citizenId}/delegations': {
    granteeCpr: '030380-3333',
    granteeName: 'Matrix Pårørende',
  },
  'POST /api/citizens/{citizenId}/meetings': {
    kind: 'network',
    purpose: 'Matrixmøde',
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    online: true,
  },
  'PATCH /api/citizens/{citizenId}/meetings/{meetingId}': { agenda: 'Matrix: ny dagsorden' },
  'POST /api/citizens/{citizenId}/measures': {
    instrument: 'who-5',
    respondent: 'citizen',
    answers: { cheerful: '3', calm: '2', active: '4', rested: '1', interest: '5' },
  },
  'POST /api/collaboration-surveys': { title: 'Matrixmåling', groups: ['A', 'B'] },
  'POST /api/quality-surveys': { title: 'Matrixkvalitet', items: [{ code: 'q1', text: 'Udsagn' }] },
  // A fresh code per call: a loaded version never changes, so a second load is 409.
  'POST /api/instruments': {
    code: 'matrix-instrument',
    version: '1',
    title: { da: 'Matrix', en: 'Matrix' },
    licence: 'Test',
    respondents: ['citizen'],
    items: [
      {
        linkId: 'a',
        text: { da: 'A', en: 'A' },
        options: [
          { code: '0', score: 0, display: { da: '0', en: '0' } },
          { code: '1', score: 1, display: { da: '1', en: '1' } },
        ],
      },
    ],
    scoring: { method: 'sum' },
  },
};
let relativeDelegationId: string;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
  api = await loadApi(t);
  const db = t.context.database.db;
  relativeDelegationId = newId();
  await db
    .insertInto('delegation')
    .values({
      municipality_id: w.municipalityId,
      id: relativeDelegationId,
      citizen_id: w.citizen.id,
      grantee_cpr_hmac: t.context.vault.hmac('0202802222'),
      grantee_name: 'Rita Pårørende',
      valid_from: '2026-01-01',
      valid_until: null,
      revoked_at: null,
    })
    .execute();
  const consent = await t.request(w.citizen.cookie, {
    method: 'POST',
    url: `/api/citizens/${w.citizen.id}/consents`,
    payload: { granteeUnitId: w.units.jobcenter, categories: ['goals'], purpose: 'coordination' },
  });
  const glassId = newId();
  await db
    .insertInto('break_glass')
    .values({
      municipality_id: w.municipalityId,
      id: glassId,
      citizen_id: w.otherCitizen.id,
      professional_id: w.healthWorker.id,
      unit_id: w.units.health,
      reason: 'Matrix: en tidligere nødadgang',
      expires_at: new Date(Date.now() - 1000),
      reviewed_by: null,
      reviewed_at: null,
    })
    .execute();
  const victim = await t.factories.professional(w.municipalityId, w.units.jobcenter, {
    name: 'Offer for deaktivering',
  });
  // A relative on the team, so that ending "a team member" never ends the coordinator's relationship.
  const member = await w.write('/team', 'POST', { kind: 'network', name: 'Matrix Nabo', relation: 'nabo' });
  const team = { id: JSON.parse(member.body).id as string };
  const type = await db
    .selectFrom('intervention_type')
    .select('id')
    .where('municipality_id', '=', w.municipalityId)
    .executeTakeFirstOrThrow();
  // A meeting that has started, so that holding it is possible.
  const meeting = await t.request(w.coordinator.cookie, {
    method: 'POST',
    url: `/api/citizens/${w.citizen.id}/meetings`,
    payload: {
      kind: 'team',
      purpose: 'Matrix: teammøde',
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      online: true,
    },
  });
  ids = {
    meetingId: meeting.json().id,
    citizenId: w.citizen.id,
    consentId: consent.json().id,
    delegationId: relativeDelegationId,
    breakGlassId: glassId,
    professionalId: victim.id,
    unitId: w.units.jobcenter,
    granteeUnitId: w.units.psychiatry,
    typeId: type.id,
    responsibleId: w.coordinator.id,
    subGoalId: w.subGoalId,
    teamMemberId: team.id,
    default: newId(),
  };
}, 120_000);
afterAll(() => t?.dispose());

/** A fresh session for the persona (sessions may be ended by the calls themselves). */
async function cookieOf(persona: PersonaName): Promise<string | null> {
  const m = w.municipalityId;
  const professional = (id: string, municipalityId = m): Promise<string> =>
    t.login({ municipalityId, kind: 'professional', id });
  switch (persona) {
    case 'anonymous':
      return null;
    case 'citizen':
      return t.login({ municipalityId: m, kind: 'citizen', id: w.citizen.id });
    case 'relative': {
      const session = await t.context.sessions.create({
        municipalityId: m,
        kind: 'citizen',
        id: w.citizen.id,
        persona: null,
        delegationId: relativeDelegationId,
      });
      return `samspil_session=${session.token}`;
    }
    case 'otherCitizen':
      return t.login({ municipalityId: m, kind: 'citizen', id: w.otherCitizen.id });
    case 'otherTenantProfessional':
      return professional(w.other.professional.id, w.other.municipalityId);
    case 'otherTenantCitizen':
      return t.login({ municipalityId: w.other.municipalityId, kind: 'citizen', id: w.other.citizen.id });
    default:
      return professional(w[persona].id);
  }
}

function pathValue(operation: Operation, name: string): string {
  if (name === 'itemId') {
    if (operation.path.includes('/sub-goals/')) return w.subGoalId;
    if (operation.path.includes('/interventions/')) return w.interventions.jobcenter;
    if (operation.path.includes('/team/')) return ids.teamMemberId ?? '';
  }
  if (name === 'provider') return 'professional';
  if (name === 'ruleId') return 'duplicate';
  return ids[name] ?? newId();
}

async function call(
  operation: Operation,
  persona: PersonaName,
): Promise<{ status: number; body: string; type: string }> {
  const cookie = await cookieOf(persona);
  const version = await t.context.database.db
    .selectFrom('plan')
    .select('version')
    .where('citizen_id', '=', w.citizen.id)
    .executeTakeFirstOrThrow();
  const url = fillPath(operation.path, (name) => pathValue(operation, name));
  const payload =
    SAMPLE_BODIES[`${operation.method} ${operation.path}`] ??
    (operation.body ? sampleOf(api, operation.body, ids) : undefined);
  const response = await t.request(cookie, {
    method: operation.method,
    url,
    headers: { 'if-match': `"${version.version}"` },
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
  return {
    status: response.statusCode,
    body: response.body,
    type: String(response.headers['content-type'] ?? ''),
  };
}

/** Undo what a call may have granted, so each call meets the same world. */
async function reset(): Promise<void> {
  const db = t.context.database.db;
  await db.deleteFrom('break_glass').where('citizen_id', '=', w.citizen.id).execute();
  await db
    .updateTable('consent')
    .set({ withdrawn_at: new Date() })
    .where('citizen_id', '=', w.citizen.id)
    .where('id', '!=', ids.consentId ?? '')
    .where('withdrawn_at', 'is', null)
    .execute();
  await db
    .updateTable('delegation')
    .set({ revoked_at: null })
    .where('id', '=', relativeDelegationId)
    .execute();
  await db
    .updateTable('professional')
    .set({ active: true })
    .where('municipality_id', '=', w.municipalityId)
    .execute();
  await db
    .updateTable('meeting')
    .set({ status: 'planned', summary: null, cancel_reason: null })
    .where('id', '=', ids.meetingId ?? '')
    .execute();
  t.context.plans.grants.invalidate(w.municipalityId, w.citizen.id);
}

function isPublic(path: string): boolean {
  return PUBLIC.some((pattern) => pattern.test(path));
}

describe('the authorisation matrix', () => {
  it('discovers the API from its OpenAPI document', () => {
    expect(api.operations.length).toBeGreaterThan(30);
    for (const key of Object.keys(EXPLICIT)) {
      expect(
        api.operations.some((operation) => `${operation.method} ${operation.path}` === key),
        key,
      ).toBe(true);
    }
  });

  it('holds for every endpoint × persona: allow/deny as expected, no 5xx, no tenant reach, no field leak', async () => {
    const failures: string[] = [];
    const ordered = [...api.operations].sort(
      (a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'),
    );
    let calls = 0;
    for (const operation of ordered) {
      const key = `${operation.method} ${operation.path}`;
      for (const persona of PERSONAS) {
        const result = await call(operation, persona);
        calls += 1;
        const ok = result.status >= 200 && result.status < 300;
        const fail = (why: string): void => {
          failures.push(`${key} as ${persona}: ${why} (${result.status} ${result.body.slice(0, 160)})`);
        };
        if (result.status >= 500) fail('server error');
        if (result.status >= 400 && !result.type.includes('application/problem+json'))
          fail('error is not problem+json');
        const rule = EXPLICIT[key];
        const expected: Expectation = rule ? rule(persona) : 'any';
        if (persona === 'anonymous' && !isPublic(operation.path) && result.status !== 401)
          fail('expected 401 without a session');
        if (expected === 'allow' && !ok) fail('expected to be allowed');
        if (expected === 'deny' && ok) fail('expected to be denied');
        if (OTHER_TENANT.includes(persona) && operation.path.includes('{citizenId}')) {
          if (ok) fail('another municipality reached our citizen');
          else if (persona === 'otherTenantProfessional' && ![400, 404].includes(result.status))
            fail('another tenant’s citizen must look absent (404)');
        }
        if (ok) {
          for (const secret of SECRETS) {
            if (!secret.allowed.includes(persona) && result.body.includes(secret.text()))
              fail(`leaked "${secret.text()}"`);
          }
          const revealing = key === 'POST /api/citizens/{citizenId}/cpr/reveal';
          if (
            !revealing &&
            (result.body.includes(w.citizen.cpr) ||
              result.body.includes(`${w.citizen.cpr.slice(0, 6)}-${w.citizen.cpr.slice(6)}`))
          ) {
            fail('leaked the full CPR number');
          }
        }
        if (operation.method !== 'GET') await reset();
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBe(api.operations.length * PERSONAS.length);
  }, 300_000);

  it('left the audit chain intact through all of it', async () => {
    const { verifyAuditChain } = await import('../../src/db/queries/audit-chain.queries.js');
    expect((await verifyAuditChain(t.context.database.db)).problems).toEqual([]);
    const denied = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_event WHERE outcome = 'denied'`.execute(t.context.database.db);
    expect(denied.rows[0]?.n).toBeGreaterThan(20);
  });
});
