import type {
  acpSummarySchema,
  bereavementTaskSchema,
  burdenViewSchema,
  caregiverSkillsViewSchema,
  dutyRosterSchema,
  Loan,
  Referral,
} from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/page.ts';

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
    queryFn: () => api.get<Loan[]>(`/patients/${patientId}/equipment-loans`),
  });

export const useSkills = (patientId: string) =>
  useQuery({
    queryKey: homeKeys.skills(patientId),
    queryFn: () => api.get<SkillsView>(`/patients/${patientId}/caregiver-skills`),
  });

export const useRoster = (patientId: string) =>
  useQuery({
    queryKey: homeKeys.roster(patientId),
    queryFn: () => api.get<Roster>(`/patients/${patientId}/duty-roster`),
  });

export function useAddShift(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<Roster>(`/patients/${patientId}/duty-roster`, body),
    onSuccess: (r) => qc.setQueryData(homeKeys.roster(patientId), r),
  });
}

export const useBurden = (patientId: string) =>
  useQuery({
    queryKey: homeKeys.burden(patientId),
    queryFn: () => api.get<BurdenView>(`/patients/${patientId}/caregiver-burden`),
  });

export function useRecordBurden(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<BurdenView>(`/patients/${patientId}/caregiver-burden`, body),
    onSuccess: (r) => qc.setQueryData(homeKeys.burden(patientId), r),
  });
}

export const useAcpSummary = (patientId: string) =>
  useQuery({
    queryKey: homeKeys.acpSummary(patientId),
    queryFn: () => api.get<AcpSummary>(`/patients/${patientId}/advance-care-plan/summary`),
  });

export const useReferrals = (discipline: string | undefined) =>
  useQuery({
    queryKey: homeKeys.referrals(discipline),
    queryFn: () => api.get<Page<Referral>>('/support/referrals', { discipline, limit: 100 }),
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
    queryFn: () => api.get<Page<BereavementTask>>('/bereavement/tasks', { ...filter, limit: 100 }),
  });
