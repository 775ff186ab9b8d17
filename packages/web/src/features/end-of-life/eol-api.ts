import {
  type acpViewSchema,
  advanceCareRoutes,
  type bereavementTaskSchema,
  type ContractInput,
  type careLevelMoveSchema,
  endOfLifeRoutes,
  supportRoutes,
  type transferSummarySchema,
} from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { isNotFound } from '../../api/api-error.ts';
import { call } from '../../api/call.ts';

export type AcpView = z.infer<typeof acpViewSchema>;
export type CareLevelMove = z.infer<typeof careLevelMoveSchema>;
export type TransferSummary = z.infer<typeof transferSummarySchema>;
type ChecklistItem = ContractInput<typeof endOfLifeRoutes.tickChecklist>['params']['item'];
type RoutingItem = ContractInput<typeof supportRoutes.routing>['params']['item'];
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

type BodyOf<C extends { body?: unknown }> = C extends { body: infer B } ? B : never;
type AcpBody = BodyOf<ContractInput<typeof advanceCareRoutes.recordPlan>>;
type MoveBody = BodyOf<ContractInput<typeof advanceCareRoutes.moveCareLevel>>;
type DeathBody = BodyOf<ContractInput<typeof endOfLifeRoutes.recordDeath>>;
type ChecklistBody = BodyOf<ContractInput<typeof endOfLifeRoutes.tickChecklist>>;
type CloseBody = BodyOf<ContractInput<typeof endOfLifeRoutes.closeDeath>>;
type CompleteBody = BodyOf<ContractInput<typeof endOfLifeRoutes.completeTask>>;
type ReferBody = BodyOf<ContractInput<typeof supportRoutes.refer>>;
type ReferralUpdate = BodyOf<ContractInput<typeof supportRoutes.update>>;
type RoutingUpdate = BodyOf<ContractInput<typeof supportRoutes.routing>>;

export const useAcp = (patientId: string) =>
  useQuery({
    queryKey: eolKeys.acp(patientId),
    queryFn: () => call(advanceCareRoutes.plan, { params: { patientId } }),
  });
export const useRecordAcp = (patientId: string) =>
  useWrite((body: AcpBody) => call(advanceCareRoutes.recordPlan, { params: { patientId }, body }), true);

export const useMoves = (patientId: string) =>
  useQuery({
    queryKey: eolKeys.moves(patientId),
    queryFn: () => call(advanceCareRoutes.moves, { params: { patientId } }),
  });
export const useMoveCareLevel = (patientId: string) =>
  useWrite((body: MoveBody) => call(advanceCareRoutes.moveCareLevel, { params: { patientId }, body }), true);

/** The summary as it stands now (for a transfer not recorded as a move, e.g. an emergency admission). */
export const useCurrentTransfer = (patientId: string, enabled: boolean) =>
  useQuery({
    queryKey: eolKeys.transfer(patientId),
    queryFn: () => call(advanceCareRoutes.transferSummary, { params: { patientId } }),
    enabled,
  });

/** The death record, or null while none is recorded. */
export const useDeath = (patientId: string) =>
  useQuery({
    queryKey: eolKeys.death(patientId),
    queryFn: async () => {
      try {
        return await call(endOfLifeRoutes.death, { params: { patientId } });
      } catch (e) {
        if (isNotFound(e)) return null;
        throw e;
      }
    },
  });
export const useRecordDeath = (patientId: string) =>
  useWrite((body: DeathBody) => call(endOfLifeRoutes.recordDeath, { params: { patientId }, body }), true);
export const useTickChecklist = (patientId: string) =>
  useWrite(({ item, body }: { item: ChecklistItem; body: ChecklistBody }) =>
    call(endOfLifeRoutes.tickChecklist, { params: { patientId, item }, body }),
  );
export const useCloseDeath = (patientId: string) =>
  useWrite((body: CloseBody) => call(endOfLifeRoutes.closeDeath, { params: { patientId }, body }));

export const usePatientBereavement = (patientId: string, enabled: boolean) =>
  useQuery({
    queryKey: eolKeys.bereavement(patientId),
    queryFn: () => call(endOfLifeRoutes.patientTasks, { params: { patientId } }),
    enabled,
  });
export const useCompleteTask = (patientId: string) =>
  useWrite(({ taskId, body }: { taskId: string; body: CompleteBody }) =>
    call(endOfLifeRoutes.completeTask, { params: { patientId, taskId }, body }),
  );

export const useReassignTask = (patientId: string) =>
  useWrite(({ taskId, ownerId }: { taskId: string; ownerId: string }) =>
    call(endOfLifeRoutes.reassignTask, { params: { patientId, taskId }, body: { ownerId } }),
  );

export const usePatientReferrals = (patientId: string) =>
  useQuery({
    queryKey: eolKeys.referrals(patientId),
    queryFn: () => call(supportRoutes.forPatient, { params: { patientId } }),
  });
export const useRefer = (patientId: string) =>
  useWrite((body: ReferBody) => call(supportRoutes.refer, { params: { patientId }, body }));

/** Casework on one referral: status and outcome, notes, routing items. */
export function useCasework(patientId: string, referralId: string) {
  const params = { patientId, referralId };
  return {
    update: useWrite((body: ReferralUpdate) => call(supportRoutes.update, { params, body })),
    note: useWrite((text: string) => call(supportRoutes.addNote, { params, body: { text } })),
    routing: useWrite(({ item, body }: { item: RoutingItem; body: RoutingUpdate }) =>
      call(supportRoutes.routing, { params: { ...params, item }, body }),
    ),
  };
}

export const useMeasures = () =>
  useQuery({
    queryKey: eolKeys.measures,
    queryFn: () => call(endOfLifeRoutes.measures),
  });
