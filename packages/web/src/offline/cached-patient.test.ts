import type { FieldCaseload, FieldVisit } from '@hearth/domain';
import { describe, expect, it } from 'vitest';
import { cachedPatientOf } from './cached-patient.ts';

const entry = (visitId: string, patientId: string, date: string) =>
  ({ visit: { id: visitId, date }, patient: { id: patientId } }) as unknown as FieldVisit;

const caseload = (visits: FieldVisit[], expiresAt = '2026-11-24T09:00:00.000Z') =>
  ({
    generatedAt: '2026-11-23T09:00:00.000Z',
    expiresAt,
    timeZone: 'Europe/Minsk',
    visits,
  }) as unknown as FieldCaseload;

const now = new Date('2026-11-23T12:00:00.000Z');

describe('cachedPatientOf', () => {
  it("gathers one patient's visits of today and tomorrow with the copy's time", () => {
    const copy = cachedPatientOf(
      caseload([
        entry('v1', 'p1', '2026-11-23'),
        entry('v2', 'p2', '2026-11-23'),
        entry('v3', 'p1', '2026-11-24'),
      ]),
      'p1',
      now,
    );
    expect(copy?.visits.map((v) => v.id)).toEqual(['v1', 'v3']);
    expect(copy?.entry.visit.id).toBe('v1');
    expect(copy?.generatedAt).toBe('2026-11-23T09:00:00.000Z');
  });

  it('has nothing for a patient not in the copy, an expired copy, or no copy', () => {
    expect(cachedPatientOf(caseload([entry('v1', 'p1', '2026-11-23')]), 'p9', now)).toBeNull();
    expect(
      cachedPatientOf(caseload([entry('v1', 'p1', '2026-11-23')], '2026-11-23T11:59:00.000Z'), 'p1', now),
    ).toBeNull();
    expect(cachedPatientOf(null, 'p1', now)).toBeNull();
  });
});
