import { carePlanRoutes, type carePlanSchema, planningRoutes, visitRoutes } from '@hearth/domain';
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api/call.ts';

/** Every query of this feature starts with 'care', so one live event refreshes them all. */
export const careKeys = {
  all: ['care'] as const,
  plan: (patientId: string) => ['care', 'plan', patientId] as const,
  visits: (patientId: string) => ['care', 'visits', patientId] as const,
  board: (date: string) => ['care', 'board', date] as const,
  run: (id: string) => ['care', 'run', id] as const,
  myDay: (date: string) => ['care', 'my-day', date] as const,
  rota: (from: string, to: string) => ['care', 'rota', from, to] as const,
  versions: (patientId: string) => ['care', 'plan-versions', patientId] as const,
  team: ['care', 'team'] as const,
  meetings: ['care', 'meetings'] as const,
  due: (date: string) => ['care', 'due', date] as const,
};

export type CarePlanView = z.infer<typeof carePlanSchema>;

export const useCarePlan = (patientId: string) =>
  useQuery({
    queryKey: careKeys.plan(patientId),
    queryFn: () => call(carePlanRoutes.get, { params: { patientId } }),
  });

export const useCarePlanVersions = (patientId: string, enabled = true) =>
  useQuery({
    queryKey: careKeys.versions(patientId),
    queryFn: () => call(carePlanRoutes.versions, { params: { patientId } }),
    enabled,
  });

/** The mobile team (key worker, owners, attendees). */
export const useCareTeam = () =>
  useQuery({
    queryKey: careKeys.team,
    queryFn: () => call(carePlanRoutes.careTeam),
    staleTime: 5 * 60_000,
  });

export const usePatientVisits = (patientId: string) =>
  useQuery({
    queryKey: careKeys.visits(patientId),
    queryFn: () => call(visitRoutes.forPatient, { params: { patientId } }),
  });

export const useBoard = (date: string) =>
  useQuery({
    queryKey: careKeys.board(date),
    queryFn: () => call(planningRoutes.board, { query: { date } }),
  });

/** A planning run, polled while the planner works. */
export const usePlanRun = (id: string | null) =>
  useQuery({
    queryKey: careKeys.run(id ?? 'none'),
    // no run asked for yet: nothing to fetch (skipToken is react-query's typed "disabled")
    queryFn: id === null ? skipToken : () => call(planningRoutes.run, { params: { id } }),
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
    queryFn: () => call(visitRoutes.mine, { query: { date } }),
    networkMode: 'offlineFirst',
  });

// civil-date arithmetic lives in the domain's time module; these names are the care screens'
export { addCivilDays as addDaysIso, civilMonday as mondayOf } from '@hearth/domain';
export { todayIso } from '../../format/time.ts';

import type { DuePatient } from '@hearth/domain';

export type { DuePatient };

export const useDue = (date?: string) =>
  useQuery({
    queryKey: careKeys.due(date ?? 'today'),
    queryFn: () => call(carePlanRoutes.meetingsDue, { query: { date } }),
  });
