import { randomUUID } from 'node:crypto';
import {
  because,
  bereavementDueDates,
  type bereavementListQuerySchema,
  type bereavementTaskCompleteSchema,
  bereavementTaskKinds,
  type bereavementTaskUpdateSchema,
  can,
  type checklistUpdateSchema,
  conflict,
  type DeathChecklistItem,
  type DeathRecord,
  deathChecklistFor,
  type deathRecordBodySchema,
  type EndOfLifeMeasures,
  type endOfLifeMeasuresQuerySchema,
  forbidden,
  invalidField,
  notFound,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { loadPatientFor } from '../../platform/access/patient-access.ts';
import { type Envelope, inEnvelope } from '../../platform/envelope.ts';
import type { HearthEventDraft } from '../../platform/events/event-bus.ts';
import { notifyUsers } from '../../platform/notifications/notifications.service.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { localDate } from '../../platform/time.ts';
import { currentPlan } from '../advance-care/advance-care.service.ts';
import { confirmWitness } from '../auth/witness.service.ts';
import { applyEpisodeChange, episodeEvents } from '../episode/episode.service.ts';
import * as patients from '../patients/patients.repository.ts';
import { activeUsersOfRole } from '../support/support.repository.ts';
import { openReferral, publishReferral } from '../support/support.service.ts';
import { scheduleOverdueCheck } from './end-of-life.jobs.ts';
import * as repo from './end-of-life.repository.ts';

const audience = [
  'physician',
  'nurse',
  'coordinator',
  'psychologist',
  'social_worker',
  'equipment_manager',
] as const;

async function view(db: Conn, orgId: string, patientId: string): Promise<DeathRecord | null> {
  const d = await repo.findDeath(db, orgId, patientId);
  if (!d) return null;
  const items = await repo.checklistOf(db, orgId, d.id);
  return {
    id: d.id,
    patientId: d.patientId,
    diedAt: d.diedAt.toISOString(),
    place: d.place,
    placeNote: d.placeNote,
    preferredPlace: d.preferredPlace,
    inPreferredPlace: d.inPreferredPlace,
    verifiedBy: d.verifiedBy,
    verifiedAt: d.verifiedAt.toISOString(),
    notes: d.notes,
    familyMessage: d.familyMessage,
    recordedByName: d.recordedByName,
    recordedAt: d.recordedAt.toISOString(),
    closedAt: d.closedAt?.toISOString() ?? null,
    checklist: deathChecklistFor(d.place).map((item) => {
      const c = items.find((i) => i.item === item);
      return {
        item,
        status: c?.status ?? 'open',
        note: c?.note ?? null,
        witnesses: c?.witnesses ?? [],
        doneAt: c?.doneAt?.toISOString() ?? null,
        doneByName: c?.doneByName ?? null,
      };
    }),
  };
}

export async function getDeath(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const gate = { patient: { id: patientId, action: 'death:read' } } as const;
  return inEnvelope(deps, ctx, gate, async ({ trx, organizationId, audit }) => {
    const record = await view(trx, organizationId, patientId);
    if (!record) throw notFound('deathRecord');
    await audit({ action: 'death.read', entityType: 'death_record', entityId: record.id });
    return record;
  });
}

/**
 * Records the death: time and place, whether it was the preferred place (from the advance care
 * plan), who verified it. The patient becomes deceased; the home checklist opens.
 */
export async function recordDeath(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: z.infer<typeof deathRecordBodySchema>,
) {
  const gate = { patient: { id: patientId, action: 'death:record' } } as const;
  return inEnvelope(deps, ctx, gate, async (env) => {
    const { trx, organizationId: orgId } = env;
    const patient = env.patient!;
    if (patient.status === 'discharged')
      throw conflict(
        'The patient was discharged from the service; a death cannot be recorded here.',
        undefined,
        because('death.patientDischarged'),
      );
    if (patient.status === 'deceased')
      throw conflict(
        'A death is already recorded for this patient.',
        undefined,
        because('death.alreadyRecorded'),
      );
    const now = deps.clock();
    if (new Date(body.diedAt) > now || new Date(body.verifiedAt) > now)
      throw invalidField(
        because('death.inFuture'),
        'The time of death and of verification cannot be in the future.',
        'body.diedAt',
        'in the future',
      );
    if (new Date(body.verifiedAt) < new Date(body.diedAt))
      throw invalidField(
        because('death.verifiedBeforeDeath'),
        'Verification comes after the death.',
        'body.verifiedAt',
        'before the time of death',
      );
    const plan = await currentPlan(trx, orgId, patientId);
    const preferred = plan && plan.preferredPlaceOfDeath !== 'undecided' ? plan.preferredPlaceOfDeath : null;
    const id = randomUUID();
    await repo.insertDeath(trx, {
      id,
      organization_id: orgId,
      patient_id: patientId,
      died_at: new Date(body.diedAt),
      place: body.place,
      place_note: body.placeNote ?? null,
      preferred_place: preferred,
      in_preferred_place: preferred === null ? null : preferred === body.place,
      verified_by: body.verifiedBy,
      verified_at: new Date(body.verifiedAt),
      notes: body.notes ?? null,
      family_message: body.familyMessage || null,
      recorded_by: ctx.actor.userId,
      recorded_at: now,
      closed_at: null,
      closed_by: null,
    });
    await repo.insertChecklist(trx, orgId, id, deathChecklistFor(body.place));
    const outcome = await applyEpisodeChange(trx, deps, ctx, orgId, patient, {
      to: { status: 'deceased', careSetting: patient.careSetting as 'home' },
      reason: 'Death recorded',
    });
    await env.audit({ action: 'death.record', entityType: 'death_record', entityId: id });
    announce(env.publish, patientId);
    // the episode's events come after the death's, as before (both after the commit)
    for (const event of episodeEvents(patientId, outcome)) env.publish(event);
    return (await view(trx, orgId, patientId))!;
  });
}

const mayWork = (ctx: RequestContext) => can(ctx.actor, 'death:record') || can(ctx.actor, 'bereavement:work');

export async function updateChecklist(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  item: DeathChecklistItem,
  body: z.infer<typeof checklistUpdateSchema>,
) {
  await loadPatientFor(deps, ctx, 'death:read', patientId);
  if (!mayWork(ctx)) throw forbidden();
  // certifying a death is a physician's act (issue 13)
  if (item === 'certification' && !can(ctx.actor, 'death:certify'))
    throw forbidden(
      'Only a physician records the death certification.',
      because('death.certifyPhysicianOnly'),
    );
  let witnesses: string[] = [];
  if (item === 'controlled_drug_disposal' && body.status === 'done') {
    // two members of staff with accounts, each confirming (issue 13): the recorder and a witness
    if (!can(ctx.actor, 'medicine:controlled', { patientId }))
      throw forbidden(
        'Controlled drugs are disposed of by a physician or a nurse.',
        because('death.disposalClinicianOnly'),
      );
    const witness = await confirmWitness(deps, ctx, body.witness, 'body.witness');
    const recorder = await repo.findActiveUser(deps.db, ctx.actor.organizationId, ctx.actor.userId);
    witnesses = [recorder?.name ?? '', witness.name];
  }
  // The gate stays outside the envelope on purpose: the witness confirms between the gate and
  // the write, in its own transaction, so a failed witness attempt stays counted when this change
  // is refused.
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit, publish }) => {
    const d = await repo.findDeath(trx, orgId, patientId);
    if (!d) throw notFound('deathRecord');
    if (d.closedAt) throw conflict('The record is closed.', undefined, because('death.recordClosed'));
    if (!deathChecklistFor(d.place).includes(item))
      throw conflict(
        'This item does not apply where the death happened.',
        { place: d.place, item },
        because('death.itemNotApplicable'),
      );
    await repo.updateChecklistItem(trx, orgId, d.id, item, {
      status: body.status,
      note: body.note ?? null,
      witnesses,
      done_at: deps.clock(),
      done_by: ctx.actor.userId,
    });
    await audit({ action: `death.checklist.${item}`, entityType: 'death_record', entityId: d.id, patientId });
    announce(publish, patientId);
    return (await view(trx, orgId, patientId))!;
  });
}

/** Who may own a bereavement contact: active members of the support team. */
const ownerRoles = ['psychologist', 'social_worker', 'chaplain', 'nurse', 'coordinator'];

async function supportOwner(db: Conn, orgId: string, userId: string, field: string) {
  const user = await repo.findActiveUser(db, orgId, userId);
  if (!user || !ownerRoles.includes(user.role))
    throw invalidField(
      because('bereavement.ownerNotSupport'),
      'The owner must be an active member of the support team.',
      field,
      'not a support team member',
    );
  return user.id;
}

/** The psychologist who knew the family (on the patient's care team), else the first psychologist. */
async function defaultOwner(db: Conn, orgId: string, patientId: string, fallback: string) {
  for (const member of await patients.teamOf(db, orgId, patientId))
    if (member.role === 'psychologist' && (await repo.findActiveUser(db, orgId, member.id))) return member.id;
  return (await activeUsersOfRole(db, orgId, 'psychologist'))[0]?.id ?? fallback;
}

/** Closing the record opens the bereavement programme: six tasks, each with an owner. */
export async function closeDeath(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  ownerId: string | undefined,
) {
  const gate = { patient: { id: patientId, action: 'death:read' } } as const;
  await inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit, publish }) => {
    if (!mayWork(ctx)) throw forbidden();
    const d = await repo.findDeath(trx, orgId, patientId);
    if (!d) throw notFound('deathRecord');
    if (d.closedAt) throw conflict('The record is already closed.', undefined, because('death.recordClosed'));
    const open = (await repo.checklistOf(trx, orgId, d.id))
      .filter((c) => c.status === 'open')
      .map((c) => c.item);
    if (open.length)
      throw conflict(
        'Finish the home checklist before closing the record.',
        { open },
        because('death.checklistOpen', { open: open.length }),
      );
    const owner = ownerId
      ? await supportOwner(trx, orgId, ownerId, 'body.bereavementOwnerId')
      : await defaultOwner(trx, orgId, patientId, ctx.actor.userId);
    const now = deps.clock();
    const settings = await loadSettings(trx, orgId);
    const due = bereavementDueDates(localDate(d.diedAt, settings.timeZone));
    await repo.updateDeath(trx, orgId, d.id, { closed_at: now, closed_by: ctx.actor.userId });
    const tasks = bereavementTaskKinds.map((kind) => ({ id: randomUUID(), kind, dueOn: due[kind] }));
    await repo.insertTasks(
      trx,
      tasks.map(({ id, kind, dueOn }) => ({
        id,
        organization_id: orgId,
        patient_id: patientId,
        death_record_id: d.id,
        kind,
        due_on: dueOn,
        owner_id: owner,
        status: 'open' as const,
        completed_on: null,
        outcome: null,
        risk_level: null,
        completed_by: null,
        created_at: now,
      })),
    );
    for (const task of tasks) await scheduleOverdueCheck(trx, orgId, task.id, task.dueOn);
    await notifyUsers(
      trx,
      orgId,
      [owner],
      {
        kind: 'bereavement.opened',
        params: { due: String(due.first_contact) },
        title: 'Bereavement programme opened',
        body: `First contact with the family is due by ${due.first_contact}.`,
        entityType: 'patient',
        entityId: patientId,
      },
      now,
    );
    await audit({ action: 'death.close', entityType: 'death_record', entityId: d.id });
    announce(publish, patientId);
  });
  return getDeath(deps, ctx, patientId);
}

async function toTasks(deps: AppDeps, db: Conn, orgId: string, tasks: repo.NamedBereavementTaskRecord[]) {
  const today = localDate(deps.clock(), (await loadSettings(db, orgId)).timeZone);
  const contacts = await repo.contactsOfPatients(db, orgId, [...new Set(tasks.map((t) => t.patientId))]);
  return tasks.map((t) => ({
    id: t.id,
    patientId: t.patientId,
    patientName: t.patientName,
    familyContacts: contacts
      .filter((c) => c.patientId === t.patientId)
      .map((c) => ({ name: c.name, relationship: c.relationship, phone: c.phone })),
    kind: t.kind,
    dueOn: t.dueOn,
    ownerId: t.ownerId,
    ownerName: t.ownerName,
    status: t.status,
    overdue: t.status === 'open' && t.dueOn < today,
    completedOn: t.completedOn,
    outcome: t.outcome,
    riskLevel: t.riskLevel,
  }));
}

/** The bereavement view: what is due, soonest first. */
export async function listTasks(
  deps: AppDeps,
  ctx: RequestContext,
  q: z.infer<typeof bereavementListQuerySchema>,
) {
  if (!can(ctx.actor, 'bereavement:read')) throw forbidden();
  if (q.dueFrom && q.dueBy && q.dueFrom > q.dueBy)
    throw invalidField(
      because('periodReversed'),
      'The period starts after it ends.',
      'querystring.dueFrom',
      'after the end',
    );
  const [dueOn, id] = (q.cursor ?? '').split('|');
  const read = { audit: { action: 'bereavement.list', entityType: 'bereavement_task' } };
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId: orgId }) => {
    const rows = await repo.listTasks(
      trx,
      orgId,
      {
        status: q.status,
        dueFrom: q.dueFrom,
        dueBy: q.dueBy,
        ownerId: q.mine === 'true' ? ctx.actor.userId : q.ownerId,
        after: dueOn && id ? { dueOn, id } : undefined,
      },
      q.limit + 1,
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: await toTasks(deps, trx, orgId, page),
      nextCursor: rows.length > q.limit && last ? `${last.dueOn}|${last.id}` : null,
    };
  });
}

export async function patientTasks(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const read = {
    patient: { id: patientId, action: 'bereavement:read' },
    audit: { action: 'bereavement.read', entityType: 'bereavement_task' },
  } as const;
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId: orgId }) =>
    toTasks(deps, trx, orgId, await repo.tasksOfPatient(trx, orgId, patientId)),
  );
}

/** Records a contact; a high grief risk opens a psychologist referral for the family. */
export async function completeTask(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  taskId: string,
  body: z.infer<typeof bereavementTaskCompleteSchema>,
) {
  const gate = { patient: { id: patientId, action: 'bereavement:work' } } as const;
  const referralId = await inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit }) => {
    const task = await repo.findTaskForUpdate(trx, orgId, patientId, taskId);
    if (!task) throw notFound('task');
    if (task.status === 'done')
      throw conflict('This contact is already recorded.', undefined, because('bereavement.contactDone'));
    if (task.kind === 'risk_assessment' && !body.riskLevel)
      throw invalidField(
        because('bereavement.riskLevelRequired'),
        'Record the grief-risk level.',
        'body.riskLevel',
        'required for the risk assessment',
      );
    await repo.updateTask(trx, orgId, taskId, {
      status: 'done',
      completed_on: body.completedOn,
      outcome: body.outcome,
      risk_level: body.riskLevel ?? null,
      completed_by: ctx.actor.userId,
    });
    const referralId =
      body.riskLevel === 'high'
        ? await openReferral(trx, deps, orgId, {
            patientId,
            discipline: 'psychologist',
            source: 'bereavement',
            reason: 'High grief risk after the death: bereavement support for the family.',
            createdBy: ctx.actor.userId,
          })
        : null;
    await audit({ action: 'bereavement.complete', entityType: 'bereavement_task', entityId: taskId });
    return referralId;
  });
  if (referralId) await publishReferral(deps, ctx.actor.organizationId, referralId);
  return patientTasks(deps, ctx, patientId);
}

/**
 * Hands one contact to another member of the support team. The overdue reminder reads the owner
 * when it runs, so it follows the new owner without rescheduling.
 */
export async function reassignTask(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  taskId: string,
  body: z.infer<typeof bereavementTaskUpdateSchema>,
) {
  const gate = { patient: { id: patientId, action: 'bereavement:work' } } as const;
  await inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit, publish }) => {
    // queued first: a hand-over to the same owner changes nothing but is announced, as before
    announce(publish, patientId);
    const task = await repo.findTaskForUpdate(trx, orgId, patientId, taskId);
    if (!task) throw notFound('task');
    if (task.status === 'done')
      throw conflict('This contact is already recorded.', undefined, because('bereavement.contactDone'));
    const owner = await supportOwner(trx, orgId, body.ownerId, 'body.ownerId');
    if (owner === task.ownerId) return;
    await repo.updateTask(trx, orgId, taskId, { owner_id: owner });
    const now = deps.clock();
    if (owner !== ctx.actor.userId)
      await notifyUsers(
        trx,
        orgId,
        [owner],
        {
          kind: 'bereavement.reassigned',
          params: { due: task.dueOn },
          title: 'Bereavement contact handed to you',
          body: `A bereavement contact with the family is due by ${task.dueOn}.`,
          entityType: 'patient',
          entityId: patientId,
        },
        now,
      );
    await audit({ action: 'bereavement.reassign', entityType: 'bereavement_task', entityId: taskId });
  });
  return patientTasks(deps, ctx, patientId);
}

const deathUpdated = (patientId: string) =>
  ({ type: 'death.updated', entityId: patientId, roles: audience }) satisfies HearthEventDraft;

/** Queues the death record's live event (sent after the commit). */
const announce = (publish: Envelope['publish'], patientId: string) => publish(deathUpdated(patientId));

const dayMs = 86_400_000;
const shiftDay = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

/** Deaths in preferred place, plans in place at death, and the bereavement workload (palliative-research.md §6 item 16). */
export async function measures(
  deps: AppDeps,
  ctx: RequestContext,
  q: z.infer<typeof endOfLifeMeasuresQuerySchema>,
): Promise<EndOfLifeMeasures> {
  if (!can(ctx.actor, 'bereavement:read')) throw forbidden();
  const read = { audit: { action: 'end-of-life.measures', entityType: 'death_record' } };
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId: orgId }) => {
    const { timeZone } = await loadSettings(trx, orgId);
    const today = localDate(deps.clock(), timeZone);
    const to = q.to ?? today;
    const from = q.from ?? shiftDay(to, -364);
    if (from > to)
      throw invalidField(
        because('periodReversed'),
        'The period starts after it ends.',
        'querystring.from',
        'after the end',
      );
    // a day wider on each side in UTC, then cut by the local date of death
    const rows = (
      await repo.deathsBetween(
        trx,
        orgId,
        new Date(`${shiftDay(from, -1)}T00:00:00Z`),
        new Date(`${shiftDay(to, 2)}T00:00:00Z`),
      )
    ).filter((r) => {
      const day = localDate(r.diedAt, timeZone);
      return day >= from && day <= to;
    });
    const tasks = await repo.countOpenTasks(trx, orgId, today);
    return {
      from,
      to,
      deaths: rows.length,
      preferredPlaceKnown: rows.filter((r) => r.inPreferredPlace !== null).length,
      inPreferredPlace: rows.filter((r) => r.inPreferredPlace === true).length,
      withPlanBeforeDeath: rows.filter((r) => r.hadPlan).length,
      openBereavementTasks: tasks.open,
      overdueBereavementTasks: tasks.overdue,
    };
  });
}
