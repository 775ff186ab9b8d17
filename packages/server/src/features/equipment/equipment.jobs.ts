import { type JobPayloadInput, timesOnLocalDay } from '@hearth/domain';
import type { AppDeps } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { JobRunner } from '../../platform/jobs/job-runner.ts';
import { activeUsersWithRole } from '../../platform/notifications/notifications.repository.ts';
import { coordinatorLeads, notifyUsers } from '../../platform/notifications/notifications.service.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import * as repo from './equipment.repository.ts';

export const dueBackJob = 'equipment.due-back';
export const maintenanceDueJob = 'equipment.maintenance-due';

/** A week's notice is enough to book a service visit before the maintenance date. */
const maintenanceNoticeDays = 7;
/** While an item stays overdue, the equipment manager is reminded again once a week. */
const repeatDays = 7;

/** 09:00 in the organization's zone on `isoDay` shifted by `offsetDays`; never before `now`. */
function morningOf(isoDay: string, offsetDays: number, timeZone: string, now: Date) {
  const [y, m, d] = isoDay.split('-').map(Number);
  const noon = new Date(Date.UTC(y!, m! - 1, d! + offsetDays, 12));
  const [at] = timesOnLocalDay(noon, 0, ['09:00'], timeZone);
  return at! < now ? now : at!;
}

/**
 * Queues the "due back" reminder for a loan's expected return day. The job carries the date it
 * was queued for, so a loan re-dated later queues its own job and the old one does nothing.
 */
export async function scheduleDueBack(
  trx: Conn,
  orgId: string,
  loanId: string,
  expectedReturnOn: string,
  now: Date,
) {
  const { timeZone } = await loadSettings(trx, orgId);
  await JobRunner.enqueue(trx, orgId, dueBackJob, morningOf(expectedReturnOn, 0, timeZone, now), {
    loanId,
    expectedReturnOn,
  });
}

/** Queues the maintenance reminder a week before the item's maintenance date. */
export async function scheduleMaintenance(
  trx: Conn,
  orgId: string,
  itemId: string,
  maintenanceDueOn: string,
  now: Date,
) {
  const { timeZone } = await loadSettings(trx, orgId);
  await JobRunner.enqueue(
    trx,
    orgId,
    maintenanceDueJob,
    morningOf(maintenanceDueOn, -maintenanceNoticeDays, timeZone, now),
    { itemId, maintenanceDueOn },
  );
}

/** The equipment managers; with none active, the coordinators' leads, so a reminder is never lost. */
async function managers(trx: Conn, orgId: string) {
  const users = await activeUsersWithRole(trx, orgId, ['equipment_manager'], false);
  return users.length ? users.map((u) => u.id) : coordinatorLeads(trx, orgId);
}

/** The next run: on the day itself if this one came early, else a week later. */
async function requeue<K extends typeof dueBackJob | typeof maintenanceDueJob>(
  trx: Conn,
  orgId: string,
  kind: K,
  day: string,
  now: Date,
  payload: JobPayloadInput<K>,
) {
  const { timeZone } = await loadSettings(trx, orgId);
  const onTheDay = morningOf(day, 0, timeZone, now);
  const next = onTheDay > now ? onTheDay : new Date(now.getTime() + repeatDays * 86_400_000);
  await JobRunner.enqueue(trx, orgId, kind, next, payload);
}

/**
 * Durable reminders for the equipment manager: a loan whose return day has come (repeated weekly
 * while it is still at home) and an item whose maintenance is due (a week ahead, on the day, then
 * weekly until the date is moved or the item retired).
 */
export function equipmentJobs(jobs: JobRunner) {
  jobs.register(dueBackJob, async (deps, job) => {
    const orgId = job.organizationId;
    const loanId = String(job.payload.loanId);
    const expectedReturnOn = String(job.payload.expectedReturnOn);
    const sent = await deps.db.transaction().execute(async (trx) => {
      const loan = await repo.findLoan(trx, orgId, loanId);
      if (!loan || loan.expectedReturnOn !== expectedReturnOn) return false;
      // still requested: nothing is at home yet; collected, cleaned or cancelled: nothing to chase
      if (loan.status !== 'delivered' && loan.status !== 'in_use') return false;
      const now = deps.clock();
      const what = loan.itemSerial ? `${loan.itemName} (${loan.itemSerial})` : loan.kind;
      await notifyUsers(
        trx,
        orgId,
        await managers(trx, orgId),
        {
          kind: 'equipment.due-back',
          title: `Equipment due back: ${what}`,
          body: `${what} lent to ${loan.patientName} was due back on ${expectedReturnOn}. Arrange collection.`,
          entityType: 'patient',
          entityId: loan.patientId,
        },
        now,
      );
      await requeue(trx, orgId, dueBackJob, expectedReturnOn, now, job.payload);
      await recordAudit(trx, deps, null, orgId, {
        action: 'equipment.due-back-reminder',
        entityType: 'equipment_loan',
        entityId: loanId,
        patientId: loan.patientId,
      });
      return true;
    });
    if (sent) await publishNotice(deps, orgId, loanId);
  });

  jobs.register(maintenanceDueJob, async (deps, job) => {
    const orgId = job.organizationId;
    const itemId = String(job.payload.itemId);
    const dueOn = String(job.payload.maintenanceDueOn);
    const sent = await deps.db.transaction().execute(async (trx) => {
      const item = await repo.findItem(trx, orgId, itemId);
      if (!item || item.status === 'retired' || item.maintenanceDueOn !== dueOn) return false;
      const now = deps.clock();
      await notifyUsers(
        trx,
        orgId,
        await managers(trx, orgId),
        {
          kind: 'equipment.maintenance-due',
          title: `Maintenance due ${dueOn}: ${item.name} (${item.serialNumber})`,
          body:
            item.status === 'on_loan' || item.status === 'reserved'
              ? `${item.name} ${item.serialNumber} is out on a loan; plan its service with the family.`
              : `Book the service for ${item.name} ${item.serialNumber} and record the next date.`,
          entityType: 'equipment_item',
          entityId: itemId,
        },
        now,
      );
      await requeue(trx, orgId, maintenanceDueJob, dueOn, now, job.payload);
      await recordAudit(trx, deps, null, orgId, {
        action: 'equipment.maintenance-reminder',
        entityType: 'equipment_item',
        entityId: itemId,
      });
      return true;
    });
    if (sent) await publishNotice(deps, orgId, itemId);
  });
}

const publishNotice = (deps: AppDeps, organizationId: string, entityId: string) =>
  deps.events.publish({
    organizationId,
    type: 'notification.created',
    entityId,
    roles: ['equipment_manager', 'coordinator', 'admin'],
  });
