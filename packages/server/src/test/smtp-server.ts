import net from 'node:net';
import tls from 'node:tls';

export interface ReceivedMail {
  auth: string | null;
  from: string;
  to: string[];
  /** The raw message as sent after DATA (dot-stuffing removed). */
  data: string;
}

/** One command as the server saw it, and whether the connection was encrypted by then. */
export interface SeenCommand {
  verb: string;
  tls: boolean;
}

/**
 * A small SMTP server on loopback for tests: it speaks enough of RFC 5321 (EHLO, AUTH PLAIN,
 * MAIL, RCPT, DATA, RSET, QUIT) for a real client, keeps what it receives, and can be told to
 * refuse the next messages with a temporary error (451), as a busy or broken server would.
 * Given a key and certificate it also offers STARTTLS (RFC 3207) and upgrades the connection.
 */
export async function startSmtpServer(options: { starttls?: { key: string; cert: string } } = {}) {
  const received: ReceivedMail[] = [];
  const commands: SeenCommand[] = [];
  const secureContext = options.starttls ? tls.createSecureContext(options.starttls) : null;
  let refuse = 0;
  const server = net.createServer((plain) => {
    let socket: net.Socket = plain;
    let encrypted = false;
    let buffer = '';
    let inData = false;
    let dataLines: string[] = [];
    let mail: ReceivedMail = { auth: null, from: '', to: [], data: '' };
    const say = (line: string) => socket.write(`${line}\r\n`);
    say('220 test.hearth.local ESMTP');
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl = buffer.indexOf('\r\n');
      while (nl >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        nl = buffer.indexOf('\r\n');
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push({ ...mail, data: dataLines.join('\r\n') });
            mail = { auth: mail.auth, from: '', to: [], data: '' };
            say('250 2.0.0 queued');
          } else dataLines.push(line.startsWith('..') ? line.slice(1) : line);
          continue;
        }
        const verb = line.split(' ')[0]!.toUpperCase();
        commands.push({ verb, tls: encrypted });
        if (verb === 'EHLO' || verb === 'HELO') {
          say('250-test.hearth.local');
          if (secureContext && !encrypted) say('250-STARTTLS');
          say('250 AUTH PLAIN');
        } else if (verb === 'STARTTLS' && secureContext && !encrypted) {
          say('220 2.0.0 ready to start TLS');
          plain.off('data', onData);
          // the session starts over inside TLS: nothing said before counts (RFC 3207)
          buffer = '';
          mail = { auth: null, from: '', to: [], data: '' };
          socket = new tls.TLSSocket(plain, { isServer: true, secureContext });
          encrypted = true;
          socket.on('data', onData);
          socket.on('error', () => {});
          return;
        } else if (verb === 'AUTH') {
          const [, user] = Buffer.from(line.split(' ')[2] ?? '', 'base64')
            .toString('utf8')
            .split('\0');
          mail.auth = user ?? null;
          say('235 2.7.0 authenticated');
        } else if (verb === 'MAIL') {
          if (refuse > 0) {
            refuse--;
            say('451 4.3.0 try again later');
          } else {
            mail.from = /<(.*)>/.exec(line)?.[1] ?? '';
            say('250 2.1.0 ok');
          }
        } else if (verb === 'RCPT') {
          mail.to.push(/<(.*)>/.exec(line)?.[1] ?? '');
          say('250 2.1.5 ok');
        } else if (verb === 'DATA') {
          inData = true;
          dataLines = [];
          say('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'RSET' || verb === 'NOOP') say('250 ok');
        else if (verb === 'QUIT') {
          say('221 bye');
          socket.end();
        } else say('502 5.5.2 command not recognized'); // RFC 5321 4.2.4: any verb this test server has no use for
      }
    };
    plain.on('data', onData);
    plain.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    received,
    /** Every command received, in order, across connections. */
    commands,
    refuseNext(n: number) {
      refuse = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The text body of a received message (base64 or plain). */
export function mailText(data: string): string {
  const [head = '', body = ''] = data.split('\r\n\r\n');
  return /content-transfer-encoding:\s*base64/i.test(head)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : body;
}

/** The subject of a received message, decoded. */
export function mailSubject(data: string): string {
  const raw = /^Subject: (.*)$/m.exec(data)?.[1] ?? '';
  const encoded = /^=\?UTF-8\?B\?(.*)\?=$/i.exec(raw);
  return encoded ? Buffer.from(encoded[1] ?? '', 'base64').toString('utf8') : raw;
}
