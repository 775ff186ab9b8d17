import { hearthConcept } from '@hearth/domain';
import type { RelatedPerson } from '@medplum/fhirtypes';
import type { PatientRecord } from '../patient-record.ts';
import { compact, ref, text } from './common.ts';

/**
 * Household contacts (the patient's contact list) and the relatives who use the family portal
 * (the designated family member is marked with a Hearth code).
 */
export function toRelatedPersons(r: PatientRecord): RelatedPerson[] {
  const patient = ref('Patient', r.patient.id);
  const contacts = r.contacts.map((c) =>
    compact<RelatedPerson>({
      resourceType: 'RelatedPerson',
      id: c.id,
      active: true,
      patient,
      relationship: text(c.relationship) ? [{ text: text(c.relationship) }] : undefined,
      name: [{ text: c.name }],
      telecom: text(c.phone) ? [{ system: 'phone', value: text(c.phone) }] : undefined,
    }),
  );
  const family = r.family.map((f) =>
    compact<RelatedPerson>({
      resourceType: 'RelatedPerson',
      id: f.userId,
      active: f.status === 'active',
      patient,
      relationship: [
        ...(text(f.relationship) ? [{ text: text(f.relationship) }] : []),
        f.designated
          ? hearthConcept('family-role', 'designated', 'Designated family member')
          : hearthConcept('family-role', 'portal-user', 'Family portal user'),
      ],
      name: [{ text: f.name }],
      telecom: [{ system: 'email', value: f.email }],
    }),
  );
  return [...contacts, ...family];
}
