import { doseDueReminder, type Locale, localTimeOfDay, type Prescription, slotsAround } from '@hearth/domain';
import type { Conn } from '../../db/conn.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { JobRunner } from '../../platform/jobs/job-runner.ts';
import { notifyUsers } from '../../platform/notifications/notifications.service.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { findPatient } from '../patients/patients.repository.ts';
import * as repo from './medicines.repository.ts';
import { guardOf, toPrescription } from './medicines.view.ts';

/**
 * Due-dose reminders for the family (issue 6: "today's schedule with reminders for due doses").
 * Each scheduled prescription version keeps one durable job pointing at its next slot; the job
 * reminds the family if the slot has no record yet, then queues the slot after. The chain is in
 * the `job` table, so a restart loses nothing; `medicine_dose_reminder` holds one row per slot,
 * so a job that runs twice never reminds twice. A new version starts its own chain and the old
 * one stops at its next step (its version is no longer current).
 */
export const doseDueJob = 'medicines.dose-due';

const minute = 60_000;

/** Queues the reminder for this version's first scheduled slot after `after` (nothing if none). */
export async function queueDoseReminder(db: Conn, orgId: string, rx: Prescription, after: Date) {
  if (rx.kind !== 'scheduled' || rx.anticipatoryPurpose || rx.timesOfDay.length === 0) return;
  const { timeZone } = await loadSettings(db, orgId);
  const next = slotsAround(guardOf(rx, timeZone), after, 2).find((s) => s.getTime() > after.getTime());
  if (!next) return;
  await JobRunner.enqueue(db, orgId, doseDueJob, next, {
    patientId: rx.patientId,
    prescriptionId: rx.id,
    version: rx.version,
    slot: next.toISOString(),
  });
}

/**
 * One step of a prescription's reminder chain, inside the caller's transaction. Returns whether
 * anyone was notified. A `slot` of null (prescriptions written before reminders existed) only
 * starts the chain.
 */
export async function remindDoseDue(
  trx: Conn,
  deps: { clock: () => Date },
  orgId: string,
  payload: { patientId: string; prescriptionId: string; version: number; slot: string | null },
): Promise<boolean> {
  const now = deps.clock();
  // the same lock a dose record takes: a dose being recorded right now is seen, or waits for us
  const locked = await repo.lockPrescription(trx, orgId, payload.patientId, payload.prescriptionId);
  if (!locked || locked.currentVersion !== payload.version) return false;
  const patient = await findPatient(trx, orgId, payload.patientId);
  if (!patient || patient.status === 'deceased' || patient.status === 'discharged') return false;
  const row = await repo.findCurrent(trx, orgId, payload.patientId, payload.prescriptionId);
  if (!row) return false;
  const rx = toPrescription(row, now);
  const settings = await loadSettings(trx, orgId);
  const windowMs = settings.scheduledDoseWindowMinutes * minute;
  if (payload.slot === null) {
    await queueDoseReminder(trx, orgId, rx, new Date(now.getTime() - windowMs));
    return false;
  }
  const slot = new Date(payload.slot);
  // a slot whose window has passed (the server was down) is missed, not due: the chart shows it
  const stillDue = now.getTime() <= slot.getTime() + windowMs;
  const recorded = await repo.slotRecorded(trx, orgId, rx.id, slot);
  // in hospital or not yet admitted, nobody at home gives the dose: keep the chain, stay quiet
  const atHome = patient.status === 'active';
  const family = stillDue && !recorded && atHome ? await repo.familyRecipients(trx, orgId, rx.patientId) : [];
  const first = await repo.claimReminderSlot(trx, orgId, {
    prescriptionId: rx.id,
    slot,
    notified: family.length > 0,
    handledAt: now,
  });
  if (!first) return false;
  const byLocale = new Map<Locale, string[]>();
  for (const f of family) {
    const locale: Locale = f.locale === 'en' ? 'en' : f.locale === 'ru' ? 'ru' : settings.language;
    byLocale.set(locale, [...(byLocale.get(locale) ?? []), f.id]);
  }
  for (const [locale, ids] of byLocale) {
    const text = doseDueReminder(locale, {
      time: localTimeOfDay(slot, settings.timeZone),
      medicine: rx.name,
    });
    await notifyUsers(
      trx,
      orgId,
      ids,
      { kind: 'medicines.dose-due', ...text, entityType: 'patient', entityId: rx.patientId },
      now,
    );
  }
  if (family.length)
    await recordAudit(trx, { clock: deps.clock }, null, orgId, {
      action: 'medicine.dose-reminder',
      entityType: 'prescription',
      entityId: rx.id,
      patientId: rx.patientId,
    });
  await queueDoseReminder(trx, orgId, rx, new Date(Math.max(slot.getTime(), now.getTime() - windowMs)));
  return family.length > 0;
}
