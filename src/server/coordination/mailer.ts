import {
  notificationsAwaitingMail,
  setNotificationEmailStatus,
} from '../../db/queries/notification.queries.js';
import type { App, AppContext } from '../context.js';
import { startPeriodicJob } from '../periodic-job.js';
import { sendMail } from './smtp-client.js';

/** How often pending notifications are looked for, and how old a notification may be to still be mailed. */
const INTERVAL_MS = 5_000;
const BATCH = 50;

/**
 * E-mail for the inbox, only when SAMSPIL_SMTP_URL is set: every few seconds, notifications of
 * the last hour not yet mailed to recipients with an address are sent and marked sent or failed.
 * The mail says only that there is news in Samspil — never a citizen's name or details, which
 * stay behind the login.
 */
export function registerMailer(app: App, context: AppContext): void {
  const url = context.config.smtpUrl;
  if (!url) return;
  const job = startPeriodicJob(
    'mailer',
    INTERVAL_MS,
    async () => {
      await sendPendingMail(context, url);
    },
    (error) => app.log.warn({ err: error }, 'e-mail notifications failed'),
  );
  app.addHook('onClose', job.stop);
}

/** Sends the notifications waiting for e-mail; returns how many were sent. */
export async function sendPendingMail(context: AppContext, url: string): Promise<number> {
  const { db } = context.database;
  const rows = await notificationsAwaitingMail(db, BATCH);
  let sent = 0;
  for (const row of rows) {
    let status = 'sent';
    try {
      await sendMail(url, {
        from: context.config.smtpFrom,
        to: row.email ?? '',
        ...mailFor(row.kind, context),
      });
      sent += 1;
    } catch {
      status = 'failed';
    }
    await setNotificationEmailStatus(db, row.municipality_id, row.id, status);
  }
  return sent;
}

/**
 * What the e-mail says: that there is news, or a reminder, in Samspil, and where to log in.
 * Nothing about the citizen or the meeting: not a name, not a time, not a place.
 */
function mailFor(kind: string, context: AppContext): { subject: string; text: string } {
  const { publicUrl } = context.config;
  if (kind.startsWith('reminder-'))
    return {
      subject: 'Påmindelse i Samspil / Reminder in Samspil',
      text:
        'Du har en påmindelse i Samspil.\n' +
        `Log ind på ${publicUrl} for at se den.\n\n` +
        'You have a reminder in Samspil.\n' +
        `Log in at ${publicUrl} to see it.\n`,
    };
  return {
    subject: 'Nyt i Samspil / News in Samspil',
    text:
      `Der er nyt i din indbakke i Samspil (${describe(kind, 'da')}).\n` +
      `Log ind på ${publicUrl} for at se det.\n\n` +
      `There is news in your Samspil inbox (${describe(kind, 'en')}).\n` +
      `Log in at ${publicUrl} to see it.\n`,
  };
}

function describe(kind: string, language: 'da' | 'en'): string {
  if (kind === 'intervention-changed')
    return language === 'da'
      ? 'en anden enhed har ændret en indsats'
      : 'another unit changed an intervention';
  if (kind.startsWith('referral')) return language === 'da' ? 'en henvisning' : 'a referral';
  return language === 'da' ? 'en besked' : 'a message';
}
