import { deleteKv } from './field-db.ts';

/** The name of the service worker's cache of field reads (vite.config.ts uses the same one). */
export const fieldReadsCache = 'hearth-field-data';

/**
 * Patient data on the phone goes at logout: visit drafts, the cached caseload and the service
 * worker's copies of the field reads. The outbox is NOT cleared: unsent work stays on the phone,
 * bound to its author, and is sent the next time that person logs in (the logout dialog says so).
 */
export async function clearFieldData() {
  for (const k of Object.keys(localStorage))
    if (k.startsWith('hearth.visitDraft.') || k.startsWith('hearth.outbox')) localStorage.removeItem(k);
  if ('caches' in window) await caches.delete(fieldReadsCache).catch(() => undefined);
  await deleteKv('caseload').catch(() => undefined);
  // the last logged-in user, kept so the phone opens offline (auth/me.ts)
  await deleteKv('me').catch(() => undefined);
}
