import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, danishToday, yearOf } from '../../src/domain/calendar.js';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A decision as a checklist of the legal steps (issue 14, items 3, 4 and 7): a draft, the informal
 * contact, the hearing (or why none was needed), the final decision with what the hearing changed,
 * its reasons and appeal guidance, its letters as PDF; the appeal and its reconsideration; the team
 * meeting's recommendation and a decision that departs from it; the figures for leaders.
 */
let t: TestApp;
let w: AccessWorld;
const today = danishToday();
const url = () => `/api/citizens/${w.citizen.id}/decisions`;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
}, 120_000);
afterAll(() => t?.dispose());

const draft = (overrides: Record<string, unknown> = {}) => ({
  title: 'Mentorstøtte efter januar',
  proposal: 'Jobcentret vil stoppe mentorstøtten 31. januar, fordi praktikken går godt.',
  facts: 'Du har været i praktik 10 timer om ugen siden september.',
  legalBasis: 'LAB-47',
  negative: true,
  ...overrides,
});
const final = (overrides: Record<string, unknown> = {}) => ({
  reasons: {
    rules: 'Mentorstøtte gives, når du har brug for den for at klare praktikken.',
    considerations: 'Vi har lagt vægt på, at du selv siger, at det går godt.',
    facts: 'Du er i praktik 8 timer om ugen.',
  },
  appeal: { how: 'Skriv til os i Samspil, eller ring til jobcentret.' },
  ...overrides,
});

const post = (cookie: string, path: string, payload: Record<string, unknown>) =>
  t.request(cookie, { method: 'POST', url: `${url()}${path}`, payload });

async function textOf(body: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(body) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe('a decision as a checklist', () => {
  let id = '';

  it('starts as a draft with the facts and the legal basis; the informal contact is planned, then recorded', async () => {
    const created = await post(w.coordinator.cookie, '', draft());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'draft',
      nextStep: 'informal-contact',
      hearingOpen: false,
    });
    id = created.json().id;
    const planned = await post(w.coordinator.cookie, `/${id}/informal-contact`, {
      kind: 'call',
      plannedOn: today,
    });
    expect(planned.statusCode).toBe(200);
    expect(planned.json().nextStep).toBe('informal-outcome');
    expect(
      (
        await post(w.coordinator.cookie, `/${id}/informal-contact`, {
          kind: 'call',
          plannedOn: today,
          heldOn: today,
        })
      ).json().errors,
    ).toEqual([expect.objectContaining({ field: 'outcome' })]);
    const held = await post(w.coordinator.cookie, `/${id}/informal-contact`, {
      kind: 'call',
      plannedOn: today,
      heldOn: today,
      outcome: 'Hun vil gerne beholde mentoren lidt endnu.',
    });
    expect(held.json()).toMatchObject({
      nextStep: 'hearing',
      informalContact: { kind: 'call', heldOn: today, outcome: 'Hun vil gerne beholde mentoren lidt endnu.' },
    });
  });

  it('refuses to finalise a negative decision without a hearing, naming the rule', async () => {
    const refused = await post(w.coordinator.cookie, `/${id}/final`, final());
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'decision.hearing-required' });
    expect(refused.json().detail).toContain('hearing');
  });

  it('is the deciding unit’s: another unit, a citizen and a passing basis are refused', async () => {
    for (const cookie of [w.psychiatryWorker.cookie, w.citizen.cookie, w.jobcenterColleague.cookie]) {
      const response = await post(cookie, `/${id}/hearing`, { hearingUntil: addDays(today, 14) });
      expect([403, 404]).toContain(response.statusCode);
    }
    const other = await post(w.psychiatryWorker.cookie, `/${id}/final`, final());
    expect(other.json()).toMatchObject({ code: 'decision.own-unit-acts' });
    // Hidden stays hidden: another unit that works with her does not see the jobcenter's decision.
    const list = await t.request(w.psychiatryWorker.cookie, { method: 'GET', url: url() });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('Mentorstøtte efter januar');
  });

  it('goes to hearing; she corrects a fact; it is finalised with what changed; then it is immutable', async () => {
    const sent = await post(w.coordinator.cookie, `/${id}/hearing`, { hearingUntil: addDays(today, 14) });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'hearing', hearingOpen: true, nextStep: 'await-hearing' });
    // While the hearing is open and she has not answered, the decision waits.
    const early = await post(w.coordinator.cookie, `/${id}/final`, final({ hearingChanges: 'Intet' }));
    expect(early.json()).toMatchObject({ code: 'decision.hearing-open' });
    const letter = await t.request(w.citizen.cookie, {
      method: 'GET',
      url: `${url()}/${id}/letters/hearing`,
    });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toContain('application/pdf');
    const hearingText = await textOf(letter.rawPayload);
    expect(hearingText).toContain('Vi vil høre dig, før vi beslutter');
    expect(hearingText).toContain('Du har været i praktik 10 timer om ugen siden september.');
    expect(hearingText).toContain('Du kan svare til og med');
    expect(
      (
        await post(w.citizen.cookie, `/${id}/responses`, {
          kind: 'correction',
          text: 'Det er 8 timer, ikke 10.',
        })
      ).statusCode,
    ).toBe(201);
    const noChanges = await post(w.coordinator.cookie, `/${id}/final`, final());
    expect(noChanges.json()).toMatchObject({ code: 'decision.hearing-changes-required' });
    const withReason = await post(
      w.coordinator.cookie,
      `/${id}/final`,
      final({ hearingChanges: 'x', noHearingReason: 'Ingen grund' }),
    );
    expect(withReason.json().errors).toEqual([expect.objectContaining({ field: 'noHearingReason' })]);
    const made = await post(
      w.coordinator.cookie,
      `/${id}/final`,
      final({
        changedByHearing: true,
        hearingChanges:
          'Vi har rettet timetallet til 8 timer om ugen, og mentoren fortsætter til 28. februar.',
        decision: 'Mentorstøtten fortsætter til 28. februar.',
      }),
    );
    expect(made.statusCode).toBe(200);
    expect(made.json()).toMatchObject({
      status: 'final',
      nextStep: null,
      final: {
        decidedOn: today,
        text: 'Mentorstøtten fortsætter til 28. februar.',
        changedByHearing: true,
        appeal: { body: 'Ankestyrelsen', weeks: 4, until: addDays(today, 28) },
      },
    });
    expect(
      (await post(w.coordinator.cookie, `/${id}/final`, final({ hearingChanges: 'Igen' }))).json(),
    ).toMatchObject({ code: 'decision.already-final' });
    expect(
      (
        await post(w.coordinator.cookie, `/${id}/informal-contact`, { kind: 'call', plannedOn: today })
      ).json(),
    ).toMatchObject({ code: 'decision.already-final' });
    // The database refuses it too: a final decision's row does not change.
    await expect(
      t.context.database.db.updateTable('decision').set({ title: 'Ændret' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/final/);
  });

  it('gives her the final letter in plain words, with the reasons and the appeal guidance; audited', async () => {
    const letter = await t.request(w.citizen.cookie, { method: 'GET', url: `${url()}/${id}/letters/final` });
    expect(letter.statusCode).toBe(200);
    const text = await textOf(letter.rawPayload);
    for (const words of [
      'Vi har besluttet: Mentorstøtte efter januar',
      'Mentorstøtten fortsætter til 28. februar.',
      'Vi har ændret noget, fordi du svarede os:',
      'Det har vi lagt vægt på',
      'Du kan klage til Ankestyrelsen.',
      'Skriv til os i Samspil, eller ring til jobcentret.',
    ])
      expect(text).toContain(words);
    const audited = await t.context.database.db
      .selectFrom('audit_event')
      .select(['resource', 'outcome'])
      .where('resource', '=', `decision_letter:${id}`)
      .execute();
    expect(audited.filter((row) => row.outcome === 'allowed').length).toBeGreaterThanOrEqual(2);
    // A professional through a passing basis gets no letter.
    const referral = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/referrals`,
      payload: { toUnitId: w.units.health, reason: 'Hjælp til medicin' },
    });
    expect(referral.statusCode).toBe(201);
    const passing = await t.request(w.healthLeader.cookie, {
      method: 'GET',
      url: `${url()}/${id}/letters/final`,
    });
    expect(passing.statusCode).toBe(403);
  });

  it('records an appeal, the reconsideration within 4 weeks (upheld → forwarded) and the result', async () => {
    expect(
      (
        await post(w.coordinator.cookie, `/${id}/reconsideration`, {
          reconsideredOn: today,
          outcome: 'upheld',
        })
      ).json(),
    ).toMatchObject({ code: 'decision.no-appeal' });
    expect(
      (await post(w.coordinator.cookie, `/${id}/appeal`, { receivedOn: addDays(today, 1) })).statusCode,
    ).toBe(400);
    const appealed = await post(w.coordinator.cookie, `/${id}/appeal`, { receivedOn: today });
    expect(appealed.statusCode).toBe(200);
    expect(appealed.json()).toMatchObject({
      nextStep: 'reconsider',
      appeal: { receivedOn: today, reconsiderationDue: addDays(today, 28), overdue: false },
    });
    expect((await post(w.coordinator.cookie, `/${id}/appeal`, { receivedOn: today })).json()).toMatchObject({
      code: 'decision.appeal-exists',
    });
    const unforwarded = await post(w.coordinator.cookie, `/${id}/reconsideration`, {
      reconsideredOn: today,
      outcome: 'upheld',
    });
    expect(unforwarded.json().errors).toEqual([expect.objectContaining({ field: 'forwardedOn' })]);
    const upheld = await post(w.coordinator.cookie, `/${id}/reconsideration`, {
      reconsideredOn: today,
      outcome: 'upheld',
      forwardedOn: today,
    });
    expect(upheld.json()).toMatchObject({ nextStep: 'appeal-result', appeal: { forwardedOn: today } });
    const result = await post(w.coordinator.cookie, `/${id}/appeal-result`, {
      result: 'remitted',
      resultOn: today,
    });
    expect(result.json()).toMatchObject({ nextStep: null, appeal: { result: 'remitted' } });
    expect(
      (
        await post(w.coordinator.cookie, `/${id}/appeal-result`, { result: 'changed', resultOn: today })
      ).json(),
    ).toMatchObject({ code: 'decision.result-exists' });
  });

  it('shows an overdue reconsideration', async () => {
    const positive = await post(
      w.coordinator.cookie,
      '',
      draft({ title: 'Bevilling af kursus', negative: false }),
    );
    const positiveId = positive.json().id;
    const made = await post(w.coordinator.cookie, `/${positiveId}/final`, final());
    expect(made.statusCode).toBe(200);
    expect(made.json().steps.find((step: { key: string }) => step.key === 'hearing').state).toBe(
      'not-needed',
    );
    await post(w.coordinator.cookie, `/${positiveId}/appeal`, { receivedOn: today });
    // The clock is not injectable through HTTP: the appeal is moved back 29 days.
    await t.context.database.db
      .updateTable('decision_appeal')
      .set({ received_on: addDays(today, -29), reconsideration_due: addDays(today, -1) })
      .where('decision_id', '=', positiveId)
      .execute();
    const list = await t.request(w.coordinator.cookie, { method: 'GET', url: url() });
    const overdue = list.json().items.find((item: { id: string }) => item.id === positiveId);
    expect(overdue.appeal.overdue).toBe(true);
    expect(overdue.steps.find((step: { key: string }) => step.key === 'appeal').state).toBe('overdue');
  });

  it('finalises a negative decision without a hearing when the record says why none was needed', async () => {
    const created = await post(w.coordinator.cookie, '', draft({ title: 'Ny mentor' }));
    const made = await post(
      w.coordinator.cookie,
      `/${created.json().id}/final`,
      final({ noHearingReason: 'Borgeren får alt, hun har søgt om.' }),
    );
    expect(made.statusCode).toBe(200);
    expect(made.json()).toMatchObject({
      noHearingReason: 'Borgeren får alt, hun har søgt om.',
      final: { changedByHearing: null },
    });
  });
});

describe('a team meeting', () => {
  let meetingId = '';
  let caseId = '';

  it('has a case list with the summary and the team’s recommendation; the citizen attends with a support person', async () => {
    const meeting = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: '/api/team-meetings',
      payload: { title: 'Rehabiliteringsteamet', startsAt: `${addDays(today, 7)}T09:00:00.000Z` },
    });
    expect(meeting.statusCode).toBe(201);
    meetingId = meeting.json().id;
    const listed = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/team-meetings/${meetingId}/cases`,
      payload: {
        citizenId: w.citizen.id,
        summary: 'Bodil har været i praktik i et halvt år og ønsker et ressourceforløb.',
        citizenAttends: true,
        supportPerson: 'Hendes søster',
      },
    });
    expect(listed.statusCode).toBe(201);
    caseId = listed.json().cases[0].id;
    expect(listed.json().cases[0]).toMatchObject({
      status: 'listed',
      citizenAttends: true,
      supportPerson: 'Hendes søster',
    });
    // Another unit's professional may not put her case on a list she has no relationship to.
    const stranger = await t.request(w.healthWorker.cookie, {
      method: 'POST',
      url: `/api/team-meetings/${meetingId}/cases`,
      payload: { citizenId: w.citizen.id, summary: 'x' },
    });
    expect([403, 404]).toContain(stranger.statusCode);
    // The team's unit only: the psychiatry worker is not on the jobcenter's team.
    const recommendOther = await t.request(w.psychiatryWorker.cookie, {
      method: 'POST',
      url: `/api/team-meetings/${meetingId}/cases/${caseId}/recommendation`,
      payload: { recommendation: 'x', reasons: 'y' },
    });
    expect(recommendOther.statusCode).toBe(403);
    const recommended = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/team-meetings/${meetingId}/cases/${caseId}/recommendation`,
      payload: {
        recommendation: 'Ressourceforløb i 2 år.',
        reasons: 'Hun har brug for tid og flere slags hjælp.',
      },
    });
    expect(recommended.statusCode).toBe(200);
    expect(recommended.json().cases[0]).toMatchObject({
      status: 'recommended',
      recommendation: 'Ressourceforløb i 2 år.',
    });
    // A colleague of the team's unit without a relationship to her sees "a case", no more.
    const colleague = await t.request(w.jobcenterColleague.cookie, {
      method: 'GET',
      url: `/api/team-meetings/${meetingId}`,
    });
    expect(colleague.statusCode).toBe(200);
    expect(colleague.json().cases).toEqual([{ id: caseId, status: 'recommended', detailsHidden: true }]);
    expect(colleague.body).not.toContain('Bodil');
    expect(
      (await t.request(w.healthWorker.cookie, { method: 'GET', url: `/api/team-meetings/${meetingId}` }))
        .statusCode,
    ).toBe(403);
  });

  it('gets the case back when a final decision departs from its recommendation, and hears of it', async () => {
    const created = await post(
      w.coordinator.cookie,
      '',
      draft({ title: 'Ressourceforløb', negative: false, teamCaseId: caseId }),
    );
    expect(created.statusCode).toBe(201);
    const decisionId = created.json().id;
    expect(created.json().teamCase).toMatchObject({
      id: caseId,
      recommendation: 'Ressourceforløb i 2 år.',
      departs: false,
    });
    const unsaid = await post(w.coordinator.cookie, `/${decisionId}/final`, final());
    expect(unsaid.json().errors).toEqual([expect.objectContaining({ field: 'followsRecommendation' })]);
    const noReason = await post(
      w.coordinator.cookie,
      `/${decisionId}/final`,
      final({ followsRecommendation: false }),
    );
    expect(noReason.json().errors).toEqual([expect.objectContaining({ field: 'departureReason' })]);
    const departs = await post(
      w.coordinator.cookie,
      `/${decisionId}/final`,
      final({ followsRecommendation: false, departureReason: 'Et jobafklaringsforløb passer bedre nu.' }),
    );
    expect(departs.statusCode).toBe(200);
    expect(departs.json().teamCase).toMatchObject({
      departs: true,
      departureReason: 'Et jobafklaringsforløb passer bedre nu.',
    });
    const meeting = await t.request(w.coordinator.cookie, {
      method: 'GET',
      url: `/api/team-meetings/${meetingId}`,
    });
    expect(meeting.json().cases[0]).toMatchObject({
      status: 'returned',
      returnedReason: 'Et jobafklaringsforløb passer bedre nu.',
    });
    const list = await t.request(w.coordinator.cookie, { method: 'GET', url: '/api/team-meetings' });
    expect(list.json().items.find((item: { id: string }) => item.id === meetingId)).toMatchObject({
      cases: 1,
      returned: 1,
    });
    // The team leader put nothing on the list; the coordinator acted herself: so a colleague who
    // recommended would be told. Here the recommender is the coordinator, so check the stored row.
    const notified = await t.context.database.db
      .selectFrom('notification')
      .select(['kind', 'recipient_id'])
      .where('kind', '=', 'team-case-returned')
      .execute();
    expect(notified).toEqual([]);
    // The team recommends again on the returned case.
    const again = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/team-meetings/${meetingId}/cases/${caseId}/recommendation`,
      payload: { recommendation: 'Jobafklaringsforløb.', reasons: 'Enige med jobcentret.' },
    });
    expect(again.json().cases[0].status).toBe('recommended');
  });

  it('notifies the team in the inbox when another professional departs', async () => {
    const meeting = await t.request(w.jobcenterLeader.cookie, {
      method: 'POST',
      url: '/api/team-meetings',
      payload: { title: 'Rehabiliteringsteamet, januar', startsAt: `${addDays(today, 30)}T09:00:00.000Z` },
    });
    const teamMeetingId = meeting.json().id;
    const listed = await t.request(w.jobcenterLeader.cookie, {
      method: 'POST',
      url: `/api/team-meetings/${teamMeetingId}/cases`,
      payload: { citizenId: w.citizen.id, summary: 'Ny vurdering.' },
    });
    const teamCaseId = listed.json().cases[0].id;
    await t.request(w.jobcenterLeader.cookie, {
      method: 'POST',
      url: `/api/team-meetings/${teamMeetingId}/cases/${teamCaseId}/recommendation`,
      payload: { recommendation: 'Fleksjob.', reasons: 'Hun kan arbejde få timer.' },
    });
    const created = await post(
      w.coordinator.cookie,
      '',
      draft({ title: 'Fleksjob', negative: false, teamCaseId }),
    );
    await post(
      w.coordinator.cookie,
      `/${created.json().id}/final`,
      final({ followsRecommendation: false, departureReason: 'Hun skal først i praktik.' }),
    );
    const inbox = await t.request(w.jobcenterLeader.cookie, { method: 'GET', url: '/api/inbox' });
    const returned = inbox
      .json()
      .items.filter((item: { kind: string }) => item.kind === 'team-case-returned');
    expect(returned).toHaveLength(1);
    expect(returned[0].payload).toEqual({
      teamMeetingId,
      teamCaseId,
      meeting: 'Rehabiliteringsteamet, januar',
    });
  });
});

describe('the decision figures', () => {
  it('are for leaders, with small cells hidden', async () => {
    const year = yearOf(today);
    expect(
      (await t.request(w.coordinator.cookie, { method: 'GET', url: `/api/analytics/decisions?year=${year}` }))
        .statusCode,
    ).toBe(403);
    const figures = await t.request(w.jobcenterLeader.cookie, {
      method: 'GET',
      url: `/api/analytics/decisions?year=${year}`,
    });
    expect(figures.statusCode).toBe(200);
    // Five final decisions, all one citizen's: every count is hidden.
    expect(figures.json()).toMatchObject({
      definition: { id: 'decision-figures', version: 1 },
      year,
      decisions: null,
      appeals: { count: null, per100: null },
    });
    expect(
      (await t.request(w.jobcenterLeader.cookie, { method: 'GET', url: '/api/analytics/decisions?year=1' }))
        .statusCode,
    ).toBe(400);
  });

  it('match a direct computation once enough citizens have decisions', async () => {
    const year = yearOf(today);
    const db = t.context.database.db;
    // Five more citizens with one final decision each (written directly: the figures are the test).
    for (let index = 0; index < 5; index++) {
      const citizen = await t.factories.citizen(w.municipalityId, { givenName: `Tal${index}` });
      await db
        .insertInto('decision')
        .values({
          municipality_id: w.municipalityId,
          id: crypto.randomUUID(),
          citizen_id: citizen.id,
          unit_id: w.units.jobcenter,
          title: 'Tal',
          proposal: 'Tal',
          facts: 'Tal',
          legal_basis: 'LAB-47',
          status: 'final',
          created_by: w.coordinator.id,
          created_at: new Date(),
          hearing_sent_at: new Date(),
          hearing_until: today,
          changed_by_hearing: index < 5,
          decided_on: today,
          reasons_rules: 'r',
          reasons_considerations: 'c',
          reasons_facts: 'f',
          appeal_body: 'Ankestyrelsen',
          appeal_how: 'h',
          appeal_weeks: 4,
        })
        .execute();
    }
    const rows = await db
      .selectFrom('decision')
      .select(['citizen_id', 'changed_by_hearing', 'hearing_sent_at'])
      .where('municipality_id', '=', w.municipalityId)
      .where('status', '=', 'final')
      .execute();
    const heard = rows.filter((row) => row.hearing_sent_at !== null);
    const changed = heard.filter((row) => row.changed_by_hearing);
    const figures = (
      await t.request(w.jobcenterLeader.cookie, {
        method: 'GET',
        url: `/api/analytics/decisions?year=${year}`,
      })
    ).json();
    expect(figures.decisions).toBe(rows.length);
    expect(figures.hearing.heard).toBe(heard.length);
    expect(figures.hearing.changed).toBe(changed.length);
    expect(figures.hearing.share).toBe(Math.round((changed.length / heard.length) * 10_000) / 10_000);
    expect(figures.daysToFinal).toEqual({ median: 0, mean: 0 });
  });
});
