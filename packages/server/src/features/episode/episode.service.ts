import { randomUUID } from 'node:crypto';
import {
  because,
  can,
  conflict,
  DomainError,
  type EpisodeEffect,
  type EpisodeState,
  type EpisodeView,
  effectsOf,
  forbidden,
  isAwayFromHome,
  type PatientStatus,
} from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import type { HearthEventDraft } from '../../platform/events/event-bus.ts';
import { coordinatorLeads, notifyUsers } from '../../platform/notifications/notifications.service.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { localDate } from '../../platform/time.ts';
import { burdenDueJob } from '../caregivers/burden-due.ts';
import { scheduleDueBack } from '../equipment/equipment.jobs.ts';
import { doseDueJob } from '../medicines/dose-reminders.ts';
import * as patients from '../patients/patients.repository.ts';
import { activeUsersOfRole } from '../support/support.repository.ts';
import * as repo from './episode.repository.ts';

/** What a status or level-of-care change asks for; `reason` goes on the history and the held visits. */
export interface EpisodeChange {
  to: EpisodeState;
  reason: string;
  /** Shown on the status history when a level-of-care move caused the change. */
  careSettingOnHistory?: boolean;
}

export interface EpisodeOutcome {
  effects: EpisodeEffect[];
  visitIds: string[];
}

type EpisodePatient = Pick<
  patients.PatientRecord,
  'id' | 'status' | 'careSetting' | 'firstName' | 'lastName'
>;

/**
 * The one place a patient's status or level of care changes. Runs inside the caller's
 * transaction: the patient row, the status history, the effects the domain table names
 * (`effectsOf`), the episode record and the audit event commit together or not at all.
 */
export async function applyEpisodeChange(
  trx: Conn,
  deps: Pick<AppDeps, 'clock'>,
  ctx: RequestContext | null,
  orgId: string,
  patient: EpisodePatient,
  change: EpisodeChange,
): Promise<EpisodeOutcome> {
  const from: EpisodeState = {
    status: patient.status as PatientStatus,
    careSetting: patient.careSetting as EpisodeState['careSetting'],
  };
  const to = change.to;
  const now = deps.clock();
  const byUserId = ctx?.actor.userId ?? null;
  const effects = effectsOf(from, to);
  await patients.updatePatient(trx, orgId, patient.id, {
    status: to.status,
    care_setting: to.careSetting,
    updated_at: now,
  });
  if (from.status !== to.status)
    await patients.insertStatusHistory(trx, {
      id: randomUUID(),
      organization_id: orgId,
      patient_id: patient.id,
      kind: 'status',
      from_value: from.status,
      to_value: to.status,
      reason: change.reason,
      ...(change.careSettingOnHistory ? { care_setting: to.careSetting } : {}),
      by_user_id: byUserId,
      at: now,
    });
  const settings = await loadSettings(trx, orgId);
  const today = localDate(now, settings.timeZone);
  const visitIds: string[] = [];
  const patientName = `${patient.lastName} ${patient.firstName}`;
  const tell = async (userIds: string[], kind: string, title: string, body: string) => {
    const to = [...new Set(userIds)].filter((u) => u !== byUserId);
    if (to.length)
      await notifyUsers(
        trx,
        orgId,
        to,
        { kind, params: { patient: patientName }, title, body, entityType: 'patient', entityId: patient.id },
        now,
      );
  };
  const staffOfVisits: string[] = [];
  for (const effect of effects) {
    switch (effect) {
      case 'hold_home_visits': {
        const visits = await repo.pendingVisits(trx, orgId, patient.id, today, ['requested', 'scheduled']);
        await repo.setVisitsStatus(trx, orgId, visits, 'on_hold', change.reason, byUserId, now, randomUUID);
        visitIds.push(...visits.map((v) => v.id));
        staffOfVisits.push(...visits.flatMap((v) => (v.staffId ? [v.staffId] : [])));
        break;
      }
      case 'cancel_visits': {
        const visits = await repo.pendingVisits(trx, orgId, patient.id, '1900-01-01', [
          'requested',
          'scheduled',
          'on_hold',
        ]);
        await repo.setVisitsStatus(trx, orgId, visits, 'cancelled', change.reason, byUserId, now, randomUUID);
        visitIds.push(...visits.map((v) => v.id));
        staffOfVisits.push(...visits.flatMap((v) => (v.staffId ? [v.staffId] : [])));
        break;
      }
      case 'stop_medicine_reminders':
        await repo.stopPatientJobs(
          trx,
          orgId,
          patient.id,
          [doseDueJob],
          `stopped: patient ${to.status}`,
          now,
        );
        break;
      case 'stop_screening_reminders':
        await repo.stopPatientJobs(
          trx,
          orgId,
          patient.id,
          [burdenDueJob],
          `stopped: patient ${to.status}`,
          now,
        );
        break;
      case 'stop_equipment_reminders':
        // due-back reminders carry the return date they were queued for; re-dating the loans
        // below (mark_loans_for_collection) makes the old ones do nothing
        break;
      case 'mark_loans_for_collection': {
        const loans = await repo.endLoans(trx, orgId, patient.id, now, today);
        for (const loan of loans) await scheduleDueBack(trx, orgId, loan.id, today, now);
        if (loans.length) {
          const managers = (await activeUsersOfRole(trx, orgId, 'equipment_manager')).map((u) => u.id);
          await tell(
            managers.length ? managers : await coordinatorLeads(trx, orgId),
            'episode.collect-equipment',
            'Equipment to collect',
            `${loans.length} item(s) at ${patientName}'s home are to be collected.`,
          );
        }
        break;
      }
      case 'notify_team': {
        const team = (await patients.teamOf(trx, orgId, patient.id)).map((u) => u.id);
        const coordinators = await coordinatorLeads(trx, orgId);
        await tell(
          [...team, ...staffOfVisits, ...coordinators],
          `episode.${kindOf(from, to)}`,
          titleOf(from, to),
          `${patientName}: ${change.reason}`,
        );
        break;
      }
      case 'notify_family': {
        const family = (await repo.familyOf(trx, orgId, patient.id)).map((u) => u.id);
        await tell(family, `episode.family-${kindOf(from, to)}`, titleOf(from, to), change.reason);
        break;
      }
      // these are read by the views: the death checklist opens with the death record, the
      // portal reads the status for the bereavement view and to drop diary and dose controls,
      // and the restore offer follows from held visits of a patient back home
      case 'open_death_checklist':
      case 'bereavement_view':
      case 'stop_diary_prompts':
      case 'offer_restore_visits':
        break;
    }
  }
  await repo.insertChange(trx, orgId, {
    id: randomUUID(),
    patientId: patient.id,
    fromStatus: from.status,
    toStatus: to.status,
    fromSetting: from.careSetting,
    toSetting: to.careSetting,
    effects,
    reason: change.reason,
    byUserId,
    at: now,
  });
  await recordAudit(trx, deps, ctx, orgId, {
    action: 'episode.change',
    entityType: 'patient',
    entityId: patient.id,
    patientId: patient.id,
  });
  return { effects, visitIds };
}

function kindOf(from: EpisodeState, to: EpisodeState) {
  if (to.status === 'deceased') return 'died';
  if (to.status === 'discharged') return 'discharged';
  if (!isAwayFromHome(from) && isAwayFromHome(to)) return 'away';
  if (isAwayFromHome(from) && !isAwayFromHome(to)) return 'home';
  return 'moved';
}

function titleOf(from: EpisodeState, to: EpisodeState) {
  switch (kindOf(from, to)) {
    case 'died':
      return 'A patient has died';
    case 'discharged':
      return 'Discharged from the service';
    case 'away':
      return 'Away from home: home visits on hold';
    case 'home':
      return 'Back home';
    default:
      return 'Level of care changed';
  }
}

/** The live events of a change: the patient, the visits, the board (published after the commit). */
export function episodeEvents(patientId: string, outcome: EpisodeOutcome): HearthEventDraft[] {
  const events: HearthEventDraft[] = [
    {
      type: 'patient.updated',
      entityId: patientId,
      roles: ['coordinator', 'physician', 'nurse', 'family', 'equipment_manager'],
      patientId,
    },
  ];
  for (const visitId of outcome.visitIds)
    events.push({
      type: 'visit.updated',
      entityId: visitId,
      roles: ['coordinator', 'admin', 'family', 'physician', 'nurse'],
      patientId,
    });
  if (outcome.effects.length)
    events.push({
      type: 'notification.created',
      entityId: patientId,
      roles: ['coordinator', 'physician', 'nurse', 'family', 'equipment_manager', 'admin'],
      patientId,
    });
  return events;
}

/** Tells every open screen after the change commits: the patient, the visits, the board. */
export async function publishEpisode(
  deps: AppDeps,
  orgId: string,
  patientId: string,
  outcome: EpisodeOutcome,
) {
  for (const event of episodeEvents(patientId, outcome))
    await deps.events.publish({ ...event, organizationId: orgId });
}

async function viewOf(db: Conn, orgId: string, patientId: string): Promise<EpisodeView> {
  const p = await patients.findPatient(db, orgId, patientId);
  if (!p) throw new Error(`patient ${patientId} vanished inside its transaction`);
  const state: EpisodeState = { status: p.status as PatientStatus, careSetting: p.careSetting as 'home' };
  const [held, last, death] = await Promise.all([
    repo.heldVisits(db, orgId, patientId),
    repo.lastChange(db, orgId, patientId),
    repo.deathOf(db, orgId, patientId),
  ]);
  const { timeZone } = await loadSettings(db, orgId);
  const away = isAwayFromHome(state);
  return {
    status: state.status,
    careSetting: state.careSetting,
    awayFromHome: away,
    heldVisits: held.map((v) => ({
      id: v.id,
      date: v.visitDate,
      discipline: v.discipline as 'nurse',
      staffName: v.staffName,
      reason: v.statusReason,
    })),
    restoreOffered: !away && state.status === 'active' && held.length > 0,
    lastEffects: last?.effects ?? [],
    bereavement:
      state.status === 'deceased' && death
        ? {
            diedOn: localDate(death.diedAt, timeZone),
            place: death.place as 'home',
            teamMessage: death.familyMessage,
          }
        : null,
  };
}

/** The episode as staff and the family see it (the family only for their own patient). */
export async function getEpisode(deps: AppDeps, ctx: RequestContext, patientId: string) {
  return inEnvelope(
    deps,
    ctx,
    {
      patient: { id: patientId, action: 'patient:read' },
      audit: { action: 'episode.read', entityType: 'patient', entityId: patientId },
    },
    ({ trx, organizationId }) => viewOf(trx, organizationId, patientId),
  );
}

/**
 * Back home, the coordinator brings held visits back: the chosen ones return to the plan
 * (scheduled with their person, or requested when nobody was assigned); any held visit not
 * chosen, or whose day has passed, is cancelled.
 */
export async function restoreVisits(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  visitIds: string[],
) {
  const gate = { patient: { id: patientId, action: 'patient:read' } } as const;
  await inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit, publish }) => {
    if (!can(ctx.actor, 'visit:schedule'))
      throw forbidden('Only a coordinator restores visits.', because('episode.restoreCoordinatorOnly'));
    const patient = await patients.findPatient(trx, orgId, patientId);
    if (!patient) throw new Error(`patient ${patientId} vanished inside its transaction`);
    const state = { status: patient.status as PatientStatus, careSetting: patient.careSetting as 'home' };
    if (state.status !== 'active' || isAwayFromHome(state))
      throw conflict(
        'Visits are restored once the patient is back home.',
        undefined,
        because('episode.notBackHome'),
      );
    const now = deps.clock();
    const today = localDate(now, (await loadSettings(trx, orgId)).timeZone);
    const held = await repo.pendingVisits(trx, orgId, patientId, '1900-01-01', ['on_hold']);
    const unknown = visitIds.filter((id) => !held.some((v) => v.id === id));
    if (unknown.length)
      throw new DomainError(
        'VALIDATION',
        'Only visits on hold for this patient can be restored.',
        {
          fields: [{ field: 'body.visitIds', message: 'not a held visit of this patient' }],
          unknown,
        },
        because('episode.notHeldVisits'),
      );
    const chosen = held.filter((v) => visitIds.includes(v.id) && v.visitDate >= today);
    const dropped = held.filter((v) => !chosen.includes(v));
    const withStaff = chosen.filter((v) => v.staffId);
    const without = chosen.filter((v) => !v.staffId);
    const reason = 'Back home: visit restored';
    await repo.setVisitsStatus(trx, orgId, withStaff, 'scheduled', reason, ctx.actor.userId, now, randomUUID);
    await repo.setVisitsStatus(trx, orgId, without, 'requested', reason, ctx.actor.userId, now, randomUUID);
    await repo.setVisitsStatus(
      trx,
      orgId,
      dropped,
      'cancelled',
      'Back home: held visit not restored',
      ctx.actor.userId,
      now,
      randomUUID,
    );
    await audit({ action: 'episode.restore-visits', entityType: 'patient', entityId: patientId });
    const touched = held.map((v) => v.id);
    for (const event of episodeEvents(patientId, { effects: [], visitIds: touched })) publish(event);
  });
  return getEpisode(deps, ctx, patientId);
}
