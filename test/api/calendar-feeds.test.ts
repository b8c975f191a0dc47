import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, danishMoment, danishToday } from '../../src/domain/calendar.js';
import { SESSION_COOKIE } from '../../src/server/plugins/auth.js';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Calendar feeds behind secret links (issue 14, item 6; decision 0021): each makes one for
 * herself, sees the address once, and a calendar fetches it without a login; the feed carries
 * the least (a professional's never names the citizen), a revoked or unknown link is a 404 that
 * says nothing, and each fetch is audited without the token being logged.
 */
let t: TestApp;
let w: AccessWorld;
let meetingId = '';
const meetingDay = addDays(danishToday(), 4);
const startsAt = danishMoment(meetingDay, 10);

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
  const meeting = await t.request(w.coordinator.cookie, {
    method: 'POST',
    url: `/api/citizens/${w.citizen.id}/meetings`,
    payload: {
      kind: 'network',
      purpose: 'Hemmelig dagsorden om gæld',
      startsAt: startsAt.toISOString(),
      durationMinutes: 90,
      place: 'Jobcentret, mødelokale 2',
      online: true,
      participantIds: [w.psychiatryWorker.id],
    },
  });
  expect(meeting.statusCode).toBe(201);
  meetingId = meeting.json().id;
});
afterAll(() => t?.dispose());

const create = async (cookie: string) => {
  const response = await t.request(cookie, { method: 'POST', url: '/api/calendar-feeds' });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; url: string };
};
/** A calendar's fetch: no cookie, no CSRF header, the path of the secret address. */
const fetchFeed = (url: string) => t.app.inject({ method: 'GET', url: new URL(url).pathname });
const unfold = (text: string) => text.replaceAll('\r\n ', '');

describe("a professional's calendar link", () => {
  let feed = { id: '', url: '' };

  it('is made for herself and shown once; her list has it without the address', async () => {
    feed = await create(w.coordinator.cookie);
    expect(feed.url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const list = await t.request(w.coordinator.cookie, { method: 'GET', url: '/api/calendar-feeds' });
    expect(list.json().items).toEqual([{ id: feed.id, createdAt: expect.any(String), lastFetchedAt: null }]);
    expect(list.body).not.toContain(feed.url.split('/').pop()?.slice(0, 43));
    const stored = await t.context.database.db.selectFrom('calendar_feed').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(feed.url.split('/').pop()?.slice(0, 43));
  });

  it('serves her meetings as iCalendar with time and place, never the citizen or the purpose', async () => {
    const response = await fetchFeed(feed.url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = response.body;
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const lines = unfold(text).split('\r\n');
    expect(lines).toContain(`UID:meeting-${meetingId}@samspil`);
    expect(lines).toContain('SUMMARY:Netværksmøde');
    expect(lines).toContain('LOCATION:Jobcentret\\, mødelokale 2 (online)');
    expect(lines).toContain(`DTSTART:${startsAt.toISOString().replace(/[-:]/g, '').replace('.000', '')}`);
    expect(lines).toContain('STATUS:CONFIRMED');
    for (const secret of ['Bodil', w.citizen.cpr, w.citizen.id, 'Hemmelig', 'gæld'])
      expect(unfold(text)).not.toContain(secret);
    // The same UID on the next fetch: a calendar updates the event rather than adding one.
    expect(unfold((await fetchFeed(feed.url)).body)).toContain(`UID:meeting-${meetingId}@samspil`);
  });

  it('is audited as her read of the citizens it showed, and its token is never logged', async () => {
    const events = await t.context.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('resource', '=', `calendar-feed:${feed.id}`)
      .where('action', '=', 'read')
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events[0]).toMatchObject({ actor_id: w.coordinator.id, outcome: 'allowed' });
    expect(JSON.stringify(events[0]?.details)).toContain(w.citizen.id);
    const token = feed.url.split('/').pop()?.slice(0, 43) ?? '';
    expect(t.logs.join('\n')).not.toContain(token);
    const list = await t.request(w.coordinator.cookie, { method: 'GET', url: '/api/calendar-feeds' });
    expect(list.json().items[0].lastFetchedAt).not.toBeNull();
  });

  it('shows an invited colleague the meeting, and not someone who is not at it', async () => {
    expect(unfold((await fetchFeed((await create(w.psychiatryWorker.cookie)).url)).body)).toContain(
      meetingId,
    );
    expect((await fetchFeed((await create(w.healthWorker.cookie)).url)).body).not.toContain(meetingId);
  });

  it('is revoked only by her, and then is a 404 like any unknown link', async () => {
    expect(
      (await t.request(w.jobcenterLeader.cookie, { method: 'DELETE', url: `/api/calendar-feeds/${feed.id}` }))
        .statusCode,
    ).toBe(404);
    const revoked = await t.request(w.coordinator.cookie, {
      method: 'DELETE',
      url: `/api/calendar-feeds/${feed.id}`,
    });
    expect(revoked.statusCode).toBe(200);
    const gone = await fetchFeed(feed.url);
    const unknown = await t.app.inject({ method: 'GET', url: `/api/calendar/${'A'.repeat(43)}.ics` });
    const malformed = await t.app.inject({ method: 'GET', url: '/api/calendar/nonsense' });
    for (const response of [gone, unknown, malformed]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().detail).toBe('There is no calendar at this address.');
    }
    const list = await t.request(w.coordinator.cookie, { method: 'GET', url: '/api/calendar-feeds' });
    expect(list.json().items).toEqual([]);
  });

  it('is regenerated: the old address stops, the new one works', async () => {
    const old = await create(w.coordinator.cookie);
    const renewed = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/calendar-feeds/${old.id}/regenerate`,
    });
    expect(renewed.statusCode).toBe(201);
    expect((await fetchFeed(old.url)).statusCode).toBe(404);
    expect((await fetchFeed(renewed.json().url)).statusCode).toBe(200);
  });

  it('stops working when her account is disabled', async () => {
    const own = await create(w.jobcenterColleague.cookie);
    await t.context.database.db
      .updateTable('professional')
      .set({ active: false })
      .where('id', '=', w.jobcenterColleague.id)
      .execute();
    expect((await fetchFeed(own.url)).statusCode).toBe(404);
  });
});

describe("a citizen's calendar link", () => {
  it('has her own meetings and the last day of her hearing, nothing of anyone else', async () => {
    const hearingUntil = addDays(danishToday(), 10);
    const decision = await t.factories.decision({
      municipalityId: w.municipalityId,
      citizenId: w.citizen.id,
      hearingUntil,
    });
    const feed = await create(w.citizen.cookie);
    const text = unfold((await fetchFeed(feed.url)).body);
    expect(text).toContain('SUMMARY:Møde i Samspil');
    expect(text).toContain(`UID:meeting-${meetingId}@samspil`);
    expect(text).toContain(`UID:hearing-${decision.id}@samspil`);
    expect(text).toContain(`DTSTART;VALUE=DATE:${hearingUntil.replaceAll('-', '')}`);
    expect(text).not.toContain('Hemmelig');
    const other = await create(w.otherCitizen.cookie);
    const otherText = unfold((await fetchFeed(other.url)).body);
    expect(otherText).not.toContain(meetingId);
    expect(otherText).not.toContain(decision.id);
    const audit = await t.context.database.db
      .selectFrom('audit_event')
      .select(['citizen_id', 'actor_kind'])
      .where('resource', '=', `calendar-feed:${feed.id}`)
      .where('action', '=', 'read')
      .executeTakeFirst();
    expect(audit).toEqual({ citizen_id: w.citizen.id, actor_kind: 'citizen' });
  });

  it('is not made by a relative with a power of attorney', async () => {
    const delegation = await t.factories.delegation({
      municipalityId: w.municipalityId,
      citizenId: w.citizen.id,
    });
    const session = await t.context.sessions.create({
      municipalityId: w.municipalityId,
      kind: 'citizen',
      id: w.citizen.id,
      persona: null,
      delegationId: delegation.id,
    });
    const cookie = `${SESSION_COOKIE}=${session.token}`;
    const refused = await t.request(cookie, { method: 'POST', url: '/api/calendar-feeds' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('calendar.citizen-herself');
  });
});
