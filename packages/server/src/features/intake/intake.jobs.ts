import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { coordinatorLeads, notifyUsers } from '../../platform/notifications/notifications.service.ts';
import * as repo from './intake.repository.ts';
import { callbackDeadlineJob, retryDeadlineJob } from './intake.service.ts';

/**
 * When a request's callback deadline passes with nobody having called, the coordinators'
 * lead is told. The job lives in the database, so the escalation happens even if the server
 * was restarted (or down) at the deadline: it runs at the next start.
 */
export function intakeJobs(jobs: JobRunner) {
  jobs.register(callbackDeadlineJob, async (deps, job) => {
    const requestId = String(job.payload.careRequestId);
    const orgId = job.organizationId;
    const escalated = await deps.db.transaction().execute(async (trx) => {
      const row = await repo.findCareRequestForUpdate(trx, orgId, requestId);
      if (!row || row.firstCallAt || row.escalatedAt || row.status === 'closed') return false;
      const now = deps.clock();
      await repo.updateCareRequest(trx, orgId, requestId, { escalated_at: now });
      const minutesLate = Math.max(0, Math.round((now.getTime() - row.callbackDueAt.getTime()) / 60_000));
      await notifyUsers(
        trx,
        orgId,
        await coordinatorLeads(trx, orgId),
        {
          kind: 'intake.escalated',
          params: { reference: row.reference, phone: row.phone, minutesLate },
          title: `Request ${row.reference} not called back`,
          body: `No call back by the deadline${minutesLate ? ` (${minutesLate} min late)` : ''}. Phone: ${row.phone}.`,
          entityType: 'care_request',
          entityId: requestId,
        },
        now,
      );
      await recordAudit(trx, deps, null, orgId, {
        action: 'intake.escalate',
        entityType: 'care_request',
        entityId: requestId,
      });
      return true;
    });
    if (escalated) {
      await deps.events.publish({
        organizationId: orgId,
        type: 'intake.escalated',
        entityId: requestId,
        roles: ['coordinator', 'admin'],
      });
      await deps.events.publish({
        organizationId: orgId,
        type: 'notification.created',
        entityId: requestId,
        roles: ['coordinator', 'admin'],
      });
    }
  });

  /**
   * The retry after an unanswered call is late: the coordinators' lead is told. The job carries
   * the deadline it was queued for, so a later call (a new deadline, or someone reached) makes
   * it do nothing.
   */
  jobs.register(retryDeadlineJob, async (deps, job) => {
    const requestId = String(job.payload.careRequestId);
    const orgId = job.organizationId;
    const told = await deps.db.transaction().execute(async (trx) => {
      const row = await repo.findCareRequestForUpdate(trx, orgId, requestId);
      if (!row || row.status === 'closed' || row.status === 'referred') return false;
      if (row.retryDueAt?.toISOString() !== job.payload.retryDueAt) return false;
      const now = deps.clock();
      await notifyUsers(
        trx,
        orgId,
        await coordinatorLeads(trx, orgId),
        {
          kind: 'intake.retry-overdue',
          params: { reference: row.reference, phone: row.phone },
          title: `Request ${row.reference}: call again`,
          body: `The family was not reached and the retry is now due. Phone: ${row.phone}.`,
          entityType: 'care_request',
          entityId: requestId,
        },
        now,
      );
      await recordAudit(trx, deps, null, orgId, {
        action: 'intake.retry-overdue',
        entityType: 'care_request',
        entityId: requestId,
      });
      return true;
    });
    if (told)
      await deps.events.publish({
        organizationId: orgId,
        type: 'notification.created',
        entityId: requestId,
        roles: ['coordinator', 'admin'],
      });
  });
}
