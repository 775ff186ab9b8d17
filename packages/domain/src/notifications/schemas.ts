import { z } from 'zod';
import { idSchema } from '../common/schemas.ts';
import { isHostName } from '../settings/validators.ts';

/**
 * A notification carries a `kind` (what happened, e.g. `alert.escalated`) and `params` (the
 * specifics: a date, a reference). The web renders the kind in the reader's language; the stored
 * English title and body are the fallback for kinds the web does not know yet.
 */
export const notificationParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type NotificationParams = z.infer<typeof notificationParamsSchema>;

export const notificationSchema = z.object({
  id: idSchema,
  kind: z.string(),
  params: notificationParamsSchema,
  title: z.string(),
  body: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type AppNotificationView = z.infer<typeof notificationSchema>;

/**
 * Outgoing email through the organization's own SMTP server. The password is write-only: it is
 * never sent back, only whether one is stored.
 */
export const emailSettingsSchema = z.object({
  enabled: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  /**
   * true: TLS from the first byte (port 465); false: connect in plain SMTP (port 587 or 25) and
   * switch to TLS with STARTTLS whenever the server offers it.
   */
  secure: z.boolean(),
  /**
   * Send only over an encrypted connection (TLS from the start or STARTTLS): a server that does not
   * offer STARTTLS is refused before the password or any address is sent.
   */
  requireTls: z.boolean(),
  username: z.string(),
  passwordSet: z.boolean(),
  fromAddress: z.string(),
  /** Where Hearth is reached from outside, for the link in the email (no trailing slash). */
  baseUrl: z.string(),
});
export type EmailSettings = z.infer<typeof emailSettingsSchema>;

export const emailSettingsBodySchema = z
  .object({
    enabled: z.boolean(),
    /** A host name or IPv4 address: no scheme, port or path (issue 17). */
    host: z
      .string()
      .trim()
      .max(255)
      .refine((h) => h === '' || isHostName(h), 'Enter the server name only, for example smtp.example.org'),
    port: z.number().int().min(1).max(65535),
    secure: z.boolean(),
    /** Omitted: required whenever a user name is set, so a password never travels in clear. */
    requireTls: z.boolean().optional(),
    username: z.string().trim().max(255).default(''),
    /** Omitted: keep the stored password; empty string: remove it. */
    password: z.string().max(500).optional(),
    fromAddress: z.union([z.literal(''), z.email().max(255)]),
    baseUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
  })
  .refine((b) => !b.enabled || (b.host.length > 0 && b.fromAddress.length > 0 && b.baseUrl.length > 0), {
    path: ['host'],
    message: 'To send email, give the server, the sender address and the web address of Hearth.',
  });
export type EmailSettingsBody = z.input<typeof emailSettingsBodySchema>;

export const emailTestBodySchema = z.object({ to: z.email().max(255) });
