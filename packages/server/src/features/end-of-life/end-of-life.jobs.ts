import type { AppDeps } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { JobRunner } from '../../platform/jobs/job-runner.ts';
import { coordinatorLeads, notifyUsers } from '../../platform/notifications/notifications.service.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { localDate } from '../../platform/time.ts';
import * as repo from './end-of-life.repository.ts';

export const bereavementOverdueJob = 'bereavement.overdue';

const dayMs = 86_400_000;
const hourMs = 3_600_000;
/** While a contact stays undone the owner is reminded again each week; from the second reminder the coordinators' leads hear too. */
const repeatMs = 7 * dayMs;

/**
 * The first moment a task can be overdue: midnight UTC after its due day. In zones behind UTC
 * that is still the due day locally, so the handler checks the local date and looks again later.
 */
export const firstOverdueCheck = (dueOn: string) => new Date(Date.parse(`${dueOn}T00:00:00Z`) + dayMs);

/** Written in the transaction that creates the task, so a restart never forgets it. */
export const scheduleOverdueCheck = (db: Conn, orgId: string, taskId: string, dueOn: string) =>
  JobRunner.enqueue(db, orgId, bereavementOverdueJob, firstOverdueCheck(dueOn), { taskId, reminder: 1 });

/**
 * A bereavement contact (first contact within a week, the grief-risk assessment, the 6-week to
 * 13-month contacts; palliative-research.md §6 item 7) that passes its due day undone reminds its
 * owner, then again weekly until it is recorded.
 */
export function endOfLifeJobs(jobs: JobRunner) {
  jobs.register(bereavementOverdueJob, async (deps: AppDeps, job) => {
    const orgId = job.organizationId;
    const taskId = String(job.payload.taskId);
    const reminder = Number(job.payload.reminder ?? 1);
    const notified = await deps.db.transaction().execute(async (trx) => {
      const task = await repo.findTaskById(trx, orgId, taskId);
      if (task?.status !== 'open') return null;
      const now = deps.clock();
      const today = localDate(now, (await loadSettings(trx, orgId)).timeZone);
      if (task.dueOn >= today) {
        await JobRunner.enqueue(trx, orgId, bereavementOverdueJob, new Date(now.getTime() + hourMs), {
          taskId,
          reminder,
        });
        return null;
      }
      const recipients = [task.ownerId, ...(reminder > 1 ? await coordinatorLeads(trx, orgId) : [])];
      await notifyUsers(
        trx,
        orgId,
        [...new Set(recipients)],
        {
          kind: 'bereavement.overdue',
          title: 'Bereavement contact overdue',
          body: `A bereavement contact with the family of ${task.patientName} was due on ${task.dueOn} and is not recorded yet.`,
          entityType: 'patient',
          entityId: task.patientId,
        },
        now,
      );
      await JobRunner.enqueue(trx, orgId, bereavementOverdueJob, new Date(now.getTime() + repeatMs), {
        taskId,
        reminder: reminder + 1,
      });
      await recordAudit(trx, deps, null, orgId, {
        action: 'bereavement.overdue',
        entityType: 'bereavement_task',
        entityId: taskId,
        patientId: task.patientId,
      });
      return recipients;
    });
    if (notified)
      await deps.events.publish({
        organizationId: orgId,
        type: 'notification.created',
        entityId: taskId,
        roles: ['psychologist', 'social_worker', 'chaplain', 'nurse', 'coordinator', 'admin'],
      });
  });
}
