import { randomUUID } from 'node:crypto';
import { clinicalRoles, mayReceive } from '@hearth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAll } from '../../platform/audit/audit.service.ts';
import type { HearthEvent } from '../../platform/events/event-bus.ts';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';
import { activeStaff } from '../visits/visits.repository.ts';
import { insertReadyWeekRun } from './ready-run.fixture.ts';

let t: TestApp;
let coordinator: Agent;
let familyUserId: string;
let familyPatientId: string;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.login('coordinator');
  const family = await t.login('family');
  const me = (await family.get('/api/v1/auth/me')).body;
  familyUserId = me.id ?? family.userId;
  familyPatientId = me.linkedPatientIds[0];
});
afterAll(async () => t.close());

describe('publishing a week plan of many visits', () => {
  it('writes each visit once, one audit event per patient in one go, and a live event per audience instead of per visit', async () => {
    const all = (await coordinator.get('/api/v1/patients?status=active&limit=200')).body.items as {
      id: string;
      lastName: string;
      firstName: string;
    }[];
    // the plan covers the family's patient and nine others, not every patient of the service
    const inPlan = [
      all.find((p) => p.id === familyPatientId)!,
      ...all.filter((p) => p.id !== familyPatientId).slice(0, 9),
    ];
    const nurseIds = (await activeStaff(t.database.db, t.organizationId, clinicalRoles))
      .filter((s) => s.role === 'nurse')
      .map((s) => s.id);
    const runId = await insertReadyWeekRun(t.database.db, {
      organizationId: t.organizationId,
      createdBy: coordinator.userId!,
      now: t.now(),
      weekStart: '2026-12-07',
      visits: 120,
      patients: inPlan.map((p) => ({ id: p.id, name: `${p.lastName} ${p.firstName}` })),
      nurseIds,
    });
    const events: HearthEvent[] = [];
    const stop = t.hearth.deps.events.subscribe((e) => events.push(e));
    const res = await coordinator.post(`/api/v1/planning/runs/${runId}/publish`);
    await t.hearth.deps.events.delivered(); // on PostgreSQL they come through NOTIFY
    stop();
    expect(res.status, res.raw).toBe(200);

    const visitEvents = events.filter((e) => e.type === 'visit.updated');
    expect(visitEvents.length).toBeLessThanOrEqual(2);
    const receives = (s: Parameters<typeof mayReceive>[0]) => visitEvents.some((e) => mayReceive(s, e));
    expect(receives({ userId: nurseIds[0]!, role: 'nurse', linkedPatientIds: [] })).toBe(true);
    expect(receives({ userId: coordinator.userId!, role: 'coordinator', linkedPatientIds: [] })).toBe(true);
    // the family of a patient in the plan hears of it; a family whose patient is not in it does not
    expect(receives({ userId: familyUserId, role: 'family', linkedPatientIds: [familyPatientId] })).toBe(
      true,
    );
    const outsider = all.find((p) => !inPlan.includes(p))!.id;
    expect(receives({ userId: randomUUID(), role: 'family', linkedPatientIds: [outsider] })).toBe(false);

    const published = await t.database.db
      .selectFrom('visit')
      .select(['patient_id'])
      .where('plan_run_id', '=', runId)
      .execute();
    expect(published).toHaveLength(120);
    await sealAll(t.database.db);
    const audited = await t.database.db
      .selectFrom('audit_event')
      .select(['patient_id'])
      .where('action', '=', 'visit.plan')
      .execute();
    expect(audited.map((a) => a.patient_id).sort()).toEqual(inPlan.map((p) => p.id).sort());
    const runEvent = await t.database.db
      .selectFrom('audit_event')
      .select(['entity_id'])
      .where('action', '=', 'planning.publish-week')
      .execute();
    expect(runEvent).toEqual([{ entity_id: runId }]);
  });
});
