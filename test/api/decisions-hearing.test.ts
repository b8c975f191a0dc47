import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, danishToday } from '../../src/domain/calendar.js';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { danishSentence } from '../support/notification-text.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A preliminary decision in hearing and the citizen's say on it (issue 11, item 6): the deciding
 * unit sends it, she comments and corrects facts until the last day, the team reads her answers.
 */
let t: TestApp;
let w: AccessWorld;
let decisionId = '';
const url = () => `/api/citizens/${w.citizen.id}/decisions`;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
});
afterAll(() => t?.dispose());

const draft = (overrides: Record<string, unknown> = {}) => ({
  title: 'Mentorstøtte efter januar',
  proposal: 'Jobcentret vil stoppe mentorstøtten 31. januar, fordi praktikken går godt.',
  facts: 'Du har været i praktik 10 timer om ugen siden september.',
  legalBasis: 'LAB-47',
  negative: true,
  hearingUntil: addDays(danishToday(), 14),
  ...overrides,
});

describe('a decision in hearing', () => {
  it('is sent by the deciding unit only, with a deadline from tomorrow to 90 days', async () => {
    const other = await t.request(w.psychiatryWorker.cookie, {
      method: 'POST',
      url: url(),
      payload: draft(),
    });
    // A professional who works with her sends it as her own unit's decision, never another unit's.
    expect(other.statusCode).toBe(201);
    expect(other.json().unit.id).toBe(w.units.psychiatry);
    const today = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: url(),
      payload: draft({ hearingUntil: danishToday() }),
    });
    expect(today.statusCode).toBe(400);
    expect(today.json().errors).toEqual([expect.objectContaining({ field: 'hearingUntil' })]);
    const stranger = await t.request(w.healthWorker.cookie, { method: 'POST', url: url(), payload: draft() });
    expect([403, 404]).toContain(stranger.statusCode);
    expect(
      (await t.request(w.citizen.cookie, { method: 'POST', url: url(), payload: draft() })).statusCode,
    ).toBe(403);
    const sent = await t.request(w.coordinator.cookie, { method: 'POST', url: url(), payload: draft() });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({
      status: 'hearing',
      hearingOpen: true,
      unit: { id: w.units.jobcenter },
    });
    decisionId = sent.json().id;
  });

  it('takes her comment and her correction of the facts, and the team reads them', async () => {
    const answer = (cookie: string, payload: Record<string, unknown>) =>
      t.request(cookie, { method: 'POST', url: `${url()}/${decisionId}/responses`, payload });
    expect((await answer(w.citizen.cookie, { kind: 'comment', text: '' })).statusCode).toBe(400);
    expect(
      (await answer(w.citizen.cookie, { kind: 'comment', text: 'Jeg vil gerne beholde mentoren' }))
        .statusCode,
    ).toBe(201);
    const correction = await answer(w.citizen.cookie, {
      kind: 'correction',
      text: 'Jeg har været i praktik 8 timer om ugen, ikke 10.',
    });
    expect(correction.statusCode).toBe(201);
    expect(correction.json().responses.map((response: { kind: string }) => response.kind)).toEqual([
      'comment',
      'correction',
    ]);
    // The coordinator, who sent it, hears of her answers in the inbox.
    const inbox = await t.request(w.coordinator.cookie, { method: 'GET', url: '/api/inbox' });
    const answered = inbox
      .json()
      .items.filter(
        (item: { kind: string; subjectId: string }) =>
          item.kind === 'hearing-answered' && item.subjectId === decisionId,
      );
    expect(answered).toHaveLength(2);
    expect(answered[0].payload).toEqual({ title: 'Mentorstøtte efter januar' });
    expect(await danishSentence(answered[0])).toBe(
      'Borgeren har svaret i partshøringen om »Mentorstøtte efter januar«.',
    );
    const seen = await t.request(w.coordinator.cookie, { method: 'GET', url: url() });
    const decision = seen.json().items.find((item: { id: string }) => item.id === decisionId);
    expect(decision.responses).toHaveLength(2);
    // Only she answers: not a professional.
    expect(
      (await answer(w.coordinator.cookie, { kind: 'comment', text: 'Jeg svarer for hende' })).statusCode,
    ).toBe(403);
  });

  it('is closed after its last day', async () => {
    // The deadline passes: the clock is not injectable through HTTP, so the row is moved back.
    await t.context.database.db
      .updateTable('decision')
      .set({ hearing_until: addDays(danishToday(), -1) })
      .where('id', '=', decisionId)
      .execute();
    const late = await t.request(w.citizen.cookie, {
      method: 'POST',
      url: `${url()}/${decisionId}/responses`,
      payload: { kind: 'comment', text: 'For sent' },
    });
    expect(late.statusCode).toBe(409);
    const list = await t.request(w.citizen.cookie, { method: 'GET', url: url() });
    expect(list.json().items.find((item: { id: string }) => item.id === decisionId)).toMatchObject({
      hearingOpen: false,
    });
  });

  it('is not shown through a passing basis', async () => {
    const referral = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/referrals`,
      payload: { toUnitId: w.units.health, reason: 'Hjælp til medicin' },
    });
    expect(referral.statusCode).toBe(201);
    const list = await t.request(w.healthLeader.cookie, { method: 'GET', url: url() });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
  });
});
