import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyUsers } from '../../platform/notifications/notifications.service.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { mailSubject, mailText, startSmtpServer } from '../../test/smtp-server.ts';
import { sendMail } from './smtp-client.ts';

// a self-signed certificate for localhost, trusted by this test's app only (see test-fixtures/README.md)
const fixture = (name: string) => readFileSync(new URL(`./test-fixtures/${name}`, import.meta.url), 'utf8');
const cert = fixture('localhost-cert.pem');
const key = fixture('localhost-key.pem');

let t: TestApp;
/** A submission server that offers STARTTLS, as most on port 587 do. */
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
/** An old relay that speaks only plain SMTP. */
let plainSmtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  t = await createTestApp({
    smtpTls: { ca: cert },
    env: { HEARTH_SECRET_KEY: randomBytes(32).toString('base64') },
  });
  smtp = await startSmtpServer({ starttls: { key, cert } });
  plainSmtp = await startSmtpServer();
});
afterAll(async () => {
  await t.close();
  await smtp.close();
  await plainSmtp.close();
});

const settings = () => ({
  enabled: true,
  host: '127.0.0.1',
  port: smtp.port,
  secure: false,
  username: 'hearth-mailer',
  password: 'smtp-secret-1',
  fromAddress: 'hearth@demo.hearth.local',
  baseUrl: 'https://hearth.example.org/',
});

describe('email through the organization’s SMTP server', () => {
  it('lets only an administrator configure it, and never sends the password back', async () => {
    const admin = await t.login('admin');
    const saved = await admin.request('PUT', '/api/v1/settings/email', settings());
    expect(saved.status, saved.raw).toBe(200);
    expect(saved.body).toMatchObject({
      enabled: true,
      passwordSet: true,
      baseUrl: 'https://hearth.example.org',
    });
    const read = await admin.get('/api/v1/settings/email');
    expect(read.raw).not.toContain('smtp-secret-1');
    // at rest it is sealed (AES-256-GCM): the database holds no trace of it
    const stored = await t.hearth.deps.db
      .selectFrom('email_settings')
      .select('password')
      .executeTakeFirstOrThrow();
    expect(stored.password).toMatch(/^v1:/);
    expect(stored.password).not.toContain('smtp-secret-1');
    expect(Buffer.from(stored.password.slice(3), 'base64').toString('latin1')).not.toContain('smtp-secret');
    // saving without a password keeps the stored one
    const { password: _omit, ...withoutPassword } = settings();
    expect((await admin.request('PUT', '/api/v1/settings/email', withoutPassword)).body.passwordSet).toBe(
      true,
    );
    const incomplete = await admin.request('PUT', '/api/v1/settings/email', { ...settings(), host: '' });
    expect(incomplete.status).toBe(400);
    expect((await admin.get('/api/v1/settings/email')).body.host).toBe('127.0.0.1');
    for (const role of ['coordinator', 'physician', 'family'] as const) {
      const other = await t.login(role);
      expect((await other.get('/api/v1/settings/email')).status).toBe(403);
      expect((await other.request('PUT', '/api/v1/settings/email', settings())).status).toBe(403);
    }
    const test = await admin.post('/api/v1/settings/email/test', { to: 'admin@demo.hearth.local' });
    expect(test.status, test.raw).toBe(200);
    expect(smtp.received.at(-1)).toMatchObject({ auth: 'hearth-mailer', to: ['admin@demo.hearth.local'] });
    // the server got the password itself, opened from its sealed form only to send
    expect(smtp.logins.at(-1)).toEqual({ user: 'hearth-mailer', password: 'smtp-secret-1' });
  });

  it('switches to TLS with STARTTLS and sends the password only after that', async () => {
    const admin = await t.login('admin');
    const saved = await admin.request('PUT', '/api/v1/settings/email', settings());
    // a user name is set, so an encrypted connection is required unless the administrator says otherwise
    expect(saved.body.requireTls).toBe(true);
    const seen = smtp.commands.length;
    const test = await admin.post('/api/v1/settings/email/test', { to: 'nurse@demo.hearth.local' });
    expect(test.status, test.raw).toBe(200);
    expect(smtp.received.at(-1)).toMatchObject({ auth: 'hearth-mailer', to: ['nurse@demo.hearth.local'] });
    expect(smtp.commands.slice(seen)).toEqual([
      { verb: 'TLS', tls: true },
      { verb: 'AUTH', tls: true },
      { verb: 'MAIL', tls: true },
      { verb: 'RCPT', tls: true },
      { verb: 'DATA', tls: true },
    ]);
    // over the whole file, no password ever crossed the loopback in clear
    expect(smtp.commands.filter((c) => c.verb === 'AUTH' && !c.tls)).toEqual([]);
  });

  it('refuses a server whose certificate it does not trust, before anything is sent', async () => {
    const seen = smtp.commands.length;
    const server = { host: 'localhost', port: smtp.port, secure: false, requireTls: true };
    const mail = { from: 'hearth@demo.hearth.local', to: 'x@demo.hearth.local', subject: 's', text: 't' };
    // no trusted authority given: the system store, which does not know the self-signed test certificate
    await expect(
      sendMail({ ...server, username: 'hearth-mailer', password: 'smtp-secret-1' }, mail, t.now()),
    ).rejects.toThrow(/self[- ]signed certificate/);
    // the handshake failed: no login, no addresses
    expect(smtp.commands.slice(seen).filter((c) => c.verb !== 'TLS')).toEqual([]);
    // trusted, the same server takes the message under its name and under its address
    for (const host of ['localhost', '127.0.0.1']) {
      await sendMail({ ...server, host, username: '', password: '' }, mail, t.now(), { ca: cert });
    }
  });

  it('emails the on-call physician about a new alert with a link and no clinical detail, retrying a failing server', async () => {
    const before = smtp.received.length;
    const family = await t.login('family');
    const patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
    const physician = await t.login('physician');
    const patient = (await physician.get(`/api/v1/patients/${patientId}`)).body;
    const me = (await physician.get('/api/v1/auth/me')).body;

    smtp.refuseNext(1);
    const entry = await family.post(`/api/v1/patients/${patientId}/diary`, {
      instrument: 'esas_r',
      answers: { pain: 9 },
      coping: 'coping',
    });
    expect(entry.status, entry.raw).toBe(201);
    await t.hearth.jobs.runDue();
    // the server refused: no email yet, but the in-app notification is there
    expect(smtp.received.length).toBe(before);
    const inApp = (await physician.get('/api/v1/notifications')).body.items;
    const urgent = inApp.find((n: { kind: string }) => n.kind === 'alert.urgent');
    // the web renders kind + params in the reader's language; the English title stays as fallback
    expect(urgent.params.ruleId).toBeTruthy();
    expect(urgent.title).toBeTruthy();

    t.advance(5 * 60_000);
    await t.hearth.jobs.runDue();
    const mails = smtp.received.slice(before).filter((m) => m.to.includes(me.email));
    expect(mails).toHaveLength(1);
    const text = mailText(mails[0]!.data);
    expect(mailSubject(mails[0]!.data)).toBe('Новое оповещение в Hearth');
    expect(text).toContain('https://hearth.example.org/app/notifications');
    for (const word of [patient.firstName, patient.lastName, 'боль', 'pain', 'ESAS', 'urgent', 'срочн']) {
      expect(text.toLowerCase()).not.toContain(String(word).toLowerCase());
    }
    expect(text).not.toMatch(/\d/);
    // the job is done: running again sends nothing more
    const count = smtp.received.length;
    await t.hearth.jobs.runDue();
    expect(smtp.received.length).toBe(count);
  });

  it('writes the email in the organization’s language, and sends nothing when switched off', async () => {
    const admin = await t.login('admin');
    const physician = await t.login('physician');
    const notify = () =>
      t.hearth.deps.db
        .transaction()
        .execute((trx) =>
          notifyUsers(
            trx,
            t.organizationId,
            [physician.userId!],
            { kind: 'alert.urgent', params: {}, title: 'Severe pain', body: '' },
            t.now(),
          ),
        );
    expect((await admin.patch('/api/v1/settings', { language: 'en' })).status).toBe(200);
    const before = smtp.received.length;
    await notify();
    await t.hearth.jobs.runDue();
    const english = smtp.received.slice(before);
    expect(english).toHaveLength(1);
    expect(mailSubject(english[0]!.data)).toBe('You have a new alert in Hearth');
    expect(mailText(english[0]!.data)).toContain('Sign in to read it');
    expect(mailText(english[0]!.data)).not.toContain('Severe pain');

    await admin.request('PUT', '/api/v1/settings/email', { ...settings(), enabled: false });
    const off = smtp.received.length;
    await notify();
    await t.hearth.jobs.runDue();
    expect(smtp.received.length).toBe(off);
    expect((await physician.get('/api/v1/notifications')).body.items[0].title).toBe('Severe pain');
  });

  it('sends no password to a server without STARTTLS when TLS is required; the in-app notification stays and the email retries', async () => {
    const admin = await t.login('admin');
    const physician = await t.login('physician');
    const plain = { ...settings(), port: plainSmtp.port };
    expect((await admin.request('PUT', '/api/v1/settings/email', plain)).body.requireTls).toBe(true);
    const test = await admin.post('/api/v1/settings/email/test', { to: 'admin@demo.hearth.local' });
    expect(test.status).toBe(400);
    expect(test.body.error.message).toMatch(/does not offer STARTTLS/);

    await t.hearth.deps.db
      .transaction()
      .execute((trx) =>
        notifyUsers(
          trx,
          t.organizationId,
          [physician.userId!],
          { kind: 'email.check', params: {}, title: 'Plain relay check', body: '' },
          t.now(),
        ),
      );
    await t.hearth.jobs.runDue();
    // both sessions ended at the refused STARTTLS: no AUTH, no addresses
    expect(plainSmtp.commands).toEqual([]);
    expect(plainSmtp.received).toEqual([]);
    const job = await t.hearth.deps.db
      .selectFrom('job')
      .select(['id', 'status', 'attempts', 'last_error'])
      .where('kind', '=', 'email.notification')
      .where('last_error', 'like', '%STARTTLS%')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job.last_error).toMatch(/does not offer STARTTLS/);
    const inApp = (await physician.get('/api/v1/notifications')).body.items;
    expect(inApp.map((n: { title: string }) => n.title)).toContain('Plain relay check');

    // an administrator who accepts a plain relay says so; the retry then goes through in clear
    const relay = await admin.request('PUT', '/api/v1/settings/email', { ...plain, requireTls: false });
    expect(relay.body.requireTls).toBe(false);
    t.advance(5 * 60_000);
    await t.hearth.jobs.runDue();
    const retried = await t.hearth.deps.db
      .selectFrom('job')
      .select('status')
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(retried.status).toBe('done');
    expect(plainSmtp.received.length).toBeGreaterThan(0);
    expect(plainSmtp.received.every((m) => m.auth === 'hearth-mailer')).toBe(true);
  });
});

describe('the SMTP password without a secret key', () => {
  it('refuses to save a password when the server has no HEARTH_SECRET_KEY, and saves the rest', async () => {
    const keyless = await createTestApp();
    try {
      const admin = await keyless.login('admin');
      const refused = await admin.request('PUT', '/api/v1/settings/email', settings());
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/HEARTH_SECRET_KEY/);
      expect((await admin.get('/api/v1/settings/email')).body).toMatchObject({
        passwordSet: false,
        host: '',
      });
      const { password: _omit, ...withoutPassword } = settings();
      const saved = await admin.request('PUT', '/api/v1/settings/email', {
        ...withoutPassword,
        username: '',
      });
      expect(saved.status, saved.raw).toBe(200);
      expect(saved.body).toMatchObject({ host: '127.0.0.1', passwordSet: false });
    } finally {
      await keyless.close();
    }
  });
});
