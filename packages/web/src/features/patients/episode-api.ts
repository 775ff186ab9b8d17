import { patientRoutes } from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/call.ts';

/** Under 'patients' so a status or level-of-care change (a `patient.updated` event) refreshes it. */
export const episodeKey = (patientId: string) => ['patients', 'episode', patientId] as const;

export const useEpisode = (patientId: string) =>
  useQuery({
    queryKey: episodeKey(patientId),
    queryFn: () => call(patientRoutes.episode, { params: { patientId } }),
  });

export function useRestoreVisits(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (visitIds: string[]) =>
      call(patientRoutes.restoreVisits, { params: { patientId }, body: { visitIds } }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['patients'] });
      await qc.invalidateQueries({ queryKey: ['care'] });
    },
  });
}
