import { type invitationSchema, type inviteStaffBodySchema, staffRoutes } from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api/call.ts';

export type Invitation = z.infer<typeof invitationSchema>;
export type InviteStaffBody = z.output<typeof inviteStaffBodySchema>;

export const staffKeys = { all: ['staff'] as const };

export function useStaff(enabled = true) {
  return useQuery({
    queryKey: staffKeys.all,
    queryFn: () => call(staffRoutes.list, { query: { limit: 200 } }),
    enabled,
  });
}

export function useInviteStaff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteStaffBody) => call(staffRoutes.invite, { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: staffKeys.all }),
  });
}

export function useSetStaffActive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, active }: { userId: string; active: boolean }) =>
      // reactivating someone who never accepted answers with a new invitation (the old link is dead)
      active
        ? call(staffRoutes.reactivate, { params: { userId } })
        : call(staffRoutes.deactivate, { params: { userId } }).then((r) => ({ ...r, invitation: null })),
    onSuccess: () => qc.invalidateQueries({ queryKey: staffKeys.all }),
  });
}

/** The link an invited person opens to choose a password; shown once to the inviter. */
export const invitationLink = (token: string, origin = window.location.origin) =>
  `${origin}/accept-invitation?token=${encodeURIComponent(token)}`;
