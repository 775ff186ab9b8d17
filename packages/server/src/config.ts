import { dirname, join, resolve } from 'node:path';
import { parseSecretKey } from './platform/secrets/secret-box.ts';

export interface Config {
  port: number;
  host: string;
  /** Embedded PGlite folder, used when `databaseUrl` is unset. */
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolMax: number;
  statementTimeoutMs: number;
  /** Seed the demo service into an empty database (always for a new embedded database). */
  seedDemo: boolean;
  demoPassword: string | undefined;
  /**
   * Treat every request as HTTPS (Secure cookie, HSTS) even when it does not look like one, e.g.
   * behind a TLS proxy that sends no X-Forwarded-Proto. Requests that do arrive over HTTPS get
   * both anyway (see http/secure-defaults.ts).
   */
  secureCookies: boolean;
  trustProxy: boolean;
  /**
   * Seals stored secrets (the SMTP password) at rest: `HEARTH_SECRET_KEY`, or for the embedded
   * database a key generated in its data folder (main.ts). Null: no secret can be saved.
   */
  secretKey: Buffer | null;
  webDistDir: string;
  jobPollMs: number;
  /** Job claims and retention (platform/jobs/job-runner.ts). */
  jobs: { leaseMs: number; claimSize: number; retentionDays: number };
  /** How often an open live-event stream checks that its session still holds. */
  eventsRecheckMs: number;
  /** Audit: how often pending events are chained, and where and how often chain heads are anchored. */
  audit: { sealEveryMs: number; anchorFile: string; anchorEveryMs: number };
  intakeRateLimit: { max: number; windowMs: number };
  /** Requests per minute per logged-in session (http/session-rate-limit.ts). */
  apiRateLimit: { staffPerMinute: number; portalPerMinute: number };
  /** See `login` in auth.service.ts for what each number limits. */
  loginThrottle: {
    maxFailures: number;
    windowMinutes: number;
    perAddress: number;
    accountBackoffAfter: number;
    accountBackoffCapSeconds: number;
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir = resolve(env.INIT_CWD ?? process.cwd(), env.HEARTH_DATA_DIR ?? './.hearth/data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    // npm runs workspace scripts inside the package; INIT_CWD is where the user typed the command
    dataDir,
    databaseUrl,
    databasePoolMax: Number(env.DATABASE_POOL_MAX ?? 10),
    statementTimeoutMs: Number(env.DATABASE_STATEMENT_TIMEOUT_MS ?? 15_000),
    seedDemo: databaseUrl === undefined || argv.includes('--demo') || env.HEARTH_DEMO === '1',
    demoPassword: env.HEARTH_DEMO_PASSWORD || undefined,
    secureCookies: env.HEARTH_SECURE_COOKIES
      ? env.HEARTH_SECURE_COOKIES === '1'
      : env.NODE_ENV === 'production',
    trustProxy: env.HEARTH_TRUST_PROXY === '1',
    secretKey: parseSecretKey(env.HEARTH_SECRET_KEY),
    webDistDir: resolve(env.HEARTH_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    jobPollMs: Number(env.HEARTH_JOB_POLL_MS ?? 5_000),
    jobs: {
      leaseMs: positive(env, 'HEARTH_JOB_LEASE_MS', 60_000),
      claimSize: Math.floor(positive(env, 'HEARTH_JOB_CLAIM_SIZE', 4)),
      retentionDays: positive(env, 'HEARTH_JOB_RETENTION_DAYS', 30),
    },
    eventsRecheckMs: Number(env.HEARTH_EVENTS_RECHECK_MS ?? 15_000),
    audit: {
      sealEveryMs: Number(env.HEARTH_AUDIT_SEAL_MS ?? 1_000),
      // beside the data folder, not in it: a copy of the database does not carry its own anchor
      anchorFile: resolve(env.HEARTH_AUDIT_ANCHOR_FILE ?? defaultAnchorFile(dataDir, databaseUrl)),
      anchorEveryMs: Number(env.HEARTH_AUDIT_ANCHOR_MS ?? 60_000),
    },
    intakeRateLimit: { max: Number(env.HEARTH_INTAKE_RATE_MAX ?? 10), windowMs: 10 * 60_000 },
    apiRateLimit: {
      staffPerMinute: Number(env.HEARTH_API_RATE_MAX ?? 600),
      portalPerMinute: Number(env.HEARTH_API_RATE_MAX_PORTAL ?? env.HEARTH_API_RATE_MAX ?? 120),
    },
    loginThrottle: {
      maxFailures: 5,
      windowMinutes: 15,
      perAddress: Number(env.HEARTH_LOGIN_PER_ADDRESS ?? 30),
      accountBackoffAfter: 10,
      accountBackoffCapSeconds: 30,
    },
  };
}

/** A positive number from the environment, or the default; anything else stops the start. */
function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 1)
    throw new Error(`${name} must be a number of at least 1, not "${raw}"`);
  return value;
}

/**
 * Where the audit chain's anchors go unless `HEARTH_AUDIT_ANCHOR_FILE` says: named after the
 * database they anchor (the embedded folder, or the PostgreSQL database's name), so two databases
 * whose organizations share an id (every demo has the same one) never read each other's anchors.
 */
function defaultAnchorFile(dataDir: string, databaseUrl: string | undefined): string {
  if (!databaseUrl) return `${dataDir}.audit-anchors.json`;
  let name = 'postgres';
  try {
    name = new URL(databaseUrl).pathname.replace(/^\//, '') || name;
  } catch {
    // an unparsable URL fails at connection; the anchor file name only needs to be stable
  }
  return join(dirname(dataDir), `audit-anchors-${name.replace(/[^\w.-]/g, '_')}.json`);
}
