import { randomUUID } from 'node:crypto';
import {
  can,
  type FhirResourceType,
  fhirExportTypesSchema,
  fhirResourceTypes,
  forbidden,
  notFound,
  type OutcomeIssue,
} from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { recordAudit, recordDenied } from '../../platform/audit/audit.service.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { JobRunner } from '../../platform/jobs/job-runner.ts';
import { findOrganization } from '../../platform/settings/settings.repository.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import * as repo from './fhir.repository.ts';
import { FhirOutcomeError } from './fhir-http.ts';
import { mappers } from './mappers/index.ts';
import { toOrganization, toPractitioner, toPractitionerRole } from './mappers/practitioner.ts';
import { loadPatientRecord } from './patient-record.ts';

export const bulkExportJob = 'fhir.bulk-export';
/** Patients per job run: small enough that one batch is a short transaction, and progress shows. */
export const patientsPerBatch = 5;
/** Seconds a client is asked to wait between status polls. */
export const retryAfterSeconds = 5;
/** Written once per export, not per patient. */
const serviceTypes: readonly FhirResourceType[] = ['Organization', 'Practitioner', 'PractitionerRole'];
const ndjsonFormats = ['application/fhir+ndjson', 'application/ndjson', 'ndjson'];

async function requireExporter(deps: AppDeps, ctx: RequestContext, entityId: string | null) {
  if (can(ctx.actor, 'fhir:export')) return;
  await recordDenied(deps, ctx, { action: 'fhir.bulk-export', entityType: 'fhir_export', entityId });
  throw forbidden();
}

type Param = string | string[] | undefined;

/** Kick-off (`GET $export`): checks the request, stores the export and queues its first batch. */
export async function startExport(
  deps: AppDeps,
  ctx: RequestContext,
  input: { query: Record<string, Param>; prefer: Param; accept: Param; requestUrl: string },
) {
  await requireExporter(deps, ctx, null);
  const problems: OutcomeIssue[] = [];
  const one = (v: Param) => [v ?? []].flat().join(',');
  if (!/respond-async/.test(one(input.prefer)))
    problems.push({ severity: 'error', code: 'required', text: 'Send the header "Prefer: respond-async".' });
  const accept = one(input.accept);
  if (accept && !/application\/fhir\+json|\*\/\*/.test(accept))
    problems.push({
      severity: 'error',
      code: 'not-supported',
      text: 'Accept must be application/fhir+json.',
    });
  for (const key of Object.keys(input.query))
    if (!['_type', '_outputFormat'].includes(key))
      problems.push({
        severity: 'error',
        code: 'not-supported',
        text: `Hearth's $export supports _type and _outputFormat; "${key}" is not supported.`,
        expression: key,
      });
  const format = one(input.query._outputFormat);
  if (format && !ndjsonFormats.includes(format))
    problems.push({
      severity: 'error',
      code: 'not-supported',
      text: 'Only NDJSON output is supported.',
      expression: '_outputFormat',
    });
  const requested = one(input.query._type)
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const unknown = requested.filter((t) => !(fhirResourceTypes as readonly string[]).includes(t));
  if (unknown.length)
    problems.push({
      severity: 'error',
      code: 'not-supported',
      text: `Hearth does not export ${unknown.join(', ')}.`,
      expression: '_type',
    });
  if (problems.length) throw new FhirOutcomeError(400, problems);

  const types = requested.length ? fhirExportTypesSchema.parse(requested) : [...fhirResourceTypes];
  const id = randomUUID();
  const now = deps.clock();
  await inEnvelope(deps, ctx, {}, async ({ trx, audit, organizationId: orgId }) => {
    await repo.insertExport(trx, orgId, {
      id,
      status: 'accepted',
      requestedBy: ctx.actor.userId,
      types,
      since: null,
      requestUrl: input.requestUrl,
      patientTotal: await repo.countPatients(trx, orgId),
      patientsDone: 0,
      lastPatientId: null,
      error: null,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
    });
    await JobRunner.enqueue(trx, orgId, bulkExportJob, now, { exportId: id });
    await audit({
      action: 'fhir.bulk-export.start',
      entityType: 'fhir_export',
      entityId: id,
    });
  });
  return id;
}

const toNdjson = (resources: readonly { resourceType: string }[]) =>
  resources.map((r) => `${JSON.stringify(r)}\n`).join('');

/**
 * One batch of an export (the durable job): the service's own resources in the first run, then
 * the next patients in id order, each patient's read audited. The batch commits as a whole with
 * the export's progress, so a crash repeats at most one batch and never duplicates lines.
 */
export async function runExportBatch(deps: AppDeps, orgId: string, exportId: string) {
  const more = await deps.db.transaction().execute(async (trx) => {
    const exp = await repo.lockExport(trx, orgId, exportId);
    if (!exp || exp.status === 'completed' || exp.status === 'cancelled' || exp.status === 'failed')
      return false;
    const types = new Set(await repo.typesOfExport(trx, orgId, exportId));
    const now = deps.clock();
    const caller = { actor: { userId: exp.requestedBy, role: 'admin' as const } };
    const byType = new Map<string, { resourceType: string }[]>();
    const add = (rs: readonly { resourceType: string }[]) => {
      for (const r of rs) byType.set(r.resourceType, [...(byType.get(r.resourceType) ?? []), r]);
    };
    if (exp.status === 'accepted') {
      const org = await findOrganization(trx, orgId);
      const settings = await loadSettings(trx, orgId);
      const staff = await repo.staffOf(trx, orgId);
      if (org && types.has('Organization'))
        add([toOrganization({ id: org.id, name: org.name, servicePhone: settings.servicePhone })]);
      if (types.has('Practitioner')) add(staff.map(toPractitioner));
      if (types.has('PractitionerRole')) add(staff.map((u) => toPractitionerRole(u, orgId)));
    }
    const patientIds = await repo.patientIdsAfter(trx, orgId, exp.lastPatientId, patientsPerBatch);
    const perPatient = fhirResourceTypes.filter((t) => types.has(t) && !serviceTypes.includes(t));
    for (const patientId of patientIds) {
      const record = await loadPatientRecord(trx, orgId, patientId, new Set(perPatient), now);
      if (!record) continue;
      for (const t of perPatient) add(mappers[t](record));
      await recordAudit(trx, deps, caller, orgId, {
        action: 'fhir.bulk-export.patient',
        entityType: 'fhir_export',
        entityId: exportId,
        patientId,
      });
    }
    const part = exp.patientsDone + (exp.status === 'accepted' ? 0 : 1);
    await repo.insertExportFiles(
      trx,
      [...byType.entries()].map(([type, resources]) => ({
        organization_id: orgId,
        export_id: exportId,
        resource_type: type,
        part,
        line_count: resources.length,
        content: toNdjson(resources),
      })),
    );
    const finished = patientIds.length < patientsPerBatch;
    await repo.updateExport(trx, orgId, exportId, {
      status: finished ? 'completed' : 'in_progress',
      patients_done: exp.patientsDone + patientIds.length,
      last_patient_id: patientIds.at(-1) ?? exp.lastPatientId,
      updated_at: now,
      ...(finished ? { completed_at: now } : {}),
    });
    if (!finished) await JobRunner.enqueue(trx, orgId, bulkExportJob, now, { exportId });
    return !finished;
  });
  return more;
}

/**
 * Marks an export failed when its batch job has used up its attempts. The reason given to the
 * caller is generic: the job's own error stays in the job table and the server log.
 */
export async function failExport(deps: AppDeps, orgId: string, exportId: string) {
  await deps.db.transaction().execute(async (trx) => {
    const exp = await repo.lockExport(trx, orgId, exportId);
    if (!exp || exp.status === 'completed' || exp.status === 'cancelled') return;
    await repo.updateExport(trx, orgId, exportId, {
      status: 'failed',
      error: 'The export stopped after repeated errors; start a new one.',
      updated_at: deps.clock(),
    });
  });
}

/** Status of an export: in progress (with progress), complete (the manifest), or gone. */
export async function exportStatus(deps: AppDeps, ctx: RequestContext, exportId: string, base: string) {
  await requireExporter(deps, ctx, exportId);
  return inEnvelope(deps, ctx, {}, async ({ trx, audit, organizationId: orgId }) => {
    const exp = await repo.findExport(trx, orgId, exportId);
    if (!exp || exp.status === 'cancelled') throw notFound('export');
    await audit({
      action: 'fhir.bulk-export.status',
      entityType: 'fhir_export',
      entityId: exportId,
    });
    if (exp.status === 'failed') return { kind: 'failed' as const, error: exp.error ?? 'The export failed.' };
    if (exp.status !== 'completed')
      return {
        kind: 'running' as const,
        progress: `${exp.patientsDone} of ${exp.patientTotal} patients`,
      };
    const files = await repo.exportFileSummary(trx, orgId, exportId);
    return {
      kind: 'complete' as const,
      manifest: {
        transactionTime: exp.createdAt.toISOString(),
        request: exp.requestUrl,
        requiresAccessToken: true,
        output: files.map((f) => ({
          type: f.resourceType,
          url: `${base}/$export-file/${exportId}/${f.resourceType}.ndjson`,
          count: f.lines,
        })),
        error: [],
      },
    };
  });
}

/** One NDJSON file of a completed export (its parts joined in order); the download is audited. */
export async function exportFile(deps: AppDeps, ctx: RequestContext, exportId: string, type: string) {
  await requireExporter(deps, ctx, exportId);
  return inEnvelope(deps, ctx, {}, async ({ trx, audit, organizationId: orgId }) => {
    const exp = await repo.findExport(trx, orgId, exportId);
    if (exp?.status !== 'completed') throw notFound('export');
    const parts = await repo.exportFileParts(trx, orgId, exportId, type);
    if (parts.length === 0) throw notFound('file', `The ${type} file was not found.`);
    await audit({
      action: 'fhir.bulk-export.download',
      entityType: 'fhir_export',
      entityId: exportId,
    });
    return parts.map((p) => p.content).join('');
  });
}

/** DELETE on the status URL: cancels a running export or removes a finished one's files. */
export async function cancelExport(deps: AppDeps, ctx: RequestContext, exportId: string) {
  await requireExporter(deps, ctx, exportId);
  await inEnvelope(deps, ctx, {}, async ({ trx, audit, organizationId: orgId }) => {
    const exp = await repo.findExport(trx, orgId, exportId);
    if (!exp || exp.status === 'cancelled') throw notFound('export');
    await repo.lockExport(trx, orgId, exportId);
    await repo.updateExport(trx, orgId, exportId, { status: 'cancelled', updated_at: deps.clock() });
    await repo.deleteExportFiles(trx, orgId, exportId);
    await audit({
      action: 'fhir.bulk-export.cancel',
      entityType: 'fhir_export',
      entityId: exportId,
    });
  });
}
