import type {
  acpViewSchema,
  bereavementTaskSchema,
  careLevelMoveSchema,
  DeathRecord,
  EndOfLifeMeasures,
  Referral,
  transferSummarySchema,
} from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { isNotFound } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';

export type AcpView = z.infer<typeof acpViewSchema>;
export type CareLevelMove = z.infer<typeof careLevelMoveSchema>;
export type TransferSummary = z.infer<typeof transferSummarySchema>;
export type BereavementTask = z.infer<typeof bereavementTaskSchema>;

/**
 * The staff sections of issue 7 (advance care plan, level of care, death and bereavement,
 * support). Keys start with 'home' so the live events of these features ('support.*',
 * 'death.*') refresh them; patient-changing writes also refresh 'patients'.
 */
export const eolKeys = {
  acp: (id: string) => ['home', 'acp', id] as const,
  moves: (id: string) => ['home', 'care-level', id] as const,
  transfer: (id: string) => ['home', 'transfer', id] as const,
  death: (id: string) => ['home', 'death', id] as const,
  bereavement: (id: string) => ['home', 'bereavement', id] as const,
  referrals: (id: string) => ['home', 'patient-referrals', id] as const,
  measures: ['home', 'eol-measures'] as const,
};

/** A mutation that refreshes this feature (and the patient record, whose status it may change). */
function useWrite<B, R>(fn: (body: B) => Promise<R>, alsoPatients = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['home'] });
      if (alsoPatients) await qc.invalidateQueries({ queryKey: ['patients'] });
    },
  });
}

const base = (patientId: string) => `/patients/${patientId}`;

export const useAcp = (patientId: string) =>
  useQuery({
    queryKey: eolKeys.acp(patientId),
    queryFn: () => api.get<AcpView>(`${base(patientId)}/advance-care-plan`),
  });
export const useRecordAcp = (patientId: string) =>
  useWrite((body: unknown) => api.post<AcpView>(`${base(patientId)}/advance-care-plan`, body), true);

export const useMoves = (patientId: string) =>
  useQuery({
    queryKey: eolKeys.moves(patientId),
    queryFn: () => api.get<CareLevelMove[]>(`${base(patientId)}/care-level`),
  });
export const useMoveCareLevel = (patientId: string) =>
  useWrite((body: unknown) => api.post<CareLevelMove[]>(`${base(patientId)}/care-level`, body), true);

/** The summary as it stands now (for a transfer not recorded as a move, e.g. an emergency admission). */
export const useCurrentTransfer = (patientId: string, enabled: boolean) =>
  useQuery({
    queryKey: eolKeys.transfer(patientId),
    queryFn: () => api.get<TransferSummary>(`${base(patientId)}/transfer-summary`),
    enabled,
  });

/** The death record, or null while none is recorded. */
export const useDeath = (patientId: string) =>
  useQuery({
    queryKey: eolKeys.death(patientId),
    queryFn: async () => {
      try {
        return await api.get<DeathRecord>(`${base(patientId)}/death`);
      } catch (e) {
        if (isNotFound(e)) return null;
        throw e;
      }
    },
  });
export const useRecordDeath = (patientId: string) =>
  useWrite((body: unknown) => api.post<DeathRecord>(`${base(patientId)}/death`, body), true);
export const useTickChecklist = (patientId: string) =>
  useWrite(({ item, body }: { item: string; body: unknown }) =>
    api.patch<DeathRecord>(`${base(patientId)}/death/checklist/${item}`, body),
  );
export const useCloseDeath = (patientId: string) =>
  useWrite((body: unknown) => api.post<DeathRecord>(`${base(patientId)}/death/close`, body));

export const usePatientBereavement = (patientId: string, enabled: boolean) =>
  useQuery({
    queryKey: eolKeys.bereavement(patientId),
    queryFn: () => api.get<BereavementTask[]>(`${base(patientId)}/bereavement`),
    enabled,
  });
export const useCompleteTask = (patientId: string) =>
  useWrite(({ taskId, body }: { taskId: string; body: unknown }) =>
    api.post<BereavementTask[]>(`${base(patientId)}/bereavement/${taskId}/complete`, body),
  );

export const useReassignTask = (patientId: string) =>
  useWrite(({ taskId, ownerId }: { taskId: string; ownerId: string }) =>
    api.patch<BereavementTask[]>(`${base(patientId)}/bereavement/${taskId}`, { ownerId }),
  );

export const usePatientReferrals = (patientId: string) =>
  useQuery({
    queryKey: eolKeys.referrals(patientId),
    queryFn: () => api.get<Referral[]>(`${base(patientId)}/support-referrals`),
  });
export const useRefer = (patientId: string) =>
  useWrite((body: unknown) => api.post<Referral>(`${base(patientId)}/support-referrals`, body));

/** Casework on one referral: status and outcome, notes, routing items. */
export function useCasework(patientId: string, referralId: string) {
  const url = `${base(patientId)}/support-referrals/${referralId}`;
  return {
    update: useWrite((body: unknown) => api.patch<Referral>(url, body)),
    note: useWrite((text: string) => api.post<Referral>(`${url}/notes`, { text })),
    routing: useWrite(({ item, body }: { item: string; body: unknown }) =>
      api.patch<Referral>(`${url}/routing/${item}`, body),
    ),
  };
}

export const useMeasures = () =>
  useQuery({
    queryKey: eolKeys.measures,
    queryFn: () => api.get<EndOfLifeMeasures>('/end-of-life/measures'),
  });
