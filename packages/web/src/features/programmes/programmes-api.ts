import { type ContractInput, programmeRoutes as routes, type StaffMember } from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/call.ts';

/** What a form sends to a route: the route's body in its input shape. */
export type ProgrammeBody<C extends keyof typeof routes> = ContractInput<(typeof routes)[C]>['body'];

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
    queryFn: () => call(routes.list, { query: { limit: 200 } }),
  });
export const useProgramme = (id: string) =>
  useQuery({ queryKey: programmeKeys.one(id), queryFn: () => call(routes.get, { params: { id } }) });
export const useApplications = (sessionId: string) =>
  useQuery({
    queryKey: programmeKeys.applications(sessionId),
    queryFn: () => call(routes.listApplications, { params: { id: sessionId } }),
  });
export const useEnrolments = (id: string) =>
  useQuery({
    queryKey: programmeKeys.enrolments(id),
    queryFn: () => call(routes.listEnrolments, { params: { id } }),
  });
export const useClownVisits = () =>
  useQuery({ queryKey: programmeKeys.clown, queryFn: () => call(routes.listClownVisits) });
export const useCertificate = (enrolmentId: string) =>
  useQuery({
    queryKey: programmeKeys.certificate(enrolmentId),
    queryFn: () => call(routes.certificate, { params: { id: enrolmentId } }),
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
