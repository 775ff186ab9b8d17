import type {
  CampApplication,
  Certificate,
  ClownVisit,
  Enrolment,
  Programme,
  ProgrammeDetail,
  StaffMember,
} from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/page.ts';

export const programmeKeys = {
  all: ['programmes'] as const,
  list: ['programmes', 'list'] as const,
  one: (id: string) => ['programmes', 'one', id] as const,
  applications: (sessionId: string) => ['programmes', 'applications', sessionId] as const,
  enrolments: (id: string) => ['programmes', 'enrolments', id] as const,
  clown: ['programmes', 'clown'] as const,
  certificate: (id: string) => ['programmes', 'certificate', id] as const,
};

export const useProgrammes = () =>
  useQuery({
    queryKey: programmeKeys.list,
    queryFn: () => api.get<Page<Programme>>('/programmes', { limit: 200 }),
  });
export const useProgramme = (id: string) =>
  useQuery({ queryKey: programmeKeys.one(id), queryFn: () => api.get<ProgrammeDetail>(`/programmes/${id}`) });
export const useApplications = (sessionId: string) =>
  useQuery({
    queryKey: programmeKeys.applications(sessionId),
    queryFn: () => api.get<CampApplication[]>(`/programme-sessions/${sessionId}/camp-applications`),
  });
export const useEnrolments = (id: string) =>
  useQuery({
    queryKey: programmeKeys.enrolments(id),
    queryFn: () => api.get<Enrolment[]>(`/programmes/${id}/enrolments`),
  });
export const useClownVisits = () =>
  useQuery({ queryKey: programmeKeys.clown, queryFn: () => api.get<ClownVisit[]>('/clown-visits') });
export const useCertificate = (enrolmentId: string) =>
  useQuery({
    queryKey: programmeKeys.certificate(enrolmentId),
    queryFn: () => api.get<Certificate>(`/course-enrolments/${enrolmentId}/certificate`),
  });

/** Writes refresh everything about programmes (sessions, counts, lists). */
export function useProgrammeMutation<B, R>(send: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => qc.invalidateQueries({ queryKey: programmeKeys.all }),
  });
}

/** Staff who can work a session or take a course: active accounts that are not family or volunteers. */
export const isWorkingStaff = (u: StaffMember) =>
  u.status === 'active' && u.role !== 'family' && u.role !== 'volunteer';
