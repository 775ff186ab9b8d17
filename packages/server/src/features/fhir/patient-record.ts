import type { Action, FhirResourceType } from '@hearth/domain';
import type { Conn } from '../../db/conn.ts';
import { findOrganization } from '../../platform/settings/settings.repository.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { plansOf } from '../advance-care/advance-care.repository.ts';
import { listCurrent as currentAssessments } from '../assessments/assessments.repository.ts';
import { latestVersion } from '../care-plans/care-plans.repository.ts';
import { findDeath } from '../end-of-life/end-of-life.repository.ts';
import { familyOf } from '../family/family.repository.ts';
import {
  listCurrent as currentPrescriptions,
  listAdministrations,
} from '../medicines/medicines.repository.ts';
import * as patients from '../patients/patients.repository.ts';
import { notesOf, visitsOfPatient } from '../visits/visits.repository.ts';
import { type UserRecord, usersByIds } from './fhir.repository.ts';

/**
 * Which feature's read right each resource type needs on top of `fhir:read`: FHIR gives a staff
 * member exactly what the REST API would (an equipment manager reads the patient, not the
 * medicines).
 */
export const readRightOf: Record<FhirResourceType, Action> = {
  Patient: 'patient:read',
  RelatedPerson: 'patient:read',
  Condition: 'patient:read',
  AllergyIntolerance: 'patient:read',
  EpisodeOfCare: 'patient:read',
  Practitioner: 'patient:read',
  PractitionerRole: 'patient:read',
  Organization: 'patient:read',
  Observation: 'assessment:read',
  MedicationRequest: 'medicine:read',
  MedicationAdministration: 'medicine:read',
  CarePlan: 'careplan:read',
  Goal: 'careplan:read',
  Encounter: 'visit:read',
  Consent: 'acp:read',
  // visit documentation is read with the visit, by the same people
  DocumentReference: 'visit:read',
};

/** Hearth keeps at most this many of a patient's rows of one kind in an export (lists are bounded). */
const maxRows = 1000;
const farPast = '1900-01-01';
const farFuture = '2999-12-31';

/** Everything FHIR maps for one patient, read through the features' repositories (read only). */
export async function loadPatientRecord(
  db: Conn,
  orgId: string,
  patientId: string,
  include: ReadonlySet<FhirResourceType>,
  now: Date,
) {
  const has = (t: FhirResourceType) => include.has(t);
  const patient = await patients.findPatient(db, orgId, patientId);
  if (!patient) return null;
  const [org, settings, diagnoses, allergies, contacts, team, history, family, death] = await Promise.all([
    findOrganization(db, orgId),
    loadSettings(db, orgId),
    patients.diagnosesOf(db, orgId, patientId),
    patients.allergiesOf(db, orgId, patientId),
    patients.contactsOf(db, orgId, patientId),
    patients.teamOf(db, orgId, patientId),
    patients.statusHistoryOf(db, orgId, patientId),
    familyOf(db, orgId, patientId),
    findDeath(db, orgId, patientId),
  ]);
  const [assessments, prescriptions, administrations, carePlan, visits, acps] = await Promise.all([
    has('Observation') ? currentAssessments(db, orgId, patientId, {}, maxRows) : [],
    has('MedicationRequest') ? currentPrescriptions(db, orgId, patientId) : [],
    has('MedicationAdministration')
      ? listAdministrations(db, orgId, patientId, new Date(0), new Date(now.getTime() + 86_400_000))
      : [],
    // the episode names the care plan's key worker as its care manager
    has('CarePlan') || has('Goal') || has('EpisodeOfCare') ? latestVersion(db, orgId, patientId) : undefined,
    has('Encounter') || has('DocumentReference')
      ? visitsOfPatient(db, orgId, patientId, farPast, farFuture)
      : [],
    has('Consent') ? plansOf(db, orgId, patientId) : [],
  ]);
  if (!org) throw new Error(`organization ${orgId} vanished while exporting`);
  const visitNotes = has('DocumentReference')
    ? await notesOf(
        db,
        orgId,
        visits.map((v) => v.id),
      )
    : [];
  const userIds = new Set<string>(team.map((t) => t.id));
  for (const a of assessments) userIds.add(a.recordedBy);
  for (const p of prescriptions) userIds.add(p.createdBy);
  for (const a of administrations) userIds.add(a.recordedBy);
  if (carePlan) {
    userIds.add(carePlan.changedBy);
    if (carePlan.keyWorkerId) userIds.add(carePlan.keyWorkerId);
    for (const item of carePlan.content.items) if (item.ownerId) userIds.add(item.ownerId);
  }
  for (const v of visits) if (v.staffId) userIds.add(v.staffId);
  for (const n of visitNotes) userIds.add(n.byUserId);
  if (acps[0]) userIds.add(acps[0].recordedBy);
  const users = new Map<string, UserRecord>(
    (await usersByIds(db, orgId, [...userIds])).map((u) => [u.id, u]),
  );
  return {
    organization: { id: org.id, name: org.name, servicePhone: settings.servicePhone },
    timeZone: settings.timeZone,
    patient,
    diagnoses,
    allergies,
    contacts,
    team,
    history,
    family,
    death: death ?? null,
    assessments,
    prescriptions,
    administrations,
    carePlan: carePlan ?? null,
    visits,
    visitNotes,
    acp: acps[0] ?? null,
    users,
    now,
  };
}
export type PatientRecord = NonNullable<Awaited<ReturnType<typeof loadPatientRecord>>>;
