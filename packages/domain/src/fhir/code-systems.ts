/**
 * Code systems Hearth uses in FHIR R4. Standard systems come first; where no standard code exists
 * (or its licence is not settled) Hearth uses its own code system, named by `hearthSystem`, so a
 * receiver can still tell the codes apart and map them later.
 */
export const fhirSystems = {
  loinc: 'http://loinc.org',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
  /** RFC 3986 identifiers: Hearth's own record ids are given as `urn:uuid:<id>`. */
  uri: 'urn:ietf:rfc:3986',
  v3ActCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  v3ActPriority: 'http://terminology.hl7.org/CodeSystem/v3-ActPriority',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  consentCategory: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes',
  consentPolicy: 'http://terminology.hl7.org/CodeSystem/consentpolicycodes',
  goalAchievement: 'http://terminology.hl7.org/CodeSystem/goal-achievement',
} as const;

/** Hearth's own code systems (one URI per list of codes). */
export const hearthCodeSystems = [
  'assessment',
  'assessment-item',
  'band',
  'braden-risk',
  'phase-of-illness',
  'care-setting',
  'discipline',
  'staff-role',
  'visit-kind',
  'resuscitation-decision',
  'medication-category',
  'family-role',
  'place',
] as const;
export type HearthCodeSystem = (typeof hearthCodeSystems)[number];

/** The URI of a Hearth code system. A URN, so it never pretends to be a resolvable web page. */
export const hearthSystem = (name: HearthCodeSystem) => `urn:hearth:fhir:CodeSystem:${name}`;

/**
 * Hearth's own extensions, for facts that R4's core elements have no place for (the advance care
 * plan's preferred places and treatment ceilings). URNs like the code systems; a receiver that does
 * not know them may ignore them, as FHIR allows for extensions that are not modifiers.
 */
export const hearthExtensions = [
  'preferred-place-of-care',
  'preferred-place-of-death',
  'ceilings-of-treatment',
] as const;
export type HearthExtension = (typeof hearthExtensions)[number];
export const hearthExtensionUrl = (name: HearthExtension) => `urn:hearth:fhir:StructureDefinition:${name}`;

/** Extension and identifier namespaces that are Hearth's own. */
export const hearthIdentifierSystem = (kind: 'patient' | 'care-request') => `urn:hearth:fhir:id:${kind}`;

export interface Coding {
  system: string;
  code: string;
  display?: string;
}
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export const coding = (system: string, code: string, display?: string): Coding =>
  display === undefined ? { system, code } : { system, code, display };

/** A CodeableConcept with one coding from a Hearth code system. */
export const hearthConcept = (system: HearthCodeSystem, code: string, display?: string): CodeableConcept => ({
  coding: [coding(hearthSystem(system), code, display)],
  ...(display ? { text: display } : {}),
});

/** SNOMED CT 103735009 "Palliative care (regime/therapy)" (eCQM PalliativeCare value sets). */
export const palliativeCareConcept: CodeableConcept = {
  coding: [coding(fhirSystems.snomed, '103735009', 'Palliative care')],
  text: 'Palliative care',
};

/**
 * The resuscitation decision of the advance care plan. SNOMED CT 304252001 "For resuscitation"
 * and 304253006 "Not for resuscitation" (findings); "not discussed" has no SNOMED concept, so
 * only the Hearth code carries it.
 */
export function resuscitationConcept(
  decision: 'attempt_cpr' | 'do_not_attempt_cpr' | 'not_discussed',
): CodeableConcept {
  const hearth = coding(hearthSystem('resuscitation-decision'), decision, resuscitationDisplay[decision]);
  const snomed =
    decision === 'attempt_cpr'
      ? [coding(fhirSystems.snomed, '304252001', 'For resuscitation')]
      : decision === 'do_not_attempt_cpr'
        ? [coding(fhirSystems.snomed, '304253006', 'Not for resuscitation')]
        : [];
  return { coding: [...snomed, hearth], text: resuscitationDisplay[decision] };
}
const resuscitationDisplay = {
  attempt_cpr: 'Attempt cardiopulmonary resuscitation',
  do_not_attempt_cpr: 'Do not attempt cardiopulmonary resuscitation',
  not_discussed: 'Resuscitation not yet discussed',
} as const;
