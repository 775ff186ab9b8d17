import type { FamilyMember, inviteFamilyBodySchema } from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';
import { patientKeys } from '../patients/patients-api.ts';
import type { Invitation } from '../staff/staff-api.ts';

export type InviteFamilyBody = z.output<typeof inviteFamilyBodySchema>;

export function useFamily(patientId: string) {
  return useQuery({
    queryKey: patientKeys.family(patientId),
    queryFn: () => api.get<FamilyMember[]>(`/patients/${patientId}/family`),
  });
}

export function useInviteFamily(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteFamilyBody) => api.post<Invitation>(`/patients/${patientId}/family`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: patientKeys.all }),
  });
}

export function useRemoveFamily(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete<unknown>(`/patients/${patientId}/family/${userId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: patientKeys.all }),
  });
}
