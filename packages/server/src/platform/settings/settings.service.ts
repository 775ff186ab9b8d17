import { notFound, type OrganizationSettings } from '@hearth/domain';
import type { AppDeps } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import * as repo from './settings.repository.ts';

/**
 * Parsed settings per organization. Nearly every request needs them and they change only
 * through `updateSettings`, which drops the entry here and, through the event bus (Postgres
 * NOTIFY), in every other server process.
 */
const cache = new Map<string, OrganizationSettings>();

/** The event that tells every process to forget an organization's cached settings. */
export const settingsChangedEvent = 'settings.changed';

/** Stored settings merged over the defaults, so a new setting is safe for old organizations. */
export async function loadSettings(db: Conn, organizationId: string): Promise<OrganizationSettings> {
  const cached = cache.get(organizationId);
  if (cached) return cached;
  const settings = (await readStoredSettings(db, organizationId)).value;
  cache.set(organizationId, settings);
  return settings;
}

/**
 * Reads past the cache. A stored value that no longer passes its rule (e.g. a time zone the
 * runtime does not know) is read as its default, so it can never take the service down;
 * `replaced` lists them so the administrator can be told (issue 17).
 */
export async function readStoredSettings(db: Conn, organizationId: string) {
  const org = await repo.findOrganization(db, organizationId);
  if (!org) throw notFound('organization');
  return { value: org.settings, replaced: org.replacedSettings };
}

export const forgetSettings = (organizationId: string) => cache.delete(organizationId);

/** Call after the change committed: this process forgets at once, the others on the event. */
export async function settingsChanged(deps: Pick<AppDeps, 'events'>, organizationId: string) {
  forgetSettings(organizationId);
  await deps.events.publish({ organizationId, type: settingsChangedEvent, roles: [] });
}
