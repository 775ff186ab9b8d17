import {
  because,
  can,
  DomainError,
  type EmailSettings,
  type emailSettingsBodySchema,
  forbidden,
  isPortalRole,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { JobRunner } from '../../platform/jobs/job-runner.ts';
import { isSealed, openSecret, sealSecret } from '../../platform/secrets/secret-box.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import * as repo from './email.repository.ts';
import { notificationEmail } from './email-text.ts';
import { sendMail } from './smtp-client.ts';

export const notificationEmailJob = 'email.notification';

const toView = (r: repo.EmailSettingsRecord | undefined): EmailSettings => ({
  enabled: r?.enabled ?? false,
  host: r?.host ?? '',
  port: r?.port ?? 587,
  secure: r?.secure ?? false,
  // nothing saved yet: the form starts on the safe side
  requireTls: r?.requireTls ?? true,
  username: r?.username ?? '',
  passwordSet: !!r?.password,
  fromAddress: r?.fromAddress ?? '',
  baseUrl: r?.baseUrl ?? '',
});

export async function getEmailSettings(deps: AppDeps, ctx: RequestContext) {
  if (!can(ctx.actor, 'settings:manage')) throw forbidden();
  return toView(await repo.findEmailSettings(deps.db, ctx.actor.organizationId));
}

export async function updateEmailSettings(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.infer<typeof emailSettingsBodySchema>,
) {
  if (!can(ctx.actor, 'settings:manage')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const key = deps.config.secretKey;
  if (body.password && !key) {
    throw new DomainError(
      'VALIDATION',
      'The SMTP password cannot be saved: the server has no key to encrypt it with. Set HEARTH_SECRET_KEY (see the README) and restart.',
      { fields: [{ field: 'password', message: 'Set HEARTH_SECRET_KEY on the server first.' }] },
      because('email.noSecretKey'),
    );
  }
  return inEnvelope(deps, ctx, {}, async ({ trx, audit }) => {
    const current = await repo.findEmailSettings(trx, orgId);
    // stored sealed (AES-256-GCM); an empty string removes it, an omitted one keeps the stored value
    const password =
      body.password === undefined
        ? (current?.password ?? '')
        : body.password && key
          ? sealSecret(key, body.password)
          : '';
    await repo.saveEmailSettings(trx, {
      organizationId: orgId,
      enabled: body.enabled,
      host: body.host,
      port: body.port,
      secure: body.secure,
      requireTls: body.requireTls ?? body.username !== '',
      username: body.username,
      password,
      fromAddress: body.fromAddress,
      baseUrl: body.baseUrl.replace(/\/+$/, ''),
      updatedAt: deps.clock(),
    });
    await audit({ action: 'settings.email-update', entityType: 'organization', entityId: orgId });
    return toView(await repo.findEmailSettings(trx, orgId));
  });
}

/** Sends a test message now and reports the SMTP server's answer, so an administrator can check. */
export async function sendTestEmail(deps: AppDeps, ctx: RequestContext, to: string) {
  if (!can(ctx.actor, 'settings:manage')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const row = await repo.findEmailSettings(deps.db, orgId);
  if (!row?.host || !row.fromAddress) {
    throw new DomainError(
      'VALIDATION',
      'Save the SMTP server and the sender address first.',
      undefined,
      because('email.notSetUp'),
    );
  }
  const { language } = await loadSettings(deps.db, orgId);
  const mail = notificationEmail('test', language, row.baseUrl, false);
  try {
    await sendMail(smtpOf(row, deps), { from: row.fromAddress, to, ...mail }, deps.clock(), deps.smtpTls);
  } catch (err) {
    const error = (err as Error).message;
    throw new DomainError(
      'VALIDATION',
      `The email was not sent: ${error}`,
      undefined,
      because('email.notSent', { error }),
    );
  }
  await inEnvelope(deps, ctx, {}, ({ audit }) =>
    audit({ action: 'settings.email-test', entityType: 'organization', entityId: orgId }),
  );
}

/** The stored password in clear, only for the moment of sending. */
function passwordOf(stored: string, deps: Pick<AppDeps, 'config'>): string {
  if (!stored) return '';
  // a password saved before passwords were sealed; `sealStoredSecrets` seals it at start
  if (!isSealed(stored)) return stored;
  const key = deps.config.secretKey;
  if (!key) throw new Error('The SMTP password is encrypted and HEARTH_SECRET_KEY is not set on the server.');
  return openSecret(key, stored);
}

const smtpOf = (row: repo.EmailSettingsRecord, deps: Pick<AppDeps, 'config'>) => ({
  host: row.host,
  port: row.port,
  secure: row.secure,
  requireTls: row.requireTls,
  username: row.username,
  password: passwordOf(row.password, deps),
});

/**
 * Called by `notifyUsers` inside the transaction that writes the notifications: when email is
 * on, one durable job per notification. The in-app notification is committed either way; a
 * failing SMTP server only delays the email (the job retries with back-off).
 */
export async function enqueueNotificationEmails(
  db: Conn,
  organizationId: string,
  notificationIds: string[],
  at: Date,
) {
  if (notificationIds.length === 0) return;
  const settings = await repo.findEmailSettings(db, organizationId);
  if (!settings?.enabled) return;
  for (const notificationId of notificationIds) {
    // one e-mail per notification, however many times this is called for it
    await JobRunner.enqueue(
      db,
      organizationId,
      notificationEmailJob,
      at,
      { notificationId },
      { idempotencyKey: `${notificationEmailJob}:${notificationId}` },
    );
  }
}

export function emailJobs(jobs: JobRunner) {
  jobs.register(notificationEmailJob, async (deps, job) => {
    const orgId = job.organizationId;
    const row = await repo.findEmailSettings(deps.db, orgId);
    // switched off since: nothing to send, and nothing to retry
    if (!row?.enabled) return;
    const to = await repo.findNotificationRecipient(deps.db, orgId, String(job.payload.notificationId));
    if (to?.status !== 'active') return;
    const { language } = await loadSettings(deps.db, orgId);
    const mail = notificationEmail(to.kind, language, row.baseUrl, isPortalRole(to.role));
    await sendMail(
      smtpOf(row, deps),
      { from: row.fromAddress, to: to.email, ...mail },
      deps.clock(),
      deps.smtpTls,
    );
  });
}

/**
 * At start: seals SMTP passwords stored in clear by an earlier release, so none stays readable in
 * the database once a key is set. Without a key they stay as they are (and keep working).
 */
export async function sealStoredSecrets(db: Conn, key: Buffer | null): Promise<number> {
  if (!key) return 0;
  const rows = await repo.findUnsealedPasswords(db);
  for (const row of rows) await repo.setStoredPassword(db, row.organizationId, sealSecret(key, row.password));
  return rows.length;
}
