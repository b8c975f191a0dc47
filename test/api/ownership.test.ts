import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, buildAccessWorld, interventionIn, type Person } from '../support/access-world.js';
import { danishSentence } from '../support/notification-text.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Ownership (issue 9, findings H1, H2, M1 and the referral part of M3): every intervention
 * belongs to its delivering unit; everyone else proposes. Passing bases (a pending referral, a
 * meeting invitation, break-the-glass) have bounded powers and end when they should.
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

async function plan(as: { cookie: string }): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await t.request(as.cookie, { method: 'GET', url: `/api/citizens/${w.citizen.id}/plan` });
  const body = response.json() as Record<string, unknown>;
  if (response.statusCode === 200) w.version = body.version as number;
  return { status: response.statusCode, body };
}

async function history(as: Person): Promise<string> {
  const response = await t.request(as.cookie, {
    method: 'GET',
    url: `/api/citizens/${w.citizen.id}/plan/history`,
  });
  expect(response.statusCode).toBe(200);
  return response.body;
}

async function inbox(as: Person): Promise<{ kind: string; payload: Record<string, unknown> }[]> {
  const response = await t.request(as.cookie, { method: 'GET', url: '/api/inbox' });
  expect(response.statusCode).toBe(200);
  return response.json().items;
}

function post(as: Person, url: string, payload: Record<string, unknown>) {
  return t.request(as.cookie, { method: 'POST', url, payload });
}

describe('finding 1: another unit’s intervention', () => {
  it('cannot be taken over, changed or ended by a non-owner, nor read through it', async () => {
    const psy = w.interventions.psychiatry;
    for (const [path, method, payload] of [
      [`/interventions/${psy}`, 'PATCH', { responsibleId: w.coordinator.id }],
      [`/interventions/${psy}`, 'PATCH', { purpose: 'Overskrevet af jobcenteret' }],
      [`/interventions/${psy}`, 'PATCH', { status: 'paused' }],
      [`/interventions/${psy}/end`, 'POST', { reason: 'Jobcenteret afslutter' }],
    ] as const) {
      const response = await w.write(path, method, payload);
      expect(response.statusCode, `${method} ${path}`).toBe(403);
      expect(response.body).not.toContain('fortrolige');
    }
    const seen = await plan(w.coordinator);
    expect(interventionIn(seen.body, psy)).toMatchObject({ detailsHidden: true });
    const text = await history(w.coordinator);
    expect(text).not.toContain('fortrolige');
    expect(text).not.toContain('Overskrevet');
  });

  it('keeps its responsible professional within the owning unit, also for the owner', async () => {
    await plan(w.psychiatryWorker);
    const response = await w.write(
      `/interventions/${w.interventions.psychiatry}`,
      'PATCH',
      { responsibleId: w.coordinator.id },
      w.psychiatryWorker,
    );
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).errors[0].field).toBe('responsibleId');
  });

  it('is changed by its owner, and the others are told which unit acted', async () => {
    await plan(w.psychiatryWorker);
    const response = await w.write(
      `/interventions/${w.interventions.psychiatry}`,
      'PATCH',
      { frequency: 'tre gange om ugen' },
      w.psychiatryWorker,
    );
    expect(response.statusCode).toBe(200);
    const notice = (await inbox(w.coordinator)).find((item) => item.kind === 'intervention-changed');
    expect(notice?.payload).toMatchObject({ action: 'update', byUnit: 'Socialpsykiatrien Adgang' });
    expect(await danishSentence(notice)).toMatch(/^Socialpsykiatrien Adgang har ændret/);
  });
});

describe('recording an intervention for another unit', () => {
  let recorded: string;

  it('creates it as that unit’s, awaiting its confirmation; the author sees what they wrote', async () => {
    const type = await t.context.database.db
      .selectFrom('intervention_type')
      .select('id')
      .where('municipality_id', '=', w.municipalityId)
      .where('sector', '=', 'social-adult')
      .executeTakeFirstOrThrow();
    await plan(w.coordinator);
    const wrongResponsible = await w.write('/interventions', 'POST', {
      typeId: type.id,
      unitId: w.units.psychiatry,
      responsibleId: w.coordinator.id,
      startDate: '2026-04-01',
    });
    expect(wrongResponsible.statusCode).toBe(400);
    expect(JSON.parse(wrongResponsible.body).errors[0].field).toBe('responsibleId');
    const created = await w.write('/interventions', 'POST', {
      typeId: type.id,
      unitId: w.units.psychiatry,
      responsibleId: w.psychiatryWorker.id,
      purpose: 'Jobcenterets forslag til bostøtte',
      startDate: '2026-04-01',
    });
    expect(created.statusCode).toBe(201);
    recorded = JSON.parse(created.body).id;
    const mine = interventionIn((await plan(w.coordinator)).body, recorded);
    expect(mine).toMatchObject({
      awaitingConfirmation: true,
      purpose: 'Jobcenterets forslag til bostøtte',
      unit: { id: w.units.psychiatry },
    });
    // The owner is told, by the unit that acted.
    const notice = (await inbox(w.psychiatryWorker)).find(
      (item) => item.kind === 'intervention-changed' && item.payload.action === 'create',
    );
    expect(notice?.payload).toMatchObject({ byUnit: 'Jobcenter Adgang' });
    expect(await danishSentence(notice)).toMatch(/^Jobcenter Adgang har oprettet/);
  });

  it('is confirmed by the owning unit only; then it is theirs and "that, not what" applies', async () => {
    const refused = await w.write(`/interventions/${recorded}/confirm`, 'POST', {});
    expect(refused.statusCode).toBe(403);
    await plan(w.psychiatryWorker);
    const confirmed = await w.write(`/interventions/${recorded}/confirm`, 'POST', {}, w.psychiatryWorker);
    expect(confirmed.statusCode).toBe(200);
    const item = interventionIn((await plan(w.coordinator)).body, recorded);
    expect(item).toMatchObject({ detailsHidden: true, awaitingConfirmation: false });
    expect(JSON.stringify(item)).not.toContain('bostøtte');
  });
});

describe('proposals', () => {
  const proposalsUrl = () => `/api/citizens/${w.citizen.id}/proposals`;
  let accepted: string;

  it('go to the owning unit’s inbox; the owner accepts and the change is applied, with history', async () => {
    await plan(w.coordinator);
    const made = await w.write(`/interventions/${w.interventions.psychiatry}/proposals`, 'POST', {
      change: { frequency: 'dagligt i en overgang' },
      comment: 'Bodil har brug for mere støtte i praktikken',
    });
    expect(made.statusCode, made.body).toBe(201);
    accepted = JSON.parse(made.body).id;
    // The proposer cannot answer it; they see their own proposal, still "that, not what" in the plan.
    const mine = (await t.request(w.coordinator.cookie, { method: 'GET', url: proposalsUrl() })).json();
    expect(mine.items[0]).toMatchObject({
      id: accepted,
      status: 'pending',
      canAnswer: false,
      change: { frequency: 'dagligt i en overgang' },
      ownerUnit: { id: w.units.psychiatry, name: 'Socialpsykiatrien Adgang' },
    });
    await plan(w.coordinator);
    const selfAccept = await w.write(`/proposals/${accepted}/accept`, 'POST', {});
    expect(selfAccept.statusCode).toBe(403);
    const notice = (await inbox(w.psychiatryWorker)).find((item) => item.kind === 'proposal-made');
    expect(notice?.payload).toMatchObject({ unit: 'Jobcenter Adgang' });
    expect(await danishSentence(notice)).toBe(
      'Jobcenter Adgang har foreslået en ændring af en indsats, I ejer.',
    );
    const theirs = (
      await t.request(w.psychiatryWorker.cookie, { method: 'GET', url: proposalsUrl() })
    ).json();
    expect(theirs.items[0]).toMatchObject({ id: accepted, canAnswer: true, detailsHidden: false });

    await plan(w.psychiatryWorker);
    const stale = await t.request(w.psychiatryWorker.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/plan/proposals/${accepted}/accept`,
      payload: {},
      headers: { 'if-match': `"${w.version - 1}"` },
    });
    expect(stale.statusCode).toBe(412);
    const ok = await w.write(`/proposals/${accepted}/accept`, 'POST', {}, w.psychiatryWorker);
    expect(ok.statusCode, ok.body).toBe(200);
    const after = interventionIn((await plan(w.psychiatryWorker)).body, w.interventions.psychiatry);
    expect(after).toMatchObject({ frequency: 'dagligt i en overgang' });
    const again = await w.write(`/proposals/${accepted}/accept`, 'POST', {}, w.psychiatryWorker);
    expect(again.statusCode).toBe(409);
    const entries = JSON.parse(await history(w.psychiatryWorker)).items as {
      entity: string;
      entityId: string;
      action: string;
      after: Record<string, unknown> | null;
    }[];
    expect(entries.filter((entry) => entry.entityId === accepted).map((entry) => entry.action)).toEqual([
      'update',
      'create',
    ]);
    expect(entries[0]).toMatchObject({ entity: 'proposal', after: { status: 'accepted' } });
    expect(entries[1]).toMatchObject({
      entity: 'intervention',
      after: { frequency: 'dagligt i en overgang' },
    });
    // The proposer learns it was accepted; the hidden intervention's history stays hidden to them.
    expect((await inbox(w.coordinator)).some((item) => item.kind === 'proposal-accepted')).toBe(true);
    expect(await history(w.coordinator)).not.toContain('fortrolige');
    // Someone else who may not see the intervention's details sees only that a change was proposed.
    const leaderView = (
      await t.request(w.jobcenterLeader.cookie, { method: 'GET', url: proposalsUrl() })
    ).json();
    expect(leaderView.items[0]).toMatchObject({
      id: accepted,
      detailsHidden: true,
      change: null,
      comment: null,
    });
    const leaderHistory = await history(w.jobcenterLeader);
    expect(leaderHistory).not.toContain('dagligt i en overgang');
    expect(leaderHistory).not.toContain('Bodil har brug for mere støtte');
  });

  it('are declined with a reason, and nothing changes', async () => {
    await plan(w.coordinator);
    const made = await w.write(`/interventions/${w.interventions.psychiatry}/proposals`, 'POST', {
      change: { status: 'paused' },
    });
    expect(made.statusCode).toBe(201);
    const id = JSON.parse(made.body).id;
    await plan(w.psychiatryWorker);
    const noReason = await w.write(`/proposals/${id}/decline`, 'POST', {}, w.psychiatryWorker);
    expect(noReason.statusCode).toBe(400);
    const declined = await w.write(
      `/proposals/${id}/decline`,
      'POST',
      { reason: 'Støtten holder ikke pause nu' },
      w.psychiatryWorker,
    );
    expect(declined.statusCode).toBe(200);
    const item = interventionIn((await plan(w.psychiatryWorker)).body, w.interventions.psychiatry);
    expect(item).toMatchObject({ status: 'planned' });
    const entry = (JSON.parse(await history(w.psychiatryWorker)).items as Record<string, unknown>[])[0];
    expect(entry).toMatchObject({
      entity: 'proposal',
      entityId: id,
      after: { status: 'declined', declineReason: 'Støtten holder ikke pause nu' },
    });
    const list = (await t.request(w.coordinator.cookie, { method: 'GET', url: proposalsUrl() })).json();
    expect(list.items.find((p: { id: string }) => p.id === id)).toMatchObject({
      status: 'declined',
      declineReason: 'Støtten holder ikke pause nu',
    });
  });

  it('are not for one’s own unit, nor for those without access', async () => {
    await plan(w.coordinator);
    const own = await w.write(`/interventions/${w.interventions.jobcenter}/proposals`, 'POST', {
      change: { frequency: 'dagligt' },
    });
    expect(own.statusCode).toBe(403);
    const stranger = await w.write(
      `/interventions/${w.interventions.psychiatry}/proposals`,
      'POST',
      { change: { frequency: 'dagligt' } },
      w.jobcenterColleague,
    );
    expect(stranger.statusCode).toBe(403);
    const list = await t.request(w.jobcenterColleague.cookie, { method: 'GET', url: proposalsUrl() });
    expect(list.statusCode).toBe(403);
  });
});

describe('finding 2: a pending referral', () => {
  it('reads and answers, no team, intervention, referral or meeting acts, and ends when declined', async () => {
    const referral = await post(w.coordinator, `/api/citizens/${w.citizen.id}/referrals`, {
      toUnitId: w.units.health,
      reason: 'Hjælp til medicinhåndtering',
    });
    expect(referral.statusCode).toBe(201);
    expect((await plan(w.healthWorker)).status).toBe(200);
    const coordinator = await w.write(
      '/team',
      'POST',
      { kind: 'professional', professionalId: w.healthWorker.id, isCoordinator: true },
      w.healthWorker,
    );
    expect(coordinator.statusCode).toBe(403);
    const takeOver = await w.write(
      `/interventions/${w.interventions.jobcenter}`,
      'PATCH',
      { responsibleId: w.healthWorker.id },
      w.healthWorker,
    );
    expect(takeOver.statusCode).toBe(403);
    const onward = await post(w.healthWorker, `/api/citizens/${w.citizen.id}/referrals`, {
      toUnitId: w.units.psychiatry,
      reason: 'Videre til psykiatrien',
    });
    expect(onward.statusCode).toBe(403);
    const meeting = await post(w.healthWorker, `/api/citizens/${w.citizen.id}/meetings`, {
      kind: 'network',
      purpose: 'x',
      startsAt: inDays(30),
      online: true,
      participantIds: [w.jobcenterColleague.id],
    });
    expect(meeting.statusCode).toBe(403);
    const team = (await plan(w.coordinator)).body.team as {
      professionalId: string;
      isCoordinator: boolean;
    }[];
    expect(team.find((member) => member.isCoordinator)?.professionalId).toBe(w.coordinator.id);

    const declined = await post(w.healthWorker, `/api/referrals/${referral.json().id}/decline`, {
      reason: 'Ikke vores område',
    });
    expect(declined.statusCode).toBe(200);
    expect((await plan(w.healthWorker)).status).toBe(403);
  });
});

describe('finding 3: a meeting invitation', () => {
  let meetingId: string;
  const meetingsUrl = () => `/api/citizens/${w.citizen.id}/meetings`;

  it('is read-only: the invitee neither arranges nor moves meetings', async () => {
    const created = await post(w.coordinator, meetingsUrl(), {
      kind: 'network',
      purpose: 'Netværksmøde',
      startsAt: inDays(7),
      online: true,
      participantIds: [w.healthWorker.id],
    });
    expect(created.statusCode).toBe(201);
    meetingId = created.json().id;
    expect((await plan(w.healthWorker)).status).toBe(200);
    const own = await post(w.healthWorker, meetingsUrl(), {
      kind: 'network',
      purpose: 'x',
      startsAt: inDays(150),
      online: true,
      participantIds: [w.jobcenterColleague.id],
    });
    expect(own.statusCode).toBe(403);
    const moved = await t.request(w.healthWorker.cookie, {
      method: 'PATCH',
      url: `${meetingsUrl()}/${meetingId}`,
      payload: { startsAt: inDays(170) },
    });
    expect(moved.statusCode).toBe(403);
    expect((await plan(w.jobcenterColleague)).status).toBe(403);
  });

  it('cannot stretch access beyond the horizon, even for those who work with the citizen', async () => {
    const far = await post(w.coordinator, meetingsUrl(), {
      kind: 'team',
      purpose: 'Langt ude',
      startsAt: inDays(200),
      online: true,
    });
    expect(far.statusCode).toBe(400);
    expect(far.json().errors[0].field).toBe('startsAt');
  });

  it('ends with the meeting: cancelled, or passed by its days', async () => {
    const cancelled = await post(w.coordinator, `${meetingsUrl()}/${meetingId}/cancel`, { reason: 'Aflyst' });
    expect(cancelled.statusCode).toBe(200);
    expect((await plan(w.healthWorker)).status).toBe(403);
    const passed = await post(w.coordinator, meetingsUrl(), {
      kind: 'team',
      purpose: 'Holdt for længe siden',
      startsAt: inDays(-20),
      online: true,
      participantIds: [w.healthWorker.id],
    });
    expect(passed.statusCode).toBe(201);
    expect((await plan(w.healthWorker)).status).toBe(403);
  });
});

describe('break-the-glass (finding 5, referral part)', () => {
  it('reads and may propose, but makes no referral and no team change', async () => {
    const glass = await post(w.jobcenterColleague, `/api/citizens/${w.citizen.id}/break-glass`, {
      reasonCode: 'other',
      reason: 'Akut henvendelse fra borgeren, behov for overblik',
    });
    expect(glass.statusCode).toBe(201);
    expect((await plan(w.jobcenterColleague)).status).toBe(200);
    const referral = await post(w.jobcenterColleague, `/api/citizens/${w.citizen.id}/referrals`, {
      toUnitId: w.units.health,
      reason: 'Hele hjemmeplejen skal kunne se planen',
    });
    expect(referral.statusCode).toBe(403);
    expect((await plan(w.healthWorker)).status).toBe(403);
    const team = await w.write(
      '/team',
      'POST',
      { kind: 'professional', professionalId: w.healthWorker.id },
      w.jobcenterColleague,
    );
    expect(team.statusCode).toBe(403);
    const proposal = await w.write(
      `/interventions/${w.interventions.psychiatry}/proposals`,
      'POST',
      { change: { followUpDate: '2026-12-15' }, comment: 'Akut: opfølgning bør rykkes frem' },
      w.jobcenterColleague,
    );
    expect(proposal.statusCode).toBe(201);
  });
});
