import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { bulkExportJob, failExport, runExportBatch } from './bulk-export.service.ts';

/**
 * The bulk export runs as durable jobs, one batch of patients each; each batch queues the next,
 * so an export survives a restart and resumes after the last batch that committed.
 */
export function fhirJobs(jobs: JobRunner) {
  jobs.register(bulkExportJob, async (deps, job) => {
    const exportId = String(job.payload.exportId);
    try {
      await runExportBatch(deps, job.organizationId, exportId);
    } catch (err) {
      // after the runner's last attempt the export says it failed, instead of "in progress" forever
      if (job.finalAttempt) await failExport(deps, job.organizationId, exportId);
      throw err;
    }
  });
}
