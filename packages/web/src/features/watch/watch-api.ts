import {
  type AlertResolveBody,
  type Assessment,
  alertRoutes,
  assessmentRoutes,
  type ContractInput,
  type DiaryBody,
  type DiaryEntry,
} from '@hearth/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/call.ts';
import { useOutboxMutation } from '../../offline/use-outbox-mutation.ts';

/** Query keys start with the feature name the live events use (see live/event-keys.ts). */
export const watchKeys = {
  alerts: (f: object) => ['alerts', f] as const,
  diary: (patientId: string) => ['diary', patientId] as const,
  assessments: (patientId: string) => ['assessments', patientId] as const,
  tasks: (patientId?: string) => ['tasks', patientId ?? 'all'] as const,
};

type AlertStatusFilter = 'active' | 'open' | 'acknowledged' | 'resolved';

export function useAlerts(filter: { status?: AlertStatusFilter; mine?: boolean; patientId?: string }) {
  return useQuery({
    queryKey: watchKeys.alerts(filter),
    queryFn: () =>
      call(alertRoutes.list, {
        query: {
          status: filter.status ?? 'active',
          mine: filter.mine ? 'true' : undefined,
          patientId: filter.patientId,
          limit: 100,
        },
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
  useWatchMutation((id: string) => call(alertRoutes.acknowledge, { params: { id } }));
export const useResolve = () =>
  useWatchMutation(({ id, body }: { id: string; body: AlertResolveBody }) =>
    call(alertRoutes.resolve, { params: { id }, body }),
  );

export const useDiary = (patientId: string) =>
  useQuery({
    queryKey: watchKeys.diary(patientId),
    queryFn: () => call(assessmentRoutes.diary, { params: { patientId } }),
  });
/**
 * The family's diary entry goes through the phone's outbox: a relative writing "breathing is much
 * worse" with one bar of signal must not lose it. The answer is null while it waits on the phone.
 */
export function useRecordDiary(patientId: string, label: string) {
  return useOutboxMutation<DiaryBody, DiaryEntry>({
    command: (body) => ({
      method: 'POST',
      path: `/patients/${patientId}/diary`,
      body,
      kind: 'diary.record',
      label,
      patientId,
    }),
    // the diary card says "saved on the phone" itself, in the family's larger type
    queuedNotice: false,
    invalidate: [['alerts'], ['diary'], ['assessments'], ['tasks'], ['notifications']],
  });
}

/**
 * A patient's assessments, newest first, a page at a time (the whole history of a long illness
 * is thousands of records); `items` is every page loaded so far.
 */
export function useAssessments(patientId: string) {
  const query = useInfiniteQuery({
    queryKey: watchKeys.assessments(patientId),
    queryFn: ({ pageParam }) =>
      call(assessmentRoutes.list, { params: { patientId }, query: { limit: 100, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items: Assessment[] = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, items };
}
export const useRecordAssessment = (patientId: string) =>
  useWatchMutation((body: ContractInput<typeof assessmentRoutes.record>['body']) =>
    call(assessmentRoutes.record, { params: { patientId }, body }),
  );

export const useTasks = (patientId?: string) =>
  useQuery({
    queryKey: watchKeys.tasks(patientId),
    queryFn: () =>
      patientId
        ? call(assessmentRoutes.patientTasks, { params: { patientId } })
        : call(assessmentRoutes.tasks),
  });
