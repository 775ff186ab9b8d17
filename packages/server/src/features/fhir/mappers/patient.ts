import type { Patient } from '@medplum/fhirtypes';
import type { PatientRecord } from '../patient-record.ts';
import { compact, hearthIdentifier, instant, ref, text } from './common.ts';

const inactive = new Set(['discharged', 'deceased']);

export function toPatient(r: PatientRecord): Patient {
  const p = r.patient;
  const given = [p.firstName, p.middleName].filter((g): g is string => !!text(g));
  return compact<Patient>({
    resourceType: 'Patient',
    id: p.id,
    identifier: [hearthIdentifier(p.id)],
    active: !inactive.has(p.status),
    name: [
      compact({
        use: 'official' as const,
        family: text(p.lastName),
        given: given.length ? given : undefined,
        text: [p.lastName, ...given].join(' '),
      }),
    ],
    telecom: text(p.phone) ? [{ system: 'phone', value: text(p.phone), use: 'home' }] : undefined,
    gender: p.sex as Patient['gender'],
    birthDate: p.dateOfBirth,
    ...(r.death
      ? { deceasedDateTime: instant(r.death.diedAt) }
      : p.status === 'deceased'
        ? { deceasedBoolean: true }
        : {}),
    address: text(p.address)
      ? [
          compact({
            use: 'home' as const,
            type: 'physical' as const,
            text: text(p.address),
            city: text(p.area),
          }),
        ]
      : undefined,
    managingOrganization: ref('Organization', r.organization.id, r.organization.name),
  });
}
