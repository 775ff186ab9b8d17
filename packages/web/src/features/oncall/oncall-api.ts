import {
  assessmentRoutes,
  type ContractInput,
  type callLogBodySchema,
  type callLogSchema,
  type EmailSettingsBody,
  type onCallNowSchema,
  onCallRoutes,
  type rotaViewSchema,
  settingsRoutes,
} from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api/call.ts';

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
    queryFn: () => call(onCallRoutes.rota, { query: { from, to } }),
  });

export const useOnCallNow = () =>
  useQuery({ queryKey: oncallKeys.now, queryFn: () => call(onCallRoutes.now) });

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
  useInvalidating(['oncall'], (body: ContractInput<typeof onCallRoutes.addShift>['body']) =>
    call(onCallRoutes.addShift, { body }),
  );
export const useCancelShift = () =>
  useInvalidating(['oncall'], (id: string) => call(onCallRoutes.cancelShift, { params: { id } }));
export const useHandover = () =>
  useInvalidating(['oncall'], ({ id, note }: { id: string; note: string }) =>
    call(onCallRoutes.handover, { params: { id }, body: { note } }),
  );

export const useCalls = (filter: { ambulanceFirst: boolean; patientId?: string }) =>
  useQuery({
    queryKey: oncallKeys.calls(filter),
    queryFn: () =>
      call(onCallRoutes.calls, {
        query: {
          ambulanceFirst: filter.ambulanceFirst ? 'true' : undefined,
          patientId: filter.patientId,
          limit: 200,
        },
      }),
  });
export const useLogCall = () =>
  useInvalidating(['calls'], (body: CallBody) => call(onCallRoutes.logCall, { body }));

export const useTaskList = (filter: { mine: boolean; status: 'open' | 'done' }) =>
  useQuery({
    queryKey: oncallKeys.tasks(filter),
    queryFn: () =>
      call(assessmentRoutes.tasks, {
        query: { status: filter.status, mine: filter.mine ? 'true' : undefined, limit: 200 },
      }),
  });

export const useEmailSettings = () =>
  useQuery({ queryKey: oncallKeys.email, queryFn: () => call(settingsRoutes.email) });
export const useSaveEmailSettings = () =>
  useInvalidating(['settings'], (body: EmailSettingsBody) => call(settingsRoutes.updateEmail, { body }));
export const useSendTestEmail = () =>
  useMutation({ mutationFn: (to: string) => call(settingsRoutes.testEmail, { body: { to } }) });
