import { type ContractInput, type PatientListQuery, patientRoutes } from '@hearth/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error.ts';
import { call } from '../../api/call.ts';

export type PatientFilters = Partial<Omit<PatientListQuery, 'limit' | 'cursor'>>;

export const patientKeys = {
  all: ['patients'] as const,
  list: (f: PatientFilters) => ['patients', 'list', f] as const,
  areas: ['patients', 'areas'] as const,
  one: (id: string) => ['patients', 'one', id] as const,
  family: (id: string) => ['patients', 'family', id] as const,
};

export function usePatients(filters: PatientFilters) {
  return useInfiniteQuery({
    queryKey: patientKeys.list(filters),
    queryFn: ({ pageParam }) =>
      call(patientRoutes.list, { query: { ...filters, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAreas() {
  return useQuery({
    queryKey: patientKeys.areas,
    queryFn: () => call(patientRoutes.areas),
    staleTime: 5 * 60_000,
  });
}

/**
 * The patient record. Without a connection the read is still tried (not paused, which would spin
 * for ever) and fails at once, so the page can fall back to the phone's caseload copy (issue 14).
 */
export function usePatient(id: string) {
  return useQuery({
    queryKey: patientKeys.one(id),
    queryFn: () => call(patientRoutes.get, { params: { patientId: id } }),
    networkMode: 'always',
    retry: retryPatientRead,
  });
}

/** Asks again after a server hiccup, never after a refusal or on a phone that knows it is offline. */
export function retryPatientRead(count: number, error: unknown): boolean {
  if (!isApiError(error)) return count < 2;
  if (error.status >= 400 && error.status < 500) return false;
  // the phone knows it is offline: asking again only keeps the nurse waiting
  return !(error.status === 0 && !navigator.onLine) && count < 2;
}

/** Writes to a patient refresh that patient, its family and the lists it appears in. */
function usePatientMutation<B>(send: (body: B) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => qc.invalidateQueries({ queryKey: patientKeys.all }),
  });
}

type Body<C extends keyof typeof patientRoutes> = ContractInput<(typeof patientRoutes)[C]>['body'];

export const useChangeStatus = (id: string) =>
  usePatientMutation((body: Body<'changeStatus'>) =>
    call(patientRoutes.changeStatus, { params: { patientId: id }, body }),
  );

export const useAddDiagnosis = (id: string) =>
  usePatientMutation((body: Body<'addDiagnosis'>) =>
    call(patientRoutes.addDiagnosis, { params: { patientId: id }, body }),
  );
export const useAddAllergy = (id: string) =>
  usePatientMutation((body: Body<'addAllergy'>) =>
    call(patientRoutes.addAllergy, { params: { patientId: id }, body }),
  );
export const useAddContact = (id: string) =>
  usePatientMutation((body: Body<'addContact'>) =>
    call(patientRoutes.addContact, { params: { patientId: id }, body }),
  );

export const useUpdatePatient = (id: string) =>
  usePatientMutation((body: Body<'update'>) =>
    call(patientRoutes.update, { params: { patientId: id }, body }),
  );

/** Name, date of birth and sex: corrected with a reason, the earlier values kept (issue 13). */
export const useCorrectIdentity = (id: string) =>
  usePatientMutation((body: Body<'correctIdentity'>) =>
    call(patientRoutes.correctIdentity, { params: { patientId: id }, body }),
  );
