/**
 * `npm run bench:api`: the chart read (GET /patients/:id/chart: the record, the newest assessments
 * and the active alerts, what a physician's patient page opens with) through HTTP under load, on a large organization, beside the same
 * reads sent straight to PostgreSQL, and a write (a nurse records an ESAS-r).
 *
 * The demo service is seeded with its weeks of symptom history, then grown by copying each
 * patient with their assessments, alerts and visits. With TEST_DATABASE_URL or DATABASE_URL
 * (a PostgreSQL server) it works in a scratch database created beside the given one and dropped
 * at the end, never in the given database itself; without either it uses the embedded database,
 * smaller. It prints, per level, operations per second and p50/p95/p99 latency, the scaling from
 * one connection to the most, the HTTP share of the direct figure, the latency at a fixed
 * arrival rate, and the SQL statements one chart read issues.
 *
 * Options: --patients <n> --assessments <n>   (the size to grow to; or --copies / --repeat)
 *          --copies <patient copies, default 200 on PostgreSQL, 10 embedded>
 *          --repeat <history copies per patient, default 1>  --seconds <per level, default 10>
 *          --concurrency 1,10,50  --writers 1,20  --rate 20  --rate-seconds 30
 *          --pool <server connections, 10>
 *          --show-sql
 *          --keep (PostgreSQL: keep the grown database) / --database <name> (measure a kept one again)
 *
 * The clients (HTTP and direct) run in a thread of their own, so the server's event loop serves
 * only the server, as it would with its clients elsewhere.
 */
import { type CapturedStatement, organizationSize } from '../db/bench-direct.ts';
import { cloneOrganizationPatients } from '../db/bulk-clone.ts';
import { sealAll } from '../platform/audit/audit.service.ts';
import { createTestApp } from '../test/harness.ts';
import type { ClientTask } from './bench-client.worker.ts';
import { BenchClients } from './bench-clients.ts';
import { formatFigures, type LoadFigures } from './bench-load.ts';

const args = Object.fromEntries(
  process.argv.slice(2).flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1] ?? '']] : [])),
);
const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
// the test database opener creates its scratch database on the server TEST_DATABASE_URL names
if (serverUrl) process.env.TEST_DATABASE_URL = serverUrl;
const seconds = Number(args.seconds ?? 10);
const levels = (args.concurrency ?? '1,10,50').split(',').map(Number);
const writerLevels = (args.writers ?? '1,20').split(',').map(Number);
const rate = Number(args.rate ?? 20);
// long enough that p99 is the 6th slowest of 600 answers, not the 2nd of 200: one pause of the
// garbage collector should not decide the figure on its own
const rateSeconds = Number(args['rate-seconds'] ?? 30);
// the production default (DATABASE_POOL_MAX), not the tests' small pool
const serverPool = Number(args.pool ?? 10);

/** How many copies (and history repeats) make the organization about the size asked for. */
function growthFor(base: { patients: number; assessments: number }) {
  if (args.patients) {
    const copies = Math.max(0, Math.ceil(Number(args.patients) / base.patients) - 1);
    const wanted = Number(args.assessments ?? 0);
    const repeat = wanted && copies ? Math.max(1, Math.round(wanted / (base.assessments * copies))) : 1;
    return { copies, repeat };
  }
  return { copies: Number(args.copies ?? (serverUrl ? 200 : 10)), repeat: Number(args.repeat ?? 1) };
}

async function main() {
  const started = Date.now();
  // one logged-in physician sends every request: lift the per-session limit that would refuse them
  const reuse = args.database || undefined;
  const t = await createTestApp({
    symptomHistory: true,
    poolMax: serverPool,
    env: { HEARTH_API_RATE_MAX: '100000000' },
    database: { ...(reuse ? { existing: reuse } : {}), keep: args.keep !== undefined },
  });
  if (reuse) {
    const size = await organizationSize(t.database.db, t.organizationId);
    console.log(
      `database: ${reuse}, kept by an earlier run; ${size.patients} patients, ${size.assessments} assessments; ` +
        `server pool ${serverPool} connections`,
    );
  } else {
    const base = await organizationSize(t.database.db, t.organizationId);
    const loaded = await cloneOrganizationPatients(t.database.db, t.organizationId, growthFor(base));
    console.log(
      `database: ${t.database.kind}; ${loaded.patients} patients, copied ${JSON.stringify(loaded.rows)} ` +
        `in ${((Date.now() - started) / 1000).toFixed(0)} s; server pool ${serverPool} connections`,
    );
  }
  if (args.keep !== undefined)
    console.log(`kept as ${t.database.name}: measure it again with --database ${t.database.name}`);
  const physician = await t.login('physician');
  const nurse = await t.login('nurse');
  const patientIds: string[] = (await physician.get('/api/v1/patients?limit=200')).body.items.map(
    (p: { id: string }) => p.id,
  );
  const url = await t.hearth.app.listen({ port: 0, host: '127.0.0.1' });
  const readHeaders = { cookie: physician.cookie! };
  const writeHeaders = {
    cookie: nurse.cookie!,
    'x-csrf-token': nurse.csrfToken!,
    'content-type': 'application/json',
  };
  const chartRead = async (patientId: string) => {
    const res = await fetch(`${url}/api/v1/patients/${patientId}/chart`, { headers: readHeaders });
    if (res.status !== 200) throw new Error(`the chart answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };

  // statements of one chart read; PostgreSQL's driver reports BEGIN and COMMIT too, PGlite's not,
  // so they are counted apart
  await chartRead(patientIds[0]!);
  const statements: CapturedStatement[] = [];
  const stop = t.database.onQuery((q) => statements.push(q));
  const sampleId = patientIds[1]!;
  await chartRead(sampleId);
  stop();
  const control = statements.filter((s) => /^(begin|commit|rollback)\b/i.test(s.sql)).length;
  console.log(
    `SQL statements per chart read: ${statements.length - control}` +
      (control ? ` (plus ${control} BEGIN/COMMIT)` : ''),
  );
  if (args['show-sql'] !== undefined) for (const s of statements) console.log(`  ${s.sql.slice(0, 160)}`);

  const isPostgres = t.database.kind === 'postgres';
  const clients = new BenchClients({
    url,
    readHeaders,
    writeHeaders,
    patientIds,
    // the same SELECTs the chart read issued, with the sample patient's id swapped for each
    // patient in turn: what the database alone can serve, without HTTP, sessions or audit
    direct: isPostgres
      ? {
          databaseUrl: t.database.cliEnv.DATABASE_URL!,
          statements: statements.map((s) => ({ sql: s.sql, parameters: [...s.parameters] })),
          sampleId,
          connections: Math.max(...levels),
        }
      : null,
  });

  // Each part is measured from a settled, warm server: a second of the same load first (the pool
  // has closed connections idle since the previous part, and opening them again would land in
  // this part's tail), then the audit events left pending sealed, so the sealer catching up on
  // thousands of events from a burst does not either (at a steady 20 reads a second it seals 20
  // events a second, unnoticed).
  const measure = async (task: ClientTask) => {
    await clients.run({ ...task, seconds: 1 });
    while ((await sealAll(t.database.db)) > 0);
    return clients.run(task);
  };

  const http = new Map<number, LoadFigures>();
  console.log('\nchart read through HTTP (closed loop)');
  for (const level of levels) {
    const f = await measure({ op: 'chart', clients: level, seconds });
    http.set(level, f);
    console.log(`${String(level).padStart(3)} connections: ${formatFigures(f, 'chart reads')}`);
  }
  const first = http.get(levels[0]!);
  const last = http.get(levels.at(-1)!);
  if (first && last && first !== last)
    console.log(
      `scaling ${levels[0]} → ${levels.at(-1)} connections: ×${(last.perSecond / first.perSecond).toFixed(2)}`,
    );

  if (isPostgres) {
    const selects = statements.filter((s) => /^\s*(with|select)\b/i.test(s.sql)).length;
    console.log(`\nthe same ${selects} SELECTs sent directly through pg (closed loop)`);
    for (const level of levels) {
      const f = await measure({ op: 'direct', clients: level, seconds });
      const viaHttp = http.get(level);
      const share = viaHttp
        ? ` — HTTP reaches ${((100 * viaHttp.perSecond) / f.perSecond).toFixed(0)} %`
        : '';
      console.log(`${String(level).padStart(3)} connections: ${formatFigures(f, 'chart reads')}${share}`);
    }
  } else {
    console.log('\ndirect reads: measured on PostgreSQL only (set TEST_DATABASE_URL)');
  }

  console.log(`\nchart read through HTTP at a fixed ${rate} per second (open loop, ${rateSeconds} s)`);
  console.log(
    `     ${formatFigures(await measure({ op: 'chart-at-rate', rate, seconds: rateSeconds }), 'chart reads')}`,
  );

  console.log('\nwrite: a nurse records an ESAS-r through HTTP (closed loop)');
  for (const level of writerLevels) {
    const f = await measure({ op: 'esas', clients: level, seconds });
    console.log(`${String(level).padStart(3)} connections: ${formatFigures(f, 'writes')}`);
  }
  await clients.end();
  await t.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
