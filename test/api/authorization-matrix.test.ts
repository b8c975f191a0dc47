import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, canSeeInterventionDetails } from '../../src/domain/access/policy.js';
import { newId } from '../../src/db/ids.js';
import { toConsentRecord } from '../../src/db/queries/consent.queries.js';
import { rebuildPlanDocuments } from '../../src/db/queries/plan-document.queries.js';
import type { Sector } from '../../src/domain/organisation/sectors.js';
import { type AccessWorld, buildAccessWorld, DETAIL_FIELDS } from '../support/access-world.js';
import {
  type ApiDocument,
  committedApi,
  fillPath,
  loadApi,
  type Operation,
  operationKey,
  sampleOf,
} from '../support/openapi.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every endpoint in /api/openapi.json, called as every persona: a citizen, their relative, an
 * unrelated citizen, related and unrelated professionals, leaders, an administrator, another
 * municipality's staff and citizens, and nobody. Endpoints with an explicit expectation are
 * checked against it; every other endpoint (new ones appear here automatically) against the
 * generic rules: no session is 401, no 5xx ever, another tenant never gets a 2xx on our
 * citizen, and no 2xx body carries a detail or a CPR number its reader may not see. The
 * field check: the values of every intervention hidden from the persona (type name, purpose,
 * legal basis, frequency, follow-up date, end reason, case reference — read from the database,
 * decided by the policy) appear in no response body of any endpoint, and no body links a hidden
 * intervention to a sub-goal or carries its detail fields. Each persona logs in once (again only
 * when a call ended its session). Then the relationship lifetimes: a referral answered, a
 * meeting passed, a break-the-glass expired → every citizen endpoint refuses.
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
/** The jobcenter's professionals with a relationship: they own the jobcenter's intervention. */
/** Refused to all but the arrangers, who may still meet a conflict (the meeting's state). */
const arrangersOnly = (persona: PersonaName): Expectation =>
  MEETING_ARRANGERS.includes(persona) ? 'any' : 'deny';
const JOBCENTER_OWNERS: PersonaName[] = ['coordinator', 'jobcenterLeader'];
/** Who sees the jobcenter's decision: her, her relative and the deciding unit (not psychiatry). */
const DECISION_READERS: PersonaName[] = ['citizen', 'relative', 'coordinator', 'jobcenterLeader'];
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
const PUBLIC = [
  /^\/api\/auth\/oidc\//,
  /^\/api\/auth\/logout$/,
  /^\/api\/auth\/demo-/,
  /^\/api\/auth\/session$/,
  /^\/api\/survey-invitations\//,
  /^\/api\/calendar\//,
];

type Expectation = 'allow' | 'deny' | 'any';
type Rule = (persona: PersonaName) => Expectation;

const readers =
  (allowed: PersonaName[]): Rule =>
  (persona) =>
    allowed.includes(persona) ? 'allow' : 'deny';

/** Team leaders and the administrator may change templates; whether a change succeeds depends on its state. */
const templateChangers: Rule = (persona) => (SUPERVISORS.includes(persona) ? 'any' : 'deny');

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
  // Network meetings: the matrix meeting is a team meeting, planned, so recording it, writing its
  // agreements and its minutes are conflicts (409) for those allowed; everyone else is refused.
  'PUT /api/citizens/{citizenId}/meetings/{meetingId}/invitations': readers(MEETING_ARRANGERS),
  'GET /api/citizens/{citizenId}/meetings/{meetingId}/agenda-proposal': readers(MEETING_ARRANGERS),
  'PUT /api/citizens/{citizenId}/meetings/{meetingId}/agenda': readers(MEETING_ARRANGERS),
  'PUT /api/citizens/{citizenId}/meetings/{meetingId}/record': arrangersOnly,
  'POST /api/citizens/{citizenId}/meetings/{meetingId}/agreements/write': arrangersOnly,
  'GET /api/citizens/{citizenId}/meetings/{meetingId}/minutes.pdf': (persona) =>
    PLAN_READERS.includes(persona) ? 'any' : 'deny',
  'GET /api/auth/me': (persona) => (persona === 'anonymous' ? 'deny' : 'allow'),
  // Everyone gets an answer; the anonymous one is `{ user: null }` (test/api/auth.test.ts).
  'GET /api/auth/session': () => 'allow',
  // Ownership: {itemId} is the jobcenter's intervention; its unit changes it, others propose.
  'PATCH /api/citizens/{citizenId}/plan/interventions/{itemId}': readers(JOBCENTER_OWNERS),
  'POST /api/citizens/{citizenId}/plan/interventions/{itemId}/proposals': readers(['psychiatryWorker']),
  'GET /api/citizens/{citizenId}/proposals': readers(PLAN_READERS),
  // Follow-up: an intervention's owning unit records it (others propose); a sub-goal, those who work with her.
  'GET /api/citizens/{citizenId}/plan/follow-ups': readers(PLAN_READERS),
  'POST /api/citizens/{citizenId}/plan/interventions/{itemId}/follow-ups': readers(JOBCENTER_OWNERS),
  // (A sub-goal's follow-up is left to the generic rules: the matrix ends its sub-goal on the way;
  // test/api/follow-ups.test.ts holds who records it.)
  'POST /api/citizens/{citizenId}/plan/proposals/{proposalId}/accept': readers(JOBCENTER_OWNERS),
  'POST /api/citizens/{citizenId}/plan/proposals/{proposalId}/decline': readers(JOBCENTER_OWNERS),
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
  // Reminders and calendar links (decision 0021): her reminders are hers (and her relative's);
  // everyone keeps calendar links for themselves only, never a relative for the citizen.
  'GET /api/citizens/{citizenId}/reminders': readers(['citizen', 'relative']),
  'GET /api/calendar-feeds': (persona) =>
    persona === 'anonymous' || persona === 'relative' ? 'deny' : 'allow',
  'POST /api/calendar-feeds': (persona) =>
    persona === 'anonymous' || persona === 'relative' ? 'deny' : 'allow',
  // No one has a link of that id, and no address works without its token.
  'DELETE /api/calendar-feeds/{feedId}': () => 'deny',
  'POST /api/calendar-feeds/{feedId}/regenerate': () => 'deny',
  'GET /api/calendar/{file}': () => 'deny',
  // Pathway templates (decision 0019): every professional reads their municipality's; leaders
  // change them (the first copy makes a draft, the next is a 409: tested in pathway-templates.test.ts).
  'GET /api/pathway-templates': readers(PROFESSIONALS),
  'GET /api/pathway-templates/versions/{versionId}': readers(
    PROFESSIONALS.filter((persona) => persona !== 'otherTenantProfessional'),
  ),
  'POST /api/pathway-templates/versions/{versionId}/copy': templateChangers,
  'PUT /api/pathway-templates/versions/{versionId}': templateChangers,
  'POST /api/pathway-templates/versions/{versionId}/publish': templateChangers,
  // Decisions (issue 14): the deciding unit's acts; the letters for her and those who see her decisions.
  'POST /api/citizens/{citizenId}/decisions/{decisionId}/informal-contact': readers(JOBCENTER_OWNERS),
  'POST /api/citizens/{citizenId}/decisions/{decisionId}/final': readers(JOBCENTER_OWNERS),
  'GET /api/citizens/{citizenId}/decisions/{decisionId}/letters/{letter}': readers(DECISION_READERS),
  // Team meetings: the holding unit's professionals; recommending also needs a relationship to her.
  'GET /api/team-meetings/{teamMeetingId}': readers([
    'coordinator',
    'jobcenterColleague',
    'jobcenterLeader',
    'administrator',
  ]),
  'POST /api/team-meetings/{teamMeetingId}/cases/{caseId}/recommendation': readers(JOBCENTER_OWNERS),
  'GET /api/analytics/decisions': readers(['jobcenterLeader', 'healthLeader', 'administrator']),
};

/** What must never reach a reader outside these personas. */
const SECRETS: { text: () => string; allowed: PersonaName[] }[] = [
  // A decision's facts: her and those with a lasting relationship, never a passing basis.
  { text: () => 'afgørelsens fortrolige fakta', allowed: DECISION_READERS },
  // A team case's summary: the team's members who may see her decisions.
  { text: () => 'teamsagens fortrolige resumé', allowed: ['coordinator', 'jobcenterLeader'] },
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
  'PUT /api/citizens/{citizenId}/meetings/{meetingId}/invitations': { participants: [] },
  'PUT /api/citizens/{citizenId}/meetings/{meetingId}/agenda': { points: [{ text: 'Matrix: punkt' }] },
  'PUT /api/citizens/{citizenId}/meetings/{meetingId}/record': { summary: 'Matrix', citizenPresent: true },
  'POST /api/citizens/{citizenId}/meetings/{meetingId}/agreements/write': {},
  'PATCH /api/citizens/{citizenId}/plan/interventions/{itemId}': { frequency: 'Matrix: ugentligt' },
  'POST /api/citizens/{citizenId}/plan/interventions/{itemId}/proposals': {
    change: { frequency: 'Matrix: dagligt' },
  },
  'POST /api/citizens/{citizenId}/plan/proposals/{proposalId}/accept': {},
  'POST /api/citizens/{citizenId}/plan/interventions/{itemId}/follow-ups': {
    code: 'continue',
    nextDate: '2031-08-23',
  },
  'POST /api/citizens/{citizenId}/plan/sub-goals/{itemId}/follow-ups': {
    code: 'continue',
    nextDate: '2031-09-01',
  },
  'POST /api/citizens/{citizenId}/plan/proposals/{proposalId}/decline': { reason: 'Matrix: nej tak' },
  'POST /api/citizens/{citizenId}/break-glass': {
    reasonCode: 'other',
    reason: 'Matrix: borgeren henvender sig akut uden for åbningstid',
  },
  'POST /api/citizens/{citizenId}/measures': {
    instrument: 'who-5',
    respondent: 'citizen',
    answers: { cheerful: '3', calm: '2', active: '4', rested: '1', interest: '5' },
  },
  'POST /api/collaboration-surveys': { title: 'Matrixmåling', groups: ['A', 'B'] },
  'POST /api/quality-surveys': { title: 'Matrixkvalitet', items: [{ code: 'q1', text: 'Udsagn' }] },
  'POST /api/citizens/{citizenId}/decisions/{decisionId}/informal-contact': {
    kind: 'call',
    plannedOn: '2026-12-01',
  },
  'POST /api/citizens/{citizenId}/decisions/{decisionId}/final': {
    hearingChanges: 'Matrix: intet ændret',
    reasons: { rules: 'Matrix', considerations: 'Matrix', facts: 'Matrix' },
    appeal: { how: 'Matrix: skriv til os' },
  },
  'POST /api/team-meetings/{teamMeetingId}/cases/{caseId}/recommendation': {
    recommendation: 'Matrix: indstilling',
    reasons: 'Matrix: fordi',
  },
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
let matrixDecisionId: string;

/** The matrix's decision, made again from scratch (a final decision's row cannot be changed back). */
async function insertMatrixDecision(): Promise<void> {
  const db = t.context.database.db;
  await db.deleteFrom('decision_appeal').where('decision_id', '=', matrixDecisionId).execute();
  await db.deleteFrom('decision_response').where('decision_id', '=', matrixDecisionId).execute();
  await db.deleteFrom('decision').where('id', '=', matrixDecisionId).execute();
  await db
    .insertInto('decision')
    .values({
      municipality_id: w.municipalityId,
      id: matrixDecisionId,
      citizen_id: w.citizen.id,
      unit_id: w.units.jobcenter,
      title: 'Matrix: afgørelse',
      proposal: 'Matrix: forslag',
      facts: 'afgørelsens fortrolige fakta',
      legal_basis: 'LAB-32',
      status: 'hearing',
      hearing_until: '2026-01-01',
      hearing_sent_at: new Date('2025-12-01T10:00:00Z'),
      created_by: w.coordinator.id,
      created_at: new Date('2025-12-01T10:00:00Z'),
    })
    .execute();
}

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
  api = await loadApi(t);
  const db = t.context.database.db;
  ({ id: relativeDelegationId } = await t.factories.delegation({
    citizenId: w.citizen.id,
    granteeCpr: '0202802222',
    granteeName: 'Rita Pårørende',
  }));
  const consent = await t.request(w.citizen.cookie, {
    method: 'POST',
    url: `/api/citizens/${w.citizen.id}/consents`,
    payload: { granteeUnitId: w.units.jobcenter, categories: ['goals'], purpose: 'coordination' },
  });
  const { id: glassId } = await t.factories.breakGlass({
    citizenId: w.otherCitizen.id,
    professionalId: w.healthWorker.id,
    reason: 'Matrix: en tidligere nødadgang',
    expiresAt: new Date(Date.now() - 1000),
  });
  // Distinctive hidden values, set by each intervention's own unit: a follow-up date, a case.
  for (const [id, as, followUpDate, caseReference] of [
    [w.interventions.psychiatry, w.psychiatryWorker, '2031-07-19', 'PSY-SAG-4711'],
    [w.interventions.jobcenter, w.coordinator, '2031-08-23', 'JOB-SAG-0815'],
  ] as const) {
    const set = await w.write(`/interventions/${id}`, 'PATCH', { followUpDate, caseReference }, as);
    if (set.statusCode !== 200) throw new Error(`matrix world: ${set.body}`);
  }
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
  // A proposal to the jobcenter's intervention, for accept and decline (reset to pending after each).
  const proposal = await w.write(
    `/interventions/${w.interventions.jobcenter}/proposals`,
    'POST',
    { change: { frequency: 'Matrix: hver anden uge' } },
    w.psychiatryWorker,
  );
  // A decision of the jobcenter's in hearing, its last day passed (so it can be made final), and a
  // team meeting of the jobcenter with her case on its list: reset to these after each write.
  const teamMeeting = await t.request(w.coordinator.cookie, {
    method: 'POST',
    url: '/api/team-meetings',
    payload: { title: 'Matrix: rehabiliteringsteam', startsAt: new Date().toISOString() },
  });
  const teamCase = await t.request(w.coordinator.cookie, {
    method: 'POST',
    url: `/api/team-meetings/${teamMeeting.json().id}/cases`,
    payload: { citizenId: w.citizen.id, summary: 'teamsagens fortrolige resumé' },
  });
  matrixDecisionId = newId();
  await insertMatrixDecision();
  ids = {
    decisionId: matrixDecisionId,
    letter: 'hearing',
    teamMeetingId: teamMeeting.json().id,
    caseId: teamCase.json().cases[0].id,
    proposalId: JSON.parse(proposal.body).id,
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
    // A published version of a shipped pathway template (migration 029).
    versionId: (
      await t.context.database.db
        .selectFrom('pathway_template_version')
        .select('id')
        .where('municipality_id', '=', w.municipalityId)
        .executeTakeFirstOrThrow()
    ).id,
    default: newId(),
  };
}, 120_000);
afterAll(() => t?.dispose());

/** A new session for the persona. */
async function newSession(persona: PersonaName): Promise<string | null> {
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

const sessions = new Map<PersonaName, string | null>();
let logins = 0;

/** The persona's session, made once; made again only when a call ended it (logout, revoked fuldmagt). */
async function cookieOf(persona: PersonaName, renew = false): Promise<string | null> {
  if (!renew && sessions.has(persona)) return sessions.get(persona) ?? null;
  const cookie = await newSession(persona);
  if (persona !== 'anonymous') logins += 1;
  sessions.set(persona, cookie);
  return cookie;
}

/** Catalogue endpoints list every intervention type by name: reference data, not citizen data. */
const REFERENCE_DATA = [/^\/api\/catalogue\//];

/** The text sampleOf puts into every string field (test/support/openapi.ts). */
const SAMPLE_FILLER = 'Prøve tekst';

interface HiddenSet {
  ids: Set<string>;
  values: { id: string; field: string; value: string }[];
}
let hiddenCache = new Map<PersonaName, HiddenSet>();

/** The actor a professional persona is, as the policy sees it. */
async function actorOf(persona: PersonaName): Promise<Actor | null> {
  if (!PROFESSIONALS.includes(persona) || persona === 'otherTenantProfessional') return null;
  const person = w[persona as 'coordinator'];
  const row = await t.context.database.db
    .selectFrom('professional as p')
    .innerJoin('unit as u', (join) =>
      join.onRef('u.municipality_id', '=', 'p.municipality_id').onRef('u.id', '=', 'p.unit_id'),
    )
    .select(['p.id', 'p.name', 'p.role', 'p.unit_id', 'u.sector'])
    .where('p.municipality_id', '=', w.municipalityId)
    .where('p.id', '=', person.id)
    .executeTakeFirstOrThrow();
  return {
    kind: 'professional',
    municipalityId: w.municipalityId,
    id: row.id,
    name: row.name,
    role: row.role as 'caseworker',
    unitId: row.unit_id,
    sector: row.sector as Sector,
  };
}

/**
 * The values of the citizen's interventions this persona may not see, read from the database:
 * the citizen and the relative see all; a professional sees what the policy grants (own unit,
 * responsible, consent); everyone else sees none of them.
 */
async function hiddenFor(persona: PersonaName): Promise<HiddenSet> {
  const cached = hiddenCache.get(persona);
  if (cached) return cached;
  const db = t.context.database.db;
  const [interventions, consents] = await Promise.all([
    db
      .selectFrom('intervention as i')
      .innerJoin('intervention_type as ty', (join) =>
        join.onRef('ty.municipality_id', '=', 'i.municipality_id').onRef('ty.id', '=', 'i.type_id'),
      )
      .select([
        'i.id',
        'i.unit_id',
        'i.responsible_id',
        'i.case_reference',
        'ty.name as type_name',
        'i.purpose',
        'i.legal_basis',
        'i.frequency',
        sql<string | null>`to_char(i.follow_up_date, 'YYYY-MM-DD')`.as('follow_up'),
        'i.end_reason',
        'i.recorded_by',
        'i.awaiting_confirmation',
        'ty.sector',
      ])
      .where('i.municipality_id', '=', w.municipalityId)
      .where('i.citizen_id', '=', w.citizen.id)
      .execute(),
    db
      .selectFrom('consent')
      .selectAll()
      .where('municipality_id', '=', w.municipalityId)
      .where('citizen_id', '=', w.citizen.id)
      .where('withdrawn_at', 'is', null)
      .execute(),
  ]);
  const actor = await actorOf(persona);
  const seesAll = persona === 'citizen' || persona === 'relative';
  const hidden: HiddenSet = { ids: new Set(), values: [] };
  const seen = new Set<string>();
  for (const item of interventions) {
    const visible =
      seesAll ||
      (actor !== null &&
        canSeeInterventionDetails(
          actor,
          'relationship',
          {
            unitId: item.unit_id,
            sector: item.sector as Sector,
            responsibleId: item.responsible_id,
            caseReference: item.case_reference,
            // The author of a record for another unit sees what they wrote until it is confirmed.
            recordedBy: item.recorded_by,
            awaitingConfirmation: item.awaiting_confirmation,
          },
          consents.map(toConsentRecord),
        ));
    const fields = {
      typeName: item.type_name,
      purpose: item.purpose,
      legalBasis: item.legal_basis,
      frequency: item.frequency,
      followUpDate: item.follow_up,
      endReason: item.end_reason,
      caseReference: item.case_reference,
    };
    if (visible) {
      for (const [field, value] of Object.entries(fields)) if (value) seen.add(`${field}\u0000${value}`);
      continue;
    }
    hidden.ids.add(item.id);
    for (const [field, value] of Object.entries(fields)) {
      // Very short values (a two-letter code) would match by chance, and the sampler's filler text
      // ("Prøve tekst…", written by the calls themselves into every kind of field) is no one's secret.
      if (value && value.length >= 5 && !value.startsWith(SAMPLE_FILLER))
        hidden.values.push({ id: item.id, field, value });
    }
  }
  // A value the persona may see on an intervention of its own (the same type as a hidden one, say)
  // is no secret when it appears: only values seen on no visible intervention count as leaks.
  hidden.values = hidden.values.filter(({ field, value }) => !seen.has(`${field}\u0000${value}`));
  hiddenCache.set(persona, hidden);
  return hidden;
}

/** Where a body shows what is hidden from its reader: a value, a detail field, a sub-goal link. */
function fieldLeaks(body: string, hidden: HiddenSet): string[] {
  const leaks: string[] = [];
  for (const { field, value } of hidden.values) {
    if (body.includes(value) || body.includes(JSON.stringify(value).slice(1, -1)))
      leaks.push(`${field} "${value}"`);
  }
  if (hidden.ids.size === 0) return leaks;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return leaks;
  }
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.id === 'string' && hidden.ids.has(record.id)) {
      for (const field of DETAIL_FIELDS) if (field in record) leaks.push(`${field} of ${record.id}`);
    }
    const links = record.interventionIds;
    if (Array.isArray(links) && links.some((id) => hidden.ids.has(id as string)))
      leaks.push('a sub-goal linked to a hidden intervention');
    for (const value of Object.values(record)) walk(value);
  };
  walk(parsed);
  return leaks;
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

/** The citizen's plan version, read again only after an accepted write (or a reset). */
let knownVersion: number | null = null;
async function planVersion(): Promise<number> {
  if (knownVersion === null) {
    const row = await t.context.database.db
      .selectFrom('plan')
      .select('version')
      .where('citizen_id', '=', w.citizen.id)
      .executeTakeFirstOrThrow();
    knownVersion = row.version;
  }
  return knownVersion;
}

async function call(
  operation: Operation,
  persona: PersonaName,
): Promise<{ status: number; body: string; type: string }> {
  const cookie = await cookieOf(persona);
  const version = await planVersion();
  const url = fillPath(operation.path, (name) => pathValue(operation, name));
  const payload =
    SAMPLE_BODIES[`${operation.method} ${operation.path}`] ??
    (operation.body ? sampleOf(api, operation.body, ids) : undefined);
  const send = (session: string | null) =>
    t.request(session, {
      method: operation.method,
      url,
      // A text body is an import: the only text the API takes is text/csv.
      headers: {
        'if-match': `"${version}"`,
        ...(typeof payload === 'string' ? { 'content-type': 'text/csv' } : {}),
      },
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });
  let response = await send(cookie);
  // An earlier call may have ended the session (logout, a revoked fuldmagt): log in again.
  if (response.statusCode === 401 && persona !== 'anonymous')
    response = await send(await cookieOf(persona, true));
  // Only an accepted write can have moved the plan's version.
  if (operation.method !== 'GET' && response.statusCode < 400) knownVersion = null;
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
  // Ending "an intervention" ends the jobcenter's; the proposal routes need it running.
  await db
    .updateTable('intervention')
    .set({ status: 'planned', end_date: null, end_reason: null })
    .where('id', '=', w.interventions.jobcenter)
    .execute();
  await db
    .updateTable('proposal')
    .set({ status: 'pending', decided_by: null, decided_at: null, decline_reason: null })
    .where('id', '=', ids.proposalId ?? '')
    .execute();
  await insertMatrixDecision();
  await db
    .updateTable('team_case')
    .set({ status: 'listed', recommendation: null, recommendation_reasons: null, recommended_by: null })
    .where('id', '=', ids.caseId ?? '')
    .execute();
  t.context.plans.grants.invalidate(w.municipalityId, w.citizen.id);
  // A write may have changed what is hidden (a new intervention, a consent): read it again.
  hiddenCache = new Map();
  knownVersion = null;
}

function isPublic(path: string): boolean {
  return PUBLIC.some((pattern) => pattern.test(path));
}

/**
 * The endpoints, from the committed document so that each one is a test of its own (the first
 * test holds the served document to it); reads first, so the writes' resets come last.
 */
const ORDERED = [...committedApi().operations].sort(
  (a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'),
);
let calls = 0;

describe('the authorisation matrix', () => {
  it('discovers the API from its OpenAPI document', () => {
    expect(api.operations.length).toBeGreaterThan(30);
    for (const key of Object.keys(EXPLICIT)) {
      expect(
        api.operations.some((operation) => operationKey(operation) === key),
        key,
      ).toBe(true);
    }
    // The endpoints tested one by one below are every endpoint the server serves.
    expect(ORDERED.map(operationKey).sort()).toEqual(api.operations.map(operationKey).sort());
  });

  describe('every endpoint × persona: allow/deny as expected, no 5xx, no tenant reach, no field leak', () => {
    for (const listed of ORDERED) {
      const key = operationKey(listed);
      it(key, async () => {
        // The served operation (its schemas), the same one the committed document lists.
        const operation = api.operations.find((served) => operationKey(served) === key) ?? listed;
        const failures: string[] = [];
        for (const persona of PERSONAS) {
          const result = await call(operation, persona);
          calls += 1;
          const accepted = operation.method !== 'GET' && result.status < 400;
          // A write may have added what the persona now sees (an intervention it recorded): read again.
          if (accepted) hiddenCache = new Map();
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
          if (!REFERENCE_DATA.some((pattern) => pattern.test(operation.path))) {
            for (const leak of fieldLeaks(result.body, await hiddenFor(persona)))
              fail(`leaked hidden ${leak}`);
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
          // Undo what an accepted write granted; a refusal changed nothing (test/api/fuzz.test.ts
          // proves that for every endpoint), so there is nothing to undo.
          if (accepted) await reset();
        }
        expect(failures).toEqual([]);
      });
    }
  });

  it('called every endpoint as every persona, each persona logged in once', () => {
    expect(calls).toBe(api.operations.length * PERSONAS.length);
    // Logins once per persona, again only after a call ended the session.
    expect(logins).toBeLessThan(PERSONAS.length * 4);
    console.info(`authorisation matrix: ${calls} calls, ${logins} logins`);
  });

  it('walks the relationship lifetimes: referral answered, meeting passed, break-the-glass expired → access gone', async () => {
    const db = t.context.database.db;
    const citizenReads = api.operations.filter(
      (operation) => operation.method === 'GET' && operation.path.includes('{citizenId}'),
    );
    expect(citizenReads.length).toBeGreaterThan(5);
    const persona: PersonaName = 'healthWorker';
    const planOperation = citizenReads.find(
      (operation) => operation.path === '/api/citizens/{citizenId}/plan',
    );
    if (!planOperation) throw new Error('no plan endpoint in the OpenAPI document');
    const planOf = () => call(planOperation, persona);
    /** While the relationship lasts: the plan, "that, not what"; once it ends: no citizen endpoint answers. */
    const expectReadable = async (why: string): Promise<void> => {
      const plan = await planOf();
      expect(plan.status, `${why}: ${plan.body.slice(0, 160)}`).toBe(200);
      expect(fieldLeaks(plan.body, await hiddenFor(persona)), why).toEqual([]);
    };
    const expectGone = async (why: string): Promise<void> => {
      const open: string[] = [];
      for (const operation of citizenReads) {
        const result = await call(operation, persona);
        if (result.status >= 300) continue;
        // One's own emergency access (none here) is asked for exactly where no relationship exists.
        if (operation.path === '/api/citizens/{citizenId}/break-glass/active') {
          if (JSON.parse(result.body).active === null) continue;
        }
        // A unit keeps its own referrals (sent or received) as its record, and nothing else.
        if (operation.path === '/api/citizens/{citizenId}/referrals') {
          const items = JSON.parse(result.body).items as {
            from: { unit: { id: string } };
            to: { unit: { id: string } | null };
          }[];
          if (
            items.every((item) => item.from.unit.id === w.units.health || item.to.unit?.id === w.units.health)
          )
            continue;
        }
        open.push(`${operation.path} ${result.status}`);
      }
      expect(open, why).toEqual([]);
    };
    await expectGone('before any relationship');

    // A referral to the home care unit: its professionals read until it is answered.
    const referral = await t.request(await cookieOf('coordinator'), {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/referrals`,
      payload: { toUnitId: w.units.health, reason: 'Matrix: hjælp til medicin' },
    });
    expect(referral.statusCode, referral.body).toBe(201);
    await expectReadable('pending referral');
    const declined = await t.request(await cookieOf(persona), {
      method: 'POST',
      url: `/api/referrals/${referral.json().id}/decline`,
      payload: { reason: 'Matrix: ikke vores område' },
    });
    expect(declined.statusCode, declined.body).toBe(200);
    await expectGone('referral declined');

    // A meeting invitation: read-only until N days (14) after the meeting.
    const meeting = await t.request(await cookieOf('coordinator'), {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/meetings`,
      payload: {
        kind: 'network',
        purpose: 'Matrix: netværksmøde',
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        online: true,
        participantIds: [w.healthWorker.id],
      },
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    await expectReadable('invited to a meeting');
    // The meeting took place 15 days ago (its row's time moved; the read model rebuilt).
    await db
      .updateTable('meeting')
      .set({ starts_at: new Date(Date.now() - 15 * 24 * 3_600_000) })
      .where('id', '=', meeting.json().id)
      .execute();
    const [document] = await rebuildPlanDocuments(db, w.municipalityId, [w.citizen.id]);
    if (document) t.context.plans.put(w.municipalityId, document);
    await expectGone('meeting passed');

    // Break-the-glass: until it expires.
    const { id: glass } = await t.factories.breakGlass({
      citizenId: w.citizen.id,
      professionalId: w.healthWorker.id,
      reason: 'Matrix: akut hjælp',
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    t.context.plans.grants.invalidate(w.municipalityId, w.citizen.id);
    const underGlass = await planOf();
    expect(underGlass.status, underGlass.body.slice(0, 160)).toBe(200);
    await db
      .updateTable('break_glass')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', glass)
      .execute();
    t.context.plans.grants.invalidate(w.municipalityId, w.citizen.id);
    await expectGone('break-the-glass expired');
  }, 120_000);

  it('left the audit chain intact through all of it', async () => {
    const { verifyAuditChain } = await import('../../src/db/queries/audit-chain.queries.js');
    expect((await verifyAuditChain(t.context.database.db)).problems).toEqual([]);
    const denied = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_event WHERE outcome = 'denied'`.execute(t.context.database.db);
    expect(denied.rows[0]?.n).toBeGreaterThan(20);
  });
});
