import { fhirSystems } from '@hearth/domain';
import type { AllergyIntolerance, Condition } from '@medplum/fhirtypes';
import type { PatientRecord } from '../patient-record.ts';
import { compact, instant, ref, text } from './common.ts';

/** Diagnoses, coded in ICD-10 (WHO), the primary one first (the order Hearth keeps them in). */
export const toConditions = (r: PatientRecord): Condition[] =>
  r.diagnoses.map((d) => ({
    resourceType: 'Condition',
    id: d.id,
    clinicalStatus: { coding: [{ system: fhirSystems.conditionClinical, code: 'active' }] },
    verificationStatus: { coding: [{ system: fhirSystems.conditionVerification, code: 'confirmed' }] },
    category: [
      {
        coding: [{ system: fhirSystems.conditionCategory, code: 'problem-list-item' }],
      },
    ],
    code: {
      coding: [{ system: fhirSystems.icd10, code: d.icd10, display: d.description }],
      text: d.description,
    },
    subject: ref('Patient', r.patient.id),
    recordedDate: instant(d.createdAt),
  }));

const criticality = { severe: 'high', moderate: 'low', mild: 'low', unknown: 'unable-to-assess' } as const;

/** Allergies are recorded as free text (substance and reaction); their severity becomes the reaction's. */
export const toAllergies = (r: PatientRecord): AllergyIntolerance[] =>
  r.allergies.map((a) =>
    compact<AllergyIntolerance>({
      resourceType: 'AllergyIntolerance',
      id: a.id,
      clinicalStatus: { coding: [{ system: fhirSystems.allergyClinical, code: 'active' }] },
      criticality: criticality[a.severity as keyof typeof criticality] ?? 'unable-to-assess',
      code: { text: a.substance },
      patient: ref('Patient', r.patient.id),
      recordedDate: instant(a.createdAt),
      reaction: text(a.reaction)
        ? [
            compact({
              manifestation: [{ text: text(a.reaction) }],
              severity:
                a.severity === 'mild' || a.severity === 'moderate' || a.severity === 'severe'
                  ? a.severity
                  : undefined,
            }),
          ]
        : undefined,
    }),
  );
