import {
  because,
  can,
  checkServiceArea,
  conflict,
  forbidden,
  type GeocodeResult,
  geocoderTimeoutMs,
  nominatimAnswerSchema,
} from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';

/**
 * Looks an address up in the organization's Nominatim-compatible service and checks the point
 * against the service area. The call is made by the server (the browser never talks to the
 * service, and the URL stays a setting) and waits at most `geocoderTimeoutMs`.
 */
export async function lookUpAddress(
  deps: AppDeps,
  ctx: RequestContext,
  address: string,
): Promise<GeocodeResult> {
  if (!can(ctx.actor, 'patient:create') && !can(ctx.actor, 'patient:update')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const settings = await loadSettings(deps.db, orgId);
  if (!settings.geocoderUrl)
    throw conflict(
      'Address lookup is not set up: an administrator can give its address in Settings.',
      { reason: 'geocoder_off' },
      because('geocoder.off'),
    );
  const url = new URL(settings.geocoderUrl);
  url.searchParams.set('q', address);
  url.searchParams.set('format', 'json');
  url.searchParams.set('limit', '1');
  // an address is about a person: the lookup is audited like a read of patient data
  await recordAudit(deps.db, deps, ctx, orgId, { action: 'address.lookup', entityType: 'address' });
  let answer: unknown;
  try {
    const res = await fetch(url, {
      headers: { accept: 'application/json', 'user-agent': 'Hearth palliative care (address lookup)' },
      signal: AbortSignal.timeout(geocoderTimeoutMs),
    });
    if (!res.ok) throw new Error(`answered ${res.status}`);
    answer = await res.json();
  } catch (err) {
    throw conflict(
      `The address lookup service did not answer (${err instanceof Error ? err.message : 'no answer'}). Enter the coordinates by hand or try again later.`,
      { reason: 'geocoder_failed' },
      because('geocoder.failed'),
    );
  }
  const places = nominatimAnswerSchema.safeParse(answer);
  if (!places.success)
    throw conflict(
      'The address lookup service answered in a form Hearth does not read.',
      { reason: 'geocoder_failed' },
      because('geocoder.failed'),
    );
  const place = places.data[0];
  if (!place)
    throw conflict(
      'No place was found for this address. Check the spelling or enter the coordinates.',
      { reason: 'not_found' },
      because('geocoder.noPlace'),
    );
  const coordinates = { lat: place.lat, lon: place.lon };
  return {
    coordinates,
    displayName: place.display_name,
    serviceArea: checkServiceArea(settings.base, coordinates, settings.serviceRadiusKm),
  };
}
