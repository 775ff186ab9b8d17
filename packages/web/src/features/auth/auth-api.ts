import type { Me } from '@hearth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, setCsrfToken } from '../../api/client.ts';
import { meKey } from '../../auth/me.ts';
import { clearFieldData } from '../../offline/clear-field-data.ts';
import { outbox } from '../../offline/outbox.ts';

export const login = (body: { email: string; password: string }) => api.post<Me>('/auth/login', body);
export const acceptInvitation = (body: { token: string; password: string }) =>
  api.post<{ email: string }>('/auth/accept-invitation', body);
export const changePassword = (body: { currentPassword: string; newPassword: string }) =>
  api.post<{ ok: true }>('/auth/password', body);

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
      await api.post<{ ok: true }>('/auth/logout').catch(() => undefined);
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
