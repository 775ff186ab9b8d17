import { authRoutes, type ContractInput } from '@hearth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { call } from '../../api/call.ts';
import { setCsrfToken } from '../../api/client.ts';
import { meKey } from '../../auth/me.ts';
import { clearFieldData } from '../../offline/clear-field-data.ts';
import { outbox } from '../../offline/outbox.ts';

type BodyOf<C extends keyof typeof authRoutes> = ContractInput<(typeof authRoutes)[C]>['body'];

export const login = (body: BodyOf<'login'>) => call(authRoutes.login, { body });
export const acceptInvitation = (body: BodyOf<'acceptInvitation'>) =>
  call(authRoutes.acceptInvitation, { body });
export const changePassword = (body: BodyOf<'changePassword'>) => call(authRoutes.changePassword, { body });

/**
 * Ends the session and forgets everything cached for this user. The logout itself is never
 * queued behind the outbox: the outbox stops sending for this user first (so nothing goes with a
 * dead session), the page leaves the workspace, and only then is the cached user dropped, so no
 * screen that needs a logged-in user renders without one.
 */
export function useLogout() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      outbox.setSession(null);
      await call(authRoutes.logout).catch(() => undefined);
      await clearFieldData();
    },
    onSettled: async () => {
      setCsrfToken(null);
      await navigate('/login', { replace: true });
      qc.setQueryData(meKey, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
    },
  });
}
