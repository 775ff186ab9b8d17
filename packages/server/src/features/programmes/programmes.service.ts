import { randomUUID } from 'node:crypto';
import {
  ageInYears,
  assertAssignable,
  assertPlausibleDateOfBirth,
  type CampApplication,
  type Certificate,
  type ClownVisit,
  type campApplicationBodySchema,
  can,
  type careNoteBodySchema,
  certificateNumber,
  clownPhaseFreshDays,
  type clownVisitBodySchema,
  clownVisitDecision,
  type clownVisitStatusBodySchema,
  conflict,
  type consentBodySchema,
  courseCompleted,
  DomainError,
  type Enrolment,
  type enrolmentBodySchema,
  forbidden,
  isChild,
  missingConsents,
  notFound,
  type PhaseOfIllness,
  type ProgrammeDetail,
  type ProgrammeSession,
  type participantBodySchema,
  phaseForClownVisit,
  placeApplication,
  type programmeBodySchema,
  promoteFromWaitlist,
  type rosterBodySchema,
  type sessionBodySchema,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { pageOfRows, timeCursorAfter, timeCursorOf } from '../../http/pagination.ts';
import { loadPatientFor } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { findOrganization } from '../../platform/settings/settings.repository.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { findUserById } from '../auth/auth.repository.ts';
import { listCurrent as currentPrescriptions } from '../medicines/medicines.repository.ts';
import { findVolunteer } from '../volunteers/volunteers.repository.ts';
import * as repo from './programmes.repository.ts';

const audience = ['volunteer_coordinator', 'admin'] as const;
const publish = (deps: AppDeps, organizationId: string, entityId: string) =>
  deps.events.publish({ organizationId, type: 'programmes.updated', entityId, roles: audience });

function need(ctx: RequestContext, action: 'programme:read' | 'programme:manage') {
  if (!can(ctx.actor, action)) throw forbidden();
}

const today = async (deps: AppDeps, db: Conn, orgId: string) => {
  const { timeZone } = await loadSettings(db, orgId);
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(deps.clock());
};

// ---- programmes and sessions ----

export async function createProgramme(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.output<typeof programmeBodySchema>,
) {
  need(ctx, 'programme:manage');
  const orgId = ctx.actor.organizationId;
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertProgramme(trx, {
      id,
      organization_id: orgId,
      kind: body.kind,
      name: body.name,
      description: body.description ?? null,
      max_age_years: body.maxAgeYears ?? (body.kind === 'friends_club' ? 24 : null),
      created_by: ctx.actor.userId,
      created_at: deps.clock(),
    });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'programme.create',
      entityType: 'programme',
      entityId: id,
    });
  });
  await publish(deps, orgId, id);
  return getProgramme(deps, ctx, id);
}

export async function listProgrammes(
  deps: AppDeps,
  ctx: RequestContext,
  query: { kind?: string | undefined; cursor?: string | undefined; limit: number },
) {
  need(ctx, 'programme:read');
  const orgId = ctx.actor.organizationId;
  const rows = await repo.listProgrammes(
    deps.db,
    orgId,
    query.kind,
    timeCursorAfter(query.cursor),
    query.limit + 1,
  );
  const { page, nextCursor } = pageOfRows(rows, query.limit, (l) => timeCursorOf(l.created_at, l.id));
  return {
    items: page.map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      description: p.description,
      maxAgeYears: p.max_age_years,
      sessionCount: Number(p.session_count ?? 0),
      createdAt: p.created_at.toISOString(),
    })),
    nextCursor,
  };
}

async function assembleSessions(db: Conn, orgId: string, programmeId: string): Promise<ProgrammeSession[]> {
  const sessions = await repo.sessionsOf(db, orgId, programmeId);
  const ids = sessions.map((s) => s.id);
  const [roster, participants, applications, enrolments] = await Promise.all([
    repo.rosterOf(db, orgId, ids),
    repo.participantsOf(db, orgId, ids),
    repo.applicationsOf(db, orgId, ids),
    repo.enrolmentsOf(db, orgId, programmeId),
  ]);
  return sessions.map((s) => {
    const apps = applications.filter((a) => a.session_id === s.id);
    const accepted = apps.filter((a) => a.status === 'accepted');
    const own = participants.filter((p) => p.session_id === s.id);
    return {
      id: s.id,
      programmeId: s.programme_id,
      title: s.title,
      startsAt: s.starts_at.toISOString(),
      endsAt: s.ends_at.toISOString(),
      place: s.place,
      capacity: s.capacity,
      familyCapacity: s.family_capacity,
      taken: own.length + accepted.length + enrolments.length,
      familyTaken: accepted.reduce((n, a) => n + a.family_members, 0),
      waiting: apps.filter((a) => a.status === 'waitlisted').length,
      roster: roster
        .filter((r) => r.session_id === s.id)
        .map((r) => ({
          id: r.id,
          userId: r.user_id,
          volunteerId: r.volunteer_id,
          name: r.user_name ?? r.volunteer_name ?? '',
          role: r.role,
        })),
      participants: own.map((p) => ({ id: p.id, name: p.name, patientId: p.patient_id })),
    };
  });
}

export async function getProgramme(deps: AppDeps, ctx: RequestContext, id: string): Promise<ProgrammeDetail> {
  need(ctx, 'programme:read');
  const orgId = ctx.actor.organizationId;
  return deps.db.transaction().execute(async (trx) => {
    const p = await repo.findProgramme(trx, orgId, id);
    if (!p) throw notFound('The programme');
    const sessions = await assembleSessions(trx, orgId, id);
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'programme.read',
      entityType: 'programme',
      entityId: id,
    });
    return {
      id: p.id,
      kind: p.kind,
      name: p.name,
      description: p.description,
      maxAgeYears: p.max_age_years,
      sessionCount: sessions.length,
      createdAt: p.created_at.toISOString(),
      sessions,
    };
  });
}

export async function addSession(
  deps: AppDeps,
  ctx: RequestContext,
  programmeId: string,
  body: z.output<typeof sessionBodySchema>,
) {
  need(ctx, 'programme:manage');
  const orgId = ctx.actor.organizationId;
  await deps.db.transaction().execute(async (trx) => {
    const p = await repo.findProgramme(trx, orgId, programmeId);
    if (!p) throw notFound('The programme');
    const id = randomUUID();
    await repo.insertSession(trx, {
      id,
      organization_id: orgId,
      programme_id: programmeId,
      title: body.title,
      starts_at: new Date(body.startsAt),
      ends_at: new Date(body.endsAt),
      place: body.place,
      capacity: body.capacity,
      family_capacity: p.kind === 'summer_camp' ? (body.familyCapacity ?? 0) : null,
      created_at: deps.clock(),
    });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'programme.add-session',
      entityType: 'programme_session',
      entityId: id,
    });
  });
  await publish(deps, orgId, programmeId);
  return getProgramme(deps, ctx, programmeId);
}

async function lockedSession(trx: Conn, orgId: string, sessionId: string) {
  const s = await repo.findSessionForUpdate(trx, orgId, sessionId);
  if (!s) throw notFound('The session');
  return s;
}

type SessionRow = Awaited<ReturnType<typeof lockedSession>>;

/**
 * One write to a session (its roster or participants): the session is locked against a
 * concurrent write filling the last place, the write and its audit entry share a transaction,
 * and the programme is returned as it now stands.
 */
async function writeToSession(
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string,
  write: (
    trx: Conn,
    s: SessionRow,
    orgId: string,
  ) => Promise<{ action: string; entityType: string; entityId: string; patientId?: string | null }>,
) {
  need(ctx, 'programme:manage');
  const orgId = ctx.actor.organizationId;
  const programmeId = await deps.db.transaction().execute(async (trx) => {
    const s = await lockedSession(trx, orgId, sessionId);
    await recordAudit(trx, deps, ctx, orgId, await write(trx, s, orgId));
    return s.programme_id;
  });
  await publish(deps, orgId, programmeId);
  return getProgramme(deps, ctx, programmeId);
}

/** Staff or an active volunteer on a session's roster; an unscreened or untrained volunteer is refused. */
export const addToRoster = (
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string,
  body: z.output<typeof rosterBodySchema>,
) =>
  writeToSession(deps, ctx, sessionId, async (trx, _s, orgId) => {
    const current = await repo.rosterOf(trx, orgId, [sessionId]);
    if (body.volunteerId) {
      const v = await findVolunteer(trx, orgId, body.volunteerId);
      if (!v) throw notFound('The volunteer');
      assertAssignable(v.status, 'join a roster');
      if (current.some((r) => r.volunteer_id === body.volunteerId)) throw conflict('Already on the roster.');
    }
    if (body.userId) {
      const u = await findUserById(trx, orgId, body.userId);
      if (u?.status !== 'active' || u.role === 'family' || u.role === 'volunteer')
        throw notFound('The staff member');
      if (current.some((r) => r.user_id === body.userId)) throw conflict('Already on the roster.');
    }
    const id = randomUUID();
    await repo.insertRoster(trx, {
      id,
      organization_id: orgId,
      session_id: sessionId,
      user_id: body.userId ?? null,
      volunteer_id: body.volunteerId ?? null,
      role: body.role,
      added_by: ctx.actor.userId,
      added_at: deps.clock(),
      removed_at: null,
    });
    return { action: 'programme.roster-add', entityType: 'session_roster', entityId: id };
  });

export const removeFromRoster = (deps: AppDeps, ctx: RequestContext, sessionId: string, entryId: string) =>
  writeToSession(deps, ctx, sessionId, async (trx, _s, orgId) => {
    const res = await repo.removeRoster(trx, orgId, sessionId, entryId, deps.clock());
    if (Number(res.numUpdatedRows) === 0) throw notFound('The roster entry');
    return { action: 'programme.roster-remove', entityType: 'session_roster', entityId: entryId };
  });

/**
 * A member at a club session (or any non-camp session); a full session refuses the next one, and
 * an age-limited programme (the friends' club: up to 24) checks the age from the record's date
 * of birth, or a typed one for someone not under care.
 */
export async function addParticipant(
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string,
  body: z.output<typeof participantBodySchema>,
) {
  need(ctx, 'programme:manage');
  const patient = body.patientId
    ? await loadPatientFor(deps, ctx, 'patient:read', body.patientId)
    : undefined;
  return writeToSession(deps, ctx, sessionId, async (trx, s, orgId) => {
    if (s.kind === 'summer_camp')
      throw conflict('Camp places go through applications (with the waiting list).');
    if (s.kind === 'training_course') throw conflict('Learners enrol on the course, not on one session.');
    if (s.max_age_years !== null) {
      // the record's date of birth wins over a typed one; without either the limit cannot be checked
      const born = patient?.date_of_birth ?? body.dateOfBirth;
      if (!born)
        throw new DomainError(
          'VALIDATION',
          `Give the date of birth: this programme is for people up to ${s.max_age_years}.`,
          { fields: [{ field: 'body.dateOfBirth', message: 'required for an age-limited programme' }] },
        );
      const day = await today(deps, trx, orgId);
      if (!patient) assertPlausibleDateOfBirth(born, day, 'body.dateOfBirth');
      const age = ageInYears(born, day);
      if (age > s.max_age_years)
        throw conflict(`This programme is for people up to ${s.max_age_years} years old.`, { age });
    }
    const members = await repo.participantsOf(trx, orgId, [sessionId]);
    if (body.patientId && members.some((m) => m.patient_id === body.patientId))
      throw conflict('Already taking part in this session.');
    if (members.length >= s.capacity)
      throw conflict(`The session is full (${s.capacity} places).`, { capacity: s.capacity });
    const id = randomUUID();
    await repo.insertParticipant(trx, {
      id,
      organization_id: orgId,
      session_id: sessionId,
      patient_id: body.patientId ?? null,
      name: body.name,
      added_by: ctx.actor.userId,
      added_at: deps.clock(),
    });
    return {
      action: 'programme.participant-add',
      entityType: 'session_participant',
      entityId: id,
      patientId: body.patientId ?? null,
    };
  });
}

// ---- summer camp ----

type AppRow = Awaited<ReturnType<typeof repo.applicationsOf>>[number];

/**
 * Every read of a camp application goes through here, so the prescriptions (from the record and in
 * the care note) reach only readers with `camp:read-medicines`; the other staff see the child's
 * needs (diet, mobility, equipment, who may give care) and that medicines are kept from them.
 */
async function assembleApplications(
  db: Conn,
  ctx: RequestContext,
  orgId: string,
  apps: AppRow[],
  now: Date,
): Promise<CampApplication[]> {
  const showMedicines = can(ctx.actor, 'camp:read-medicines');
  const ids = apps.map((a) => a.id);
  const [notes, consents] = await Promise.all([
    repo.latestCareNotes(db, orgId, ids),
    repo.consentsOf(db, orgId, ids),
  ]);
  const medicines = new Map<string, string[]>();
  for (const patientId of showMedicines ? new Set(apps.map((a) => a.patient_id)) : []) {
    const rows = await currentPrescriptions(db, orgId, patientId);
    medicines.set(
      patientId,
      rows
        .filter((r) => r.ends_at === null || r.ends_at > now)
        .map((r) =>
          [
            r.name,
            r.strength,
            `${r.dose_amount} ${r.dose_unit}`,
            r.route,
            r.kind === 'prn' ? 'PRN' : r.times_of_day.join(', '),
          ]
            .filter(Boolean)
            .join(' · '),
        ),
    );
  }
  // apps come in order of application, so the waiting list's order is theirs
  const waitingOrder = new Map(
    apps.filter((x) => x.status === 'waitlisted').map((a, i) => [a.id, i + 1] as const),
  );
  return apps.map((a) => {
    const own = notes.filter((n) => n.application_id === a.id);
    const latest = own[own.length - 1];
    // a form signed again replaces the earlier signature (rows come oldest first)
    const signed = [
      ...new Map(consents.filter((c) => c.application_id === a.id).map((c) => [c.kind, c])).values(),
    ];
    return {
      id: a.id,
      sessionId: a.session_id,
      patientId: a.patient_id,
      childName: a.child_name,
      familyMembers: a.family_members,
      status: a.status,
      waitlistPosition: waitingOrder.get(a.id) ?? null,
      appliedAt: a.applied_at.toISOString(),
      notes: a.notes,
      careNote: latest
        ? {
            medicines: showMedicines ? latest.medicines : null,
            equipment: latest.equipment,
            diet: latest.diet,
            mobility: latest.mobility,
            whoMayGive: latest.who_may_give,
            notes: latest.notes,
            recordedAt: latest.recorded_at.toISOString(),
            recordedByName: latest.recorded_by_name,
            version: own.length,
          }
        : null,
      consents: signed.map((c) => ({
        kind: c.kind as CampApplication['consents'][number]['kind'],
        signedBy: c.signed_by,
        signedOn: c.signed_on,
      })),
      missingConsents: missingConsents(signed.map((c) => c.kind)),
      recordMedicines: showMedicines ? (medicines.get(a.patient_id) ?? []) : null,
    };
  });
}

/** Applications of one shift: accepted first, then the waiting list in order; audited per child. */
export async function listApplications(deps: AppDeps, ctx: RequestContext, sessionId: string) {
  // the camp's nurse reads the applications to prepare the medicines; only the programme staff change them
  if (!can(ctx.actor, 'programme:manage') && !can(ctx.actor, 'camp:read-medicines')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  return deps.db.transaction().execute(async (trx) => {
    const apps = await repo.applicationsOf(trx, orgId, [sessionId]);
    for (const a of apps)
      await recordAudit(trx, deps, ctx, orgId, {
        action: 'camp.read-application',
        entityType: 'camp_application',
        entityId: a.id,
        patientId: a.patient_id,
      });
    const all = await assembleApplications(trx, ctx, orgId, apps, deps.clock());
    const rank = { accepted: 0, waitlisted: 1, withdrawn: 2 } as const;
    return all.sort((a, b) => rank[a.status] - rank[b.status]);
  });
}

async function getApplication(deps: AppDeps, ctx: RequestContext, id: string) {
  const orgId = ctx.actor.organizationId;
  return deps.db.transaction().execute(async (trx) => {
    const a = await repo.findApplication(trx, orgId, id);
    if (!a) throw notFound('The application');
    const apps = await repo.applicationsOf(trx, orgId, [a.session_id]);
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'camp.read-application',
      entityType: 'camp_application',
      entityId: id,
      patientId: a.patient_id,
    });
    return (await assembleApplications(trx, ctx, orgId, apps, deps.clock())).find((x) => x.id === id)!;
  });
}

const loadOf = (s: { capacity: number; family_capacity: number | null }, apps: AppRow[]) => {
  const accepted = apps.filter((a) => a.status === 'accepted');
  return {
    capacity: s.capacity,
    familyCapacity: s.family_capacity,
    children: accepted.length,
    familyMembers: accepted.reduce((n, a) => n + a.family_members, 0),
  };
};

/**
 * A child's application to a camp shift: a place while there is room for the child and their
 * family members, otherwise the waiting list.
 */
export async function applyToCamp(
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string,
  body: z.output<typeof campApplicationBodySchema>,
) {
  need(ctx, 'programme:manage');
  const orgId = ctx.actor.organizationId;
  const patient = await loadPatientFor(deps, ctx, 'patient:read', body.patientId);
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    const s = await lockedSession(trx, orgId, sessionId);
    if (s.kind !== 'summer_camp') throw conflict('Applications are for summer camp shifts.');
    if (!isChild(patient.date_of_birth, await today(deps, trx, orgId)))
      throw conflict('The summer camp is for children under care.');
    const apps = await repo.applicationsOf(trx, orgId, [sessionId]);
    if (apps.some((a) => a.patient_id === body.patientId && a.status !== 'withdrawn'))
      throw conflict('This child has already applied to this shift.');
    const status = placeApplication(
      loadOf(s, apps),
      body.familyMembers,
      apps.some((a) => a.status === 'waitlisted'),
    );
    const now = deps.clock();
    await repo.insertApplication(trx, {
      id,
      organization_id: orgId,
      session_id: sessionId,
      patient_id: body.patientId,
      family_members: body.familyMembers,
      queue_no: apps.reduce((n, a) => Math.max(n, a.queue_no), 0) + 1,
      status,
      notes: body.notes ?? null,
      applied_by: ctx.actor.userId,
      applied_at: now,
      updated_at: now,
    });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'camp.apply',
      entityType: 'camp_application',
      entityId: id,
      patientId: body.patientId,
    });
  });
  await publish(deps, orgId, sessionId);
  return getApplication(deps, ctx, id);
}

/** A family withdraws; the freed place goes to the waiting list in order. */
export async function withdrawApplication(deps: AppDeps, ctx: RequestContext, id: string) {
  need(ctx, 'programme:manage');
  const orgId = ctx.actor.organizationId;
  const sessionId = await deps.db.transaction().execute(async (trx) => {
    const a = await repo.findApplication(trx, orgId, id);
    if (!a) throw notFound('The application');
    const s = await lockedSession(trx, orgId, a.session_id);
    if (a.status === 'withdrawn') throw conflict('This application is already withdrawn.');
    const now = deps.clock();
    await repo.updateApplication(trx, orgId, id, { status: 'withdrawn', updated_at: now });
    const apps = await repo.applicationsOf(trx, orgId, [a.session_id]);
    const promoted = promoteFromWaitlist(
      loadOf(s, apps),
      apps.filter((x) => x.status === 'waitlisted').map((x) => ({ ...x, familyMembers: x.family_members })),
    );
    for (const p of promoted)
      await repo.updateApplication(trx, orgId, p.id, { status: 'accepted', updated_at: now });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'camp.withdraw',
      entityType: 'camp_application',
      entityId: id,
      patientId: a.patient_id,
    });
    for (const p of promoted)
      await recordAudit(trx, deps, ctx, orgId, {
        action: 'camp.promote',
        entityType: 'camp_application',
        entityId: p.id,
        patientId: p.patient_id,
      });
    return a.session_id;
  });
  await publish(deps, orgId, sessionId);
  return getApplication(deps, ctx, id);
}

/**
 * One write to a camp application (a care-note version, a signed form): the application must
 * exist; the write and its audit entry share a transaction.
 */
async function writeToApplication(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  action: string,
  write: (trx: Conn, orgId: string) => Promise<unknown>,
  allowed = can(ctx.actor, 'programme:manage'),
) {
  if (!allowed) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const sessionId = await deps.db.transaction().execute(async (trx) => {
    const a = await repo.findApplication(trx, orgId, id);
    if (!a) throw notFound('The application');
    await write(trx, orgId);
    await recordAudit(trx, deps, ctx, orgId, {
      action,
      entityType: 'camp_application',
      entityId: id,
      patientId: a.patient_id,
    });
    return a.session_id;
  });
  await publish(deps, orgId, sessionId);
  return getApplication(deps, ctx, id);
}

/**
 * Per-child care notes for camp staff; each save is a new version. The medicines line is written
 * by a nurse or physician (`camp:read-medicines`); a save by the programme staff, who do not see
 * it, keeps the medicines of the version before.
 */
export function recordCareNote(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof careNoteBodySchema>,
) {
  const clinical = can(ctx.actor, 'camp:read-medicines');
  if (body.medicines !== undefined && !clinical)
    throw forbidden('Only a nurse or physician writes the medicines for camp.');
  return writeToApplication(
    deps,
    ctx,
    id,
    'camp.care-note',
    async (trx, orgId) => {
      const earlier = (await repo.latestCareNotes(trx, orgId, [id])).at(-1);
      await repo.insertCareNote(trx, {
        id: randomUUID(),
        organization_id: orgId,
        application_id: id,
        medicines: clinical ? (body.medicines ?? null) : (earlier?.medicines ?? null),
        equipment: body.equipment ?? null,
        diet: body.diet ?? null,
        mobility: body.mobility ?? null,
        who_may_give: body.whoMayGive ?? null,
        notes: body.notes ?? null,
        recorded_by: ctx.actor.userId,
        recorded_at: deps.clock(),
      });
    },
    clinical || can(ctx.actor, 'programme:manage'),
  );
}

/** A signed consent form; a form signed again replaces the earlier signature in the list. */
export const recordConsent = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof consentBodySchema>,
) =>
  writeToApplication(deps, ctx, id, 'camp.consent', (trx, orgId) =>
    repo.insertConsent(trx, {
      id: randomUUID(),
      organization_id: orgId,
      application_id: id,
      kind: body.kind,
      signed_by: body.signedBy,
      signed_on: body.signedOn,
      recorded_by: ctx.actor.userId,
      recorded_at: deps.clock(),
    }),
  );

// ---- clown doctors ----

type ClownRow = NonNullable<Awaited<ReturnType<typeof repo.findClownVisit>>>;
const toClown = (c: ClownRow): ClownVisit => ({
  id: c.id,
  patientId: c.patient_id,
  childFirstName: c.child_first_name,
  scheduledAt: c.scheduled_at.toISOString(),
  familyWish: c.family_wish,
  phase: c.phase as PhaseOfIllness,
  phaseSource: c.phase_source as ClownVisit['phaseSource'],
  status: c.status,
  notes: c.notes,
  outcome: c.outcome,
  closedAt: c.closed_at?.toISOString() ?? null,
});

const clownRefusal = {
  family_declined: 'The family declined clown-doctor visits.',
  terminal_phase:
    'No clown-doctor visit in the terminal phase unless the family asks for it. Record that the family asked, if they did.',
  bereaved: 'The child has died; no clown-doctor visit.',
  phase_unknown: `No phase of illness recorded in the last ${clownPhaseFreshDays} days. Ask the child's nurse or physician to record the phase first.`,
} as const;

/**
 * Schedules a clown-doctor visit to a child under care. The phase of illness is the latest
 * phase-of-illness assessment, if a clinician recorded it recently; without one the visit is
 * refused (the domain's `clownVisitDecision` explains why an unknown phase is never "stable").
 */
export async function scheduleClownVisit(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.output<typeof clownVisitBodySchema>,
) {
  need(ctx, 'programme:manage');
  const orgId = ctx.actor.organizationId;
  const patient = await loadPatientFor(deps, ctx, 'patient:read', body.patientId);
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    if (!isChild(patient.date_of_birth, await today(deps, trx, orgId)))
      throw conflict('Clown doctors visit children under care.');
    if (patient.status === 'deceased') throw conflict(clownRefusal.bereaved, { reason: 'bereaved' });
    const recorded = await repo.latestPhase(trx, orgId, body.patientId);
    const phase = phaseForClownVisit(
      recorded && {
        phase: (recorded.answers as { phase?: PhaseOfIllness }).phase,
        takenAt: recorded.taken_at,
      },
      deps.clock(),
    );
    const decision = clownVisitDecision(phase, body.familyWish);
    if (!decision.allowed) throw conflict(clownRefusal[decision.reason], { reason: decision.reason });
    if (!phase) throw new Error('an allowed clown visit always has a phase');
    await repo.insertClownVisit(trx, {
      id,
      organization_id: orgId,
      patient_id: body.patientId,
      scheduled_at: new Date(body.scheduledAt),
      family_wish: body.familyWish,
      phase,
      phase_source: 'assessment',
      status: 'scheduled',
      notes: body.notes ?? null,
      created_by: ctx.actor.userId,
      created_at: deps.clock(),
    });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'clown-visit.schedule',
      entityType: 'clown_visit',
      entityId: id,
      patientId: body.patientId,
    });
  });
  await publish(deps, orgId, id);
  const row = await repo.findClownVisit(deps.db, orgId, id);
  return toClown(row!);
}

export async function listClownVisits(deps: AppDeps, ctx: RequestContext, limit: number) {
  need(ctx, 'programme:read');
  const orgId = ctx.actor.organizationId;
  return deps.db.transaction().execute(async (trx) => {
    const rows = await repo.listClownVisits(
      trx,
      orgId,
      new Date(deps.clock().getTime() - 30 * 86_400_000),
      limit,
    );
    await recordAudit(trx, deps, ctx, orgId, { action: 'clown-visit.list', entityType: 'clown_visit' });
    return rows.map(toClown);
  });
}

/** Closes a scheduled visit as done (how it went) or cancelled (why), once. */
export async function closeClownVisit(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof clownVisitStatusBodySchema>,
) {
  need(ctx, 'programme:manage');
  const orgId = ctx.actor.organizationId;
  const visit = await deps.db.transaction().execute(async (trx) => {
    const row = await repo.findClownVisit(trx, orgId, id);
    if (!row) throw notFound('The visit');
    if (row.status !== 'scheduled') throw conflict('This visit is already closed.');
    const now = deps.clock();
    if (body.status === 'done' && row.scheduled_at > now)
      throw conflict('A visit can be recorded as done once its time has come.');
    const patch = { status: body.status, outcome: body.outcome, closed_at: now, closed_by: ctx.actor.userId };
    await repo.updateClownVisit(trx, orgId, id, patch);
    await recordAudit(trx, deps, ctx, orgId, {
      action: `clown-visit.${body.status}`,
      entityType: 'clown_visit',
      entityId: id,
      patientId: row.patient_id,
    });
    return toClown({ ...row, ...patch });
  });
  await publish(deps, orgId, id);
  return visit;
}

// ---- training centre ----

type EnrolmentRow = Awaited<ReturnType<typeof repo.enrolmentsOf>>[number];
const toEnrolment = (e: EnrolmentRow, attended: string[]): Enrolment => ({
  id: e.id,
  programmeId: e.programme_id,
  userId: e.user_id,
  name: e.learner_name,
  email: e.learner_email,
  organization: e.learner_organization,
  external: e.user_id === null,
  enrolledAt: e.enrolled_at.toISOString(),
  attended,
  completedOn: e.completed_on,
  certificateNumber: e.certificate_number,
});

export async function listEnrolments(deps: AppDeps, ctx: RequestContext, programmeId: string) {
  need(ctx, 'programme:read');
  const orgId = ctx.actor.organizationId;
  const rows = await repo.enrolmentsOf(deps.db, orgId, programmeId);
  const attendance = await repo.attendanceOf(
    deps.db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    toEnrolment(
      r,
      attendance.filter((a) => a.enrolment_id === r.id && a.present).map((a) => a.session_id),
    ),
  );
}

/** Staff (by account) or external learners (by name) enrol; the smallest session sets the limit. */
export async function enrol(
  deps: AppDeps,
  ctx: RequestContext,
  programmeId: string,
  body: z.output<typeof enrolmentBodySchema>,
) {
  need(ctx, 'programme:manage');
  const orgId = ctx.actor.organizationId;
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    const p = await repo.findProgramme(trx, orgId, programmeId);
    if (!p) throw notFound('The course');
    if (p.kind !== 'training_course') throw conflict('Enrolment is for training-centre courses.');
    await repo.lockCertificates(trx, orgId);
    const [sessions, enrolled] = await Promise.all([
      repo.sessionsOf(trx, orgId, programmeId),
      repo.enrolmentsOf(trx, orgId, programmeId),
    ]);
    const capacity = sessions.length ? Math.min(...sessions.map((s) => s.capacity)) : null;
    if (capacity !== null && enrolled.length >= capacity)
      throw conflict(`The course is full (${capacity} places).`, { capacity });
    let name = body.name;
    let email = body.email ?? null;
    if (body.userId) {
      const u = await findUserById(trx, orgId, body.userId);
      if (!u || u.role === 'family' || u.role === 'volunteer') throw notFound('The staff member');
      if (enrolled.some((e) => e.user_id === body.userId)) throw conflict('Already enrolled.');
      name = u.name;
      email = u.email;
    }
    await repo.insertEnrolment(trx, {
      id,
      organization_id: orgId,
      programme_id: programmeId,
      user_id: body.userId ?? null,
      learner_name: name!,
      learner_email: email,
      learner_organization: body.organization ?? null,
      enrolled_by: ctx.actor.userId,
      enrolled_at: deps.clock(),
      completed_on: null,
      certificate_number: null,
    });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'course.enrol',
      entityType: 'course_enrolment',
      entityId: id,
    });
  });
  await publish(deps, orgId, programmeId);
  return (await listEnrolments(deps, ctx, programmeId)).find((e) => e.id === id)!;
}

/**
 * Marks attendance at one session. When the learner has attended every session of the course,
 * the course is complete and a certificate number is issued (once; later corrections keep it).
 */
export async function markAttendance(
  deps: AppDeps,
  ctx: RequestContext,
  enrolmentId: string,
  body: { sessionId: string; present: boolean },
) {
  need(ctx, 'programme:manage');
  const orgId = ctx.actor.organizationId;
  const programmeId = await deps.db.transaction().execute(async (trx) => {
    await repo.lockCertificates(trx, orgId);
    const e = await repo.findEnrolmentForUpdate(trx, orgId, enrolmentId);
    if (!e) throw notFound('The enrolment');
    const sessions = await repo.sessionsOf(trx, orgId, e.programme_id);
    const session = sessions.find((s) => s.id === body.sessionId);
    if (!session)
      throw new DomainError('VALIDATION', 'This session is not part of the course.', {
        fields: [{ field: 'body.sessionId', message: 'not a session of this course' }],
      });
    if (session.starts_at > deps.clock())
      throw conflict('Attendance can be marked once the session has started.');
    const now = deps.clock();
    await repo.upsertAttendance(trx, {
      organization_id: orgId,
      enrolment_id: enrolmentId,
      session_id: body.sessionId,
      present: body.present,
      recorded_by: ctx.actor.userId,
      recorded_at: now,
    });
    const attended = (await repo.attendanceOf(trx, orgId, [enrolmentId])).filter((a) => a.present);
    if (
      !e.certificate_number &&
      courseCompleted(
        sessions.map((s) => s.id),
        attended.map((a) => a.session_id),
      )
    ) {
      const seq = (await repo.countCertificates(trx, orgId)) + 1;
      await repo.updateEnrolment(trx, orgId, enrolmentId, {
        completed_on: await today(deps, trx, orgId),
        certificate_number: certificateNumber(now.getUTCFullYear(), seq),
      });
    }
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'course.attendance',
      entityType: 'course_enrolment',
      entityId: enrolmentId,
    });
    return e.programme_id;
  });
  return (await listEnrolments(deps, ctx, programmeId)).find((e) => e.id === enrolmentId)!;
}

export async function certificate(
  deps: AppDeps,
  ctx: RequestContext,
  enrolmentId: string,
): Promise<Certificate> {
  need(ctx, 'programme:read');
  const orgId = ctx.actor.organizationId;
  return deps.db.transaction().execute(async (trx) => {
    const e = await repo.findEnrolmentForUpdate(trx, orgId, enrolmentId);
    if (!e) throw notFound('The enrolment');
    if (!e.certificate_number || !e.completed_on)
      throw conflict('The learner has not completed the course yet.');
    const [p, sessions, org, settings] = await Promise.all([
      repo.findProgramme(trx, orgId, e.programme_id),
      repo.sessionsOf(trx, orgId, e.programme_id),
      findOrganization(trx, orgId),
      loadSettings(trx, orgId),
    ]);
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'course.certificate',
      entityType: 'course_enrolment',
      entityId: enrolmentId,
    });
    const minutes = sessions.reduce((n, s) => n + (s.ends_at.getTime() - s.starts_at.getTime()) / 60_000, 0);
    return {
      number: e.certificate_number,
      learnerName: e.learner_name,
      courseName: p!.name,
      organizationName: org!.name,
      completedOn: e.completed_on,
      sessions: sessions.map((s) => ({ title: s.title, startsAt: s.starts_at.toISOString() })),
      totalHours: Math.round((minutes / 60) * 10) / 10,
      language: settings.language,
    };
  });
}
