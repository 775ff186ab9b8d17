import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { JobRunner } from '../../platform/jobs/job-runner.ts';
import { notifyUsers } from '../../platform/notifications/notifications.service.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { escalationChain } from '../oncall/oncall.service.ts';
import * as repo from './alerts.repository.ts';
import { alertAudienceRoles, alertDeadlineJob } from './alerts.service.ts';

/**
 * An alert nobody acknowledged by its deadline goes to the next person on its chain (on-call
 * primary → backup → medical lead), who gets `escalationStepMinutes` before the next step.
 *
 * Durable and single-shot: the job row is written with the alert, survives restarts, and is
 * claimed with `FOR UPDATE SKIP LOCKED` (jobs/job.repository.ts) so only one server process
 * runs it. The handler also locks the alert row and acts only if the alert is still open at the
 * escalation level the job was created for, so a job run twice (a stale claim taken again, or a
 * superseded deadline) changes nothing.
 */
export function alertJobs(jobs: JobRunner) {
  jobs.register(alertDeadlineJob, async (deps, job) => {
    const alertId = String(job.payload.alertId);
    const level = Number(job.payload.level);
    const orgId = job.organizationId;
    const escalated = await deps.db.transaction().execute(async (trx) => {
      const row = await repo.findAlertForUpdate(trx, orgId, alertId);
      if (row?.status !== 'open' || row.escalationLevel !== level) return false;
      const now = deps.clock();
      if (now < row.dueAt) return false; // superseded by a later deadline job
      const previousOwners = new Set(
        (await repo.eventsFor(trx, orgId, [alertId]))
          .filter((e) => e.kind === 'raised' || e.kind === 'escalated')
          .map((e) => e.toUserId)
          .filter((u): u is string => !!u),
      );
      if (row.ownerId) previousOwners.add(row.ownerId);
      const chain = await escalationChain(trx, orgId, row.audience, now);
      const next = chain.find((u) => !previousOwners.has(u));
      if (!next) {
        await repo.updateAlert(trx, orgId, alertId, { escalation_level: level + 1 });
        await repo.insertAlertEvent(trx, {
          id: randomUUID(),
          organization_id: orgId,
          alert_id: alertId,
          at: now,
          kind: 'escalation_exhausted',
          actor_id: null,
          to_user_id: row.ownerId,
          note: null,
          data: { level: level + 1 },
        });
        await recordAudit(trx, deps, null, orgId, {
          action: 'alert.escalation-exhausted',
          entityType: 'alert',
          entityId: alertId,
          patientId: row.patientId,
        });
        return true;
      }
      const settings = await loadSettings(trx, orgId);
      const dueAt = new Date(now.getTime() + settings.alerts.escalationStepMinutes * 60_000);
      await repo.updateAlert(trx, orgId, alertId, {
        owner_id: next,
        escalation_level: level + 1,
        due_at: dueAt,
      });
      await repo.insertAlertEvent(trx, {
        id: randomUUID(),
        organization_id: orgId,
        alert_id: alertId,
        at: now,
        kind: 'escalated',
        actor_id: null,
        to_user_id: next,
        note: null,
        data: {
          level: level + 1,
          fromUserId: row.ownerId,
          minutesLate: Math.max(0, Math.round((now.getTime() - row.dueAt.getTime()) / 60_000)),
        },
      });
      await notifyUsers(
        trx,
        orgId,
        [next],
        {
          kind: 'alert.escalated',
          params: { ruleId: row.ruleId },
          title: row.title,
          body: 'Not acknowledged in time: passed to you.',
          entityType: 'alert',
          entityId: alertId,
        },
        now,
      );
      await JobRunner.enqueue(trx, orgId, alertDeadlineJob, dueAt, { alertId, level: level + 1 });
      await recordAudit(trx, deps, null, orgId, {
        action: 'alert.escalate',
        entityType: 'alert',
        entityId: alertId,
        patientId: row.patientId,
      });
      return true;
    });
    if (escalated) {
      for (const type of ['alert.updated', 'notification.created'] as const) {
        await deps.events.publish({
          organizationId: orgId,
          type,
          entityId: alertId,
          roles: alertAudienceRoles,
        });
      }
    }
  });
}
