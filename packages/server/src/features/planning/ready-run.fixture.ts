import { randomUUID } from 'node:crypto';
import type { Conn } from '../../db/conn.ts';
import { insertRun } from './planning.repository.ts';

/**
 * A ready week plan of `visits` nurse visits spread over the given patients, nurses and the five
 * weekdays from `weekStart`, built without the planner: publishing does not depend on how a plan
 * was found, so the publish benchmark and tests can size it exactly.
 */
export async function insertReadyWeekRun(
  db: Conn,
  o: {
    organizationId: string;
    createdBy: string;
    now: Date;
    weekStart: string;
    visits: number;
    patients: { id: string; name: string }[];
    nurseIds: string[];
  },
) {
  const requirements = o.patients.map((p) => ({
    id: randomUUID(),
    patientId: p.id,
    discipline: 'nurse',
    durationMinutes: 45,
    window: null,
    days: [0, 1, 2, 3, 4],
    count: 5,
    minGapDays: 1,
    keyWorkerId: null,
    patientName: p.name,
    address: '',
    lat: null,
    lon: null,
  }));
  const assignments = Array.from({ length: o.visits }, (_, i) => {
    const slot = Math.floor(i / 5);
    const perNurse = Math.floor(slot / o.nurseIds.length);
    return {
      key: `${requirements[i % requirements.length]!.id}#${Math.floor(i / requirements.length) + 1}`,
      staffId: o.nurseIds[slot % o.nurseIds.length]!,
      date: new Date(Date.parse(`${o.weekStart}T00:00:00Z`) + (i % 5) * 86_400_000)
        .toISOString()
        .slice(0, 10),
      start: 480 + (perNurse % 16) * 30,
      sequence: perNurse,
    };
  });
  const id = randomUUID();
  await insertRun(db, {
    id,
    organization_id: o.organizationId,
    kind: 'week',
    status: 'ready',
    week_start: o.weekStart,
    input: { weekStart: o.weekStart, requirements },
    result: { routes: [], unassigned: [], measures: null, changes: [], assignments },
    error: null,
    created_by: o.createdBy,
    created_at: o.now,
    finished_at: o.now,
    published_at: null,
    published_by: null,
  });
  return id;
}
