import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { notifyUsers } from '../../platform/notifications/notifications.service.ts';
import { findPatient } from '../patients/patients.repository.ts';
import { doseDueJob, remindDoseDue } from './dose-reminders.ts';
import * as repo from './medicines.repository.ts';
import { anticipatoryExpiryJob } from './medicines.service.ts';

export function medicinesJobs(jobs: JobRunner) {
  // the family is reminded of a scheduled dose that is due and not yet recorded
  jobs.register(doseDueJob, async (deps, job) => {
    const p = job.payload;
    const payload = {
      patientId: String(p.patientId),
      prescriptionId: String(p.prescriptionId),
      version: Number(p.version),
      slot: typeof p.slot === 'string' ? p.slot : null,
    };
    const sent = await deps.db
      .transaction()
      .execute((trx) => remindDoseDue(trx, deps, job.organizationId, payload));
    if (sent)
      await deps.events.publish({
        organizationId: job.organizationId,
        type: 'notification.created',
        entityId: payload.patientId,
        roles: ['family'],
        patientId: payload.patientId,
      });
  });

  // the patient's nurses and physicians are reminded before the "just in case" box expires
  jobs.register(anticipatoryExpiryJob, async (deps, job) => {
    const orgId = job.organizationId;
    const patientId = String(job.payload.patientId);
    const expiresOn = String(job.payload.expiresOn);
    const sent = await deps.db.transaction().execute(async (trx) => {
      const box = await repo.findBox(trx, orgId, patientId);
      // the box was saved again since (new date, or the same date twice): that save queued its
      // own reminder, so this one stays quiet and the team is told once
      if (!box || box.expiresOn !== expiresOn) return false;
      if (
        typeof job.payload.savedAt === 'string' &&
        box.updatedAt.getTime() !== Date.parse(job.payload.savedAt)
      )
        return false;
      const patient = await findPatient(trx, orgId, patientId);
      if (!patient || patient.status === 'deceased' || patient.status === 'discharged') return false;
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
