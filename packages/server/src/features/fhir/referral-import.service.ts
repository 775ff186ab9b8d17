import { can, forbidden, parseReferralBundle } from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { recordDenied } from '../../platform/audit/audit.service.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { localDate } from '../../platform/time.ts';
import { insertReferralRequest } from '../intake/intake.service.ts';
import { FhirOutcomeError } from './fhir-http.ts';

/**
 * `POST /Bundle`: a hospital's referral becomes an intake request in the coordinators' queue,
 * with its callback deadline and the referral data attached. No patient is created (the
 * commission still decides). A Bundle with any problem is refused whole, every problem named;
 * an accepted one is written in one transaction.
 */
export async function importReferral(deps: AppDeps, ctx: RequestContext, body: unknown) {
  const orgId = ctx.actor.organizationId;
  if (!can(ctx.actor, 'fhir:import')) {
    await recordDenied(deps, ctx, { action: 'fhir.import', entityType: 'care_request' });
    throw forbidden();
  }
  const settings = await loadSettings(deps.db, orgId);
  const parsed = parseReferralBundle(body, localDate(deps.clock(), settings.timeZone));
  if (!parsed.ok) {
    const failed = { action: 'fhir.import', entityType: 'care_request', outcome: 'failed' } as const;
    await inEnvelope(deps, ctx, { audit: failed }, async () => undefined);
    throw new FhirOutcomeError(400, parsed.issues);
  }
  const created = await inEnvelope(deps, ctx, {}, (env) =>
    insertReferralRequest(env, deps, ctx, parsed.request, parsed.referral),
  );
  return { id: created.id, reference: created.reference, callbackDueAt: created.dueAt };
}
