import {
  type acpSummarySchema,
  advanceCareRoutes,
  type bereavementTaskSchema,
  type burdenViewSchema,
  type ContractInput,
  caregiverRoutes,
  type caregiverSkillsViewSchema,
  type dutyRosterSchema,
  endOfLifeRoutes,
  equipmentRoutes,
  supportDisciplines,
  supportRoutes,
} from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api/call.ts';

export type SkillsView = z.infer<typeof caregiverSkillsViewSchema>;
export type Roster = z.infer<typeof dutyRosterSchema>;
export type BurdenView = z.infer<typeof burdenViewSchema>;
export type AcpSummary = z.infer<typeof acpSummarySchema>;
export type BereavementTask = z.infer<typeof bereavementTaskSchema>;

/** Every query key of this feature starts with 'home' so live events refresh them together. */
export const homeKeys = {
  loans: (id: string) => ['home', 'loans', id] as const,
  skills: (id: string) => ['home', 'skills', id] as const,
  roster: (id: string) => ['home', 'roster', id] as const,
  burden: (id: string) => ['home', 'burden', id] as const,
  acpSummary: (id: string) => ['home', 'acp-summary', id] as const,
  referrals: (discipline: string | undefined) => ['home', 'referrals', discipline ?? 'all'] as const,
  bereavement: ['home', 'bereavement'] as const,
};

export const useLoans = (patientId: string) =>
  useQuery({
    queryKey: homeKeys.loans(patientId),
    queryFn: () => call(equipmentRoutes.loans, { params: { patientId } }),
  });

export const useSkills = (patientId: string) =>
  useQuery({
    queryKey: homeKeys.skills(patientId),
    queryFn: () => call(caregiverRoutes.skills, { params: { patientId } }),
  });

export const useRoster = (patientId: string) =>
  useQuery({
    queryKey: homeKeys.roster(patientId),
    queryFn: () => call(caregiverRoutes.roster, { params: { patientId } }),
  });

export function useAddShift(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ContractInput<typeof caregiverRoutes.addShift>['body']) =>
      call(caregiverRoutes.addShift, { params: { patientId }, body }),
    onSuccess: (r) => qc.setQueryData(homeKeys.roster(patientId), r),
  });
}

export const useBurden = (patientId: string) =>
  useQuery({
    queryKey: homeKeys.burden(patientId),
    queryFn: () => call(caregiverRoutes.burden, { params: { patientId } }),
  });

export function useRecordBurden(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ContractInput<typeof caregiverRoutes.recordBurden>['body']) =>
      call(caregiverRoutes.recordBurden, { params: { patientId }, body }),
    onSuccess: (r) => qc.setQueryData(homeKeys.burden(patientId), r),
  });
}

export const useAcpSummary = (patientId: string) =>
  useQuery({
    queryKey: homeKeys.acpSummary(patientId),
    queryFn: () => call(advanceCareRoutes.planSummary, { params: { patientId } }),
  });

export const useReferrals = (discipline: string | undefined) =>
  useQuery({
    queryKey: homeKeys.referrals(discipline),
    queryFn: () =>
      call(supportRoutes.referrals, {
        query: { discipline: supportDisciplines.find((d) => d === discipline), limit: 100 },
      }),
  });

export interface BereavementFilter {
  status: 'open' | 'done' | 'all';
  ownerId?: string | undefined;
  dueFrom?: string | undefined;
  dueBy?: string | undefined;
}

export const useBereavementTasks = (filter: BereavementFilter) =>
  useQuery({
    queryKey: [...homeKeys.bereavement, filter],
    queryFn: () => call(endOfLifeRoutes.tasks, { query: { ...filter, limit: 100 } }),
  });
