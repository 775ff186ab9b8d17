import type { Me } from '@hearth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, setCsrfToken } from '../../api/client.ts';
import { meKey } from '../../auth/me.ts';
import { clearFieldData } from '../care/outbox.ts';

export const login = (body: { email: string; password: string }) => api.post<Me>('/auth/login', body);
export const acceptInvitation = (body: { token: string; password: string }) =>
  api.post<{ email: string }>('/auth/accept-invitation', body);
export const changePassword = (body: { currentPassword: string; newPassword: string }) =>
  api.post<{ ok: true }>('/auth/password', body);

/** Ends the session and forgets everything cached for this user. */
export function useLogout() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      clearFieldData();
      qc.clear();
      qc.setQueryData(meKey, null);
      void navigate('/login', { replace: true });
    },
  });
}
