import type { JobRunner } from '../../jobs/job-runner.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import * as repo from './medicines.repository.ts';
import { anticipatoryExpiryJob } from './medicines.service.ts';

/** Reminds the patient's nurses and physicians before the "just in case" box expires. */
export function medicinesJobs(jobs: JobRunner) {
  jobs.register(anticipatoryExpiryJob, async (deps, job) => {
    const orgId = job.organizationId;
    const patientId = String(job.payload.patientId);
    const expiresOn = String(job.payload.expiresOn);
    const sent = await deps.db.transaction().execute(async (trx) => {
      const box = await repo.findBox(trx, orgId, patientId);
      // the box was replaced or re-dated since: that change queued its own reminder
      if (!box || box.expires_on !== expiresOn) return false;
      const users = (await repo.teamClinicians(trx, orgId, patientId)).map((u) => u.id);
      const to = users.length ? users : await repo.physiciansFor(trx, orgId, patientId);
      await notifyUsers(
        trx,
        orgId,
        to,
        {
          kind: 'medicines.anticipatory-expiry',
          params: { expiresOn: String(expiresOn), location: box.location },
          title: `"Just in case" medicines expire on ${expiresOn}`,
          body: `The anticipatory medicines box (${box.location}) expires on ${expiresOn}. Arrange a new supply.`,
          entityType: 'patient',
          entityId: patientId,
        },
        deps.clock(),
      );
      await recordAudit(trx, deps, null, orgId, {
        action: 'medicine.anticipatory.remind',
        entityType: 'anticipatory_box',
        entityId: patientId,
        patientId,
      });
      return true;
    });
    if (sent)
      await deps.events.publish({
        organizationId: orgId,
        type: 'notification.created',
        entityId: patientId,
        roles: ['physician', 'nurse'],
      });
  });
}
