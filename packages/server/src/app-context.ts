import type { Actor } from '@hearth/domain';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { SmtpTlsOptions } from './features/email/smtp-client.ts';
import type { EventBus } from './platform/events/event-bus.ts';

/** What every service needs from the running application; built once in `buildApp`. */
export interface AppDeps {
  db: Db;
  config: Config;
  events: EventBus;
  /** The only source of "now": tests move it to check deadlines and escalations. */
  clock: () => Date;
  /**
   * How outgoing email checks the SMTP server's certificate; absent in production (the system's
   * trusted authorities). Tests pass their self-signed loopback certificate here.
   */
  smtpTls?: SmtpTlsOptions;
}

/** Who is asking, and which request this is (for the audit log). */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  ip: string | null;
}
