import type {
  Alert,
  AlertResolveBody,
  Assessment,
  ClinicalTask,
  DiaryBody,
  DiaryEntry,
  DiaryView,
} from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/page.ts';

/** Query keys start with the feature name the live events use (see live/event-keys.ts). */
export const watchKeys = {
  alerts: (f: object) => ['alerts', f] as const,
  diary: (patientId: string) => ['diary', patientId] as const,
  assessments: (patientId: string) => ['assessments', patientId] as const,
  tasks: (patientId?: string) => ['tasks', patientId ?? 'all'] as const,
};

export function useAlerts(filter: { status?: string; mine?: boolean; patientId?: string }) {
  return useQuery({
    queryKey: watchKeys.alerts(filter),
    queryFn: () =>
      api.get<Page<Alert>>('/alerts', {
        status: filter.status ?? 'active',
        mine: filter.mine ? 'true' : undefined,
        patientId: filter.patientId,
        limit: 100,
      }),
  });
}

function useWatchMutation<V, R>(send: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      for (const key of ['alerts', 'diary', 'assessments', 'tasks', 'notifications']) {
        await qc.invalidateQueries({ queryKey: [key] });
      }
    },
  });
}

export const useAcknowledge = () =>
  useWatchMutation((id: string) => api.post<Alert>(`/alerts/${id}/acknowledge`));
export const useResolve = () =>
  useWatchMutation(({ id, body }: { id: string; body: AlertResolveBody }) =>
    api.post<Alert>(`/alerts/${id}/resolve`, body),
  );

export const useDiary = (patientId: string) =>
  useQuery({
    queryKey: watchKeys.diary(patientId),
    queryFn: () => api.get<DiaryView>(`/patients/${patientId}/diary`),
  });
export const useRecordDiary = (patientId: string) =>
  useWatchMutation((body: DiaryBody) => api.post<DiaryEntry>(`/patients/${patientId}/diary`, body));

export const useAssessments = (patientId: string) =>
  useQuery({
    queryKey: watchKeys.assessments(patientId),
    queryFn: () => api.get<{ items: Assessment[] }>(`/patients/${patientId}/assessments`, { limit: 500 }),
  });
export const useRecordAssessment = (patientId: string) =>
  useWatchMutation((body: unknown) => api.post<Assessment>(`/patients/${patientId}/assessments`, body));

export const useTasks = (patientId?: string) =>
  useQuery({
    queryKey: watchKeys.tasks(patientId),
    queryFn: () => api.get<{ items: ClinicalTask[] }>(patientId ? `/patients/${patientId}/tasks` : '/tasks'),
  });
