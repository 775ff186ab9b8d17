import type {
  CareRequest,
  CareRequestBody,
  careRequestListQuerySchema,
  intakeConfirmationSchema,
} from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/page.ts';

export interface PublicInfo {
  servicePhone: string;
  callbackWithinMinutes: number;
  organizationName: string;
}
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
    queryFn: () => api.get<PublicInfo>('/intake/public-info'),
    staleTime: 10 * 60_000,
  });
}

export const submitPublicRequest = (body: CareRequestBody) =>
  api.post<IntakeConfirmation>('/intake/requests', body);

export function useRequests(status: RequestStatusFilter) {
  return useQuery({
    queryKey: intakeKeys.list(status),
    queryFn: () => api.get<Page<CareRequest>>('/intake/requests', { status, limit: 100 }),
    // the countdowns tick locally; this catches changes made by a colleague if SSE is down
    refetchInterval: 60_000,
  });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: intakeKeys.one(id),
    queryFn: () => api.get<CareRequest>(`/intake/requests/${id}`),
  });
}

export function usePhoneRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CareRequestBody) => api.post<CareRequest>('/intake/requests/phone', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: intakeKeys.all }),
  });
}

export function useRecordCall(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { outcome: string; note?: string }) =>
      api.post<CareRequest>(`/intake/requests/${id}/calls`, body),
    onSuccess: (updated) => {
      qc.setQueryData(intakeKeys.one(id), updated);
      return qc.invalidateQueries({ queryKey: intakeKeys.all });
    },
  });
}
