import { familyRoutes, type inviteFamilyBodySchema } from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api/call.ts';
import { patientKeys } from '../patients/patients-api.ts';

export type InviteFamilyBody = z.output<typeof inviteFamilyBodySchema>;

export function useFamily(patientId: string) {
  return useQuery({
    queryKey: patientKeys.family(patientId),
    queryFn: () => call(familyRoutes.list, { params: { patientId } }),
  });
}

export function useInviteFamily(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteFamilyBody) => call(familyRoutes.invite, { params: { patientId }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: patientKeys.all }),
  });
}

export function useRemoveFamily(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => call(familyRoutes.remove, { params: { patientId, userId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: patientKeys.all }),
  });
}
