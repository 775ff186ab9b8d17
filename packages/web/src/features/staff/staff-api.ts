import type { invitationSchema, inviteStaffBodySchema, StaffMember } from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/page.ts';

export type Invitation = z.infer<typeof invitationSchema>;
export type InviteStaffBody = z.output<typeof inviteStaffBodySchema>;

export const staffKeys = { all: ['staff'] as const };

export function useStaff(enabled = true) {
  return useQuery({
    queryKey: staffKeys.all,
    queryFn: () => api.get<Page<StaffMember>>('/staff', { limit: 200 }),
    enabled,
  });
}

export function useInviteStaff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteStaffBody) => api.post<Invitation>('/staff', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: staffKeys.all }),
  });
}

export function useSetStaffActive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, active }: { userId: string; active: boolean }) =>
      // reactivating someone who never accepted answers with a new invitation (the old link is dead)
      api.post<{ ok: true; invitation?: Invitation | null }>(
        `/staff/${userId}/${active ? 'reactivate' : 'deactivate'}`,
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: staffKeys.all }),
  });
}

/** The link an invited person opens to choose a password; shown once to the inviter. */
export const invitationLink = (token: string, origin = window.location.origin) =>
  `${origin}/accept-invitation?token=${encodeURIComponent(token)}`;
