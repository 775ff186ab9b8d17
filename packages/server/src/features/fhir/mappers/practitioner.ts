import { hearthConcept } from '@hearth/domain';
import type { ContactPoint, Organization, Practitioner, PractitionerRole } from '@medplum/fhirtypes';
import type { UserRecord } from '../fhir.repository.ts';
import { compact, hearthIdentifier, ref, text } from './common.ts';

const telecomOf = (u: Pick<UserRecord, 'email' | 'phone'>): ContactPoint[] => [
  ...(text(u.phone) ? [{ system: 'phone' as const, value: text(u.phone)!, use: 'work' as const }] : []),
  { system: 'email', value: u.email, use: 'work' },
];

/** A staff member of the service. */
export const toPractitioner = (u: UserRecord): Practitioner => ({
  resourceType: 'Practitioner',
  id: u.id,
  identifier: [hearthIdentifier(u.id)],
  active: u.status === 'active',
  name: [{ text: u.name }],
  telecom: telecomOf(u),
});

/** What the staff member does in the service (one role per user, so it shares the user's id). */
export const toPractitionerRole = (u: UserRecord, organizationId: string): PractitionerRole => ({
  resourceType: 'PractitionerRole',
  id: u.id,
  active: u.status === 'active',
  practitioner: ref('Practitioner', u.id, u.name),
  organization: ref('Organization', organizationId),
  code: [hearthConcept('staff-role', u.role, u.role)],
});

export const toOrganization = (org: { id: string; name: string; servicePhone: string }): Organization =>
  compact<Organization>({
    resourceType: 'Organization',
    id: org.id,
    identifier: [hearthIdentifier(org.id)],
    active: true,
    type: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/organization-type',
            code: 'prov',
            display: 'Healthcare Provider',
          },
        ],
      },
    ],
    name: org.name,
    telecom: text(org.servicePhone) ? [{ system: 'phone', value: text(org.servicePhone)! }] : undefined,
  });
