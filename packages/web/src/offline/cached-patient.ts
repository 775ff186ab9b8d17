import type { FieldCaseload, FieldVisit, Visit } from '@hearth/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { storedCaseload } from './caseload.ts';

/** One patient as the phone's caseload holds them, for the patient page without a connection. */
export interface CachedPatient {
  /** When the copy was made and until when it may be relied on (ISO). */
  generatedAt: string;
  expiresAt: string;
  timeZone: string;
  /** The patient's parts (the same for each of their visits; the first visit's entry). */
  entry: FieldVisit;
  /** This patient's visits of today and tomorrow in the copy, in the order of the day. */
  visits: Visit[];
}

/** Picks one patient out of a caseload; null when the copy has expired or does not hold them. */
export function cachedPatientOf(
  caseload: FieldCaseload | null | undefined,
  patientId: string,
  now = new Date(),
): CachedPatient | null {
  if (!caseload || Date.parse(caseload.expiresAt) <= now.getTime()) return null;
  const entries = caseload.visits.filter((v) => v.patient.id === patientId);
  const first = entries[0];
  if (!first) return null;
  return {
    generatedAt: caseload.generatedAt,
    expiresAt: caseload.expiresAt,
    timeZone: caseload.timeZone,
    entry: first,
    visits: entries.map((e) => e.visit),
  };
}

/**
 * The phone's copy of one patient, read only when the live record cannot be had (`enabled`):
 * the caseload already in memory this session, else the one kept in IndexedDB. It never asks
 * the server, so opening a patient page does not fetch (and audit) the whole caseload.
 */
export function useCachedPatient(userId: string | null, patientId: string, enabled: boolean) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: ['field-caseload-copy', userId, patientId],
    enabled: enabled && userId !== null,
    networkMode: 'always',
    retry: false,
    staleTime: 0,
    queryFn: async (): Promise<CachedPatient | null> => {
      const who = userId as string;
      const inMemory = qc.getQueryData<FieldCaseload | null>(['field-caseload', who]);
      return cachedPatientOf(inMemory, patientId) ?? cachedPatientOf(await storedCaseload(who), patientId);
    },
  });
}
