import { expect } from 'vitest';
import type { Agent } from './harness.ts';

/**
 * A family member's own patient and another active patient of the service, for tests that a
 * family hears of its own patient and nothing of the other.
 */
export async function ownAndOtherPatient(family: Agent, coordinator: Agent) {
  const own = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0] as string;
  const patients = (await coordinator.get('/api/v1/patients?limit=200')).body.items as {
    id: string;
    status: string;
  }[];
  const other = patients.find((p) => p.id !== own && p.status === 'active')!.id;
  return { own, other };
}

/** A coordinator asks for a nurse visit for the patient; returns the visit's id. */
export async function requestNurseVisit(
  coordinator: Agent,
  patientId: string,
  visit: { date: string; reason: string } = { date: '2026-11-25', reason: 'Перевязка' },
): Promise<string> {
  const res = await coordinator.post(`/api/v1/patients/${patientId}/visits`, {
    discipline: 'nurse',
    ...visit,
  });
  expect(res.status, res.raw).toBe(201);
  return res.body.id as string;
}
