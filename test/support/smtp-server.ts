import { createServer, type Server, type Socket } from 'node:net';

/** A tiny SMTP server on 127.0.0.1 that accepts every message and keeps what it received. */
export function smtpServer(): Promise<{
  server: Server;
  port: number;
  messages: { to: string; data: string }[];
}> {
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
