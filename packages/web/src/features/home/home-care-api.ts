import {
  type ContractInput,
  type EquipmentKind,
  equipmentItemStatuses,
  type equipmentOverviewSchema,
  equipmentRoutes,
  type homeSafetyOverviewSchema,
  homeSafetyRoutes,
  type Loan,
} from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api/call.ts';
import { useOutboxMutation } from '../../offline/use-outbox-mutation.ts';
import type { SkillsView } from './home-api.ts';
import { homeKeys } from './home-api.ts';

type BodyOf<C extends keyof typeof equipmentRoutes> = ContractInput<(typeof equipmentRoutes)[C]>['body'];

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
    queryFn: () =>
      call(equipmentRoutes.items, {
        // '' is the filters' "any"; find() keeps a known status with its type
        query: {
          kind: kind || undefined,
          status: equipmentItemStatuses.find((s) => s === status),
          limit: 200,
        },
      }),
    enabled,
  });

export const useEquipmentOverview = () =>
  useQuery({
    queryKey: homeCareKeys.overview,
    queryFn: () => call(equipmentRoutes.overview),
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
  useHomeMutation((body: BodyOf<'addItem'>) => call(equipmentRoutes.addItem, { body }));

export const usePatchItem = () =>
  useHomeMutation(({ id, ...body }: { id: string } & BodyOf<'patchItem'>) =>
    call(equipmentRoutes.patchItem, { params: { itemId: id }, body }),
  );

export const useRequestLoan = (patientId: string) =>
  useHomeMutation((body: BodyOf<'requestLoan'>) =>
    call(equipmentRoutes.requestLoan, { params: { patientId }, body }),
  );

export type LoanStep = 'deliver' | 'in-use' | 'collect' | 'clean' | 'cancel';

/** One step of a loan; delivery and collection carry their details, the others an optional note. */
export type LoanMove =
  | { loan: Loan; step: 'deliver'; body: BodyOf<'deliver'> }
  | { loan: Loan; step: 'collect'; body: BodyOf<'collect'> }
  | { loan: Loan; step: 'in-use' | 'clean' | 'cancel'; body?: BodyOf<'inUse'> };

const otherSteps = {
  'in-use': equipmentRoutes.inUse,
  clean: equipmentRoutes.clean,
  cancel: equipmentRoutes.cancel,
};

function moveLoan(move: LoanMove) {
  const params = { patientId: move.loan.patientId, loanId: move.loan.id };
  if (move.step === 'deliver') return call(equipmentRoutes.deliver, { params, body: move.body });
  if (move.step === 'collect') return call(equipmentRoutes.collect, { params, body: move.body });
  return call(otherSteps[move.step], { params, body: move.body ?? {} });
}

export const useMoveLoan = () => useHomeMutation(moveLoan);

export const useHomeSafety = (patientId: string) =>
  useQuery({
    queryKey: homeCareKeys.safety(patientId),
    queryFn: () => call(homeSafetyRoutes.overview, { params: { patientId } }),
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
    call(homeSafetyRoutes.completeAction, { params: { patientId, actionId } }),
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
