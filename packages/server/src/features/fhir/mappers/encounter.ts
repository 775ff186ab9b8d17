import { fhirSystems, hearthConcept, zonedInstant } from '@hearth/domain';
import type { Encounter } from '@medplum/fhirtypes';
import type { PatientRecord } from '../patient-record.ts';
import { compact, instant, ref, text } from './common.ts';

type Visit = PatientRecord['visits'][number];

const statusOf: Record<Visit['status'], Encounter['status']> = {
  requested: 'planned',
  scheduled: 'planned',
  on_the_way: 'planned',
  checked_in: 'in-progress',
  completed: 'finished',
  missed: 'cancelled',
  cancelled: 'cancelled',
  // held while the patient is in hospital or respite: still planned, may be restored or cancelled
  on_hold: 'planned',
};

/** The visit's start: the check-in when there was one, else its planned time in the service's zone. */
function startOf(v: Visit, timeZone: string): Date | null {
  if (v.checkedInAt) return v.checkedInAt;
  if (v.startMin === null) return null;
  const [year, month, day] = v.visitDate.split('-').map(Number) as [number, number, number];
  return zonedInstant(
    { year, month, day, hour: Math.floor(v.startMin / 60), minute: v.startMin % 60 },
    timeZone,
  );
}

/**
 * Home visits: class HH "home health" (v3-ActCode), the discipline as the type. A visit without a
 * planned time has only its day, which FHIR's period cannot hold, so its period is left out.
 */
export function toEncounters(r: PatientRecord): Encounter[] {
  return r.visits.map((v) => {
    const start = startOf(v, r.timeZone);
    const end =
      v.completedAt ??
      (start && v.status !== 'completed' ? new Date(start.getTime() + v.durationMin * 60_000) : null);
    return compact<Encounter>({
      resourceType: 'Encounter',
      id: v.id,
      status: statusOf[v.status],
      class: { system: fhirSystems.v3ActCode, code: 'HH', display: 'home health' },
      type: [hearthConcept('discipline', v.discipline, v.discipline)],
      serviceType: hearthConcept('visit-kind', v.kind, v.kind),
      priority:
        v.kind === 'urgent'
          ? { coding: [{ system: fhirSystems.v3ActPriority, code: 'UR', display: 'urgent' }] }
          : undefined,
      subject: ref('Patient', r.patient.id),
      participant: v.staffId ? [{ individual: ref('Practitioner', v.staffId, v.staffName) }] : undefined,
      period: start
        ? compact({ start: instant(start), end: end && end >= start ? instant(end) : undefined })
        : undefined,
      length: { value: v.durationMin, unit: 'min', system: fhirSystems.ucum, code: 'min' },
      reasonCode: text(v.reason) ? [{ text: text(v.reason) }] : undefined,
      serviceProvider: ref('Organization', r.organization.id),
    });
  });
}
