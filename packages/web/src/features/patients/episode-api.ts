import type { EpisodeView } from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** Under 'patients' so a status or level-of-care change (a `patient.updated` event) refreshes it. */
export const episodeKey = (patientId: string) => ['patients', 'episode', patientId] as const;

export const useEpisode = (patientId: string) =>
  useQuery({
    queryKey: episodeKey(patientId),
    queryFn: () => api.get<EpisodeView>(`/patients/${patientId}/episode`),
  });

export function useRestoreVisits(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (visitIds: string[]) =>
      api.post<EpisodeView>(`/patients/${patientId}/episode/restore-visits`, { visitIds }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['patients'] });
      await qc.invalidateQueries({ queryKey: ['care'] });
    },
  });
}
