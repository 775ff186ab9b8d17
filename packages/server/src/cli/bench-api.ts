/**
 * `npm run bench:api`: the chart read (GET patient + GET its assessments, what a physician's
 * patient page opens with) through HTTP under load, on a large organization.
 *
 * The demo service is seeded with its weeks of symptom history, then grown by copying each
 * patient with their assessments, alerts and visits. With TEST_DATABASE_URL or DATABASE_URL
 * (a PostgreSQL server) it works in a scratch database created beside the given one and dropped
 * at the end, never in the given database itself; without either it uses the embedded database,
 * smaller. It prints requests per second and p50/p95 latency at each concurrency, the scaling
 * from one connection to the most, and the SQL statements one chart read issues.
 *
 * Options: --copies <patient copies, default 200 on PostgreSQL, 10 embedded>
 *          --repeat <history copies per patient, default 1>  --seconds <per level, default 10>
 *          --concurrency 1,10,50
 */
import { cloneOrganizationPatients } from '../db/bulk-clone.ts';
import { createTestApp } from '../test/harness.ts';

const args = Object.fromEntries(
  process.argv.slice(2).flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1] ?? '']] : [])),
);
const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
// the test database opener creates its scratch database on the server TEST_DATABASE_URL names
if (serverUrl) process.env.TEST_DATABASE_URL = serverUrl;
const copies = Number(args.copies ?? (serverUrl ? 200 : 10));
const repeat = Number(args.repeat ?? 1);
const seconds = Number(args.seconds ?? 10);
const levels = (args.concurrency ?? '1,10,50').split(',').map(Number);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function main() {
  const started = Date.now();
  // one logged-in physician sends every request: lift the per-session limit that would refuse them
  const t = await createTestApp({ symptomHistory: true, env: { HEARTH_API_RATE_MAX: '100000000' } });
  const loaded = await cloneOrganizationPatients(t.database.db, t.organizationId, { copies, repeat });
  console.log(
    `database: ${t.database.kind}; ${loaded.patients} patients, copied ${JSON.stringify(loaded.rows)} ` +
      `in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  const physician = await t.login('physician');
  const patientIds: string[] = (await physician.get('/api/v1/patients?limit=200')).body.items.map(
    (p: { id: string }) => p.id,
  );
  const base = await t.hearth.app.listen({ port: 0, host: '127.0.0.1' });
  const headers = { cookie: physician.cookie! };

  async function chartRead(patientId: string) {
    for (const path of [`/api/v1/patients/${patientId}`, `/api/v1/patients/${patientId}/assessments`]) {
      const res = await fetch(`${base}${path}`, { headers });
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    }
  }

  // statements of one chart read; PostgreSQL's driver reports BEGIN and COMMIT too, PGlite's not,
  // so they are counted apart
  await chartRead(patientIds[0]!);
  const statements: string[] = [];
  const stop = t.database.onQuery((q) => statements.push(q.sql));
  await chartRead(patientIds[1]!);
  stop();
  const control = statements.filter((s) => /^(begin|commit|rollback)\b/i.test(s)).length;
  console.log(
    `SQL statements per chart read: ${statements.length - control}` +
      (control ? ` (plus ${control} BEGIN/COMMIT)` : ''),
  );
  if (args['show-sql'] !== undefined) for (const s of statements) console.log(`  ${s.slice(0, 160)}`);

  const results: { level: number; rps: number; p50: number; p95: number }[] = [];
  for (const level of levels) {
    const latencies: number[] = [];
    let next = 0;
    const until = Date.now() + seconds * 1000;
    const worker = async () => {
      while (Date.now() < until) {
        const patientId = patientIds[next++ % patientIds.length]!;
        const t0 = performance.now();
        await chartRead(patientId);
        latencies.push(performance.now() - t0);
      }
    };
    const t0 = Date.now();
    await Promise.all(Array.from({ length: level }, worker));
    const elapsed = (Date.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    const row = {
      level,
      rps: latencies.length / elapsed,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
    };
    results.push(row);
    console.log(
      `${String(level).padStart(3)} connections: ${row.rps.toFixed(1)} chart reads/s, ` +
        `p50 ${row.p50.toFixed(0)} ms, p95 ${row.p95.toFixed(0)} ms (${latencies.length} reads)`,
    );
  }
  const first = results[0];
  const last = results[results.length - 1];
  if (first && last && first !== last)
    console.log(`scaling ${first.level} → ${last.level} connections: ×${(last.rps / first.rps).toFixed(2)}`);
  await t.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
