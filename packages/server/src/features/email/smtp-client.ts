import net from 'node:net';
import { createTransport } from 'nodemailer';

export interface SmtpServer {
  host: string;
  port: number;
  /** TLS from the first byte (SMTPS, usually port 465). */
  secure: boolean;
  /**
   * Send only over an encrypted connection: on a plain connection STARTTLS must succeed before
   * AUTH or MAIL, so no password or address leaves in clear (nodemailer's `requireTLS`).
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

/** nodemailer's words for a refused STARTTLS, in the administrator's terms. */
function explain(err: Error & { code?: string; command?: string }): Error {
  if (err.code === 'ETLS' || err.command === 'STARTTLS') {
    return new Error(
      'The SMTP server does not offer STARTTLS, and an encrypted connection is required: nothing was sent. ' +
        `Use TLS from the start (port 465) or a server that offers STARTTLS. (${err.message})`,
    );
  }
  return new Error(`SMTP: ${err.message}`.slice(0, 500));
}

/**
 * Sends one message through nodemailer's SMTP transport, one connection per message (the
 * volume is a few notifications an hour). STARTTLS is used whenever the server offers it; with
 * `requireTls` a server that does not is left before AUTH. Rejects with the reason on any
 * failure (or an untrusted certificate), so the durable job retries later.
 */
export async function sendMail(
  server: SmtpServer,
  mail: OutgoingMail,
  at: Date,
  options: SmtpTlsOptions = {},
): Promise<void> {
  const transport = createTransport({
    host: server.host,
    port: server.port,
    secure: server.secure,
    requireTLS: !server.secure && server.requireTls,
    ...(server.username ? { auth: { user: server.username, pass: server.password } } : {}),
    tls: {
      rejectUnauthorized: true,
      // SNI only for a name (RFC 6066 forbids an IP address there)
      ...(net.isIP(server.host) ? {} : { servername: server.host }),
      ...(options.ca ? { ca: options.ca } : {}),
    },
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    name: 'hearth',
  });
  try {
    await transport.sendMail({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      // the clock the rest of the service uses, so a test (and the audit) agree on the time
      date: at,
      textEncoding: 'base64',
    });
  } catch (err) {
    throw explain(err as Error);
  } finally {
    transport.close();
  }
}
