import { type ContractInput, volunteerRoutes as routes, type VolunteerStatus } from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/call.ts';

/** What a form sends to a route: the route's body in its input shape. */
type BodyOf<C extends keyof typeof routes> = ContractInput<(typeof routes)[C]>['body'];

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
      call(routes.list, { query: { status: status === 'all' ? undefined : status, limit: 200 } }),
  });

export const useVolunteer = (id: string) =>
  useQuery({ queryKey: volunteerKeys.one(id), queryFn: () => call(routes.get, { params: { id } }) });

/** Any write about volunteers refreshes everything under `volunteers` (lists, matches, reports). */
function useVolunteerMutation<B, R>(send: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => qc.invalidateQueries({ queryKey: volunteerKeys.all }),
  });
}

export const useCreateVolunteer = () =>
  useVolunteerMutation((body: BodyOf<'create'>) => call(routes.create, { body }));
export const useUpdateVolunteer = (id: string) =>
  useVolunteerMutation((body: BodyOf<'update'>) => call(routes.update, { params: { id }, body }));
export const useRecordScreening = (id: string) =>
  useVolunteerMutation((body: BodyOf<'recordScreening'>) =>
    call(routes.recordScreening, { params: { id }, body }),
  );
export const useRecordTraining = (id: string) =>
  useVolunteerMutation((body: BodyOf<'recordTraining'>) =>
    call(routes.recordTraining, { params: { id }, body }),
  );
export const useAddNote = (id: string) =>
  useVolunteerMutation((body: BodyOf<'addNote'>) => call(routes.addNote, { params: { id }, body }));
export const useChangeStatus = (id: string) =>
  useVolunteerMutation((body: BodyOf<'changeStatus'>) => call(routes.changeStatus, { params: { id }, body }));
export const useVolunteerLogin = (id: string) =>
  useVolunteerMutation((body: BodyOf<'createLogin'>) => call(routes.createLogin, { params: { id }, body }));

export const useRequests = () =>
  useQuery({
    queryKey: volunteerKeys.requests,
    queryFn: () => call(routes.listRequests, { query: { limit: 200 } }),
  });
export const useRequest = (id: string) =>
  useQuery({
    queryKey: volunteerKeys.request(id),
    queryFn: () => call(routes.getRequest, { params: { id } }),
  });
export const useMatches = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: volunteerKeys.matches(id),
    queryFn: () => call(routes.matches, { params: { id } }),
    enabled,
  });
export const useCreateRequest = () =>
  useVolunteerMutation((body: BodyOf<'createRequest'>) => call(routes.createRequest, { body }));
export const useAssign = (id: string) =>
  useVolunteerMutation((volunteerId: string) =>
    call(routes.assign, { params: { id }, body: { volunteerId } }),
  );
export const useCloseAssignment = (id: string) =>
  useVolunteerMutation((b: { assignmentId: string; note?: string }) =>
    call(routes.closeAssignment, { params: { id, assignmentId: b.assignmentId }, body: { note: b.note } }),
  );
export const useCancelAssignment = (id: string) =>
  useVolunteerMutation((assignmentId: string) =>
    call(routes.cancelAssignment, { params: { id, assignmentId } }),
  );

export const useHours = () =>
  useQuery({
    queryKey: volunteerKeys.hours,
    queryFn: () => call(routes.listHours, { query: { status: 'submitted', limit: 200 } }),
  });
export const useDecideHours = () =>
  useVolunteerMutation((b: { id: string; approve: boolean; reason?: string }) =>
    call(routes.decideHours, { params: { id: b.id }, body: { approve: b.approve, reason: b.reason } }),
  );
export const useReport = (month: string) =>
  useQuery({
    queryKey: volunteerKeys.report(month),
    queryFn: () => call(routes.report, { params: { month } }),
  });
export const useSetPaidHours = (month: string) =>
  useVolunteerMutation((hours: number | null) =>
    call(routes.setPaidCareHours, { params: { month }, body: { hours } }),
  );

export const usePortalAssignments = () =>
  useQuery({ queryKey: volunteerKeys.portal, queryFn: () => call(routes.myAssignments) });
export const useRespond = (id: string) =>
  useVolunteerMutation((body: BodyOf<'respond'>) => call(routes.respond, { params: { id }, body }));
export const useLogHours = (id: string) =>
  useVolunteerMutation((body: BodyOf<'logHours'>) => call(routes.logHours, { params: { id }, body }));
