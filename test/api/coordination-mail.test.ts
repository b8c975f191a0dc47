import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, danishToday } from '../../src/domain/calendar.js';
import { sendPendingMail } from '../../src/server/coordination/mailer.js';
import { smtpServer } from '../support/smtp-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof smtpServer>>;

beforeAll(async () => {
  smtp = await smtpServer();
  t = await startTestApp();
});
afterAll(async () => {
  await t?.dispose();
  smtp?.server.close();
});

describe('e-mail notifications', () => {
  it('mails the others who work with the citizen, without any citizen data in the mail', async () => {
    const { id: municipalityId } = await t.factories.municipality();
    const unitId = (await t.factories.unit(municipalityId)).id;
    const typeId = (await t.factories.interventionType(municipalityId)).id;
    const coordinator = await t.factories.professional(municipalityId, unitId);
    const colleague = await t.factories.professional(municipalityId, unitId);
    const citizen = await t.factories.citizen(municipalityId, {
      coordinatorId: coordinator.id,
      familyName: 'Hemmeligsen',
    });
    const cookie = await t.login({ municipalityId, kind: 'professional', id: colleague.id });
    const leaderCookie = await t.login({ municipalityId, kind: 'professional', id: coordinator.id });
    const plan = await t.request(leaderCookie, { method: 'GET', url: `/api/citizens/${citizen.id}/plan` });
    const team = await t.request(leaderCookie, {
      method: 'POST',
      url: `/api/citizens/${citizen.id}/plan/team`,
      payload: { kind: 'professional', professionalId: colleague.id },
      headers: { 'if-match': String(plan.headers.etag) },
    });
    const created = await t.request(cookie, {
      method: 'POST',
      url: `/api/citizens/${citizen.id}/plan/interventions`,
      payload: {
        typeId,
        unitId,
        startDate: addDays(danishToday(), -1),
        status: 'active',
        responsibleId: colleague.id,
      },
      headers: { 'if-match': String(team.headers.etag) },
    });
    expect(created.statusCode).toBe(201);

    const sent = await sendPendingMail(t.context, `smtp://127.0.0.1:${smtp.port}`);
    expect(sent).toBe(1);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.to).toBe('medarbejder@test.example');
    expect(smtp.messages[0]?.data).toContain('Subject: =?UTF-8?B?');
    expect(smtp.messages[0]?.data).not.toContain('Hemmeligsen');
    // Sent once: the next round finds nothing to send.
    expect(await sendPendingMail(t.context, `smtp://127.0.0.1:${smtp.port}`)).toBe(0);
    const row = await t.context.database.db
      .selectFrom('notification')
      .select('email_status')
      .executeTakeFirstOrThrow();
    expect(row.email_status).toBe('sent');
  });
});
