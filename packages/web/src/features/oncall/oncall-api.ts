import type {
  ClinicalTask,
  callLogBodySchema,
  callLogSchema,
  EmailSettings,
  EmailSettingsBody,
  OnCallShift,
  onCallNowSchema,
  rotaViewSchema,
} from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';

export type RotaView = z.infer<typeof rotaViewSchema>;
export type OnCallNow = z.infer<typeof onCallNowSchema>;
export type CallEntry = z.infer<typeof callLogSchema>;
export type CallBody = z.input<typeof callLogBodySchema>;

/** Keys start with the feature name the live events use (live/event-keys.ts). */
export const oncallKeys = {
  rota: (from: string, to: string) => ['oncall', 'rota', from, to] as const,
  now: ['oncall', 'now'] as const,
  calls: (f: object) => ['calls', f] as const,
  tasks: (f: object) => ['tasks', 'list', f] as const,
  email: ['settings', 'email'] as const,
};

export const useRota = (from: string, to: string) =>
  useQuery({
    queryKey: oncallKeys.rota(from, to),
    queryFn: () => api.get<RotaView>('/on-call/shifts', { from, to }),
  });

export const useOnCallNow = () =>
  useQuery({ queryKey: oncallKeys.now, queryFn: () => api.get<OnCallNow>('/on-call/now') });

function useInvalidating<V, R>(keys: string[], send: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      for (const key of keys) await qc.invalidateQueries({ queryKey: [key] });
    },
  });
}

export const useAddShift = () =>
  useInvalidating(
    ['oncall'],
    (body: { userId: string; startsAt: string; endsAt: string; position: 'primary' | 'backup' }) =>
      api.post<OnCallShift>('/on-call/shifts', body),
  );
export const useCancelShift = () =>
  useInvalidating(['oncall'], (id: string) => api.post(`/on-call/shifts/${id}/cancel`));
export const useHandover = () =>
  useInvalidating(['oncall'], ({ id, note }: { id: string; note: string }) =>
    api.post<OnCallShift>(`/on-call/shifts/${id}/handover`, { note }),
  );

export const useCalls = (filter: { ambulanceFirst: boolean; patientId?: string }) =>
  useQuery({
    queryKey: oncallKeys.calls(filter),
    queryFn: () =>
      api.get<{ items: CallEntry[] }>('/calls', {
        ambulanceFirst: filter.ambulanceFirst ? 'true' : undefined,
        patientId: filter.patientId,
        limit: 200,
      }),
  });
export const useLogCall = () =>
  useInvalidating(['calls'], (body: CallBody) => api.post<CallEntry>('/calls', body));

export const useTaskList = (filter: { mine: boolean; status: 'open' | 'done' }) =>
  useQuery({
    queryKey: oncallKeys.tasks(filter),
    queryFn: () =>
      api.get<{ items: ClinicalTask[] }>('/tasks', {
        status: filter.status,
        mine: filter.mine ? 'true' : undefined,
        limit: 200,
      }),
  });

export const useEmailSettings = () =>
  useQuery({ queryKey: oncallKeys.email, queryFn: () => api.get<EmailSettings>('/settings/email') });
export const useSaveEmailSettings = () =>
  useInvalidating(['settings'], (body: EmailSettingsBody) => api.put<EmailSettings>('/settings/email', body));
export const useSendTestEmail = () =>
  useMutation({ mutationFn: (to: string) => api.post('/settings/email/test', { to }) });
