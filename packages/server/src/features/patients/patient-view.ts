import {
  ageInYears,
  checkServiceArea,
  type DiagnosisCategory,
  type IdentityField,
  isChild,
  type OrganizationSettings,
  type Patient,
  type PatientSummary,
} from '@hearth/domain';
import type { PatientTable } from './patients.table.ts';

export function toSummary(
  row: Pick<
    PatientTable,
    'id' | 'first_name' | 'last_name' | 'date_of_birth' | 'status' | 'palliative_status' | 'area'
  >,
  primaryDiagnosis: string | null,
  today: string,
): PatientSummary {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    ageYears: ageInYears(row.date_of_birth, today),
    isChild: isChild(row.date_of_birth, today),
    status: row.status as PatientSummary['status'],
    palliativeStatus: row.palliative_status as PatientSummary['palliativeStatus'],
    area: row.area,
    primaryDiagnosis,
  };
}

export interface PatientParts {
  diagnoses: { id: string; icd10: string; description: string; category: string; is_primary: boolean }[];
  allergies: { id: string; substance: string; reaction: string | null; severity: string }[];
  contacts: {
    id: string;
    name: string;
    relationship: string;
    phone: string | null;
    lives_with_patient: boolean;
    notes: string | null;
  }[];
  team: { id: string; name: string; role: string }[];
  history: {
    at: Date;
    kind: 'status' | 'palliative';
    from_value: string | null;
    to_value: string;
    reason: string | null;
    care_setting?: string | null;
    by_name: string | null;
  }[];
  corrections: {
    at: Date;
    field: IdentityField;
    from_value: string | null;
    to_value: string | null;
    reason: string;
    by_name: string;
  }[];
}

export function toPatient(
  row: PatientTable,
  parts: PatientParts,
  settings: OrganizationSettings,
  today: string,
): Patient {
  const primary = parts.diagnoses[0];
  const coordinates = row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null;
  return {
    ...toSummary(row, primary ? `${primary.icd10} ${primary.description}` : null, today),
    middleName: row.middle_name,
    sex: row.sex as Patient['sex'],
    address: row.address,
    coordinates,
    serviceArea: coordinates ? checkServiceArea(settings.base, coordinates, settings.serviceRadiusKm) : null,
    phone: row.phone,
    accessNotes: row.access_notes,
    palliativeReviewDate: row.palliative_review_date,
    careSetting: row.care_setting as Patient['careSetting'],
    consentToShare: row.consent_to_share,
    diagnoses: parts.diagnoses.map((d) => ({
      id: d.id,
      icd10: d.icd10,
      description: d.description,
      category: d.category as DiagnosisCategory,
      primary: d.is_primary,
    })),
    allergies: parts.allergies.map((a) => ({
      id: a.id,
      substance: a.substance,
      reaction: a.reaction,
      severity: a.severity as 'unknown',
    })),
    contacts: parts.contacts.map((c) => ({
      id: c.id,
      name: c.name,
      relationship: c.relationship,
      phone: c.phone,
      livesWithPatient: c.lives_with_patient,
      notes: c.notes,
    })),
    team: parts.team.map((t) => ({ userId: t.id, name: t.name, role: t.role })),
    designatedFamilyUserId: row.designated_family_user_id,
    statusHistory: parts.history.map((h) => ({
      at: h.at.toISOString(),
      kind: h.kind,
      from: h.from_value,
      to: h.to_value,
      reason: h.reason,
      careSetting: h.care_setting ?? null,
      byName: h.by_name,
    })),
    identityCorrections: parts.corrections.map((c) => ({
      at: c.at.toISOString(),
      field: c.field,
      from: c.from_value,
      to: c.to_value,
      reason: c.reason,
      byName: c.by_name,
    })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
