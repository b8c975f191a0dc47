import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, danishToday } from '../../src/domain/calendar.js';
import { sendPendingMail } from '../../src/server/coordination/mailer.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A tiny SMTP server on 127.0.0.1 that accepts every message and keeps what it received. */
function smtpServer(): Promise<{ server: Server; port: number; messages: { to: string; data: string }[] }> {
  const messages: { to: string; data: string }[] = [];
  const server = createServer((socket: Socket) => {
    let buffer = '';
    let inData = false;
    let to = '';
    let data = '';
    socket.setEncoding('utf8');
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end = buffer.indexOf('\r\n');
      while (end >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push({ to, data });
            socket.write('250 queued\r\n');
          } else data += `${line}\n`;
        } else if (line.startsWith('EHLO')) socket.write('250-test\r\n250 8BITMIME\r\n');
        else if (line.startsWith('MAIL FROM')) socket.write('250 ok\r\n');
        else if (line.startsWith('RCPT TO:')) {
          to = line.slice(9, -1);
          socket.write('250 ok\r\n');
        } else if (line === 'DATA') {
          inData = true;
          data = '';
          socket.write('354 go on\r\n');
        } else if (line === 'QUIT') {
          socket.end('221 bye\r\n');
        } else socket.write('502 no\r\n');
        end = buffer.indexOf('\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as { port: number }).port, messages }),
    ),
  );
}

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
