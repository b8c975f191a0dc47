import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';

/** One plain-text e-mail. */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

const TIMEOUT_MS = 15_000;

/**
 * Sends one e-mail over SMTP (RFC 5321): `smtp://host:port` in plain text (for a relay on the
 * local network) or `smtps://host:port` over TLS, with AUTH PLAIN when the URL carries a user
 * and password. Deliberately small — no STARTTLS, no attachments — so it needs no dependency.
 */
export async function sendMail(url: string, message: MailMessage): Promise<void> {
  const target = new URL(url);
  const secure = target.protocol === 'smtps:';
  if (!secure && target.protocol !== 'smtp:')
    throw new Error('SAMSPIL_SMTP_URL must start with smtp:// or smtps://');
  const port = Number(target.port || (secure ? 465 : 25));
  const socket: Socket = secure
    ? connectTls({ host: target.hostname, port, servername: target.hostname })
    : connectTcp({ host: target.hostname, port });
  socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error('SMTP server timed out')));
  const replies = replyReader(socket);
  try {
    await expect(replies, 220);
    socket.write('EHLO samspil\r\n');
    await expect(replies, 250);
    if (target.username) {
      const credentials = Buffer.from(
        `\0${decodeURIComponent(target.username)}\0${decodeURIComponent(target.password)}`,
      ).toString('base64');
      socket.write(`AUTH PLAIN ${credentials}\r\n`);
      await expect(replies, 235);
    }
    socket.write(`MAIL FROM:<${address(message.from)}>\r\n`);
    await expect(replies, 250);
    socket.write(`RCPT TO:<${address(message.to)}>\r\n`);
    await expect(replies, 250);
    socket.write('DATA\r\n');
    await expect(replies, 354);
    socket.write(`${render(message)}\r\n.\r\n`);
    await expect(replies, 250);
    socket.write('QUIT\r\n');
    await expect(replies, 221).catch(() => undefined);
  } finally {
    socket.end();
  }
}

/** The message with headers, CRLF line ends and dot-stuffing (RFC 5321 § 4.5.2). */
function render(message: MailMessage): string {
  const encodedSubject = `=?UTF-8?B?${Buffer.from(message.subject).toString('base64')}?=`;
  const headers = [
    `From: ${address(message.from)}`,
    `To: ${address(message.to)}`,
    `Subject: ${encodedSubject}`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  const body = message.text
    .replace(/\r?\n/g, '\r\n')
    .split('\r\n')
    .map((line) => (line.startsWith('.') ? `.${line}` : line))
    .join('\r\n');
  return `${headers.join('\r\n')}\r\n\r\n${body}`;
}

/** An address without anything that could break out of the SMTP command or header. */
function address(value: string): string {
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(value)) throw new Error('not an e-mail address');
  return value;
}

type ReplyQueue = () => Promise<{ code: number; text: string }>;

/** Reads complete SMTP replies (the last line of a multi-line reply has a space after the code). */
function replyReader(socket: Socket): ReplyQueue {
  let buffer = '';
  const ready: { code: number; text: string }[] = [];
  const waiting: {
    resolve: (reply: { code: number; text: string }) => void;
    reject: (error: Error) => void;
  }[] = [];
  let failure: Error | null = null;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let end = buffer.indexOf('\r\n');
    let lines: string[] = [];
    while (end >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      lines.push(line);
      if (/^\d{3} /.test(line) || /^\d{3}$/.test(line)) {
        const reply = { code: Number(line.slice(0, 3)), text: lines.join('\n') };
        lines = [];
        const next = waiting.shift();
        if (next) next.resolve(reply);
        else ready.push(reply);
      }
      end = buffer.indexOf('\r\n');
    }
  });
  const fail = (error: Error): void => {
    failure = error;
    for (const next of waiting.splice(0)) next.reject(error);
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('SMTP connection closed')));
  return () => {
    const reply = ready.shift();
    if (reply) return Promise.resolve(reply);
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
}

async function expect(next: ReplyQueue, code: number): Promise<void> {
  const reply = await next();
  if (reply.code !== code)
    throw new Error(`SMTP server answered ${reply.text.slice(0, 200)} (expected ${code})`);
}
