import {
  type Actor,
  can,
  type DateCondition,
  dateMatches,
  type FhirResourceType,
  fhirResourceTypes,
  fhirSearchParams,
  forbidden,
  notFound,
  type OutcomeIssue,
  parseDateCondition,
  searchDateOf,
} from '@hearth/domain';
import type { Resource } from '@medplum/fhirtypes';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { recordDenied } from '../../platform/audit/audit.service.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { findOrganization } from '../../platform/settings/settings.repository.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { findUser, patientOfResource } from './fhir.repository.ts';
import { FhirOutcomeError } from './fhir-http.ts';
import { mappers } from './mappers/index.ts';
import { toOrganization, toPractitioner, toPractitionerRole } from './mappers/practitioner.ts';
import { loadPatientRecord, readRightOf } from './patient-record.ts';

/** The resource types an actor may read for a patient (FHIR gives what the REST API gives). */
export const readableTypes = (actor: Actor, patientId?: string) =>
  new Set(
    fhirResourceTypes.filter(
      (t) => can(actor, 'fhir:read') && can(actor, readRightOf[t], patientId ? { patientId } : {}),
    ),
  );

/** Family members and volunteers get nothing from FHIR; refusals are audited. */
async function requireReader(deps: AppDeps, ctx: RequestContext, type: FhirResourceType, id: string | null) {
  if (can(ctx.actor, 'fhir:read') && can(ctx.actor, readRightOf[type], {})) return;
  await recordDenied(deps, ctx, { action: `fhir.${type}`, entityType: 'fhir', entityId: id });
  throw forbidden();
}

/** Resources of one patient, deduplicated by type and id, the Patient first. */
async function patientResources(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  types: ReadonlySet<FhirResourceType>,
  action: string,
) {
  const envelope = {
    patient: { id: patientId, action: 'patient:read' },
    audit: { action, entityType: 'patient', entityId: patientId },
  } as const;
  return inEnvelope(deps, ctx, envelope, async ({ trx, organizationId: orgId }) => {
    const record = await loadPatientRecord(trx, orgId, patientId, types, deps.clock());
    if (!record) throw notFound('patient');
    const seen = new Set<string>();
    return fhirResourceTypes
      .filter((t) => types.has(t))
      .flatMap((t) => mappers[t](record))
      .filter((r) => {
        const key = `${r.resourceType}/${r.id}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  });
}

/** Bundle of type searchset; `$everything` answers with one too (FHIR R4 Patient-everything). */
export const searchset = (base: string, selfUrl: string, resources: readonly Resource[]) => ({
  resourceType: 'Bundle' as const,
  type: 'searchset' as const,
  total: resources.length,
  link: [{ relation: 'self', url: selfUrl }],
  entry: resources.map((resource) => ({
    fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
    resource,
    search: { mode: 'match' as const },
  })),
});

/** Patient/{id}/$everything: every resource of the patient the caller may read. */
export async function everything(deps: AppDeps, ctx: RequestContext, patientId: string) {
  await requireReader(deps, ctx, 'Patient', patientId);
  return patientResources(deps, ctx, patientId, readableTypes(ctx.actor, patientId), 'fhir.everything');
}

/** Read one resource by its type and id. */
export async function readResource(deps: AppDeps, ctx: RequestContext, type: FhirResourceType, id: string) {
  await requireReader(deps, ctx, type, id);
  const orgId = ctx.actor.organizationId;
  if (type === 'Organization' || type === 'Practitioner' || type === 'PractitionerRole')
    return readServiceResource(deps, ctx, type, id);
  const patientId = await patientOfResource(deps.db, orgId, type, id);
  if (!patientId) throw notFound('resource', `${type}/${id} was not found.`);
  const found = (await patientResources(deps, ctx, patientId, new Set([type]), 'fhir.read')).find(
    (r) => r.resourceType === type && r.id === id,
  );
  if (!found) throw notFound('resource', `${type}/${id} was not found.`);
  return found;
}

/** The organization and its staff are not patient data, but reading them is still audited. */
async function readServiceResource(
  deps: AppDeps,
  ctx: RequestContext,
  type: 'Organization' | 'Practitioner' | 'PractitionerRole',
  id: string,
) {
  return inEnvelope(deps, ctx, {}, async ({ trx, audit, organizationId: orgId }) => {
    let resource: Resource | null = null;
    if (type === 'Organization') {
      const org = id === orgId ? await findOrganization(trx, orgId) : undefined;
      if (org)
        resource = toOrganization({
          id: org.id,
          name: org.name,
          servicePhone: (await loadSettings(trx, orgId)).servicePhone,
        });
    } else {
      const user = await findUser(trx, orgId, id);
      if (user && user.role !== 'family' && user.role !== 'volunteer')
        resource = type === 'Practitioner' ? toPractitioner(user) : toPractitionerRole(user, orgId);
    }
    if (!resource) throw notFound('resource', `${type}/${id} was not found.`);
    await audit({ action: 'fhir.read', entityType: type, entityId: id });
    return resource;
  });
}

export const isUuid = (s: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

type Query = Record<string, string | string[] | undefined>;

/** `GET /{type}?patient=…&date=…`: the patient's resources of that type, filtered by date. */
export async function searchResources(
  deps: AppDeps,
  ctx: RequestContext,
  type: FhirResourceType,
  query: Query,
) {
  await requireReader(deps, ctx, type, null);
  const allowed = fhirSearchParams[type].map((p) => p.name);
  const problems: OutcomeIssue[] = Object.keys(query)
    .filter((k) => !allowed.includes(k) && k !== '_format')
    .map((k) => ({
      severity: 'error',
      code: 'not-supported',
      text: `${type} has no search parameter "${k}"; it supports ${allowed.join(', ')}.`,
      expression: k,
    }));
  const patientParam = type === 'Patient' ? '_id' : 'patient';
  const patientValues = [query[patientParam] ?? []].flat();
  const patientId = patientValues[0]?.replace(/^Patient\//, '');
  if (patientValues.length !== 1 || !patientId)
    problems.push({
      severity: 'error',
      code: 'not-supported',
      text: `Search ${type} by one patient: ${patientParam}=<id>.`,
      expression: patientParam,
    });
  const conditions: DateCondition[] = [];
  for (const raw of [query.date ?? []].flat()) {
    const c = parseDateCondition(raw);
    if (c) conditions.push(c);
    else
      problems.push({
        severity: 'error',
        code: 'value',
        text: `date=${raw} is not a FHIR date search (e.g. ge2026-11-01 or 2026-11-20).`,
        expression: 'date',
      });
  }
  if (problems.length || !patientId) throw new FhirOutcomeError(400, problems);
  if (!isUuid(patientId)) throw notFound('patient');
  const resources = await patientResources(deps, ctx, patientId, new Set([type]), 'fhir.search');
  return resources.filter(
    (r) => r.resourceType === type && dateMatches(searchDateOf(r as never), conditions),
  );
}
