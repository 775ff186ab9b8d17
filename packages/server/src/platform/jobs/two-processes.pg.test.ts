import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrateToLatest } from '../../db/migrate.ts';
import { openTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { demoDomain, seedDemo } from '../../demo/seed.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';

/**
 * Issue 17's fault test, in the PostgreSQL run only: two real server processes on one database,
 * write load through HTTP on both and e-mail jobs for both runners, then `kill -9` of one of them
 * while it holds job leases. Every acknowledged write must be stored, and every job done once:
 * the survivor takes over the dead one's jobs after their lease, and no other job runs twice
 * even though one claim's e-mails take longer than a lease (the heartbeat keeps it).
 */
const password = 'two-processes-pw-1';
const leaseMs = 1_000;
const smtpDelayMs = 400; // a claim of four e-mails then takes 1.6 s, longer than a lease
const jobCount = 40;

let database: TestDatabase;
let organizationId: string;
const servers: { proc: ChildProcess; base: string; output: string[] }[] = [];
let smtp: SMTPServer;
let mailsReceived = 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startServer(port: number) {
  const output: string[] = [];
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: new URL('../../..', import.meta.url).pathname,
    env: {
      ...process.env,
      DATABASE_URL: database.cliEnv.DATABASE_URL,
      PORT: String(port),
      HOST: '127.0.0.1',
      HEARTH_DATA_DIR: join(tmpdir(), `hearth-two-${randomUUID()}`),
      HEARTH_WEB_DIST: '/nonexistent',
      HEARTH_AUDIT_ANCHOR_FILE: join(tmpdir(), `hearth-two-anchors-${randomUUID()}.json`),
      HEARTH_JOB_LEASE_MS: String(leaseMs),
      HEARTH_JOB_POLL_MS: '100',
      HEARTH_API_RATE_MAX: '100000',
      HEARTH_LOGIN_PER_ADDRESS: '1000',
      HEARTH_DEMO: '0',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => output.push(String(d)));
  proc.stderr!.on('data', (d) => output.push(String(d)));
  const server = { proc, base: `http://127.0.0.1:${port}`, output };
  servers.push(server);
  return server;
}

async function waitReady(server: (typeof servers)[number]) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.output.join('').includes('Hearth is running')) return;
    if (server.proc.exitCode !== null) throw new Error(`server exited: ${server.output.join('')}`);
    await sleep(200);
  }
  throw new Error(`server not ready: ${server.output.join('')}`);
}

beforeAll(async () => {
  database = await openTestDatabase();
  await migrateToLatest(database.db);
  ({ organizationId } = await seedDemo(database.db, password, new Date(), {
    symptomHistory: false,
    teamMeetings: false,
  }));
  // a slow mail server: every message waits before it is accepted
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () =>
        setTimeout(() => {
          mailsReceived++;
          callback();
        }, smtpDelayMs),
      );
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const basePort = 21_000 + Math.floor(Math.random() * 20_000);
  const started = [startServer(basePort), startServer(basePort + 1)];
  await Promise.all(started.map(waitReady));
}, 240_000);

afterAll(async () => {
  for (const s of servers) if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill('SIGTERM');
  await Promise.all(
    servers.map((s) =>
      s.proc.exitCode === null && s.proc.signalCode === null
        ? new Promise((r) => s.proc.once('exit', r))
        : null,
    ),
  );
  await new Promise<void>((r) => smtp.close(() => r()));
  await database.close();
});

async function login(base: string, role: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${role}@${demoDomain}`, password }),
  });
  if (res.status !== 200) throw new Error(`login ${role}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('hearth_session='))!
    .split(';')[0]!;
  const me = (await res.json()) as { csrfToken: string; id: string };
  return { cookie, csrf: me.csrfToken, userId: me.id };
}

const send = (
  base: string,
  who: { cookie: string; csrf: string },
  method: string,
  path: string,
  body?: unknown,
) =>
  fetch(`${base}${path}`, {
    method,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

it('kill -9 of one of two servers under load loses no acknowledged write and no job, and runs none twice', async () => {
  const [a, b] = servers as [(typeof servers)[number], (typeof servers)[number]];
  const admin = await login(a.base, 'admin');
  const emailSettings = {
    enabled: true,
    host: '127.0.0.1',
    port: (smtp.server.address() as AddressInfo).port,
    secure: false,
    requireTls: false,
    fromAddress: `hearth@${demoDomain}`,
    baseUrl: 'https://hearth.example.org',
  };
  const saved = await send(a.base, admin, 'PUT', '/api/v1/settings/email', emailSettings);
  expect(saved.status, await saved.text()).toBe(200);
  // sessions live in the database: one login serves on both processes
  const nurse = await login(b.base, 'nurse');
  const patients = (await (await send(b.base, nurse, 'GET', '/api/v1/patients?limit=200')).json()) as {
    items: { id: string; status: string }[];
  };
  const patientIds = patients.items.filter((p) => p.status === 'active').map((p) => p.id);
  expect(patientIds.length).toBeGreaterThan(0);

  // write load: quiet ESAS-r records (no alert), spread over both processes
  const acknowledged: string[] = [];
  let refused = 0;
  let stopLoad = false;
  let n = 0;
  const worker = async () => {
    while (!stopLoad) {
      const i = n++;
      const target = i % 2 === 0 ? a : b;
      try {
        const res = await send(
          target.base,
          nurse,
          'POST',
          `/api/v1/patients/${patientIds[i % patientIds.length]}/assessments`,
          { instrument: 'esas_r', answers: { pain: 1, tiredness: 2 } },
        );
        if (res.status >= 200 && res.status < 300)
          acknowledged.push(((await res.json()) as { id: string }).id);
        else refused++;
      } catch {
        refused++; // the killed process: no answer, so not acknowledged
      }
    }
  };
  const load = Promise.all(Array.from({ length: 6 }, worker));

  // the jobs: one e-mail per notification, queued as the services queue them
  const recipient = admin.userId;
  for (let i = 0; i < jobCount; i += 10)
    await database.db.transaction().execute(async (trx) => {
      for (let k = 0; k < 10; k++)
        await notifyUsers(
          trx,
          organizationId,
          [recipient],
          { kind: 'test.two-processes', title: `Job ${i + k}`, body: '' },
          new Date(),
        );
    });
  const emailJobs = () =>
    database.db
      .selectFrom('job')
      .select(['id', 'status', 'attempts', 'locked_by'])
      .where('kind', '=', 'email.notification')
      .execute();
  expect(await emailJobs()).toHaveLength(jobCount);

  // kill process A while it holds leases on e-mail jobs it has not finished
  const aPrefix = `%:${a.proc.pid}:%`;
  const heldByA = async () =>
    (
      await database.db
        .selectFrom('job')
        .select('id')
        .where('status', '=', 'running')
        .where('locked_by', 'like', aPrefix)
        .execute()
    ).map((r) => r.id);
  const deadline = Date.now() + 60_000;
  while ((await heldByA()).length === 0 && Date.now() < deadline) await sleep(20);
  a.proc.kill('SIGKILL');
  await new Promise((r) => a.proc.once('exit', r));
  const orphaned = await heldByA();
  expect(orphaned.length).toBeGreaterThan(0);

  await sleep(1_000); // more load on the survivor alone
  stopLoad = true;
  await load;

  // the survivor finishes everything, the orphans after their lease
  const until = Date.now() + 120_000;
  let jobs = await emailJobs();
  while (jobs.some((j) => j.status !== 'done') && Date.now() < until) {
    await sleep(250);
    jobs = await emailJobs();
  }

  // the API's id names the record; each version of it is a row
  const stored = new Set(
    (
      await database.db
        .selectFrom('assessment')
        .select('record_id')
        .where('record_id', 'in', acknowledged.length ? acknowledged : [randomUUID()])
        .execute()
    ).map((r) => r.record_id),
  ).size;
  const takenOver = jobs.filter((j) => j.attempts > 1).map((j) => j.id);
  console.log(
    `two processes: ${acknowledged.length} writes acknowledged, ${stored} stored, ${refused} refused or unanswered; ` +
      `${jobs.length} jobs, ${jobs.filter((j) => j.status === 'done').length} done, ` +
      `${orphaned.length} held by the killed process, ${takenOver.length} run a second time, ` +
      `${mailsReceived} e-mails received`,
  );
  expect(acknowledged.length).toBeGreaterThan(0);
  expect(stored).toBe(acknowledged.length);
  expect(jobs.every((j) => j.status === 'done')).toBe(true);
  // only jobs the killed process held were claimed again: the heartbeat kept every other lease
  expect(takenOver.every((id) => orphaned.includes(id))).toBe(true);
  expect(jobs.every((j) => j.attempts <= 2)).toBe(true);
  // one e-mail per job, plus at most one for each job the killed process may have sent before dying
  expect(mailsReceived).toBeGreaterThanOrEqual(jobs.length);
  expect(mailsReceived).toBeLessThanOrEqual(jobs.length + orphaned.length);
}, 300_000);
