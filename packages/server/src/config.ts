import { resolve } from 'node:path';

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
  /** Send cookies with `Secure`; on by default unless the server is reached over plain localhost. */
  secureCookies: boolean;
  trustProxy: boolean;
  webDistDir: string;
  jobPollMs: number;
  intakeRateLimit: { max: number; windowMs: number };
  loginThrottle: { maxFailures: number; windowMinutes: number };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    // npm runs workspace scripts inside the package; INIT_CWD is where the user typed the command
    dataDir: resolve(env.INIT_CWD ?? process.cwd(), env.HEARTH_DATA_DIR ?? './.hearth/data'),
    databaseUrl,
    databasePoolMax: Number(env.DATABASE_POOL_MAX ?? 10),
    statementTimeoutMs: Number(env.DATABASE_STATEMENT_TIMEOUT_MS ?? 15_000),
    seedDemo: databaseUrl === undefined || argv.includes('--demo') || env.HEARTH_DEMO === '1',
    demoPassword: env.HEARTH_DEMO_PASSWORD || undefined,
    secureCookies: env.HEARTH_SECURE_COOKIES
      ? env.HEARTH_SECURE_COOKIES === '1'
      : env.NODE_ENV === 'production',
    trustProxy: env.HEARTH_TRUST_PROXY === '1',
    webDistDir: resolve(env.HEARTH_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    jobPollMs: Number(env.HEARTH_JOB_POLL_MS ?? 5_000),
    intakeRateLimit: { max: Number(env.HEARTH_INTAKE_RATE_MAX ?? 10), windowMs: 10 * 60_000 },
    loginThrottle: { maxFailures: 5, windowMinutes: 15 },
  };
}
