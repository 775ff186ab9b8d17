/**
 * `npm run bench:publish`: how long publishing a reviewed week plan takes at 50, 200 and 500
 * visits, through HTTP on the embedded database with the demo service seeded. Each publish is a
 * ready plan for a later week over the demo's patients and nurses, built without the planner
 * (publishing does not depend on how the plan was found); the timer covers the publish request.
 *
 * Options: --sizes 50,200,500  --repeat 3 (median of that many publishes per size)
 */
import { clinicalRoles } from '@hearth/domain';
import { insertReadyWeekRun } from '../features/planning/ready-run.fixture.ts';
import { activeStaff } from '../features/visits/visits.repository.ts';
import { createTestApp } from '../test/harness.ts';

const args = Object.fromEntries(
  process.argv.slice(2).flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1] ?? '']] : [])),
);
const sizes = (args.sizes ?? '50,200,500').split(',').map(Number);
const repeat = Number(args.repeat ?? 3);

const t = await createTestApp();
const coordinator = await t.login('coordinator');
const db = t.hearth.deps.db;
const patients = (
  (await coordinator.get('/api/v1/patients?status=active&limit=200')).body.items as {
    id: string;
    lastName: string;
    firstName: string;
  }[]
).map((p) => ({ id: p.id, name: `${p.lastName} ${p.firstName}` }));
const nurseIds = (await activeStaff(db, t.organizationId, clinicalRoles))
  .filter((s) => s.role === 'nurse')
  .map((s) => s.id);

console.log(`${patients.length} patients, ${nurseIds.length} nurses; median of ${repeat} publishes per size`);
console.log('| visits | publish (median) | fastest | slowest |');
console.log('|---|---|---|---|');
let week = Date.parse('2026-12-07T00:00:00Z');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
for (const n of sizes) {
  const times: number[] = [];
  for (let r = 0; r < repeat; r++) {
    const weekStart = new Date(week).toISOString().slice(0, 10);
    week += 7 * 86_400_000;
    const id = await insertReadyWeekRun(db, {
      organizationId: t.organizationId,
      createdBy: coordinator.userId!,
      now: t.now(),
      weekStart,
      visits: n,
      patients,
      nurseIds,
    });
    const t0 = performance.now();
    const res = await coordinator.post(`/api/v1/planning/runs/${id}/publish`);
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`publish failed: ${res.status} ${res.raw}`);
  }
  times.sort((a, b) => a - b);
  console.log(
    `| ${n} | ${seconds(times[Math.floor(times.length / 2)]!)} | ${seconds(times[0]!)} | ${seconds(times.at(-1)!)} |`,
  );
}
await t.close();
