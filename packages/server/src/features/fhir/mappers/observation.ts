import { fhirSystems, observationParts } from '@hearth/domain';
import type { Observation } from '@medplum/fhirtypes';
import type { PatientRecord } from '../patient-record.ts';
import { compact, instant, ref, text } from './common.ts';

/**
 * Every current assessment as an Observation: the instrument's code (LOINC where it exists), the
 * score as the value, the items as components and the band as the interpretation. The id is the
 * record's stable id, so a correction updates the same Observation (status `amended`).
 */
export function toObservations(r: PatientRecord): Observation[] {
  return r.assessments.map((a) => {
    const parts = observationParts(a.instrument, a.answers, a.scores);
    const value = parts.value;
    const performer =
      a.recordedByRole === 'family'
        ? ref('RelatedPerson', a.recordedBy, a.recordedByName)
        : ref('Practitioner', a.recordedBy, a.recordedByName);
    return compact<Observation>({
      resourceType: 'Observation',
      id: a.recordId,
      status: a.version > 1 ? 'amended' : 'final',
      category: [
        { coding: [{ system: fhirSystems.observationCategory, code: 'survey', display: 'Survey' }] },
      ],
      code: parts.code,
      subject: ref('Patient', r.patient.id),
      encounter: a.visitId ? ref('Encounter', a.visitId) : undefined,
      effectiveDateTime: instant(a.takenAt),
      issued: instant(a.recordedAt),
      performer: [performer],
      ...(value?.kind === 'integer' ? { valueInteger: value.value } : {}),
      ...(value?.kind === 'quantity'
        ? {
            valueQuantity: {
              value: value.value,
              unit: value.unit,
              system: fhirSystems.ucum,
              code: value.code,
            },
          }
        : {}),
      ...(value?.kind === 'concept' ? { valueCodeableConcept: value.concept } : {}),
      interpretation: parts.interpretation ? [parts.interpretation] : undefined,
      note: text(a.note) ? [{ text: text(a.note)! }] : undefined,
      component: parts.components.length
        ? parts.components.map((c) => ({ code: c.code, valueInteger: c.value }))
        : undefined,
    });
  });
}
