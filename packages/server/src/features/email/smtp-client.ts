import { randomUUID } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';

export interface SmtpServer {
  host: string;
  port: number;
  /** TLS from the first byte (SMTPS, usually port 465). */
  secure: boolean;
  /**
   * Send only over an encrypted connection: when the connection is not `secure` and the server
   * does not offer STARTTLS, give up before AUTH or MAIL, so no password or address leaves in clear.
   */
  requireTls: boolean;
  username: string;
  password: string;
}

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * How the client checks the server's certificate. Verification is always on; `ca` replaces the
 * system's trusted authorities (only the tests pass one, for their self-signed loopback server).
 */
export interface SmtpTlsOptions {
  ca?: string | Buffer;
}

const timeoutMs = 20_000;

/** An SMTP reply: its code and its lines ("250-a", "250 b" → [a, b]). */
interface Reply {
  code: number;
  lines: string[];
}

/**
 * Reads complete replies from the socket, one at a time, in order. `detach` stops reading (before
 * STARTTLS hands the socket to TLS) and tells whether anything arrived that was not yet read.
 */
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
  const onData = (chunk: Buffer) => {
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
  };
  socket.on('data', onData);
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('The SMTP server closed the connection.')));
  socket.setTimeout(timeoutMs, () => {
    fail(new Error('The SMTP server did not answer in time.'));
    socket.destroy();
  });
  const next = (): Promise<Reply> => {
    const r = ready.shift();
    if (r) return Promise.resolve(r);
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
  const detach = () => {
    socket.off('data', onData);
    socket.setTimeout(0);
    return { unread: buffer.length > 0 || current.length > 0 || ready.length > 0 };
  };
  return { next, detach };
}

/** Whether an EHLO reply lists the extension (its lines are "KEYWORD params"). */
const offers = (ehlo: Reply, keyword: string) =>
  ehlo.lines.some((line) => line.split(' ')[0]?.toUpperCase() === keyword);

/** TLS options for a host: SNI only for a name (RFC 6066 forbids an IP address there). */
const tlsTarget = (host: string, options: SmtpTlsOptions) => ({
  host,
  ...(net.isIP(host) ? {} : { servername: host }),
  ...(options.ca ? { ca: options.ca } : {}),
});

/** Turns the plain connection into TLS after the server's "220 ready" to STARTTLS. */
function upgrade(socket: net.Socket, host: string, options: SmtpTlsOptions) {
  return new Promise<tls.TLSSocket>((resolve, reject) => {
    const secure = tls.connect({ socket, ...tlsTarget(host, options) }, () => {
      secure.off('error', refused);
      secure.off('timeout', stalled);
      secure.setTimeout(0);
      resolve(secure);
    });
    const refused = (err: Error) => {
      secure.destroy();
      reject(new Error(`SMTP STARTTLS: the secure connection was refused: ${err.message}`));
    };
    const stalled = () => refused(new Error('the TLS handshake did not finish in time'));
    secure.once('error', refused);
    secure.setTimeout(timeoutMs, stalled);
  });
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
 * Sends one message: EHLO, STARTTLS and EHLO again when the server offers it on a plain
 * connection, AUTH PLAIN when a user is set, MAIL, RCPT, DATA, QUIT. Rejects with the server's
 * words on any unexpected reply (or when TLS is required and not offered, or the certificate is
 * not trusted), so the durable job retries later.
 */
export async function sendMail(
  server: SmtpServer,
  mail: OutgoingMail,
  at: Date,
  options: SmtpTlsOptions = {},
): Promise<void> {
  let socket = await new Promise<net.Socket>((resolve, reject) => {
    const s = server.secure
      ? tls.connect({ port: server.port, ...tlsTarget(server.host, options) }, () => resolve(s))
      : net.connect({ host: server.host, port: server.port }, () => resolve(s));
    s.once('error', reject);
    s.setTimeout(timeoutMs, () => {
      s.destroy();
      reject(new Error('Could not reach the SMTP server in time.'));
    });
  });
  let reader = replyReader(socket);
  const expect = async (codes: number[], what: string) => {
    const reply = await reader.next();
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
    const ehlo = await command('EHLO hearth', [250], 'EHLO');
    if (!server.secure && offers(ehlo, 'STARTTLS')) {
      await command('STARTTLS', [220], 'STARTTLS');
      // anything sent before TLS began could be an injected command reply: never act on it
      if (reader.detach().unread) throw new Error('SMTP STARTTLS: the server sent data before TLS began.');
      socket = await upgrade(socket, server.host, options);
      reader = replyReader(socket);
      // what the server said before TLS is forgotten (RFC 3207): ask again over the secure channel
      await command('EHLO hearth', [250], 'EHLO after STARTTLS');
    } else if (!server.secure && server.requireTls) {
      throw new Error(
        'The SMTP server does not offer STARTTLS, and an encrypted connection is required: nothing was sent. ' +
          'Use TLS from the start (port 465) or a server that offers STARTTLS.',
      );
    }
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
    // the message is accepted; a server that hangs up without its "221 bye" changes nothing
    socket.write('QUIT\r\n');
    await reader.next().catch(() => {});
  } finally {
    socket.end();
  }
}
