import type { CareRequestBody, preferredCallTimes, relationships } from '@hearth/domain';

export type Relationship = (typeof relationships)[number];
export type PreferredCallTime = (typeof preferredCallTimes)[number];

/** What the request form holds while typing: inputs are strings until submitted. */
export interface RequestFormValues extends Record<string, unknown> {
  patientName: string;
  patientAgeYears: string;
  requesterName: string;
  relationship: Relationship | '';
  diagnosisText: string;
  address: string;
  phone: string;
  preferredCallTime: PreferredCallTime;
  consent: boolean;
}

export const emptyRequest: RequestFormValues = {
  patientName: '',
  patientAgeYears: '',
  requesterName: '',
  relationship: '',
  diagnosisText: '',
  address: '',
  phone: '',
  preferredCallTime: 'any',
  consent: false,
};

/** The body to validate with `careRequestBodySchema`; blank optional fields are dropped there. */
export function requestBody(
  values: RequestFormValues,
  locale: string,
): Record<keyof CareRequestBody, unknown> {
  const age = values.patientAgeYears.trim();
  return {
    patientName: values.patientName,
    patientAgeYears: age === '' ? undefined : Number(age),
    requesterName: values.requesterName,
    relationship: values.relationship,
    diagnosisText: values.diagnosisText,
    address: values.address,
    phone: values.phone,
    preferredCallTime: values.preferredCallTime,
    consent: values.consent,
    locale: locale === 'en' ? 'en' : 'ru',
  };
}
