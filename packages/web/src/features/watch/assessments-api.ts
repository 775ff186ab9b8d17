import type { Assessment } from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** One record with its earlier versions (corrections keep the original). */
export const useAssessmentRecord = (patientId: string, recordId: string | null) =>
  useQuery({
    queryKey: ['assessments', patientId, 'record', recordId],
    queryFn: () => api.get<Assessment>(`/patients/${patientId}/assessments/${recordId}`),
    enabled: recordId !== null,
  });

/** Records a new assessment, or a correction (a new version) when `recordId` is given. */
export function useSaveAssessment(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ recordId, body }: { recordId: string | null; body: Record<string, unknown> }) =>
      recordId
        ? api.post<Assessment>(`/patients/${patientId}/assessments/${recordId}/corrections`, body)
        : api.post<Assessment>(`/patients/${patientId}/assessments`, body),
    onSuccess: async () => {
      for (const key of ['assessments', 'alerts', 'tasks', 'home']) {
        await qc.invalidateQueries({ queryKey: [key] });
      }
    },
  });
}
