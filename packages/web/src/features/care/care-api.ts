import type { DispatchBoard, PlanRun, Visit } from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** Every query of this feature starts with 'care', so one live event refreshes them all. */
export const careKeys = {
  all: ['care'] as const,
  plan: (patientId: string) => ['care', 'plan', patientId] as const,
  visits: (patientId: string) => ['care', 'visits', patientId] as const,
  board: (date: string) => ['care', 'board', date] as const,
  run: (id: string) => ['care', 'run', id] as const,
  myDay: (date: string) => ['care', 'my-day', date] as const,
  rota: (date: string) => ['care', 'rota', date] as const,
};

export interface CarePlanView {
  patientId: string;
  current: {
    id: string;
    version: number;
    reason: string;
    changedByName: string;
    changedAt: string;
    content: {
      items: { discipline: string; problem: string; goal: string; interventions: string[] }[];
      frequencies: {
        discipline: string;
        mode: string;
        timesPerWeek?: number;
        everyDays?: number;
        durationMinutes: number;
      }[];
      preferredTimes: { from: string; to: string; weekdays: number[] } | null;
      keyWorkerId: string | null;
      reviewDate: string;
      phase: string;
    };
  } | null;
  keyWorkerName: string | null;
  reviewDue: boolean;
}

export const useCarePlan = (patientId: string) =>
  useQuery({
    queryKey: careKeys.plan(patientId),
    queryFn: () => api.get<CarePlanView>(`/patients/${patientId}/care-plan`),
  });

export const usePatientVisits = (patientId: string) =>
  useQuery({
    queryKey: careKeys.visits(patientId),
    queryFn: () => api.get<Visit[]>(`/patients/${patientId}/visits`),
  });

export const useBoard = (date: string) =>
  useQuery({
    queryKey: careKeys.board(date),
    queryFn: () => api.get<DispatchBoard>('/dispatch/board', { date }),
  });

/** A planning run, polled while the planner works. */
export const usePlanRun = (id: string | null) =>
  useQuery({
    queryKey: careKeys.run(id ?? 'none'),
    queryFn: () => api.get<PlanRun>(`/planning/runs/${id}`),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 500 : false),
  });

export function useCareMutation<T, B>(fn: (body: B) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: careKeys.all }),
  });
}

export const useMyDay = (date: string) =>
  useQuery({
    queryKey: careKeys.myDay(date),
    queryFn: () => api.get<{ date: string; visits: Visit[] }>('/visits/mine', { date }),
    networkMode: 'offlineFirst',
  });

/** Today as YYYY-MM-DD in the browser's time zone. */
export const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export const addDaysIso = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export const mondayOf = (date: string) => {
  const wd = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDaysIso(date, -wd);
};
