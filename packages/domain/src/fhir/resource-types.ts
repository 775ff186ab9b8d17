import { z } from 'zod';

/**
 * The FHIR resource types Hearth serves, and what each one supports. The server registers its
 * routes from this list and the CapabilityStatement is built from it, so the two cannot drift
 * (a test checks the registered routes against the statement).
 */
export const fhirResourceTypes = [
  'Patient',
  'RelatedPerson',
  'Condition',
  'AllergyIntolerance',
  'Observation',
  'MedicationRequest',
  'MedicationAdministration',
  'CarePlan',
  'Goal',
  'Encounter',
  'Consent',
  'DocumentReference',
  'EpisodeOfCare',
  'Practitioner',
  'PractitionerRole',
  'Organization',
] as const;
export type FhirResourceType = (typeof fhirResourceTypes)[number];

/** The resource types one bulk export was asked for, as the export keeps them. */
export const fhirExportTypesSchema = z.array(z.enum(fhirResourceTypes));

export interface FhirSearchParam {
  name: string;
  type: 'reference' | 'date' | 'token';
  documentation: string;
}

const patientParam: FhirSearchParam = {
  name: 'patient',
  type: 'reference',
  documentation: 'The patient (id or Patient/id); required',
};
const dateParam = (of: string): FhirSearchParam => ({
  name: 'date',
  type: 'date',
  documentation: `${of}; prefixes eq, gt, ge, lt, le; repeat for a range`,
});

/**
 * Search parameters per type; an empty list means the type is read by id only (staff and the
 * organization are reached through the references in a patient's resources).
 */
export const fhirSearchParams: Record<FhirResourceType, readonly FhirSearchParam[]> = {
  Patient: [{ name: '_id', type: 'token', documentation: 'The patient id; required' }],
  RelatedPerson: [patientParam],
  Condition: [patientParam, dateParam('Condition.recordedDate')],
  AllergyIntolerance: [patientParam, dateParam('AllergyIntolerance.recordedDate')],
  Observation: [patientParam, dateParam('Observation.effectiveDateTime')],
  MedicationRequest: [patientParam, dateParam('MedicationRequest.authoredOn')],
  MedicationAdministration: [patientParam, dateParam('MedicationAdministration.effectiveDateTime')],
  CarePlan: [patientParam, dateParam('CarePlan.created')],
  Goal: [patientParam, dateParam('Goal.startDate')],
  Encounter: [patientParam, dateParam('Encounter.period.start')],
  Consent: [patientParam, dateParam('Consent.dateTime')],
  DocumentReference: [patientParam, dateParam('DocumentReference.date')],
  EpisodeOfCare: [patientParam, dateParam('EpisodeOfCare.period.start')],
  Practitioner: [],
  PractitionerRole: [],
  Organization: [],
};

/** The element a type's `date` search parameter looks at (the same as in the documentation above). */
export function searchDateOf(resource: Record<string, unknown>): string | undefined {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const period = (v: unknown) =>
    typeof v === 'object' && v !== null ? str((v as { start?: unknown }).start) : undefined;
  switch (resource.resourceType as FhirResourceType) {
    case 'Condition':
    case 'AllergyIntolerance':
      return str(resource.recordedDate);
    case 'Observation':
    case 'MedicationAdministration':
      return str(resource.effectiveDateTime);
    case 'MedicationRequest':
      return str(resource.authoredOn);
    case 'CarePlan':
      return str(resource.created);
    case 'Goal':
      return str(resource.startDate);
    case 'Consent':
      return str(resource.dateTime);
    case 'DocumentReference':
      return str(resource.date);
    case 'Encounter':
    case 'EpisodeOfCare':
      return period(resource.period);
    default:
      return undefined;
  }
}

/** The operations Hearth implements, with their route under the FHIR base. */
export const fhirOperations = {
  everything: {
    name: 'everything',
    definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything',
  },
  export: { name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export' },
} as const;

export const fhirJsonContentType = 'application/fhir+json';
export const fhirVersion = '4.0.1';
