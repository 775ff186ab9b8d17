import { type Assessment, assessmentRoutes } from '@hearth/domain';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/call.ts';
import { useOutboxMutation } from '../../offline/use-outbox-mutation.ts';

/** One record with its earlier versions (corrections keep the original). */
export const useAssessmentRecord = (patientId: string, recordId: string | null) =>
  useQuery({
    queryKey: ['assessments', patientId, 'record', recordId],
    queryFn: () => call(assessmentRoutes.get, { params: { patientId, recordId: recordId ?? '' } }),
    enabled: recordId !== null,
  });

/**
 * Records a new assessment, or a correction (a new version) when `recordId` is given, through the
 * phone's outbox: it resolves to the saved assessment, or to null when it waits on the phone.
 */
export function useSaveAssessment(patientId: string) {
  return useOutboxMutation<
    { recordId: string | null; body: Record<string, unknown>; label: string },
    Assessment
  >({
    command: ({ recordId, body, label }) => ({
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
    // the recorder's section says "saved on the phone" where the form was
    queuedNotice: false,
    invalidate: [['assessments'], ['alerts'], ['tasks'], ['home']],
  });
}
