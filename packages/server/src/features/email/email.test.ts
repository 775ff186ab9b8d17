import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { mailSubject, mailText, startSmtpServer } from '../../test/smtp-server.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await t.close();
  await smtp.close();
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
});
