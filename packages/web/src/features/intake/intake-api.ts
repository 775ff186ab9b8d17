import {
  type CareRequestBody,
  type ContractInput,
  type careRequestListQuerySchema,
  type intakeConfirmationSchema,
  intakeRoutes,
} from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api/call.ts';

export type IntakeConfirmation = z.infer<typeof intakeConfirmationSchema>;
export type RequestStatusFilter = z.input<typeof careRequestListQuerySchema>['status'] & string;

export const intakeKeys = {
  all: ['intake'] as const,
  list: (status: string) => ['intake', 'list', status] as const,
  one: (id: string) => ['intake', 'one', id] as const,
};

export function usePublicInfo() {
  return useQuery({
    queryKey: ['public-info'],
    queryFn: () => call(intakeRoutes.publicInfo),
    staleTime: 10 * 60_000,
  });
}

export const submitPublicRequest = (body: CareRequestBody) => call(intakeRoutes.submitPublic, { body });

export function useRequests(status: RequestStatusFilter) {
  return useQuery({
    queryKey: intakeKeys.list(status),
    queryFn: () => call(intakeRoutes.list, { query: { status, limit: 100 } }),
    // the countdowns tick locally; this catches changes made by a colleague if SSE is down
    refetchInterval: 60_000,
  });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: intakeKeys.one(id),
    queryFn: () => call(intakeRoutes.get, { params: { id } }),
  });
}

export function usePhoneRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CareRequestBody) => call(intakeRoutes.enterPhone, { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: intakeKeys.all }),
  });
}

export function useRecordCall(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ContractInput<typeof intakeRoutes.recordCall>['body']) =>
      call(intakeRoutes.recordCall, { params: { id }, body }),
    onSuccess: (updated) => {
      qc.setQueryData(intakeKeys.one(id), updated);
      return qc.invalidateQueries({ queryKey: intakeKeys.all });
    },
  });
}
