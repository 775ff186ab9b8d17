import {
  type Action,
  type Actor,
  authRoutes,
  can,
  isPortalRole,
  type Me,
  type PermissionTarget,
} from '@hearth/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { isApiError } from '../api/api-error.ts';
import { call } from '../api/call.ts';
import { setCsrfToken } from '../api/client.ts';
import { rememberServiceZone } from '../format/service-clock.ts';
import { deleteKv, readKv, writeKv } from '../offline/field-db.ts';
import { outbox } from '../offline/outbox.ts';

const lastMeKey = 'me';

export const meKey = ['me'] as const;

/** Who is logged in, or null. Also refreshes the CSRF token the client sends. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await call(authRoutes.me);
    setCsrfToken(me.csrfToken);
    rememberServiceZone(me.timeZone);
    await writeKv(lastMeKey, me).catch(() => undefined);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      await deleteKv(lastMeKey).catch(() => undefined);
      return null;
    }
    // offline (issue 14): the phone opens as the person last seen logged in; the outbox
    // learns on its first send whether that session still holds
    if (isApiError(e) && e.status === 0) {
      const last = await readKv<Me>(lastMeKey).catch(() => undefined);
      if (last) {
        setCsrfToken(last.csrfToken);
        rememberServiceZone(last.timeZone);
        return last;
      }
    }
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** The logged-in user; only for components rendered behind a guard that waited for it. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  // A screen that rendered with a user keeps that user until it unmounts: at logout the cached
  // user is dropped while the last screen is still being taken down (issue 14's crash).
  const last = useRef(data);
  if (data) last.current = data;
  if (!last.current) throw new Error('useCurrentUser needs a logged-in user (render it behind a guard).');
  return last.current;
}

export const actorOf = (me: Me): Actor => ({
  userId: me.id,
  organizationId: me.organizationId,
  role: me.role,
  linkedPatientIds: me.linkedPatientIds,
  designatedPatientIds: me.designatedPatientIds,
  isLead: me.isLead,
});

/** The domain's permission matrix, bound to the current user: the web hides what it may not do. */
export function useCan() {
  const me = useCurrentUser();
  return useCallback((action: Action, target?: PermissionTarget) => can(actorOf(me), action, target), [me]);
}

export const homeOf = (me: Me) => (isPortalRole(me.role) ? '/portal' : '/app');

/** Accepts a fresh session (after login). */
export function useSetMe() {
  const qc = useQueryClient();
  return useCallback(
    (me: Me | null) => {
      setCsrfToken(me?.csrfToken ?? null);
      qc.setQueryData(meKey, me);
      // a fresh login sends what waited for it (the queue stopped at a 401)
      if (me) {
        outbox.renewed(me.id);
        void writeKv(lastMeKey, me).catch(() => undefined);
      }
    },
    [qc],
  );
}
