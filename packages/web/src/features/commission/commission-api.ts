import {
  type CommissionDecisionBody,
  type CommissionStatus,
  type commissionDocumentSchema,
  type commissionReferBodySchema,
  commissionRoutes,
} from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api/call.ts';
import { api } from '../../api/client.ts';

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
      call(commissionRoutes.list, { query: { status: status === 'all' ? undefined : status, limit: 100 } }),
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: commissionKeys.one(id),
    queryFn: () => call(commissionRoutes.get, { params: { id } }),
  });
}

export function useRefer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CommissionReferBody) => call(commissionRoutes.refer, { body }),
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
    // a multipart upload: the file goes as FormData, outside the JSON contracts
    mutationFn: (file: File) => api.upload<CommissionDocument>(`/commission/cases/${caseId}/documents`, file),
    onSuccess: () => qc.invalidateQueries({ queryKey: commissionKeys.one(caseId) }),
  });
}

export function useDecide(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CommissionDecisionBody) =>
      call(commissionRoutes.decide, { params: { id: caseId }, body }),
    onSuccess: (updated) => {
      qc.setQueryData(commissionKeys.one(caseId), updated);
      return Promise.all([
        qc.invalidateQueries({ queryKey: commissionKeys.all }),
        qc.invalidateQueries({ queryKey: ['patients'] }),
      ]);
    },
  });
}
