import {
  type AvailabilitySlot,
  type RequestKind,
  requestKinds,
  type TrainingModule,
  trainingModules,
  type VolunteerSkill,
  type VolunteerStatus,
  volunteerBodySchema,
} from '@hearth/domain';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import { z } from 'zod';
import type { Conn } from '../../db/conn.ts';
import { parseStored, storedJson } from '../../db/stored-json.ts';
import type {
  PaidCareHoursTable,
  VolunteerAssignmentTable,
  VolunteerHoursTable,
  VolunteerNoteTable,
  VolunteerRequestTable,
  VolunteerScreeningTable,
  VolunteerStatusHistoryTable,
  VolunteerTable,
  VolunteerTrainingTable,
} from './volunteers.table.ts';

/** A volunteer: contact, where they live and how far they go, what they offer and when, their status. */
export interface VolunteerRecord {
  id: string;
  userId: string | null;
  name: string;
  phone: string;
  email: string | null;
  address: string;
  home: { lat: number; lon: number };
  maxDistanceKm: number;
  areas: string[];
  languages: string[];
  skills: VolunteerSkill[];
  availability: AvailabilitySlot[];
  notes: string | null;
  status: VolunteerStatus;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** One step of a volunteer's status path. */
export interface VolunteerStatusChangeRecord {
  id: string;
  volunteerId: string;
  from: string | null;
  to: string;
  reason: string | null;
  byUserId: string | null;
  at: Date;
}

/** One version of a volunteer's screening, with who recorded it. */
export interface VolunteerScreeningRecord {
  id: string;
  volunteerId: string;
  version: number;
  interviewOn: string | null;
  interviewNotes: string | null;
  backgroundCheckOn: string | null;
  backgroundCheckResult: VolunteerScreeningTable['background_check_result'];
  consentSignedOn: string | null;
  confidentialitySignedOn: string | null;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Date;
}

/** A training module a volunteer completed, with who recorded it. */
export interface VolunteerTrainingRecord {
  id: string;
  volunteerId: string;
  module: TrainingModule;
  completedOn: string;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Date;
}

/** A supervision or debrief note, with its author. */
export interface VolunteerNoteRecord {
  id: string;
  volunteerId: string;
  kind: VolunteerNoteTable['kind'];
  on: string;
  body: string;
  byUserId: string;
  byName: string;
  at: Date;
}

/** What a family asked a volunteer for, and when. */
export interface VolunteerRequestRecord {
  id: string;
  patientId: string;
  kind: RequestKind;
  status: VolunteerRequestTable['status'];
  startsAt: Date;
  durationMinutes: number;
  language: string;
  whatToBring: string | null;
  details: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A request with the family it is for: the patient's name and where they live. */
export interface FamilyRequestRecord extends VolunteerRequestRecord {
  patientName: string;
  patientFirstName: string;
  patientAddress: string;
  patientLat: number | null;
  patientLon: number | null;
}

/** A request offered to one volunteer, and how it went. */
export interface VolunteerAssignmentRecord {
  id: string;
  requestId: string;
  volunteerId: string;
  status: VolunteerAssignmentTable['status'];
  offeredBy: string;
  offeredAt: Date;
  respondedAt: Date | null;
  declineReason: string | null;
  closedAt: Date | null;
  closedBy: string | null;
  closeNote: string | null;
}

/** An assignment with the volunteer's name, as the coordinator sees it on a request. */
export interface NamedAssignmentRecord extends VolunteerAssignmentRecord {
  volunteerName: string;
}

/** An assignment with what the volunteer needs of its request and the family. */
export interface VolunteerJobRecord extends VolunteerAssignmentRecord {
  kind: RequestKind;
  startsAt: Date;
  durationMinutes: number;
  whatToBring: string | null;
  patientId: string;
  familyFirstName: string;
  familyAddress: string;
}

/** Hours a volunteer logged on one day for one assignment, and the coordinator's decision. */
export interface VolunteerHoursRecord {
  id: string;
  assignmentId: string;
  volunteerId: string;
  on: string;
  minutes: number;
  note: string | null;
  status: VolunteerHoursTable['status'];
  loggedBy: string;
  loggedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  rejectReason: string | null;
}

/** Logged hours with the volunteer's name, the request's kind and who decided. */
export interface HoursEntryRecord extends VolunteerHoursRecord {
  volunteerName: string;
  kind: RequestKind;
  decidedByName: string | null;
}

/** The paid care hours typed in for a month. */
export interface PaidCareHoursRecord {
  month: string;
  hours: number;
  enteredBy: string;
  enteredAt: Date;
}

/** Hours on a day that still count, with their request's time window. */
export interface CountingHoursRecord {
  assignmentId: string;
  minutes: number;
  startsAt: Date;
  durationMinutes: number;
}

// the profile lists are stored as the volunteer form validated them
const profile = volunteerBodySchema.shape;
const kindSchema = z.enum(requestKinds);
const moduleSchema = z.enum(trainingModules);

const toVolunteer = (r: Selectable<VolunteerTable>): VolunteerRecord => {
  const at = (column: string) => ({ table: 'volunteer', column, id: r.id });
  return {
    id: r.id,
    userId: r.user_id,
    name: r.name,
    phone: r.phone,
    email: r.email,
    address: r.address,
    home: { lat: r.lat, lon: r.lon },
    maxDistanceKm: r.max_distance_km,
    areas: parseStored(profile.areas, r.areas, at('areas')),
    languages: parseStored(profile.languages, r.languages, at('languages')),
    skills: parseStored(profile.skills, r.skills, at('skills')),
    availability: parseStored(profile.availability, r.availability, at('availability')),
    notes: r.notes,
    status: r.status,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
};

const toStatusChange = (r: Selectable<VolunteerStatusHistoryTable>): VolunteerStatusChangeRecord => ({
  id: r.id,
  volunteerId: r.volunteer_id,
  from: r.from_value,
  to: r.to_value,
  reason: r.reason,
  byUserId: r.by_user_id,
  at: r.at,
});

const toScreening = (
  r: Selectable<VolunteerScreeningTable> & { recorded_by_name: string },
): VolunteerScreeningRecord => ({
  id: r.id,
  volunteerId: r.volunteer_id,
  version: r.version,
  interviewOn: r.interview_on,
  interviewNotes: r.interview_notes,
  backgroundCheckOn: r.background_check_on,
  backgroundCheckResult: r.background_check_result,
  consentSignedOn: r.consent_signed_on,
  confidentialitySignedOn: r.confidentiality_signed_on,
  recordedBy: r.recorded_by,
  recordedByName: r.recorded_by_name,
  recordedAt: r.recorded_at,
});

const toTraining = (
  r: Selectable<VolunteerTrainingTable> & { recorded_by_name: string },
): VolunteerTrainingRecord => ({
  id: r.id,
  volunteerId: r.volunteer_id,
  module: parseStored(moduleSchema, r.module, { table: 'volunteer_training', column: 'module', id: r.id }),
  completedOn: r.completed_on,
  recordedBy: r.recorded_by,
  recordedByName: r.recorded_by_name,
  recordedAt: r.recorded_at,
});

const toNote = (r: Selectable<VolunteerNoteTable> & { by_name: string }): VolunteerNoteRecord => ({
  id: r.id,
  volunteerId: r.volunteer_id,
  kind: r.kind,
  on: r.on_date,
  body: r.body,
  byUserId: r.by_user_id,
  byName: r.by_name,
  at: r.at,
});

const toRequest = (r: Selectable<VolunteerRequestTable>): VolunteerRequestRecord => ({
  id: r.id,
  patientId: r.patient_id,
  kind: parseStored(kindSchema, r.kind, { table: 'volunteer_request', column: 'kind', id: r.id }),
  status: r.status,
  startsAt: r.starts_at,
  durationMinutes: r.duration_minutes,
  language: r.language,
  whatToBring: r.what_to_bring,
  details: r.details,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toFamilyRequest = (
  r: Selectable<VolunteerRequestTable> & {
    patient_name: string;
    patient_first_name: string;
    patient_address: string;
    patient_lat: number | null;
    patient_lon: number | null;
  },
): FamilyRequestRecord => ({
  ...toRequest(r),
  patientName: r.patient_name,
  patientFirstName: r.patient_first_name,
  patientAddress: r.patient_address,
  patientLat: r.patient_lat,
  patientLon: r.patient_lon,
});

const toAssignment = (r: Selectable<VolunteerAssignmentTable>): VolunteerAssignmentRecord => ({
  id: r.id,
  requestId: r.request_id,
  volunteerId: r.volunteer_id,
  status: r.status,
  offeredBy: r.offered_by,
  offeredAt: r.offered_at,
  respondedAt: r.responded_at,
  declineReason: r.decline_reason,
  closedAt: r.closed_at,
  closedBy: r.closed_by,
  closeNote: r.close_note,
});

const toJob = (
  r: Selectable<VolunteerAssignmentTable> & {
    kind: string;
    starts_at: Date;
    duration_minutes: number;
    what_to_bring: string | null;
    patient_id: string;
    family_first_name: string;
    family_address: string;
  },
): VolunteerJobRecord => ({
  ...toAssignment(r),
  kind: parseStored(kindSchema, r.kind, { table: 'volunteer_request', column: 'kind', id: r.request_id }),
  startsAt: r.starts_at,
  durationMinutes: r.duration_minutes,
  whatToBring: r.what_to_bring,
  patientId: r.patient_id,
  familyFirstName: r.family_first_name,
  familyAddress: r.family_address,
});

const toHours = (r: Selectable<VolunteerHoursTable>): VolunteerHoursRecord => ({
  id: r.id,
  assignmentId: r.assignment_id,
  volunteerId: r.volunteer_id,
  on: r.on_date,
  minutes: r.minutes,
  note: r.note,
  status: r.status,
  loggedBy: r.logged_by,
  loggedAt: r.logged_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  rejectReason: r.reject_reason,
});

const toHoursEntry = (
  r: Selectable<VolunteerHoursTable> & {
    volunteer_name: string;
    kind: string;
    request_id: string;
    decided_by_name: string | null;
  },
): HoursEntryRecord => ({
  ...toHours(r),
  volunteerName: r.volunteer_name,
  kind: parseStored(kindSchema, r.kind, { table: 'volunteer_request', column: 'kind', id: r.request_id }),
  decidedByName: r.decided_by_name,
});

const toPaidCareHours = (r: Selectable<PaidCareHoursTable>): PaidCareHoursRecord => ({
  month: r.month,
  hours: r.hours,
  enteredBy: r.entered_by,
  enteredAt: r.entered_at,
});

export const insertVolunteer = (db: Conn, organizationId: string, v: VolunteerRecord) =>
  db
    .insertInto('volunteer')
    .values({
      id: v.id,
      organization_id: organizationId,
      user_id: v.userId,
      name: v.name,
      phone: v.phone,
      email: v.email,
      address: v.address,
      lat: v.home.lat,
      lon: v.home.lon,
      max_distance_km: v.maxDistanceKm,
      areas: storedJson(v.areas),
      languages: storedJson(v.languages),
      skills: storedJson(v.skills),
      availability: storedJson(v.availability),
      notes: v.notes,
      status: v.status,
      created_by: v.createdBy,
      created_at: v.createdAt,
      updated_at: v.updatedAt,
    })
    .execute();

/** Writes the fields given; a field left undefined keeps its value. */
export const updateVolunteer = (
  db: Conn,
  organizationId: string,
  id: string,
  patch: Partial<Omit<VolunteerRecord, 'id' | 'createdBy' | 'createdAt'>> & { updatedAt: Date },
) =>
  db
    .updateTable('volunteer')
    .set({
      user_id: patch.userId,
      name: patch.name,
      phone: patch.phone,
      email: patch.email,
      address: patch.address,
      lat: patch.home?.lat,
      lon: patch.home?.lon,
      max_distance_km: patch.maxDistanceKm,
      areas: patch.areas && storedJson(patch.areas),
      languages: patch.languages && storedJson(patch.languages),
      skills: patch.skills && storedJson(patch.skills),
      availability: patch.availability && storedJson(patch.availability),
      notes: patch.notes,
      status: patch.status,
      updated_at: patch.updatedAt,
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

const volunteerColumns = (db: Conn) => db.selectFrom('volunteer').selectAll();

export const findVolunteer = async (db: Conn, organizationId: string, id: string) => {
  const row = await volunteerColumns(db)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toVolunteer(row);
};

export const findVolunteerForUpdate = async (db: Conn, organizationId: string, id: string) => {
  const row = await volunteerColumns(db)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toVolunteer(row);
};

export const findVolunteerByUser = async (db: Conn, organizationId: string, userId: string) => {
  const row = await volunteerColumns(db)
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && toVolunteer(row);
};

export async function listVolunteers(
  db: Conn,
  organizationId: string,
  filter: { status?: string | undefined; q?: string | undefined },
  after: { name: string; id: string } | undefined,
  limit: number,
) {
  let q = volunteerColumns(db).where('organization_id', '=', organizationId);
  if (filter.status) q = q.where('status', '=', filter.status as VolunteerTable['status']);
  if (filter.q) q = q.where('name', 'ilike', `%${filter.q.replaceAll(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (after)
    q = q.where((eb) =>
      eb.or([eb('name', '>', after.name), eb.and([eb('name', '=', after.name), eb('id', '>', after.id)])]),
    );
  return (await q.orderBy('name').orderBy('id').limit(limit).execute()).map(toVolunteer);
}

export const volunteersByStatus = async (
  db: Conn,
  organizationId: string,
  statuses: VolunteerTable['status'][],
) =>
  (
    await volunteerColumns(db)
      .where('organization_id', '=', organizationId)
      .where('status', 'in', statuses)
      .orderBy('name')
      .execute()
  ).map(toVolunteer);

export const insertStatusHistory = (db: Conn, row: VolunteerStatusHistoryTable) =>
  db.insertInto('volunteer_status_history').values(row).execute();

export const statusHistoryOf = async (db: Conn, organizationId: string, volunteerId: string) =>
  (
    await db
      .selectFrom('volunteer_status_history')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('volunteer_id', '=', volunteerId)
      .orderBy('at')
      .execute()
  ).map(toStatusChange);

export const insertScreening = (db: Conn, row: VolunteerScreeningTable) =>
  db.insertInto('volunteer_screening').values(row).execute();

export const latestScreening = async (db: Conn, organizationId: string, volunteerId: string) => {
  const row = await db
    .selectFrom('volunteer_screening as s')
    .innerJoin('app_user as u', 'u.id', 's.recorded_by')
    .selectAll('s')
    .select('u.name as recorded_by_name')
    .where('s.organization_id', '=', organizationId)
    .where('s.volunteer_id', '=', volunteerId)
    .orderBy('s.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toScreening(row);
};

export const insertTraining = (db: Conn, row: VolunteerTrainingTable) =>
  db.insertInto('volunteer_training').values(row).execute();

export const trainingOf = async (db: Conn, organizationId: string, volunteerId: string) =>
  (
    await db
      .selectFrom('volunteer_training as t')
      .innerJoin('app_user as u', 'u.id', 't.recorded_by')
      .selectAll('t')
      .select('u.name as recorded_by_name')
      .where('t.organization_id', '=', organizationId)
      .where('t.volunteer_id', '=', volunteerId)
      .orderBy('t.completed_on')
      .execute()
  ).map(toTraining);

export const insertNote = (db: Conn, row: VolunteerNoteTable) =>
  db.insertInto('volunteer_note').values(row).execute();

export const notesOf = async (db: Conn, organizationId: string, volunteerId: string) =>
  (
    await db
      .selectFrom('volunteer_note as n')
      .innerJoin('app_user as u', 'u.id', 'n.by_user_id')
      .selectAll('n')
      .select('u.name as by_name')
      .where('n.organization_id', '=', organizationId)
      .where('n.volunteer_id', '=', volunteerId)
      .orderBy('n.on_date', 'desc')
      .orderBy('n.at', 'desc')
      .execute()
  ).map(toNote);

export const insertRequest = (db: Conn, row: VolunteerRequestTable) =>
  db.insertInto('volunteer_request').values(row).execute();

export const updateRequest = (
  db: Conn,
  organizationId: string,
  id: string,
  patch: Updateable<VolunteerRequestTable>,
) =>
  db
    .updateTable('volunteer_request')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

const requestColumns = (db: Conn) =>
  db
    .selectFrom('volunteer_request as r')
    .innerJoin('patient as p', 'p.id', 'r.patient_id')
    .selectAll('r')
    .select([
      'p.first_name as patient_first_name',
      'p.address as patient_address',
      'p.lat as patient_lat',
      'p.lon as patient_lon',
    ])
    .select((eb) =>
      eb
        .fn<string>('concat', ['p.last_name', eb.cast(eb.val(' '), 'text'), 'p.first_name'])
        .as('patient_name'),
    );

export const findRequest = async (db: Conn, organizationId: string, id: string) => {
  const row = await requestColumns(db)
    .where('r.organization_id', '=', organizationId)
    .where('r.id', '=', id)
    .executeTakeFirst();
  return row && toFamilyRequest(row);
};

export const findRequestForUpdate = async (db: Conn, organizationId: string, id: string) => {
  const row = await db
    .selectFrom('volunteer_request')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toRequest(row);
};

export async function listRequests(
  db: Conn,
  organizationId: string,
  status: string | undefined,
  after: { at: Date; id: string } | undefined,
  limit: number,
) {
  let q = requestColumns(db).where('r.organization_id', '=', organizationId);
  if (status) q = q.where('r.status', '=', status as VolunteerRequestTable['status']);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('r.starts_at', '>', after.at),
        eb.and([eb('r.starts_at', '=', after.at), eb('r.id', '>', after.id)]),
      ]),
    );
  return (await q.orderBy('r.starts_at').orderBy('r.id').limit(limit).execute()).map(toFamilyRequest);
}

export const insertAssignment = (db: Conn, row: Insertable<VolunteerAssignmentTable>) =>
  db.insertInto('volunteer_assignment').values(row).execute();

export const updateAssignment = (
  db: Conn,
  organizationId: string,
  id: string,
  patch: Updateable<VolunteerAssignmentTable>,
) =>
  db
    .updateTable('volunteer_assignment')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

export const assignmentsOfRequests = async (
  db: Conn,
  organizationId: string,
  requestIds: string[],
): Promise<NamedAssignmentRecord[]> =>
  requestIds.length === 0
    ? []
    : (
        await db
          .selectFrom('volunteer_assignment as a')
          .innerJoin('volunteer as v', 'v.id', 'a.volunteer_id')
          .selectAll('a')
          .select('v.name as volunteer_name')
          .where('a.organization_id', '=', organizationId)
          .where('a.request_id', 'in', requestIds)
          .orderBy('a.offered_at')
          .execute()
      ).map((r) => ({ ...toAssignment(r), volunteerName: r.volunteer_name }));

const assignmentWithRequest = (db: Conn) =>
  db
    .selectFrom('volunteer_assignment as a')
    .innerJoin('volunteer_request as r', 'r.id', 'a.request_id')
    .innerJoin('patient as p', 'p.id', 'r.patient_id')
    .selectAll('a')
    .select([
      'r.kind',
      'r.starts_at',
      'r.duration_minutes',
      'r.what_to_bring',
      'r.patient_id',
      'p.first_name as family_first_name',
      'p.address as family_address',
    ]);

export const findAssignmentForUpdate = async (db: Conn, organizationId: string, id: string) => {
  const row = await db
    .selectFrom('volunteer_assignment')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toAssignment(row);
};

export const findAssignmentOfVolunteer = async (
  db: Conn,
  organizationId: string,
  volunteerId: string,
  id: string,
) => {
  const row = await assignmentWithRequest(db)
    .where('a.organization_id', '=', organizationId)
    .where('a.volunteer_id', '=', volunteerId)
    .where('a.id', '=', id)
    .executeTakeFirst();
  return row && toJob(row);
};

export const assignmentsOfVolunteer = async (
  db: Conn,
  organizationId: string,
  volunteerId: string,
  limit: number,
) =>
  (
    await assignmentWithRequest(db)
      .where('a.organization_id', '=', organizationId)
      .where('a.volunteer_id', '=', volunteerId)
      .where('a.status', 'in', ['offered', 'accepted', 'completed'])
      .orderBy('r.starts_at', 'desc')
      .limit(limit)
      .execute()
  ).map(toJob);

/** Volunteers holding an offered or accepted assignment that overlaps [from, to). */
export const busyVolunteerIds = async (db: Conn, organizationId: string, from: Date, to: Date) =>
  (
    await db
      .selectFrom('volunteer_assignment as a')
      .innerJoin('volunteer_request as r', 'r.id', 'a.request_id')
      .select('a.volunteer_id')
      .where('a.organization_id', '=', organizationId)
      .where('a.status', 'in', ['offered', 'accepted'])
      .where('r.starts_at', '<', to)
      .where(sql<boolean>`r.starts_at + make_interval(mins => r.duration_minutes) > ${from}`)
      .execute()
  ).map((r) => r.volunteer_id);

export const insertHours = (db: Conn, row: VolunteerHoursTable) =>
  db.insertInto('volunteer_hours').values(row).execute();

export const updateHours = (
  db: Conn,
  organizationId: string,
  id: string,
  patch: Updateable<VolunteerHoursTable>,
) =>
  db
    .updateTable('volunteer_hours')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();

export const findHoursForUpdate = async (db: Conn, organizationId: string, id: string) => {
  const row = await db
    .selectFrom('volunteer_hours')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toHours(row);
};

export const hoursOfAssignments = async (
  db: Conn,
  organizationId: string,
  assignmentIds: string[],
): Promise<VolunteerHoursRecord[]> =>
  assignmentIds.length === 0
    ? []
    : (
        await db
          .selectFrom('volunteer_hours')
          .selectAll()
          .where('organization_id', '=', organizationId)
          .where('assignment_id', 'in', assignmentIds)
          .orderBy('on_date')
          .execute()
      ).map(toHours);

const hoursColumns = (db: Conn) =>
  db
    .selectFrom('volunteer_hours as h')
    .innerJoin('volunteer as v', 'v.id', 'h.volunteer_id')
    .innerJoin('volunteer_assignment as a', 'a.id', 'h.assignment_id')
    .innerJoin('volunteer_request as r', 'r.id', 'a.request_id')
    .leftJoin('app_user as d', 'd.id', 'h.decided_by')
    .selectAll('h')
    .select(['v.name as volunteer_name', 'r.kind', 'r.id as request_id', 'd.name as decided_by_name']);

export const findHoursEntry = async (db: Conn, organizationId: string, id: string) => {
  const row = await hoursColumns(db)
    .where('h.organization_id', '=', organizationId)
    .where('h.id', '=', id)
    .executeTakeFirst();
  return row && toHoursEntry(row);
};

export async function listHours(
  db: Conn,
  organizationId: string,
  status: string | undefined,
  after: { at: Date; id: string } | undefined,
  limit: number,
) {
  let q = hoursColumns(db).where('h.organization_id', '=', organizationId);
  if (status) q = q.where('h.status', '=', status as VolunteerHoursTable['status']);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('h.logged_at', '>', after.at),
        eb.and([eb('h.logged_at', '=', after.at), eb('h.id', '>', after.id)]),
      ]),
    );
  return (await q.orderBy('h.logged_at').orderBy('h.id').limit(limit).execute()).map(toHoursEntry);
}

/** Hours entries dated within [from, to] (calendar dates), for the monthly report. */
export const hoursBetween = async (db: Conn, organizationId: string, from: string, to: string) =>
  (
    await hoursColumns(db)
      .where('h.organization_id', '=', organizationId)
      .where('h.on_date', '>=', from)
      .where('h.on_date', '<=', to)
      .execute()
  ).map(toHoursEntry);

export const findPaidCareHours = async (db: Conn, organizationId: string, month: string) => {
  const row = await db
    .selectFrom('paid_care_hours')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('month', '=', month)
    .executeTakeFirst();
  return row && toPaidCareHours(row);
};

export const upsertPaidCareHours = (
  db: Conn,
  row: { organization_id: string; month: string; hours: number; entered_by: string; entered_at: Date },
) =>
  db
    .insertInto('paid_care_hours')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['organization_id', 'month']).doUpdateSet({
        hours: row.hours,
        entered_by: row.entered_by,
        entered_at: row.entered_at,
      }),
    )
    .execute();

export const deletePaidCareHours = (db: Conn, organizationId: string, month: string) =>
  db
    .deleteFrom('paid_care_hours')
    .where('organization_id', '=', organizationId)
    .where('month', '=', month)
    .execute();

/**
 * Paid staff's patient-care minutes from the visits record: completed visits dated within
 * [from, to] by a staff member. The checked-in to completed time where both are known, the
 * planned duration otherwise.
 */
export const completedVisitMinutes = async (db: Conn, organizationId: string, from: string, to: string) => {
  const row = await db
    .selectFrom('visit')
    .select([
      sql<number>`coalesce(sum(case when checked_in_at is not null and completed_at is not null and completed_at > checked_in_at
        then extract(epoch from (completed_at - checked_in_at)) / 60.0 else duration_min end), 0)`.as(
        'minutes',
      ),
      sql<number>`count(*)`.as('visits'),
    ])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'completed')
    .where('staff_id', 'is not', null)
    .where('visit_date', '>=', from)
    .where('visit_date', '<=', to)
    .executeTakeFirstOrThrow();
  return { minutes: Number(row.minutes), visits: Number(row.visits) };
};

/** A volunteer's hours on one day that still count (not rejected), with their request's times. */
export const countingHoursOnDay = async (
  db: Conn,
  organizationId: string,
  volunteerId: string,
  onDate: string,
): Promise<CountingHoursRecord[]> =>
  (
    await db
      .selectFrom('volunteer_hours as h')
      .innerJoin('volunteer_assignment as a', 'a.id', 'h.assignment_id')
      .innerJoin('volunteer_request as r', 'r.id', 'a.request_id')
      .select(['h.assignment_id', 'h.minutes', 'r.starts_at', 'r.duration_minutes'])
      .where('h.organization_id', '=', organizationId)
      .where('h.volunteer_id', '=', volunteerId)
      .where('h.on_date', '=', onDate)
      .where('h.status', '!=', 'rejected')
      .execute()
  ).map((r) => ({
    assignmentId: r.assignment_id,
    minutes: r.minutes,
    startsAt: r.starts_at,
    durationMinutes: r.duration_minutes,
  }));
