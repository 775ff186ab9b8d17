import { randomUUID } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';

export interface SmtpServer {
  host: string;
  port: number;
  /** TLS from the first byte (SMTPS, usually port 465). */
  secure: boolean;
  username: string;
  password: string;
}

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

const timeoutMs = 20_000;

/** An SMTP reply: its code and its lines ("250-a", "250 b" → [a, b]). */
interface Reply {
  code: number;
  lines: string[];
}

/** Reads complete replies from the socket, one at a time, in order. */
function replyReader(socket: net.Socket) {
  let buffer = '';
  let current: string[] = [];
  const ready: Reply[] = [];
  const waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void }[] = [];
  let failure: Error | null = null;
  const fail = (err: Error) => {
    failure ??= err;
    for (const w of waiting.splice(0)) w.reject(failure);
  };
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let nl = buffer.indexOf('\r\n');
    while (nl >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 2);
      current.push(line.slice(4));
      if (line[3] !== '-') {
        const reply = { code: Number(line.slice(0, 3)), lines: current };
        current = [];
        const w = waiting.shift();
        if (w) w.resolve(reply);
        else ready.push(reply);
      }
      nl = buffer.indexOf('\r\n');
    }
  });
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('The SMTP server closed the connection.')));
  socket.setTimeout(timeoutMs, () => {
    fail(new Error('The SMTP server did not answer in time.'));
    socket.destroy();
  });
  return (): Promise<Reply> => {
    const r = ready.shift();
    if (r) return Promise.resolve(r);
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
}

/** "=?UTF-8?B?...?=" so a Russian subject survives any server. */
const encodeHeader = (value: string) =>
  /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;

/** The whole message: headers and a base64 UTF-8 text body, lines of 76 characters. */
export function formatMessage(mail: OutgoingMail, at: Date): string {
  const domain = mail.from.split('@')[1] ?? 'hearth.local';
  const body = Buffer.from(mail.text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    `From: ${mail.from}`,
    `To: ${mail.to}`,
    `Subject: ${encodeHeader(mail.subject)}`,
    `Date: ${at.toUTCString()}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
}

/**
 * Sends one message: EHLO, AUTH PLAIN when a user is set, MAIL, RCPT, DATA, QUIT. Rejects with
 * the server's words on any unexpected reply, so the durable job retries later.
 */
export async function sendMail(server: SmtpServer, mail: OutgoingMail, at: Date): Promise<void> {
  const socket = await new Promise<net.Socket>((resolve, reject) => {
    const s = server.secure
      ? tls.connect({ host: server.host, port: server.port, servername: server.host }, () => resolve(s))
      : net.connect({ host: server.host, port: server.port }, () => resolve(s));
    s.once('error', reject);
    s.setTimeout(timeoutMs, () => {
      s.destroy();
      reject(new Error('Could not reach the SMTP server in time.'));
    });
  });
  const next = replyReader(socket);
  const expect = async (codes: number[], what: string) => {
    const reply = await next();
    if (!codes.includes(reply.code)) {
      throw new Error(`SMTP ${what}: ${reply.code} ${reply.lines.join(' ')}`.slice(0, 500));
    }
    return reply;
  };
  const command = async (line: string, codes: number[], what: string) => {
    socket.write(`${line}\r\n`);
    return expect(codes, what);
  };
  try {
    await expect([220], 'greeting');
    await command('EHLO hearth', [250], 'EHLO');
    if (server.username) {
      const token = Buffer.from(`\0${server.username}\0${server.password}`, 'utf8').toString('base64');
      await command(`AUTH PLAIN ${token}`, [235], 'AUTH');
    }
    await command(`MAIL FROM:<${mail.from}>`, [250], 'MAIL FROM');
    await command(`RCPT TO:<${mail.to}>`, [250, 251], 'RCPT TO');
    await command('DATA', [354], 'DATA');
    // a line starting with "." is doubled so it is not read as the end of the message
    const data = formatMessage(mail, at).replace(/^\./gm, '..');
    await command(`${data}\r\n.`, [250], 'message');
    socket.write('QUIT\r\n');
  } finally {
    socket.end();
  }
}
