import {
  type AcpPlanFields,
  fhirSystems,
  hearthConcept,
  hearthExtensionUrl,
  type places,
  resuscitationConcept,
  type resuscitationDecisions,
} from '@hearth/domain';
import type { CodeableConcept, Consent, ConsentProvisionActor, Extension } from '@medplum/fhirtypes';
import type { PatientRecord } from '../patient-record.ts';
import { compact, instant, ref } from './common.ts';

type Decision = (typeof resuscitationDecisions)[number];
type Place = (typeof places)[number];

const str = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** The preferred places and the ceilings of treatment, which R4's Consent has no element for. */
function planExtensions(plan: AcpPlanFields): Extension[] {
  const place = (name: 'preferred-place-of-care' | 'preferred-place-of-death', value: Place): Extension[] => [
    {
      url: hearthExtensionUrl(name),
      valueCodeableConcept: {
        ...hearthConcept('place', value, value),
        ...(str(plan.placeNote) ? { text: `${value}: ${str(plan.placeNote)}` } : {}),
      },
    },
  ];
  const ceilings = str(plan.ceilingsOfTreatment);
  return [
    ...place('preferred-place-of-care', plan.preferredPlaceOfCare),
    ...place('preferred-place-of-death', plan.preferredPlaceOfDeath),
    ...(ceilings ? [{ url: hearthExtensionUrl('ceilings-of-treatment'), valueString: ceilings }] : []),
  ];
}

/**
 * The person who decides for the patient when the patient cannot: a provision actor whose role is
 * the relationship and the legal basis in the words they were recorded in (free text in any
 * language, so no code is guessed from it). Named only: Hearth does not keep them as a record.
 */
function decisionMakerActor(plan: AcpPlanFields): ConsentProvisionActor | undefined {
  const name = str(plan.decisionMaker?.name);
  if (!name) return undefined;
  const basis = str(plan.decisionMaker?.basis);
  const relationship = str(plan.decisionMaker?.relationship);
  const words = [relationship, basis].filter(Boolean).join(', ') || 'decision-maker';
  return {
    role: { text: words },
    reference: { display: name },
  };
}

/** SNOMED CT 89666000 "Cardiopulmonary resuscitation (procedure)": what the provision permits or denies. */
const cpr: CodeableConcept = {
  coding: [{ system: fhirSystems.snomed, code: '89666000', display: 'Cardiopulmonary resuscitation' }],
};

/**
 * The advance care plan in force as a Consent with scope `adr` (advance care directive). The
 * resuscitation decision is coded twice: as a category (SNOMED CT "for" / "not for
 * resuscitation", and Hearth's own code, which also covers "not yet discussed") and as a
 * provision that permits or denies CPR.
 */
export function toConsents(r: PatientRecord): Consent[] {
  const acp = r.acp;
  if (!acp) return [];
  const plan = acp.plan;
  const extension = planExtensions(plan);
  const actor = decisionMakerActor(plan);
  const decision: Decision = plan.resuscitation.decision;
  const decidedOn = plan.resuscitation.decidedOn;
  return [
    compact<Consent>({
      resourceType: 'Consent',
      id: acp.id,
      extension: extension.length ? extension : undefined,
      status: 'active',
      scope: {
        coding: [{ system: fhirSystems.consentScope, code: 'adr', display: 'Advanced Care Directive' }],
      },
      category: [
        { coding: [{ system: fhirSystems.consentCategory, code: 'acd', display: 'Advance Directive' }] },
        ...(decision === 'do_not_attempt_cpr'
          ? [
              {
                coding: [{ system: fhirSystems.consentCategory, code: 'dnr', display: 'Do Not Resuscitate' }],
              },
            ]
          : []),
        resuscitationConcept(decision),
      ],
      patient: ref('Patient', r.patient.id),
      dateTime: instant(acp.recordedAt),
      performer: [ref('Patient', r.patient.id)],
      organization: [ref('Organization', r.organization.id)],
      policyRule: { text: `Advance care plan version ${acp.version}, recorded by ${acp.recordedByName}` },
      provision:
        decision === 'not_discussed' && !actor
          ? undefined
          : compact({
              type:
                decision === 'not_discussed'
                  ? undefined
                  : decision === 'attempt_cpr'
                    ? ('permit' as const)
                    : ('deny' as const),
              period: decidedOn && decision !== 'not_discussed' ? { start: decidedOn } : undefined,
              actor: actor ? [actor] : undefined,
              code: decision === 'not_discussed' ? undefined : [cpr],
            }),
    }),
  ];
}
