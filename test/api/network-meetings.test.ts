import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingView } from '../../src/domain/meetings/meeting.schemas.js';
import type { PlanHistory } from '../../src/domain/plan/plan.responses.js';
import { type AccessWorld, buildAccessWorld, type Person } from '../support/access-world.js';
import { pdfText } from '../support/pdf-text.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Network meetings (issue 14, item 2): the citizen decides whom of her network to invite, roles,
 * an agenda from her preparation and the plan, the record of the held meeting, and its
 * agreements written back to the plan in one change — another unit's intervention as a proposal,
 * nothing at all when one agreement is refused — and the minutes as a PDF for those involved.
 */
let t: TestApp;
let w: AccessWorld;
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
});
afterAll(() => t?.dispose());

const meetingsUrl = () => `/api/citizens/${w.citizen.id}/meetings`;
const meetingUrl = (id: string, suffix = '') => `${meetingsUrl()}/${id}${suffix}`;

function send(as: { cookie: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  return t.request(as.cookie, { method, url, payload: payload as Record<string, unknown> | undefined });
}

async function planVersion(): Promise<number> {
  const response = await send(w.coordinator, 'GET', `/api/citizens/${w.citizen.id}/plan`);
  return response.json<{ version: number }>().version;
}

function writeAgreements(as: Person, id: string, version: number | null) {
  return t.request(as.cookie, {
    method: 'POST',
    url: meetingUrl(id, '/agreements/write'),
    headers: version === null ? {} : { 'if-match': `"${version}"` },
    payload: {},
  });
}

describe('a network meeting from invitation to the plan', () => {
  let meeting: MeetingView;

  it('invites her network only with her consent', async () => {
    const refused = await send(w.coordinator, 'POST', meetingsUrl(), {
      kind: 'network',
      purpose: 'Netværksmøde om job og bolig',
      startsAt: inDays(-1),
      place: 'Jobcentret, mødelokale 2',
      others: [{ kind: 'network', name: 'Mor' }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      { field: 'others.0.citizenConsent', message: expect.stringContaining('the citizen decides') },
    ]);
    const created = await send(w.coordinator, 'POST', meetingsUrl(), {
      kind: 'network',
      purpose: 'Netværksmøde om job og bolig',
      startsAt: inDays(-1),
      place: 'Jobcentret, mødelokale 2',
      participantIds: [w.psychiatryWorker.id],
      others: [{ kind: 'network', name: 'Mor', citizenConsent: 'asked' }],
    });
    expect(created.statusCode).toBe(201);
    meeting = created.json<MeetingView>();
    expect(meeting.participants).toMatchObject([
      { kind: 'professional', role: 'participant', citizenConsent: null },
      { kind: 'network', name: 'Mor', role: 'participant', citizenConsent: 'asked' },
    ]);
  });

  it('shows the organiser her invite wishes; the list has roles, one tovholder, and her consent', async () => {
    const prepared = await send(w.citizen, 'PUT', meetingUrl(meeting.id, '/preparation'), {
      talkAbout: 'Jeg vil tale om at flytte',
      matters: 'At jeg kan klare mig selv',
      inviteWishes: 'Mor og Ole fra klubben',
    });
    expect(prepared.statusCode).toBe(200);
    const seen = await send(w.coordinator, 'GET', meetingsUrl());
    const mine = seen.json<{ items: MeetingView[] }>().items.find((item) => item.id === meeting.id);
    expect(mine?.preparation?.inviteWishes).toBe('Mor og Ole fra klubben');

    const url = meetingUrl(meeting.id, '/invitations');
    const participants = [
      { kind: 'professional', professionalId: w.psychiatryWorker.id, role: 'reflecting' },
      { kind: 'professional', professionalId: w.jobcenterColleague.id, role: 'coordinator' },
      { kind: 'network', name: 'Mor', citizenConsent: 'asked' },
      { kind: 'civil_society', name: 'Ole fra klubben', role: 'facilitator' },
    ];
    const noConsent = await send(w.coordinator, 'PUT', url, { participants });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().errors[0].field).toBe('participants.3.citizenConsent');
    const twoCoordinators = await send(w.coordinator, 'PUT', url, {
      participants: [
        ...participants.slice(0, 3),
        { ...participants[3], citizenConsent: 'asked', role: 'coordinator' },
      ],
    });
    expect(twoCoordinators.statusCode).toBe(400);
    expect(twoCoordinators.json().errors[0].field).toBe('participants.3.role');
    // Neither the citizen nor a participant without a relationship sets the list.
    expect((await send(w.citizen, 'PUT', url, { participants: [] })).statusCode).toBe(403);
    const saved = await send(w.coordinator, 'PUT', url, {
      participants: [...participants.slice(0, 3), { ...participants[3], citizenConsent: 'agreed' }],
    });
    expect(saved.statusCode).toBe(200);
    meeting = saved.json<MeetingView>();
    expect(meeting.participants.map((item) => [item.name, item.role, item.citizenConsent])).toEqual([
      ['Peter Psykiatri', 'reflecting', null],
      ['Jens Kollega', 'coordinator', null],
      ['Mor', 'participant', 'asked'],
      ['Ole fra klubben', 'facilitator', 'agreed'],
    ]);
    // The newly invited colleague hears of it.
    const inbox = await send(w.jobcenterColleague, 'GET', '/api/inbox');
    expect(JSON.stringify(inbox.json())).toContain('meeting-invited');
  });

  it('proposes an agenda from her preparation and the plan; the organiser edits and saves it', async () => {
    const proposal = await send(w.coordinator, 'GET', meetingUrl(meeting.id, '/agenda-proposal'));
    expect(proposal.statusCode).toBe(200);
    const points = proposal.json<{ points: { text: string; source: string; refId: string | null }[] }>()
      .points;
    expect(points.slice(0, 3)).toEqual([
      { text: 'Jeg vil tale om at flytte', source: 'citizen-talk-about', refId: null },
      { text: 'At jeg kan klare mig selv', source: 'citizen-matters', refId: null },
      {
        text: 'Delmålet uden fremskridt: Komme i praktik',
        source: 'sub-goal-no-progress',
        refId: w.subGoalId,
      },
    ]);
    const saved = await send(w.coordinator, 'PUT', meetingUrl(meeting.id, '/agenda'), {
      points: [...points.slice(0, 2), { text: 'Transport til praktikken' }],
    });
    expect(saved.statusCode).toBe(200);
    const view = saved.json<MeetingView>();
    expect(view.agendaPoints?.map((point) => point.source)).toEqual([
      'citizen-talk-about',
      'citizen-matters',
      'own',
    ]);
    expect(view.agenda).toBe(
      '1. Jeg vil tale om at flytte\n2. At jeg kan klare mig selv\n3. Transport til praktikken',
    );
    expect((await send(w.citizen, 'GET', meetingUrl(meeting.id, '/agenda-proposal'))).statusCode).toBe(403);
  });

  it('has no minutes before it is held', async () => {
    expect((await send(w.citizen, 'GET', meetingUrl(meeting.id, '/minutes.pdf'))).statusCode).toBe(409);
  });

  const agreements = () => [
    {
      kind: 'new_sub_goal',
      text: 'Bodil finder en bolig tæt på praktikken',
      subGoal: { title: 'Finde en bolig' },
    },
    {
      kind: 'change_intervention',
      text: 'Mentoren kommer hver 14. dag',
      interventionId: w.interventions.jobcenter,
      change: { frequency: 'hver 14. dag' },
    },
    {
      kind: 'follow_up',
      text: 'Bostøtten følges op 1. marts',
      interventionId: w.interventions.psychiatry,
      followUpDate: '2027-03-01',
    },
  ];

  it('records who came, reflections and agreements; not written while she was absent', async () => {
    const [, colleague, mother] = meeting.participants;
    const recorded = await send(w.coordinator, 'PUT', meetingUrl(meeting.id, '/record'), {
      summary: 'Vi talte om bolig og praktik.',
      reflections: 'Ole hørte, at Bodil gerne vil klare mere selv.',
      openQuestions: 'Hvem kører hende til praktik?',
      citizenPresent: false,
      attendance: [
        { participantId: colleague?.id, attended: true },
        { participantId: mother?.id, attended: false },
      ],
      agreements: agreements(),
    });
    expect(recorded.statusCode).toBe(200);
    const view = recorded.json<MeetingView>();
    expect(view).toMatchObject({ status: 'held', citizenPresent: false, reflections: expect.any(String) });
    expect(view.participants.map((item) => item.attended)).toEqual([null, true, false, null]);
    expect(view.agreements.map((item) => [item.kind, item.ownerUnit?.id])).toEqual([
      ['new_sub_goal', undefined],
      ['change_intervention', w.units.jobcenter],
      ['follow_up', w.units.psychiatry],
    ]);
    const absent = await writeAgreements(w.coordinator, meeting.id, await planVersion());
    expect(absent.statusCode).toBe(409);
    expect(absent.json().detail).toContain('not present');
  });

  it('writes nothing at all when one agreement is refused (policy, invalid, stale)', async () => {
    const plan = (await send(w.coordinator, 'GET', `/api/citizens/${w.citizen.id}/plan`)).json<{
      version: number;
      sectors: { interventions: { id: string; type: { id: string } }[] }[];
    }>();
    const typeId = plan.sectors.flatMap((group) => group.interventions)[0]?.type.id;
    const record = (extra: unknown[]) =>
      send(w.coordinator, 'PUT', meetingUrl(meeting.id, '/record'), {
        summary: 'Vi talte om bolig og praktik.',
        citizenPresent: true,
        agreements: [...agreements(), ...extra],
      });
    // Policy: a case reference is the owning unit's to record.
    expect(
      (
        await record([
          {
            kind: 'new_intervention',
            text: 'Psykiatrien starter en samtalegruppe',
            intervention: {
              typeId,
              unitId: w.units.psychiatry,
              startDate: '2027-01-04',
              caseReference: 'X-1',
            },
          },
        ])
      ).statusCode,
    ).toBe(200);
    const version = await planVersion();
    const refused = await writeAgreements(w.coordinator, meeting.id, version);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('Agreement 4');
    // Invalid: a sub-goal that is not there.
    await record([
      {
        kind: 'change_sub_goal',
        text: 'Praktikken flyttes',
        subGoalId: '01900000-0000-7000-8000-000000000000',
        change: { targetDate: '2027-02-01' },
      },
    ]);
    expect((await writeAgreements(w.coordinator, meeting.id, version)).statusCode).toBe(404);
    // Stale: the plan changed since it was loaded.
    await record([]);
    expect((await writeAgreements(w.coordinator, meeting.id, version - 1)).statusCode).toBe(412);
    expect((await writeAgreements(w.coordinator, meeting.id, null)).statusCode).toBe(428);

    expect(await planVersion()).toBe(version);
    const titles = (await send(w.coordinator, 'GET', `/api/citizens/${w.citizen.id}/plan`))
      .json<{ subGoals: { title: string }[] }>()
      .subGoals.map((goal) => goal.title);
    expect(titles).not.toContain('Finde en bolig');
    const proposals = await t.context.database.db
      .selectFrom('proposal')
      .select('id')
      .where('citizen_id', '=', w.citizen.id)
      .execute();
    expect(proposals).toEqual([]);
  });

  it("writes them in one change, the history naming the meeting; another unit's intervention gets a proposal", async () => {
    const recorded = await send(w.coordinator, 'PUT', meetingUrl(meeting.id, '/record'), {
      summary: 'Vi talte om bolig og praktik.',
      reflections: 'Ole hørte, at Bodil gerne vil klare mere selv.',
      citizenPresent: true,
      agreements: agreements(),
      nextMeeting: { startsAt: inDays(20), place: 'Jobcentret, mødelokale 2' },
    });
    expect(recorded.statusCode).toBe(200);
    meeting = recorded.json<MeetingView>();
    const version = await planVersion();
    const written = await writeAgreements(w.coordinator, meeting.id, version);
    expect(written.statusCode).toBe(200);
    expect(written.headers.etag).toBe(`"${version + 1}"`);
    expect(written.json().results.map((item: { outcome: string }) => item.outcome)).toEqual([
      'written',
      'written',
      'proposed',
    ]);

    const history = (
      await send(w.coordinator, 'GET', `/api/citizens/${w.citizen.id}/plan/history`)
    ).json<PlanHistory>();
    const fromMeeting = history.items.filter((item) => item.origin?.id === meeting.id);
    expect(fromMeeting.map((item) => [item.entity, item.action, item.planVersion]).sort()).toEqual(
      [
        ['intervention', 'update', version + 1],
        ['proposal', 'create', version + 1],
        ['sub_goal', 'create', version + 1],
      ].sort(),
    );
    expect(fromMeeting.every((item) => item.origin?.kind === 'meeting')).toBe(true);

    const proposals = await send(w.psychiatryWorker, 'GET', `/api/citizens/${w.citizen.id}/proposals`);
    expect(JSON.stringify(proposals.json())).toContain('2027-03-01');
    const inbox = await send(w.psychiatryWorker, 'GET', '/api/inbox');
    expect(JSON.stringify(inbox.json())).toContain('proposal-made');
    // Once only.
    expect((await writeAgreements(w.coordinator, meeting.id, version + 1)).statusCode).toBe(409);

    const all = (await send(w.coordinator, 'GET', meetingsUrl())).json<{ items: MeetingView[] }>().items;
    const next = all.find((item) => item.id === meeting.nextMeetingId);
    expect(next).toMatchObject({ status: 'planned', kind: 'network' });
    expect(next?.participants.map((item) => [item.name, item.role, item.citizenConsent])).toContainEqual([
      'Mor',
      'participant',
      'asked',
    ]);
  });

  it('gives her the minutes in plain language, audited; not to one who sees only that it takes place', async () => {
    const response = await send(w.citizen, 'GET', meetingUrl(meeting.id, '/minutes.pdf'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(response.rawPayload);
    expect(text).toContain('Referat af netværksmøde');
    expect(text).toContain('Vi talte om bolig og praktik.');
    expect(text).toContain('Mentoren kommer hver 14. dag Det står nu i planen.');
    expect(text).toContain('Socialpsykiatrien Adgang skal sige ja til det.');
    expect(text).toContain('Vi ses igen');
    const audit = await t.context.database.db
      .selectFrom('audit_event')
      .select(['outcome'])
      .where('resource', '=', `meeting_minutes:${meeting.id}`)
      .execute();
    expect(audit).toEqual([{ outcome: 'allowed' }]);

    // The health worker is invited to another meeting only: she sees that this one took place.
    const other = await send(w.coordinator, 'POST', meetingsUrl(), {
      kind: 'team',
      purpose: 'Sundhed',
      startsAt: inDays(3),
      online: true,
      participantIds: [w.healthWorker.id],
    });
    expect(other.statusCode).toBe(201);
    const seen = (await send(w.healthWorker, 'GET', meetingsUrl())).json<{ items: MeetingView[] }>().items;
    expect(seen.find((item) => item.id === meeting.id)).toMatchObject({
      detailsHidden: true,
      summary: null,
      agreements: [],
      reflections: null,
    });
    const hidden = await send(w.healthWorker, 'GET', meetingUrl(meeting.id, '/minutes.pdf'));
    expect(hidden.statusCode).toBe(403);
    expect(hidden.body).not.toContain('bolig');
  });
});
