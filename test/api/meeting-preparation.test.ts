import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The citizen prepares a meeting (issue 11, item 4): her answers to four questions, written by
 * her only, shown to those who may see the meeting's details and to nobody else.
 */
let t: TestApp;
let w: AccessWorld;
let meetingId = '';
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
  const created = await t.request(w.coordinator.cookie, {
    method: 'POST',
    url: `/api/citizens/${w.citizen.id}/meetings`,
    payload: { kind: 'network', purpose: 'Netværksmøde om job', startsAt: inDays(5), place: 'Jobcentret' },
  });
  expect(created.statusCode).toBe(201);
  meetingId = created.json().id;
});
afterAll(() => t?.dispose());

const url = () => `/api/citizens/${w.citizen.id}/meetings/${meetingId}/preparation`;
const prepare = (cookie: string, payload: Record<string, unknown>) =>
  t.request(cookie, { method: 'PUT', url: url(), payload });

async function meetingAs(cookie: string): Promise<Record<string, unknown>> {
  const response = await t.request(cookie, { method: 'GET', url: `/api/citizens/${w.citizen.id}/meetings` });
  expect(response.statusCode).toBe(200);
  return response.json().items.find((item: { id: string }) => item.id === meetingId);
}

describe('the citizen prepares her meeting', () => {
  it('needs at least one answer, and says which field', async () => {
    const response = await prepare(w.citizen.cookie, { matters: ' ', works: null });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'matters', message: 'answer at least one of the questions' }),
    ]);
  });

  it('her answers reach the organiser; written again, they replace the first ones', async () => {
    const first = await prepare(w.citizen.cookie, {
      matters: 'At komme ud blandt andre',
      inviteWishes: 'Min søster',
    });
    expect(first.statusCode).toBe(200);
    const again = await prepare(w.citizen.cookie, {
      matters: 'At komme ud blandt andre',
      talkAbout: 'Hvor mange timer jeg kan',
      inviteWishes: 'Min søster',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().preparation).toMatchObject({
      matters: 'At komme ud blandt andre',
      works: null,
      talkAbout: 'Hvor mange timer jeg kan',
      inviteWishes: 'Min søster',
    });
    expect((await meetingAs(w.coordinator.cookie)).preparation).toMatchObject({
      talkAbout: 'Hvor mange timer jeg kan',
    });
  });

  it('is hidden from those who see only that the meeting takes place', async () => {
    // A unit with a pending referral reads the plan and sees that the meeting takes place.
    const referral = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/referrals`,
      payload: { toUnitId: w.units.health, reason: 'Hjælp til medicin' },
    });
    expect(referral.statusCode).toBe(201);
    const response = await t.request(w.healthLeader.cookie, {
      method: 'GET',
      url: `/api/citizens/${w.citizen.id}/meetings`,
    });
    expect(response.statusCode).toBe(200);
    const seen = response.json().items.find((item: { id: string }) => item.id === meetingId);
    expect(seen).toMatchObject({ detailsHidden: true, preparation: null });
    expect(response.body).not.toContain('Hvor mange timer');
  });

  it('is written by her only, and only before the meeting is held', async () => {
    for (const as of [w.coordinator, w.jobcenterLeader]) {
      const response = await prepare(as.cookie, { matters: 'Skrevet af en fagperson' });
      expect(response.statusCode).toBe(403);
      expect(response.json().detail).toBe('Only the citizen herself prepares for her meeting.');
    }
    const stranger = await prepare(w.otherCitizen.cookie, { matters: 'Hej' });
    expect([403, 404]).toContain(stranger.statusCode);
    const missing = await t.request(w.citizen.cookie, {
      method: 'PUT',
      url: `/api/citizens/${w.citizen.id}/meetings/${crypto.randomUUID()}/preparation`,
      payload: { matters: 'x' },
    });
    expect(missing.statusCode).toBe(404);
    const cancelled = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/meetings/${meetingId}/cancel`,
      payload: { reason: 'Flyttet' },
    });
    expect(cancelled.statusCode).toBe(200);
    const late = await prepare(w.citizen.cookie, { matters: 'For sent' });
    expect(late.statusCode).toBe(409);
    expect((await meetingAs(w.coordinator.cookie)).preparation).toMatchObject({
      matters: 'At komme ud blandt andre',
    });
  });
});
