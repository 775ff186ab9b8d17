import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  auth: string | null;
  from: string;
  to: string[];
  /** The raw message as received after DATA. */
  data: string;
}

/** One step of a session as the server saw it, and whether the connection was encrypted by then. */
export interface SeenCommand {
  verb: 'TLS' | 'AUTH' | 'MAIL' | 'RCPT' | 'DATA';
  tls: boolean;
}

/**
 * A real SMTP server on loopback for tests (the `smtp-server` package): it keeps what it
 * receives and the order of the session's steps, and can be told to refuse the next messages
 * with a temporary error (451), as a busy or broken server would. Given a key and certificate
 * it offers STARTTLS (RFC 3207); without, it speaks plain SMTP only, as an old relay does.
 */
export async function startSmtpServer(options: { starttls?: { key: string; cert: string } } = {}) {
  const received: ReceivedMail[] = [];
  const commands: SeenCommand[] = [];
  /** The credentials clients logged in with (to check what the password arrived as). */
  const logins: { user: string; password: string }[] = [];
  let refuse = 0;
  const server = new SMTPServer({
    ...(options.starttls ? { key: options.starttls.key, cert: options.starttls.cert } : {}),
    disabledCommands: options.starttls ? [] : ['STARTTLS'],
    // the relay case: a client that accepts plain SMTP may log in over it
    allowInsecureAuth: true,
    authOptional: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onSecure(_socket, _session, callback) {
      commands.push({ verb: 'TLS', tls: true });
      callback();
    },
    onAuth(auth, session, callback) {
      commands.push({ verb: 'AUTH', tls: session.secure });
      logins.push({ user: auth.username ?? '', password: auth.password ?? '' });
      callback(null, { user: auth.username });
    },
    onMailFrom(_address, session, callback) {
      commands.push({ verb: 'MAIL', tls: session.secure });
      if (refuse > 0) {
        refuse--;
        const busy = Object.assign(new Error('try again later'), { responseCode: 451 });
        callback(busy);
        return;
      }
      callback();
    },
    onRcptTo(_address, session, callback) {
      commands.push({ verb: 'RCPT', tls: session.secure });
      callback();
    },
    onData(stream, session, callback) {
      commands.push({ verb: 'DATA', tls: session.secure });
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          auth: typeof session.user === 'string' ? session.user : null,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    /** Every step seen, in order, across connections. */
    commands,
    logins,
    refuseNext(n: number) {
      refuse = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Quoted-printable text as the bytes it stands for. */
const qpBytes = (text: string) =>
  Buffer.from(
    text
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  );

/** A header's value with its folded lines joined and its MIME words (RFC 2047) decoded. */
function header(data: string, name: string): string {
  const head = data.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const raw = new RegExp(`^${name}: (.*)$`, 'im').exec(unfolded)?.[1] ?? '';
  // adjacent encoded words are one text split anywhere, even inside a character: join the bytes
  const words = [...raw.matchAll(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi)];
  if (words.length === 0) return raw;
  return Buffer.concat(
    words.map(([, enc = '', text = '']) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : qpBytes(text.replace(/_/g, ' ')),
    ),
  ).toString('utf8');
}

/** The text body of a received message (base64, quoted-printable or plain). */
export function mailText(data: string): string {
  const [head = '', ...rest] = data.split(/\r?\n\r?\n/);
  const body = rest.join('\r\n\r\n');
  if (/content-transfer-encoding:\s*base64/i.test(head))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) return qpBytes(body).toString('utf8');
  return body;
}

/** The subject of a received message, decoded. */
export const mailSubject = (data: string): string => header(data, 'Subject');
