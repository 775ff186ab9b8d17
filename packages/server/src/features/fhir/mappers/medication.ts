import { fhirSystems, hearthConcept } from '@hearth/domain';
import type { Dosage, MedicationAdministration, MedicationRequest } from '@medplum/fhirtypes';
import type { PatientRecord } from '../patient-record.ts';
import { compact, instant, ref, text } from './common.ts';

type Prescription = PatientRecord['prescriptions'][number];

const medicationText = (p: Pick<Prescription, 'name' | 'strength' | 'form'>) =>
  [p.name, p.strength, p.form].filter((s) => !!text(s)).join(' ');

function dosageOf(p: Prescription): Dosage {
  const times = p.timesOfDay.map((t) => `${t}:00`);
  return compact<Dosage>({
    text: text(p.instructions),
    route: { text: p.route },
    asNeededBoolean: p.kind === 'prn',
    timing: p.kind === 'scheduled' && times.length ? { repeat: { timeOfDay: times } } : undefined,
    doseAndRate: [{ doseQuantity: { value: p.doseAmount, unit: p.doseUnit } }],
    maxDosePerPeriod:
      p.maxDosesPer24h !== null
        ? {
            numerator: { value: p.maxDosesPer24h, unit: 'doses' },
            denominator: { value: 24, unit: 'h', system: fhirSystems.ucum, code: 'h' },
          }
        : undefined,
  });
}

/** Current prescriptions (the version in force). A physician prescribed each; Hearth never chose a dose. */
export function toMedicationRequests(r: PatientRecord): MedicationRequest[] {
  return r.prescriptions.map((p) => {
    const ended = p.endsAt !== null && p.endsAt.getTime() <= r.now.getTime();
    return compact<MedicationRequest>({
      resourceType: 'MedicationRequest',
      id: p.id,
      status: ended ? 'completed' : 'active',
      intent: 'order',
      category: p.anticipatoryPurpose
        ? [hearthConcept('medication-category', 'anticipatory', 'Anticipatory (just in case) medicine')]
        : undefined,
      medicationCodeableConcept: { text: medicationText(p) },
      subject: ref('Patient', r.patient.id),
      authoredOn: instant(p.prescriptionCreatedAt),
      requester: ref('Practitioner', p.createdBy, p.prescribedByName),
      reasonCode: text(p.indication) ? [{ text: text(p.indication) }] : undefined,
      note: text(p.anticipatoryPurpose) ? [{ text: text(p.anticipatoryPurpose)! }] : undefined,
      dosageInstruction: [dosageOf(p)],
      dispenseRequest: {
        validityPeriod: compact({
          start: instant(p.startsAt),
          end: p.endsAt ? instant(p.endsAt) : undefined,
        }),
      },
    });
  });
}

/** Doses given, not taken or refused by the dose guard, by staff or by a relative. */
export function toMedicationAdministrations(r: PatientRecord): MedicationAdministration[] {
  return r.administrations.map((a) => {
    const actor =
      a.recordedByRole === 'family'
        ? ref('RelatedPerson', a.recordedBy, a.recordedByName)
        : ref('Practitioner', a.recordedBy, a.recordedByName);
    return compact<MedicationAdministration>({
      resourceType: 'MedicationAdministration',
      id: a.id,
      status: a.status === 'given' ? 'completed' : 'not-done',
      statusReason:
        a.status === 'given'
          ? undefined
          : [{ text: text(a.refusalReason) ?? (a.status === 'refused' ? 'Refused' : 'Not taken') }],
      medicationCodeableConcept: { text: a.medicineName },
      subject: ref('Patient', r.patient.id),
      effectiveDateTime: instant(a.givenAt),
      performer: [{ actor }],
      request: ref('MedicationRequest', a.prescriptionId),
      note: text(a.note) ? [{ text: text(a.note)! }] : undefined,
      dosage: { dose: { value: a.doseAmount, unit: a.doseUnit } },
    });
  });
}
