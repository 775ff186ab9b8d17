import type {
  HoursEntry,
  Match,
  PortalAssignment,
  Volunteer,
  VolunteerDetail,
  VolunteerReport,
  VolunteerRequest,
  VolunteerStatus,
} from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/page.ts';
import type { Invitation } from '../staff/staff-api.ts';

export const volunteerKeys = {
  all: ['volunteers'] as const,
  list: (status: string) => ['volunteers', 'list', status] as const,
  one: (id: string) => ['volunteers', 'one', id] as const,
  requests: ['volunteers', 'requests'] as const,
  request: (id: string) => ['volunteers', 'requests', id] as const,
  matches: (id: string) => ['volunteers', 'requests', id, 'matches'] as const,
  hours: ['volunteers', 'hours'] as const,
  report: (month: string) => ['volunteers', 'report', month] as const,
  portal: ['volunteers', 'portal'] as const,
};

export const useVolunteers = (status: VolunteerStatus | 'all') =>
  useQuery({
    queryKey: volunteerKeys.list(status),
    queryFn: () =>
      api.get<Page<Volunteer>>('/volunteers', { status: status === 'all' ? undefined : status, limit: 200 }),
  });

export const useVolunteer = (id: string) =>
  useQuery({ queryKey: volunteerKeys.one(id), queryFn: () => api.get<VolunteerDetail>(`/volunteers/${id}`) });

/** Any write about volunteers refreshes everything under `volunteers` (lists, matches, reports). */
function useVolunteerMutation<B, R>(send: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => qc.invalidateQueries({ queryKey: volunteerKeys.all }),
  });
}

export const useCreateVolunteer = () =>
  useVolunteerMutation((body: unknown) => api.post<VolunteerDetail>('/volunteers', body));
export const useUpdateVolunteer = (id: string) =>
  useVolunteerMutation((body: unknown) => api.patch<VolunteerDetail>(`/volunteers/${id}`, body));
export const useVolunteerAction = (id: string, path: 'screening' | 'training' | 'notes' | 'status') =>
  useVolunteerMutation((body: unknown) => api.post<VolunteerDetail>(`/volunteers/${id}/${path}`, body));
export const useVolunteerLogin = (id: string) =>
  useVolunteerMutation((body: { email: string }) => api.post<Invitation>(`/volunteers/${id}/login`, body));

export const useRequests = () =>
  useQuery({
    queryKey: volunteerKeys.requests,
    queryFn: () => api.get<Page<VolunteerRequest>>('/volunteer-requests', { limit: 200 }),
  });
export const useRequest = (id: string) =>
  useQuery({
    queryKey: volunteerKeys.request(id),
    queryFn: () => api.get<VolunteerRequest>(`/volunteer-requests/${id}`),
  });
export const useMatches = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: volunteerKeys.matches(id),
    queryFn: () => api.get<Match[]>(`/volunteer-requests/${id}/matches`),
    enabled,
  });
export const useCreateRequest = () =>
  useVolunteerMutation((body: unknown) => api.post<VolunteerRequest>('/volunteer-requests', body));
export const useAssign = (id: string) =>
  useVolunteerMutation((volunteerId: string) =>
    api.post<VolunteerRequest>(`/volunteer-requests/${id}/assignments`, { volunteerId }),
  );
export const useCloseAssignment = (id: string) =>
  useVolunteerMutation((b: { assignmentId: string; note?: string }) =>
    api.post<VolunteerRequest>(`/volunteer-requests/${id}/assignments/${b.assignmentId}/close`, {
      note: b.note,
    }),
  );
export const useCancelAssignment = (id: string) =>
  useVolunteerMutation((assignmentId: string) =>
    api.post<VolunteerRequest>(`/volunteer-requests/${id}/assignments/${assignmentId}/cancel`),
  );

export const useHours = () =>
  useQuery({
    queryKey: volunteerKeys.hours,
    queryFn: () => api.get<Page<HoursEntry>>('/volunteer-hours', { status: 'submitted', limit: 200 }),
  });
export const useDecideHours = () =>
  useVolunteerMutation((b: { id: string; approve: boolean; reason?: string }) =>
    api.post<HoursEntry>(`/volunteer-hours/${b.id}/decision`, { approve: b.approve, reason: b.reason }),
  );
export const useReport = (month: string) =>
  useQuery({
    queryKey: volunteerKeys.report(month),
    queryFn: () => api.get<VolunteerReport>(`/volunteer-reports/${month}`),
  });
export const useSetPaidHours = (month: string) =>
  useVolunteerMutation((hours: number | null) =>
    api.post<VolunteerReport>(`/volunteer-reports/${month}/paid-care-hours`, { hours }),
  );

export const usePortalAssignments = () =>
  useQuery({
    queryKey: volunteerKeys.portal,
    queryFn: () =>
      api.get<{ volunteerName: string | null; items: PortalAssignment[] }>('/volunteer-portal/assignments'),
  });
export const useRespond = (id: string) =>
  useVolunteerMutation((body: { accept: boolean; reason?: string }) =>
    api.post<PortalAssignment>(`/volunteer-portal/assignments/${id}/response`, body),
  );
export const useLogHours = (id: string) =>
  useVolunteerMutation((body: unknown) =>
    api.post<PortalAssignment>(`/volunteer-portal/assignments/${id}/hours`, body),
  );
