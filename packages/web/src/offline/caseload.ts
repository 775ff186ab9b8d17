import { type FieldCaseload, fieldRoutes } from '@hearth/domain';
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../api/api-error.ts';
import { call } from '../api/call.ts';
import { readKv, writeKv } from './field-db.ts';

interface StoredCaseload {
  userId: string;
  caseload: FieldCaseload;
}

const key = 'caseload';

/** The copy on the phone, if it is this user's and not past its `expiresAt`. */
export async function storedCaseload(userId: string, now = new Date()): Promise<FieldCaseload | null> {
  const stored = await readKv<StoredCaseload>(key).catch(() => undefined);
  if (!stored || stored.userId !== userId) return null;
  return new Date(stored.caseload.expiresAt).getTime() > now.getTime() ? stored.caseload : null;
}

/**
 * What the nurse needs for her visits of today and tomorrow. Fetched when the staff shell opens
 * (so at login and at the start of the day), on every sync and every 15 minutes; kept in
 * IndexedDB so the visit card works without a connection until the copy expires.
 */
export function useCaseload(userId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['field-caseload', userId],
    enabled: enabled && userId !== null,
    staleTime: 60_000,
    refetchInterval: 15 * 60_000,
    retry: false,
    // offline the query keeps its last data; a reload offline reads the phone's copy
    networkMode: 'always',
    queryFn: async (): Promise<FieldCaseload | null> => {
      const who = userId as string;
      try {
        const caseload = await call(fieldRoutes.caseload);
        await writeKv(key, { userId: who, caseload } satisfies StoredCaseload);
        return caseload;
      } catch (e) {
        // a role without visits (403) has no caseload; anything else falls back to the copy
        if (isApiError(e) && e.status === 403) return null;
        return storedCaseload(who);
      }
    },
  });
}
