import { z } from 'zod';

/**
 * The parts of FHIR R4 resources a referral Bundle is read from. Loose objects: FHIR allows many
 * more elements, and Hearth ignores what it does not use; what it uses must have the right shape.
 */
const fhirDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'is not a FHIR date');
const fhirDateTime = z
  .string()
  .regex(
    /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/,
    'is not a FHIR dateTime',
  );

export const referenceShape = z.looseObject({
  reference: z.string().min(1).optional(),
  display: z.string().optional(),
});
const humanName = z.looseObject({
  text: z.string().optional(),
  family: z.string().optional(),
  given: z.array(z.string()).optional(),
});
const contactPoint = z.looseObject({
  system: z.enum(['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other']).optional(),
  value: z.string().optional(),
});
const address = z.looseObject({
  text: z.string().optional(),
  line: z.array(z.string()).optional(),
  city: z.string().optional(),
  district: z.string().optional(),
  postalCode: z.string().optional(),
});
export const codeableConceptShape = z.looseObject({
  coding: z
    .array(
      z.looseObject({
        system: z.string().optional(),
        code: z.string().optional(),
        display: z.string().optional(),
      }),
    )
    .optional(),
  text: z.string().optional(),
});
const identifier = z.looseObject({ system: z.string().optional(), value: z.string().optional() });

export const referralPatientShape = z.looseObject({
  resourceType: z.literal('Patient'),
  id: z.string().optional(),
  identifier: z.array(identifier).optional(),
  name: z.array(humanName).min(1, 'needs a name'),
  gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
  birthDate: fhirDate.optional(),
  telecom: z.array(contactPoint).optional(),
  address: z.array(address).optional(),
});
export const referralConditionShape = z.looseObject({
  resourceType: z.literal('Condition'),
  subject: referenceShape,
  code: codeableConceptShape,
  onsetDateTime: fhirDateTime.optional(),
  note: z.array(z.looseObject({ text: z.string() })).optional(),
});
export const referralServiceRequestShape = z.looseObject({
  resourceType: z.literal('ServiceRequest'),
  status: z.enum(['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown']),
  intent: z.enum([
    'proposal',
    'plan',
    'directive',
    'order',
    'original-order',
    'reflex-order',
    'filler-order',
    'instance-order',
    'option',
  ]),
  subject: referenceShape,
  priority: z.enum(['routine', 'urgent', 'asap', 'stat']).optional(),
  authoredOn: fhirDateTime.optional(),
  code: codeableConceptShape.optional(),
  reasonCode: z.array(codeableConceptShape).optional(),
  requester: referenceShape.optional(),
  note: z.array(z.looseObject({ text: z.string() })).optional(),
});
export const referralDocumentShape = z.looseObject({
  resourceType: z.literal('DocumentReference'),
  status: z.enum(['current', 'superseded', 'entered-in-error']),
  subject: referenceShape.optional(),
  type: codeableConceptShape.optional(),
  description: z.string().optional(),
  date: fhirDateTime.optional(),
  content: z
    .array(
      z.looseObject({
        attachment: z.looseObject({
          contentType: z.string().optional(),
          data: z.string().optional(),
          url: z.string().optional(),
          title: z.string().optional(),
          creation: fhirDateTime.optional(),
        }),
      }),
    )
    .min(1, 'needs at least one attachment'),
});
export const referralSenderShape = z.looseObject({
  resourceType: z.enum(['Practitioner', 'Organization', 'PractitionerRole']),
  id: z.string().optional(),
  name: z.union([z.array(humanName), z.string()]).optional(),
  telecom: z.array(contactPoint).optional(),
});
export type ReferralPatient = z.infer<typeof referralPatientShape>;
export type ReferralSender = z.infer<typeof referralSenderShape>;
export type FhirAddress = z.infer<typeof address>;
export type FhirHumanName = z.infer<typeof humanName>;
export type FhirContactPoint = z.infer<typeof contactPoint>;
