import { fhirSystems, hearthConcept } from '@hearth/domain';
import type { Dosage, MedicationAdministration, MedicationRequest } from '@medplum/fhirtypes';
import type { PatientRecord } from '../patient-record.ts';
import { compact, instant, ref, text } from './common.ts';

type Prescription = PatientRecord['prescriptions'][number];

const medicationText = (p: Pick<Prescription, 'name' | 'strength' | 'form'>) =>
  [p.name, p.strength, p.form].filter((s) => !!text(s)).join(' ');

function dosageOf(p: Prescription): Dosage {
  const times = (p.times_of_day ?? []).map((t) => `${t}:00`);
  return compact<Dosage>({
    text: text(p.instructions),
    route: { text: p.route },
    asNeededBoolean: p.kind === 'prn',
    timing: p.kind === 'scheduled' && times.length ? { repeat: { timeOfDay: times } } : undefined,
    doseAndRate: [{ doseQuantity: { value: p.dose_amount, unit: p.dose_unit } }],
    maxDosePerPeriod:
      p.max_doses_per_24h !== null
        ? {
            numerator: { value: p.max_doses_per_24h, unit: 'doses' },
            denominator: { value: 24, unit: 'h', system: fhirSystems.ucum, code: 'h' },
          }
        : undefined,
  });
}

/** Current prescriptions (the version in force). A physician prescribed each; Hearth never chose a dose. */
export function toMedicationRequests(r: PatientRecord): MedicationRequest[] {
  return r.prescriptions.map((p) => {
    const ended = p.ends_at !== null && p.ends_at.getTime() <= r.now.getTime();
    return compact<MedicationRequest>({
      resourceType: 'MedicationRequest',
      id: p.id,
      status: ended ? 'completed' : 'active',
      intent: 'order',
      category: p.anticipatory_purpose
        ? [hearthConcept('medication-category', 'anticipatory', 'Anticipatory (just in case) medicine')]
        : undefined,
      medicationCodeableConcept: { text: medicationText(p) },
      subject: ref('Patient', r.patient.id),
      authoredOn: instant(p.prescription_created_at),
      requester: ref('Practitioner', p.created_by, p.prescribed_by_name),
      reasonCode: text(p.indication) ? [{ text: text(p.indication) }] : undefined,
      note: text(p.anticipatory_purpose) ? [{ text: text(p.anticipatory_purpose)! }] : undefined,
      dosageInstruction: [dosageOf(p)],
      dispenseRequest: {
        validityPeriod: compact({
          start: instant(p.starts_at),
          end: p.ends_at ? instant(p.ends_at) : undefined,
        }),
      },
    });
  });
}

/** Doses given, not taken or refused by the dose guard, by staff or by a relative. */
export function toMedicationAdministrations(r: PatientRecord): MedicationAdministration[] {
  return r.administrations.map((a) => {
    const actor =
      a.recorded_by_role === 'family'
        ? ref('RelatedPerson', a.recorded_by, a.recorded_by_name)
        : ref('Practitioner', a.recorded_by, a.recorded_by_name);
    return compact<MedicationAdministration>({
      resourceType: 'MedicationAdministration',
      id: a.id,
      status: a.status === 'given' ? 'completed' : 'not-done',
      statusReason:
        a.status === 'given'
          ? undefined
          : [{ text: text(a.refusal_reason) ?? (a.status === 'refused' ? 'Refused' : 'Not taken') }],
      medicationCodeableConcept: { text: a.medicine_name },
      subject: ref('Patient', r.patient.id),
      effectiveDateTime: instant(a.given_at),
      performer: [{ actor }],
      request: ref('MedicationRequest', a.prescription_id),
      note: text(a.note) ? [{ text: text(a.note)! }] : undefined,
      dosage: { dose: { value: a.dose_amount, unit: a.dose_unit } },
    });
  });
}
