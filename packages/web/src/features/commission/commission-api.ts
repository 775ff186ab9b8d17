import type {
  CommissionCase,
  CommissionDecisionBody,
  CommissionStatus,
  commissionDocumentSchema,
  commissionReferBodySchema,
} from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/page.ts';

export type CommissionReferBody = z.output<typeof commissionReferBodySchema>;
export type CommissionDocument = z.infer<typeof commissionDocumentSchema>;

export const commissionKeys = {
  all: ['commission'] as const,
  list: (status: string) => ['commission', 'list', status] as const,
  one: (id: string) => ['commission', 'one', id] as const,
};

export function useCases(status: CommissionStatus | 'all') {
  return useQuery({
    queryKey: commissionKeys.list(status),
    queryFn: () =>
      api.get<Page<CommissionCase>>('/commission/cases', {
        status: status === 'all' ? undefined : status,
        limit: 100,
      }),
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: commissionKeys.one(id),
    queryFn: () => api.get<CommissionCase>(`/commission/cases/${id}`),
  });
}

export function useRefer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CommissionReferBody) => api.post<CommissionCase>('/commission/cases', body),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: commissionKeys.all }),
        qc.invalidateQueries({ queryKey: ['intake'] }),
      ]),
  });
}

export function useUploadDocument(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.upload<CommissionDocument>(`/commission/cases/${caseId}/documents`, file),
    onSuccess: () => qc.invalidateQueries({ queryKey: commissionKeys.one(caseId) }),
  });
}

export function useDecide(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CommissionDecisionBody) =>
      api.post<CommissionCase>(`/commission/cases/${caseId}/decision`, body),
    onSuccess: (updated) => {
      qc.setQueryData(commissionKeys.one(caseId), updated);
      return Promise.all([
        qc.invalidateQueries({ queryKey: commissionKeys.all }),
        qc.invalidateQueries({ queryKey: ['patients'] }),
      ]);
    },
  });
}
