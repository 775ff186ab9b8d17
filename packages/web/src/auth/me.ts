import { type Action, type Actor, can, isPortalRole, type Me, type PermissionTarget } from '@hearth/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { isApiError } from '../api/api-error.ts';
import { api, setCsrfToken } from '../api/client.ts';

export const meKey = ['me'] as const;

/** Who is logged in, or null. Also refreshes the CSRF token the client sends. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
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
  if (!data) throw new Error('useCurrentUser needs a logged-in user (render it behind a guard).');
  return data;
}

export const actorOf = (me: Me): Actor => ({
  userId: me.id,
  organizationId: me.organizationId,
  role: me.role,
  linkedPatientIds: me.linkedPatientIds,
  designatedPatientIds: me.designatedPatientIds,
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
    },
    [qc],
  );
}
