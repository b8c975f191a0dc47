import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildPlanDocuments } from '../../src/db/queries/plan-document.queries.js';
import { type AccessWorld, buildAccessWorld, interventionIn, type Person } from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Network and team meetings: arranged by those who work with the citizen, audited, with a
 * relationship for the invited professionals from the invitation until some days after the
 * meeting — read-only, and still "that, not what".
 */
let t: TestApp;
let w: AccessWorld;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
});
afterAll(() => t?.dispose());

const meetingsUrl = (citizenId = w.citizen.id) => `/api/citizens/${citizenId}/meetings`;

function create(as: Person | { cookie: string }, payload: Record<string, unknown>) {
  return t.request(as.cookie, { method: 'POST', url: meetingsUrl(), payload });
}

function change(as: { cookie: string }, id: string, step: '' | '/hold' | '/cancel', payload: unknown) {
  return t.request(as.cookie, {
    method: step === '' ? 'PATCH' : 'POST',
    url: `${meetingsUrl()}/${id}${step}`,
    payload: payload as Record<string, unknown>,
  });
}

function readPlan(as: { cookie: string }) {
  return t.request(as.cookie, { method: 'GET', url: `/api/citizens/${w.citizen.id}/plan` });
}

async function countMeetings(): Promise<number> {
  const row = await t.context.database.db
    .selectFrom('meeting')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('citizen_id', '=', w.citizen.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

describe('arranging a meeting', () => {
  let meetingId: string;

  it('is for those who work with the citizen; the invited get an inbox notice', async () => {
    expect((await readPlan(w.healthWorker)).statusCode).toBe(403);
    const created = await create(w.coordinator, {
      kind: 'network',
      purpose: 'Netværksmøde om bolig og job',
      agenda: 'Bodils egne ønsker først',
      startsAt: inDays(7),
      place: 'Jobcentret, mødelokale 2',
      participantIds: [w.healthWorker.id],
      others: [{ kind: 'network', name: 'Mor (pårørende)', citizenConsent: 'agreed' }],
    });
    expect(created.statusCode).toBe(201);
    const meeting = created.json();
    meetingId = meeting.id;
    expect(meeting).toMatchObject({
      kind: 'network',
      status: 'planned',
      detailsHidden: false,
      organiser: { id: w.coordinator.id, unit: { id: w.units.jobcenter } },
      participants: [
        { kind: 'professional', professionalId: w.healthWorker.id },
        { kind: 'network', name: 'Mor (pårørende)' },
      ],
    });
    // 14 days after the meeting by default.
    expect(Date.parse(meeting.relationUntil) - Date.parse(meeting.startsAt)).toBe(14 * DAY);
    const inbox = await t.request(w.healthWorker.cookie, { method: 'GET', url: '/api/inbox' });
    expect(JSON.stringify(inbox.json())).toContain('meeting-invited');
    const audit = await t.context.database.db
      .selectFrom('audit_event')
      .select(['action', 'outcome'])
      .where('resource', '=', `meeting:${meetingId}`)
      .execute();
    expect(audit).toEqual([{ action: 'create', outcome: 'allowed' }]);
  });

  it('gives the invited a relationship: read the plan (audited as meeting), "that, not what", no plan changes', async () => {
    const response = await readPlan(w.healthWorker);
    expect(response.statusCode).toBe(200);
    const psy = interventionIn(response.json(), w.interventions.psychiatry);
    expect(psy).toMatchObject({ detailsHidden: true });
    expect(JSON.stringify(response.json())).not.toContain('fortrolige');
    const audit = await t.context.database.db
      .selectFrom('audit_event')
      .select(['details'])
      .where('actor_id', '=', w.healthWorker.id)
      .where('resource', '=', 'plan')
      .where('outcome', '=', 'allowed')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ basis: 'meeting' });
    const write = await w.write('/sub-goals', 'POST', { title: 'Fra mødet' }, w.healthWorker);
    expect(write.statusCode).toBe(403);
    const list = await t.request(w.healthWorker.cookie, { method: 'GET', url: meetingsUrl() });
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0]).toMatchObject({ id: meetingId, purpose: 'Netværksmøde om bolig og job' });
  });

  it('is refused to the unrelated, to citizens, and across municipalities', async () => {
    const before = await countMeetings();
    const body = { kind: 'team', purpose: 'Teammøde', startsAt: inDays(3), online: true };
    expect((await create(w.jobcenterColleague, body)).statusCode).toBe(403);
    expect((await create(w.citizen, body)).statusCode).toBe(403);
    expect(
      (await t.request(w.jobcenterColleague.cookie, { method: 'GET', url: meetingsUrl() })).statusCode,
    ).toBe(403);
    expect(
      (await t.request(w.other.professional.cookie, { method: 'GET', url: meetingsUrl() })).statusCode,
    ).toBe(404);
    expect((await change(w.jobcenterColleague, meetingId, '/cancel', { reason: 'Nej' })).statusCode).toBe(
      403,
    );
    expect(await countMeetings()).toBe(before);
    const denied = await t.context.database.db
      .selectFrom('audit_event')
      .select('resource')
      .where('actor_id', '=', w.jobcenterColleague.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.map((row) => row.resource)).toEqual(
      expect.arrayContaining(['meeting', 'meetings', `meeting:${meetingId}`]),
    );
  });

  it('shows the citizen her meetings in full', async () => {
    const list = await t.request(w.citizen.cookie, { method: 'GET', url: meetingsUrl() });
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0]).toMatchObject({
      purpose: 'Netværksmøde om bolig og job',
      participants: expect.arrayContaining([expect.objectContaining({ name: 'Mor (pårørende)' })]),
    });
  });

  it('rejects bad input naming the field, writing nothing', async () => {
    const before = await countMeetings();
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'team', purpose: 'Uden sted', startsAt: inDays(1) }, 'place'],
      [{ kind: 'team', purpose: 'Forkert tid', startsAt: 'i morgen', online: true }, 'startsAt'],
      [{ kind: 'team', purpose: 'Langt ude', startsAt: inDays(3000), online: true }, 'startsAt'],
      [{ kind: 'party', purpose: 'Fest', startsAt: inDays(1), online: true }, 'kind'],
      [
        { kind: 'team', purpose: 'Kort', startsAt: inDays(1), online: true, durationMinutes: 4 },
        'durationMinutes',
      ],
      [
        { kind: 'team', purpose: 'Lang', startsAt: inDays(1), online: true, durationMinutes: 601 },
        'durationMinutes',
      ],
      [
        { kind: 'team', purpose: 'Halv', startsAt: inDays(1), online: true, durationMinutes: 30.5 },
        'durationMinutes',
      ],
      [
        {
          kind: 'team',
          purpose: 'Ukendt deltager',
          startsAt: inDays(1),
          online: true,
          participantIds: [w.other.professional.id],
        },
        'participantIds',
      ],
    ];
    for (const [payload, field] of cases) {
      const response = await create(w.coordinator, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(response.json())).toContain(field);
    }
    expect(await countMeetings()).toBe(before);
  });

  it('is changed, then cancelled: the cancellation ends the relationship and tells the invited', async () => {
    const hold = await change(w.coordinator, meetingId, '/hold', { summary: 'For tidligt' });
    expect(hold.statusCode).toBe(400);
    expect(hold.json().errors[0].field).toBe('summary');
    const moved = await change(w.coordinator, meetingId, '', { startsAt: inDays(8), online: true });
    expect(moved.statusCode).toBe(200);
    // A meeting is planned for an hour unless its length is given.
    expect(moved.json()).toMatchObject({
      online: true,
      place: 'Jobcentret, mødelokale 2',
      durationMinutes: 60,
    });
    const longer = await change(w.coordinator, meetingId, '', { durationMinutes: 90 });
    expect(longer.json()).toMatchObject({ durationMinutes: 90, online: true });
    const read = await t.request(w.coordinator.cookie, { method: 'GET', url: meetingsUrl() });
    expect(JSON.stringify(read.json())).toContain('"durationMinutes":90');
    const cancelled = await change(w.coordinator, meetingId, '/cancel', { reason: 'Borgeren er syg' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Borgeren er syg' });
    expect((await readPlan(w.healthWorker)).statusCode).toBe(403);
    const again = await change(w.coordinator, meetingId, '/cancel', { reason: 'Igen' });
    expect(again.statusCode).toBe(409);
    const inbox = await t.request(w.healthWorker.cookie, { method: 'GET', url: '/api/inbox' });
    expect(JSON.stringify(inbox.json())).toContain('meeting-cancelled');
  });
});

describe('the relationship after a meeting', () => {
  it('lasts the configured days after the meeting, then ends', async () => {
    const held = await create(w.coordinator, {
      kind: 'team',
      purpose: 'Rehabiliteringsteam',
      startsAt: new Date(Date.now() - 2 * HOUR).toISOString(),
      online: true,
      participantIds: [w.healthWorker.id],
    });
    expect(held.statusCode).toBe(201);
    const summary = await change(w.coordinator, held.json().id, '/hold', {
      summary: 'Teamet anbefaler et jobafklaringsforløb',
    });
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({
      status: 'held',
      summary: 'Teamet anbefaler et jobafklaringsforløb',
    });
    expect((await readPlan(w.healthWorker)).statusCode).toBe(200);
    // The municipality shortens the period to 0 days: the meeting is over, so is the relationship.
    const db = t.context.database.db;
    await db
      .updateTable('municipality')
      .set({ meeting_relation_days: 0 })
      .where('id', '=', w.municipalityId)
      .execute();
    const [document] = await rebuildPlanDocuments(db, w.municipalityId, [w.citizen.id]);
    if (document) t.context.plans.put(w.municipalityId, document);
    expect((await readPlan(w.healthWorker)).statusCode).toBe(403);
    await db
      .updateTable('municipality')
      .set({ meeting_relation_days: 14 })
      .where('id', '=', w.municipalityId)
      .execute();
    const [restored] = await rebuildPlanDocuments(db, w.municipalityId, [w.citizen.id]);
    if (restored) t.context.plans.put(w.municipalityId, restored);
    expect((await readPlan(w.healthWorker)).statusCode).toBe(200);
  });
});

describe('a pending referral and meetings', () => {
  it('lets the receiving unit see that a meeting takes place, not what it is about', async () => {
    const referral = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/referrals`,
      payload: { toUnitId: w.units.health, reason: 'Hjælp til medicin' },
    });
    expect(referral.statusCode).toBe(201);
    const list = await t.request(w.healthLeader.cookie, { method: 'GET', url: meetingsUrl() });
    expect(list.statusCode).toBe(200);
    const team = list.json().items.find((item: { kind: string }) => item.kind === 'team');
    // The leader is not invited: the meeting's purpose and summary are not theirs to read.
    expect(team).toMatchObject({ detailsHidden: true, purpose: null, summary: null });
    const withdrawn = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/referrals/${referral.json().id}/withdraw`,
      payload: { reason: 'Ikke længere relevant' },
    });
    expect(withdrawn.statusCode).toBe(200);
    expect((await t.request(w.healthLeader.cookie, { method: 'GET', url: meetingsUrl() })).statusCode).toBe(
      403,
    );
  });
});
