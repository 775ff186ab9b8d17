import {
  ageInYears,
  checkServiceArea,
  type DiagnosisCategory,
  isChild,
  type OrganizationSettings,
  type Patient,
  type PatientSummary,
} from '@hearth/domain';
import type { PatientListRecord, PatientParts, PatientRecord } from './patients.repository.ts';

export function toSummary(
  p: Pick<
    PatientListRecord,
    'id' | 'firstName' | 'lastName' | 'dateOfBirth' | 'status' | 'palliativeStatus' | 'area'
  >,
  primaryDiagnosis: string | null,
  today: string,
): PatientSummary {
  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    dateOfBirth: p.dateOfBirth,
    ageYears: ageInYears(p.dateOfBirth, today),
    isChild: isChild(p.dateOfBirth, today),
    status: p.status as PatientSummary['status'],
    palliativeStatus: p.palliativeStatus as PatientSummary['palliativeStatus'],
    area: p.area,
    primaryDiagnosis,
  };
}

export function toPatient(
  p: PatientRecord,
  parts: PatientParts,
  settings: OrganizationSettings,
  today: string,
): Patient {
  const primary = parts.diagnoses[0];
  const coordinates = p.lat !== null && p.lon !== null ? { lat: p.lat, lon: p.lon } : null;
  return {
    ...toSummary(p, primary ? `${primary.icd10} ${primary.description}` : null, today),
    middleName: p.middleName,
    sex: p.sex as Patient['sex'],
    address: p.address,
    coordinates,
    serviceArea: coordinates ? checkServiceArea(settings.base, coordinates, settings.serviceRadiusKm) : null,
    phone: p.phone,
    accessNotes: p.accessNotes,
    palliativeReviewDate: p.palliativeReviewDate,
    careSetting: p.careSetting as Patient['careSetting'],
    consentToShare: p.consentToShare,
    diagnoses: parts.diagnoses.map((d) => ({
      id: d.id,
      icd10: d.icd10,
      description: d.description,
      category: d.category as DiagnosisCategory,
      primary: d.isPrimary,
    })),
    allergies: parts.allergies.map((a) => ({
      id: a.id,
      substance: a.substance,
      reaction: a.reaction,
      severity: a.severity as 'unknown',
    })),
    contacts: parts.contacts,
    team: parts.team.map((t) => ({ userId: t.id, name: t.name, role: t.role })),
    designatedFamilyUserId: p.designatedFamilyUserId,
    statusHistory: parts.history.map((h) => ({
      at: h.at.toISOString(),
      kind: h.kind,
      from: h.fromValue,
      to: h.toValue,
      reason: h.reason,
      careSetting: h.careSetting ?? null,
      byName: h.byName,
    })),
    identityCorrections: parts.corrections.map((c) => ({
      at: c.at.toISOString(),
      field: c.field,
      from: c.fromValue,
      to: c.toValue,
      reason: c.reason,
      byName: c.byName,
    })),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
