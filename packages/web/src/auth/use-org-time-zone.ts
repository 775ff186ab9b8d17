import { serviceZone } from '../format/service-clock.ts';
import { useMe } from './me.ts';

/**
 * The service's time zone (settings), for every time a person reads or types. Until the first
 * /auth/me after an upgrade a phone's cached user may not carry the zone yet; then the zone
 * remembered from an earlier answer (or the browser's) is the same fallback the date defaults use.
 */
export function useOrgTimeZone(): string {
  return useMe().data?.timeZone || serviceZone();
}
