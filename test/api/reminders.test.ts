import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, danishMoment, danishToday } from '../../src/domain/calendar.js';
import { REMINDER_HOUR } from '../../src/domain/reminders/reminders.js';
import { sendPendingMail } from '../../src/server/coordination/mailer.js';
import { createJobWorker } from '../../src/server/jobs/job-worker.js';
import { reminderHandlers } from '../../src/server/reminders/reminder-jobs.js';
import { sweepReminders } from '../../src/server/reminders/reminder-sweep.js';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { danishSentence } from '../support/notification-text.js';
import { smtpServer } from '../support/smtp-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Reminders (issue 14, item 6; decision 0021): enqueued when a meeting is arranged or a decision
 * sent to hearing (and by the sweep), one job per subject, run at their time by the queue; a
 * reminder no longer relevant sends nothing; the professional's is in her inbox and e-mailed
 * without citizen data, the citizen's is on her own page.
 */
let t: TestApp;
let w: AccessWorld;
let smtp: Awaited<ReturnType<typeof smtpServer>>;
const meetingDay = addDays(danishToday(), 3);
const startsAt = danishMoment(meetingDay, 10);
const remindAt = danishMoment(addDays(meetingDay, -1), 9);

beforeAll(async () => {
  smtp = await smtpServer();
  t = await startTestApp();
  w = await buildAccessWorld(t);
});
afterAll(async () => {
  await t?.dispose();
  smtp?.server.close();
});

/** The queue's worker with the clock at `now` (the handlers check relevance at that time too). */
const runAt = (now: Date) => {
  const context = { ...t.context, clock: () => now };
  return createJobWorker(t.context.database, reminderHandlers(context), { clock: () => now }).runDue();
};
const jobsOf = (subjectId: string) =>
  t.context.database.db.selectFrom('job').selectAll().where('dedupe_key', 'like', `%${subjectId}`).execute();
const inbox = async (cookie: string) =>
  (await t.request(cookie, { method: 'GET', url: '/api/inbox' })).json().items as {
    kind: string;
    subjectId: string;
    payload: { at: string; citizen?: { name: string } };
  }[];

const arrange = async (overrides: Record<string, unknown> = {}) => {
  const response = await t.request(w.coordinator.cookie, {
    method: 'POST',
    url: `/api/citizens/${w.citizen.id}/meetings`,
    payload: {
      kind: 'network',
      purpose: 'Netværksmøde om praktik',
      startsAt: startsAt.toISOString(),
      place: 'Jobcentret, mødelokale 2',
      participantIds: [w.psychiatryWorker.id],
      ...overrides,
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
};

describe('a meeting reminder', () => {
  let meetingId = '';

  it('is one job for the day before at 9, however often the meeting is saved', async () => {
    meetingId = await arrange();
    const patch = await t.request(w.coordinator.cookie, {
      method: 'PATCH',
      url: `/api/citizens/${w.citizen.id}/meetings/${meetingId}`,
      payload: { purpose: 'Netværksmøde om praktik og bolig' },
    });
    expect(patch.statusCode).toBe(200);
    await sweepReminders(t.context.database.db, new Date());
    const jobs = await jobsOf(meetingId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ kind: 'reminder-meeting', status: 'queued' });
    expect(jobs[0]?.run_at.toISOString()).toBe(remindAt.toISOString());
    // Ids and times only: no name, no text.
    expect(jobs[0]?.payload).toEqual({ subjectId: meetingId, at: startsAt.toISOString() });
  });

  it('is not sent before its time, then to the organiser, the invited and the citizen', async () => {
    expect(await runAt(new Date(remindAt.getTime() - 60_000))).toBe(0);
    expect(await runAt(remindAt)).toBe(1);
    for (const person of [w.coordinator, w.psychiatryWorker]) {
      const reminders = (await inbox(person.cookie)).filter((item) => item.kind === 'reminder-meeting');
      expect(reminders).toHaveLength(1);
      expect(reminders[0]).toMatchObject({ subjectId: meetingId, payload: { at: startsAt.toISOString() } });
      expect(reminders[0]?.payload.citizen?.name).toContain('Bodil');
    }
    const [first] = (await inbox(w.psychiatryWorker.cookie)).filter(
      (item) => item.kind === 'reminder-meeting',
    );
    expect(await danishSentence(first)).toMatch(/^Påmindelse: møde i morgen, \d+\. \w+ \d{4} kl\. 10\.00\.$/);
    const mine = await t.request(w.citizen.cookie, {
      method: 'GET',
      url: `/api/citizens/${w.citizen.id}/reminders`,
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toEqual([
      expect.objectContaining({ kind: 'reminder-meeting', subjectId: meetingId, at: startsAt.toISOString() }),
    ]);
    // A professional reads her own in the inbox, not the citizen's list.
    expect(
      (
        await t.request(w.coordinator.cookie, {
          method: 'GET',
          url: `/api/citizens/${w.citizen.id}/reminders`,
        })
      ).statusCode,
    ).toBe(403);
    // Done, and not again.
    expect((await jobsOf(meetingId))[0]).toMatchObject({ status: 'done', outcome: 'sent' });
    expect(await runAt(new Date(remindAt.getTime() + 60_000))).toBe(0);
  });

  it('is e-mailed to professionals saying only that there is a reminder, and a link', async () => {
    await t.context.database.db
      .updateTable('professional')
      .set({ email: 'fagperson@test.example' })
      .execute();
    expect(await sendPendingMail(t.context, `smtp://127.0.0.1:${smtp.port}`)).toBeGreaterThanOrEqual(2);
    const reminders = smtp.messages.filter((message) =>
      message.data.includes('You have a reminder in Samspil'),
    );
    expect(reminders.length).toBeGreaterThanOrEqual(2);
    for (const message of reminders) {
      expect(message.data).toContain(t.context.config.publicUrl);
      for (const secret of ['Bodil', w.citizen.cpr, 'mødelokale', 'praktik', '10.00', '10:00'])
        expect(message.data).not.toContain(secret);
    }
  });

  it('sends nothing for a cancelled meeting, and moves with a moved one', async () => {
    const cancelled = await arrange({ startsAt: danishMoment(addDays(meetingDay, 1), 13).toISOString() });
    const cancel = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/meetings/${cancelled}/cancel`,
      payload: { reason: 'Borgeren er syg' },
    });
    expect(cancel.statusCode).toBe(200);
    const moved = await arrange({ startsAt: danishMoment(addDays(meetingDay, 1), 14).toISOString() });
    const later = danishMoment(addDays(meetingDay, 5), 9);
    const patch = await t.request(w.coordinator.cookie, {
      method: 'PATCH',
      url: `/api/citizens/${w.citizen.id}/meetings/${moved}`,
      payload: { startsAt: later.toISOString() },
    });
    expect(patch.statusCode).toBe(200);
    expect((await jobsOf(moved))[0]?.run_at.toISOString()).toBe(
      danishMoment(addDays(meetingDay, 4), 9).toISOString(),
    );
    expect(await runAt(danishMoment(meetingDay, 9))).toBe(1);
    expect((await jobsOf(cancelled))[0]).toMatchObject({ status: 'done', outcome: 'not-relevant' });
    const notified = await t.context.database.db
      .selectFrom('notification')
      .select('id')
      .where('subject_id', 'in', [cancelled, moved])
      .where('kind', '=', 'reminder-meeting')
      .execute();
    expect(notified).toEqual([]);
  });
});

describe('a hearing reminder', () => {
  it('reminds the citizen and the sender two days before the last day, while in hearing', async () => {
    const hearingUntil = addDays(danishToday(), 6);
    const sent = await t.request(w.coordinator.cookie, {
      method: 'POST',
      url: `/api/citizens/${w.citizen.id}/decisions`,
      payload: {
        title: 'Mentorstøtte efter januar',
        proposal: 'Jobcentret vil stoppe mentorstøtten.',
        facts: 'Praktikken går godt.',
        legalBasis: 'LAB-47',
        negative: true,
        hearingUntil,
      },
    });
    expect(sent.statusCode).toBe(201);
    const decisionId = sent.json().id as string;
    const [job] = await jobsOf(decisionId);
    expect(job?.run_at.toISOString()).toBe(danishMoment(addDays(hearingUntil, -2), 9).toISOString());
    expect(await runAt(danishMoment(addDays(hearingUntil, -2), 9))).toBe(1);
    const reminders = (await inbox(w.coordinator.cookie)).filter(
      (item) => item.kind === 'reminder-hearing-deadline',
    );
    expect(reminders).toHaveLength(1);
    expect(await danishSentence(reminders[0])).toMatch(/^Påmindelse: fristen for svar i partshøringen er /);
    const mine = await t.request(w.citizen.cookie, {
      method: 'GET',
      url: `/api/citizens/${w.citizen.id}/reminders`,
    });
    expect(mine.json().items[0]).toMatchObject({ kind: 'reminder-hearing-deadline', at: hearingUntil });
  });
});

describe('a follow-up reminder', () => {
  it('is found by the sweep and sent to the responsible on the day, not for an ended intervention', async () => {
    const today = danishToday();
    const due = await t.factories.intervention({
      municipalityId: w.municipalityId,
      citizenId: w.citizen.id,
      responsibleId: w.psychiatryWorker.id,
      status: 'active',
      followUpDate: today,
    });
    const ended = await t.factories.intervention({
      municipalityId: w.municipalityId,
      citizenId: w.citizen.id,
      responsibleId: w.psychiatryWorker.id,
      status: 'active',
      followUpDate: today,
    });
    const now = new Date();
    await sweepReminders(t.context.database.db, now);
    expect(await jobsOf(due.id)).toHaveLength(1);
    await t.context.database.db
      .updateTable('intervention')
      .set({ status: 'ended' })
      .where('id', '=', ended.id)
      .execute();
    // Before 09:00 Danish time the reminder is planned for 09:00 today: run the worker then.
    await runAt(new Date(Math.max(now.getTime(), danishMoment(today, REMINDER_HOUR).getTime())));
    expect((await jobsOf(due.id))[0]).toMatchObject({ status: 'done', outcome: 'sent' });
    expect((await jobsOf(ended.id))[0]).toMatchObject({ status: 'done', outcome: 'not-relevant' });
    const reminders = (await inbox(w.psychiatryWorker.cookie)).filter(
      (item) => item.kind === 'reminder-follow-up',
    );
    expect(reminders.map((item) => item.subjectId)).toEqual([due.id]);
  });
});

describe('a follow-up date set on the plan', () => {
  it('enqueues its reminder in the same change, and moves it when the date moves', async () => {
    const plan = await t.request(w.coordinator.cookie, {
      method: 'GET',
      url: `/api/citizens/${w.citizen.id}/plan`,
    });
    w.version = plan.json().version;
    const id = w.interventions.jobcenter;
    const first = addDays(danishToday(), 5);
    expect((await w.write(`/interventions/${id}`, 'PATCH', { followUpDate: first })).statusCode).toBe(200);
    const jobs = await jobsOf(id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ kind: 'reminder-follow-up', status: 'queued' });
    expect(new Date(jobs[0]?.run_at ?? 0).toISOString()).toBe(danishMoment(first, 9).toISOString());

    const moved = addDays(first, 2);
    expect((await w.write(`/interventions/${id}`, 'PATCH', { followUpDate: moved })).statusCode).toBe(200);
    const after = await jobsOf(id);
    expect(after).toHaveLength(1);
    expect(new Date(after[0]?.run_at ?? 0).toISOString()).toBe(danishMoment(moved, 9).toISOString());
  });
});
