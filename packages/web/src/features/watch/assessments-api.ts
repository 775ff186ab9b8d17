import type { Assessment } from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { outbox } from '../../offline/outbox.ts';

/** One record with its earlier versions (corrections keep the original). */
export const useAssessmentRecord = (patientId: string, recordId: string | null) =>
  useQuery({
    queryKey: ['assessments', patientId, 'record', recordId],
    queryFn: () => api.get<Assessment>(`/patients/${patientId}/assessments/${recordId}`),
    enabled: recordId !== null,
  });

/**
 * Records a new assessment, or a correction (a new version) when `recordId` is given, through the
 * phone's outbox: it resolves to the saved assessment, or to null when it waits on the phone.
 */
export function useSaveAssessment(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    // the outbox decides what to do without a connection; React Query must not hold it back
    networkMode: 'always',
    mutationFn: ({
      recordId,
      body,
      label,
    }: {
      recordId: string | null;
      body: Record<string, unknown>;
      label: string;
    }) =>
      outbox.submit<Assessment>({
        method: 'POST',
        path: recordId
          ? `/patients/${patientId}/assessments/${recordId}/corrections`
          : `/patients/${patientId}/assessments`,
        body,
        kind: recordId ? 'assessment.correct' : 'assessment.record',
        label,
        patientId,
        visitId: typeof body.visitId === 'string' ? body.visitId : null,
      }),
    onSuccess: async () => {
      for (const key of ['assessments', 'alerts', 'tasks', 'home']) {
        await qc.invalidateQueries({ queryKey: [key] });
      }
    },
  });
}
