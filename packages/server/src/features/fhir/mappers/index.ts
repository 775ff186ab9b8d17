import type { FhirResourceType } from '@hearth/domain';
import type { Resource } from '@medplum/fhirtypes';
import type { PatientRecord } from '../patient-record.ts';
import { toCarePlans, toGoals } from './care-plan.ts';
import { toAllergies, toConditions } from './condition.ts';
import { toConsents } from './consent.ts';
import { toVisitNotes } from './document-reference.ts';
import { toEncounters } from './encounter.ts';
import { toEpisodes } from './episode.ts';
import { toMedicationAdministrations, toMedicationRequests } from './medication.ts';
import { toObservations } from './observation.ts';
import { toPatient } from './patient.ts';
import { toOrganization, toPractitioner, toPractitionerRole } from './practitioner.ts';
import { toRelatedPersons } from './related-person.ts';

/** Staff referenced by the patient's resources (family users are RelatedPersons instead). */
const staffOf = (r: PatientRecord) =>
  [...r.users.values()].filter((u) => u.role !== 'family' && u.role !== 'volunteer');

/** Every resource of a type that one patient's record gives. */
export const mappers: Record<FhirResourceType, (r: PatientRecord) => Resource[]> = {
  Patient: (r) => [toPatient(r)],
  RelatedPerson: toRelatedPersons,
  Condition: toConditions,
  AllergyIntolerance: toAllergies,
  Observation: toObservations,
  MedicationRequest: toMedicationRequests,
  MedicationAdministration: toMedicationAdministrations,
  CarePlan: toCarePlans,
  Goal: toGoals,
  Encounter: toEncounters,
  Consent: toConsents,
  DocumentReference: toVisitNotes,
  EpisodeOfCare: toEpisodes,
  Practitioner: (r) => staffOf(r).map(toPractitioner),
  PractitionerRole: (r) => staffOf(r).map((u) => toPractitionerRole(u, r.organization.id)),
  Organization: (r) => [toOrganization(r.organization)],
};
