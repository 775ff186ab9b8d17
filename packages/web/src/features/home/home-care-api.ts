import type {
  EquipmentItem,
  EquipmentKind,
  equipmentOverviewSchema,
  homeSafetyOverviewSchema,
  Loan,
} from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/page.ts';
import { useOutboxMutation } from '../../offline/use-outbox-mutation.ts';
import type { SkillsView } from './home-api.ts';
import { homeKeys } from './home-api.ts';

export type EquipmentOverview = z.infer<typeof equipmentOverviewSchema>;
export type HomeSafetyOverview = z.infer<typeof homeSafetyOverviewSchema>;

/** Staff screens for equipment, the safe home and carers' skills; keys start with 'home' like the portal's. */
export const homeCareKeys = {
  items: (kind: string, status: string) => ['home', 'equipment-items', kind, status] as const,
  overview: ['home', 'equipment-overview'] as const,
  safety: (id: string) => ['home', 'safety', id] as const,
};

export const useEquipmentItems = (kind?: EquipmentKind | '', status?: string, enabled = true) =>
  useQuery({
    queryKey: homeCareKeys.items(kind ?? '', status ?? ''),
    queryFn: () => api.get<Page<EquipmentItem>>('/equipment/items', { kind, status, limit: 200 }),
    enabled,
  });

export const useEquipmentOverview = () =>
  useQuery({
    queryKey: homeCareKeys.overview,
    queryFn: () => api.get<EquipmentOverview>('/equipment/overview'),
  });

/** Every write here can change the store, the board and the patient's lists: refresh them all. */
function useHomeMutation<B, R>(fn: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['home'] }),
  });
}

export const useAddItem = () =>
  useHomeMutation((body: Record<string, unknown>) => api.post<EquipmentItem>('/equipment/items', body));

export const usePatchItem = () =>
  useHomeMutation(({ id, ...body }: { id: string } & Record<string, unknown>) =>
    api.patch<EquipmentItem>(`/equipment/items/${id}`, body),
  );

export const useRequestLoan = (patientId: string) =>
  useHomeMutation((body: Record<string, unknown>) =>
    api.post<Loan>(`/patients/${patientId}/equipment-loans`, body),
  );

export type LoanStep = 'deliver' | 'in-use' | 'collect' | 'clean' | 'cancel';

export const useMoveLoan = () =>
  useHomeMutation(({ loan, step, body }: { loan: Loan; step: LoanStep; body?: Record<string, unknown> }) =>
    api.post<Loan>(`/patients/${loan.patientId}/equipment-loans/${loan.id}/${step}`, body ?? {}),
  );

export const useHomeSafety = (patientId: string) =>
  useQuery({
    queryKey: homeCareKeys.safety(patientId),
    queryFn: () => api.get<HomeSafetyOverview>(`/patients/${patientId}/home-safety`),
  });

/** A home safety check goes through the phone's outbox: it is often done where the signal drops. */
export function useRecordSafetyCheck(patientId: string, label: string) {
  return useOutboxMutation<Record<string, unknown>, HomeSafetyOverview>({
    command: (body) => ({
      method: 'POST',
      path: `/patients/${patientId}/home-safety/checks`,
      body,
      kind: 'home-safety.check',
      label,
      patientId,
    }),
    invalidate: [['home']],
  });
}

export const useCompleteSafetyAction = (patientId: string) =>
  useHomeMutation((actionId: string) =>
    api.post<HomeSafetyOverview>(`/patients/${patientId}/home-safety/actions/${actionId}/done`, {}),
  );

/** A skill sign-off, taught at the bedside, goes through the phone's outbox too. */
export function useSignSkill(patientId: string, label: string) {
  const qc = useQueryClient();
  return useOutboxMutation<Record<string, unknown>, SkillsView>({
    command: (body) => ({
      method: 'POST',
      path: `/patients/${patientId}/caregiver-skills`,
      body,
      kind: 'caregiver-skill.sign',
      label,
      patientId,
    }),
    onSaved: (v) => {
      if (v) qc.setQueryData(homeKeys.skills(patientId), v);
    },
  });
}
