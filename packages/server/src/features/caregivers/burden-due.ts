import { burdenScreeningIntervalDays } from '@hearth/domain';
import type { Conn } from '../../db/conn.ts';
import { JobRunner } from '../../platform/jobs/job-runner.ts';

/** The durable reminder that a family's caregiver burden screening is due (issue 7: four weeks). */
export const burdenDueJob = 'caregivers.burden-due';

/**
 * Schedules the reminder four weeks after a screening. Every screening schedules one; the job
 * stays quiet unless its screening is still the latest (see `caregiverJobs`).
 */
export const scheduleBurdenReminder = (
  trx: Conn,
  orgId: string,
  patientId: string,
  recordId: string,
  at: Date,
) =>
  JobRunner.enqueue(
    trx,
    orgId,
    burdenDueJob,
    new Date(at.getTime() + burdenScreeningIntervalDays * 86_400_000),
    {
      patientId,
      afterAssessmentId: recordId,
    },
  );
