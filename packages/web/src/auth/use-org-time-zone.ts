import { useMe } from './me.ts';

/** Until the first /auth/me after an upgrade, a phone's cached user may not carry the zone yet. */
const fallbackZone = 'Europe/Minsk';

/** The service's time zone (settings), for every time a person reads or types. */
export function useOrgTimeZone(): string {
  return useMe().data?.timeZone || fallbackZone;
}
