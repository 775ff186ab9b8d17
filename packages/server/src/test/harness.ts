import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@hearth/domain';
import { roleSlug } from '@hearth/domain';
import type { InjectOptions } from 'fastify';
import { buildApp, type HearthApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openTestDatabase, type TestDatabase } from '../db/test-database.ts';
import { demoDomain } from '../demo/seed.ts';
import type { SmtpTlsOptions } from '../features/email/smtp-client.ts';
import { demoOrganizationId, demoTemplate } from './seed-template.ts';

export const demoPassword = 'demo-password-1';

export interface TestApp {
  hearth: HearthApp;
  database: TestDatabase;
  organizationId: string;
  /** Moves the test clock forward. */
  advance(ms: number): void;
  now(): Date;
  anonymous(): Agent;
  login(who: Role | string, password?: string): Promise<Agent>;
  /** Stops the server and starts a new one on the same database, as after a crash. */
  restart(): Promise<void>;
  /**
   * A second server on the same database, as another process behind a load balancer: its own
   * workers, timers and memory; only the database is shared. The caller closes it.
   */
  another(): Promise<OtherServer>;
  close(): Promise<void>;
}

export interface OtherServer {
  hearth: HearthApp;
  login(who: Role | string, password?: string): Promise<Agent>;
  close(): Promise<void>;
}

export interface Agent {
  /** The session cookie header, for tests that speak HTTP without inject (SSE). */
  cookie: string | null;
  csrfToken: string | null;
  userId: string | null;
  request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  get(url: string): Promise<Response>;
  post(url: string, body?: unknown): Promise<Response>;
  patch(url: string, body?: unknown): Promise<Response>;
  delete(url: string): Promise<Response>;
}

export interface Response {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the endpoint returned
  body: any;
  headers: Record<string, unknown>;
  raw: string;
}

/**
 * A real app on a fresh database with the demo service seeded, driven through `inject()`.
 * One per test file (`beforeAll`), so files never share state.
 */
export async function createTestApp(
  options: {
    start?: Date;
    env?: Record<string, string>;
    teamMeetings?: boolean;
    /** The demo's weeks of assessments and alerts (off by default: tests count what they create). */
    symptomHistory?: boolean;
    /** The demo nurse's visits of today and tomorrow (off by default: tests book their own). */
    fieldDay?: boolean;
    smtpTls?: SmtpTlsOptions;
    /** PostgreSQL connections of the app's pool (benchmarks use the production default). */
    poolMax?: number;
    /** Benchmarks: reuse a database kept by an earlier run, or keep this one (PostgreSQL). */
    database?: { existing?: string; keep?: boolean };
  } = {},
): Promise<TestApp> {
  let now = options.start ?? new Date('2026-11-23T09:00:00.000Z');
  // a copy of the demo seeded once per run (see seed-template.ts), not migrated and seeded per file
  const template = demoTemplate(demoPassword, now, {
    symptomHistory: options.symptomHistory ?? false,
    teamMeetings: options.teamMeetings ?? false,
    fieldDay: options.fieldDay ?? false,
  });
  const database = await openTestDatabase({
    template,
    ...(options.poolMax ? { poolMax: options.poolMax } : {}),
    ...options.database,
  });
  const organizationId = await demoOrganizationId(database.db);
  const config = {
    ...loadConfig(
      {
        HEARTH_DATA_DIR: '/nonexistent',
        HEARTH_WEB_DIST: '/nonexistent',
        HEARTH_AUDIT_ANCHOR_FILE: join(tmpdir(), `hearth-audit-anchors-${randomUUID()}.json`),
        ...options.env,
      },
      [],
    ),
    seedDemo: false,
  };
  const start = async () => {
    const app = await buildApp({
      config,
      database,
      clock: () => now,
      logger: process.env.HEARTH_LOG === '1',
      ...(options.smtpTls ? { smtpTls: options.smtpTls } : {}),
    });
    await app.app.ready();
    return app;
  };
  let hearth = await start();

  const agent = (
    cookie: string | null,
    csrfToken: string | null,
    userId: string | null,
    server: () => HearthApp = () => hearth,
  ): Agent => {
    const request: Agent['request'] = async (method, url, body, headers = {}) => {
      const res = await server().app.inject({
        method,
        url,
        ...(body !== undefined &&
          (typeof body === 'string' || Buffer.isBuffer(body)
            ? { payload: body }
            : { payload: body as object })),
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
          ...headers,
        },
      });
      let parsed: unknown = null;
      try {
        parsed = res.body ? JSON.parse(res.body) : null;
      } catch {
        parsed = null;
      }
      return { status: res.statusCode, body: parsed, headers: res.headers, raw: res.body };
    };
    return {
      cookie,
      csrfToken,
      userId,
      request,
      get: (url) => request('GET', url),
      post: (url, body) => request('POST', url, body ?? {}),
      patch: (url, body) => request('PATCH', url, body ?? {}),
      delete: (url) => request('DELETE', url),
    };
  };

  const login = async (who: Role | string, password: string, server: () => HearthApp) => {
    const email = who.includes('@') ? who : `${roleSlug(who as Role)}@${demoDomain}`;
    const res = await server().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
    });
    if (res.statusCode !== 200) throw new Error(`login as ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'hearth_session');
    const me = JSON.parse(res.body) as { csrfToken: string; id: string };
    return agent(`hearth_session=${cookie!.value}`, me.csrfToken, me.id, server);
  };

  return {
    get hearth() {
      return hearth;
    },
    database,
    organizationId,
    advance(ms) {
      now = new Date(now.getTime() + ms);
    },
    now: () => now,
    anonymous: () => agent(null, null, null),
    login: (who, password = demoPassword) => login(who, password, () => hearth),
    async another() {
      const other = await start();
      return {
        hearth: other,
        login: (who, password = demoPassword) => login(who, password, () => other),
        close: () => other.close(),
      };
    },
    async restart() {
      await hearth.close();
      hearth = await start();
    },
    async close() {
      await hearth.close();
      await database.close();
    },
  };
}
