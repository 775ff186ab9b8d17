import type { CareRequest, performanceScales } from '@hearth/domain';

export type PerformanceScale = (typeof performanceScales)[number];

export interface ReferralFormValues extends Record<string, unknown> {
  lastName: string;
  firstName: string;
  middleName: string;
  dateOfBirth: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  address: string;
  area: string;
  /** Typed or from the pin on the map; both empty = not known yet. */
  lat: string;
  lon: string;
  phone: string;
  consentToShare: boolean;
  icd10: string;
  diagnosis: string;
  scale: PerformanceScale;
  score: string;
  reason: string;
}

/**
 * Starts the referral from what the caller told us. Names are split as people write them in
 * Russian ("Surname Name Patronymic") or English ("Name Surname"); the coordinator checks them.
 */
export function referralFromRequest(r: CareRequest): ReferralFormValues {
  const parts = r.patientName.trim().split(/\s+/);
  const russianOrder = r.locale === 'ru' || /[\u0400-\u04FF]/.test(r.patientName);
  const [a = '', b = '', c = ''] = parts;
  const names =
    parts.length === 1
      ? { lastName: '', firstName: a, middleName: '' }
      : russianOrder
        ? { lastName: a, firstName: b, middleName: c }
        : { firstName: a, lastName: parts.slice(1).join(' '), middleName: '' };
  return {
    ...names,
    dateOfBirth: '',
    sex: 'unknown',
    address: r.address,
    area: '',
    lat: '',
    lon: '',
    // the caller's phone is theirs (they join the household contacts); the patient's own phone
    // is asked for, unless the patients called for themselves
    phone: r.relationship === 'self' ? r.phone : '',
    consentToShare: false,
    icd10: '',
    diagnosis: r.diagnosisText.slice(0, 500),
    scale: 'ecog',
    score: '',
    reason: '',
  };
}

/** The body for `commissionReferBodySchema`: a new patient identity from a care request. */
export function referralBody(careRequestId: string, v: ReferralFormValues) {
  return {
    careRequestId,
    patient: {
      firstName: v.firstName,
      lastName: v.lastName,
      middleName: v.middleName,
      dateOfBirth: v.dateOfBirth,
      sex: v.sex,
      address: v.address,
      area: v.area,
      coordinates: coordinatesOf(v.lat, v.lon),
      phone: v.phone.trim() || undefined,
      consentToShare: v.consentToShare,
    },
    icd10: v.icd10,
    diagnosis: v.diagnosis,
    performance: { scale: v.scale, score: v.score.trim() === '' ? undefined : Number(v.score) },
    reason: v.reason,
  };
}

/** Allowed scores for a scale, for the select (ECOG 0-4; Karnofsky 0-100 and PPS 10-100 by 10). */
export function scoresOf(scale: PerformanceScale): number[] {
  if (scale === 'ecog') return [0, 1, 2, 3, 4];
  const from = scale === 'pps' ? 10 : 0;
  const out: number[] = [];
  for (let s = from; s <= 100; s += 10) out.push(s);
  return out;
}

/** Both fields empty: no point yet; otherwise the numbers as typed, for the schema to check. */
function coordinatesOf(lat: string, lon: string) {
  const num = (x: string) => (x.trim() === '' ? undefined : Number(x.replace(',', '.')));
  const a = num(lat);
  const b = num(lon);
  return a === undefined && b === undefined ? undefined : { lat: a, lon: b };
}
