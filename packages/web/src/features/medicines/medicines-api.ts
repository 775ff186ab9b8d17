import type {
  Administration,
  anticipatorySchema,
  ControlledEntryBody,
  ConversionResultDto,
  controlledStockSchema,
  conversionBodySchema,
  formularyItemSchema,
  marSchema,
  Prescription,
  PrescriptionInput,
  RegimenReviewDto,
  TodaySchedule,
  WeightDto,
} from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';
import { useOutboxMutation } from '../../offline/use-outbox-mutation.ts';

export type FormularyItem = z.infer<typeof formularyItemSchema>;
export type MedicineChart = z.infer<typeof marSchema>;
export type Anticipatory = z.infer<typeof anticipatorySchema>;
export type ControlledStock = z.infer<typeof controlledStockSchema>;
export type ConversionBody = z.input<typeof conversionBodySchema>;

export const medicineKeys = {
  all: ['medicines'] as const,
  formulary: ['medicines', 'formulary'] as const,
  prescriptions: (patientId: string) => ['medicines', patientId, 'prescriptions'] as const,
  versions: (patientId: string, id: string) => ['medicines', patientId, 'versions', id] as const,
  review: (patientId: string) => ['medicines', patientId, 'review'] as const,
  chart: (patientId: string) => ['medicines', patientId, 'chart'] as const,
  today: (patientId: string) => ['medicines', patientId, 'today'] as const,
  anticipatory: (patientId: string) => ['medicines', patientId, 'anticipatory'] as const,
  controlled: (patientId: string) => ['medicines', patientId, 'controlled'] as const,
};

export const useFormulary = (enabled = true) =>
  useQuery({
    queryKey: medicineKeys.formulary,
    queryFn: () => api.get<FormularyItem[]>('/medicines/formulary'),
    staleTime: Number.POSITIVE_INFINITY,
    enabled,
  });

export const usePrescriptions = (patientId: string) =>
  useQuery({
    queryKey: medicineKeys.prescriptions(patientId),
    queryFn: () => api.get<Prescription[]>(`/patients/${patientId}/prescriptions`),
  });

export const useVersions = (patientId: string, id: string | null) =>
  useQuery({
    queryKey: medicineKeys.versions(patientId, id ?? ''),
    queryFn: () => api.get<Prescription[]>(`/patients/${patientId}/prescriptions/${id}/versions`),
    enabled: !!id,
  });

export const useReview = (
  patientId: string,
  draft: PrescriptionInput | null,
  enabled: boolean,
  replacingId: string | null = null,
) =>
  useQuery({
    queryKey: [...medicineKeys.review(patientId), draft, replacingId],
    queryFn: () =>
      api.post<RegimenReviewDto>(`/patients/${patientId}/prescriptions/review`, { draft, replacingId }),
    enabled,
  });

export const useChart = (patientId: string) =>
  useQuery({
    queryKey: medicineKeys.chart(patientId),
    queryFn: () => api.get<MedicineChart>(`/patients/${patientId}/medicine-chart`),
  });

export const useToday = (patientId: string) =>
  useQuery({
    queryKey: medicineKeys.today(patientId),
    queryFn: () => api.get<TodaySchedule>(`/patients/${patientId}/medicines/today`),
    refetchInterval: 60_000,
  });

export const useAnticipatory = (patientId: string) =>
  useQuery({
    queryKey: medicineKeys.anticipatory(patientId),
    queryFn: () => api.get<Anticipatory>(`/patients/${patientId}/anticipatory`),
  });

export const useControlled = (patientId: string, enabled: boolean) =>
  useQuery({
    queryKey: medicineKeys.controlled(patientId),
    queryFn: () => api.get<ControlledStock[]>(`/patients/${patientId}/controlled-drugs`),
    enabled,
  });

const invalidating = (qc: ReturnType<typeof useQueryClient>) => () =>
  qc.invalidateQueries({ queryKey: medicineKeys.all });

export function usePrescribe(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PrescriptionInput) =>
      api.post<Prescription>(`/patients/${patientId}/prescriptions`, body),
    onSuccess: invalidating(qc),
  });
}

export function useChangePrescription(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PrescriptionInput & { reason: string } }) =>
      api.post<Prescription>(`/patients/${patientId}/prescriptions/${id}/change`, body),
    onSuccess: invalidating(qc),
  });
}

export function useStopPrescription(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post<Prescription>(`/patients/${patientId}/prescriptions/${id}/stop`, { reason }),
    onSuccess: invalidating(qc),
  });
}

/**
 * Records a dose through the phone's outbox (issue 14): the answer, or null when the dose waits
 * on the phone; the server's dose guard checks it when it arrives.
 */
export function useRecordDose(patientId: string) {
  return useOutboxMutation<DoseInput, Administration>({
    command: ({ label, visitId, slot, ...body }) => ({
      method: 'POST',
      path: `/patients/${patientId}/administrations`,
      body,
      kind: 'medicine.dose',
      label,
      patientId,
      visitId: visitId ?? null,
      // kept on the phone: the phone's dose guard counts a queued dose at its time and slot
      meta: { prescriptionId: body.prescriptionId, givenAt: body.givenAt ?? new Date().toISOString(), slot },
    }),
    // the dose forms say "saved on the phone" beside the dose
    queuedNotice: false,
    invalidate: [medicineKeys.all, ['field-caseload']],
  });
}

/** A dose as a form records it, with the label the outbox shows while it waits. */
export interface DoseInput {
  label: string;
  prescriptionId: string;
  doseAmount: number;
  doseUnit: string;
  outcome?: 'given' | 'not_taken';
  givenAt?: string;
  verbalOrderPhysicianId?: string | null;
  verbalOrderAt?: string | null;
  note?: string | null;
  /** The visit it was given at, for the outbox's "open the patient" and the visit card. */
  visitId?: string | null;
  /** The scheduled slot the phone's guard matched (ISO), kept on the phone only. */
  slot?: string | null;
}

export function useCountersign(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post<Administration>(`/patients/${patientId}/administrations/${id}/countersign`),
    onSuccess: invalidating(qc),
  });
}

export function useSetBox(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { location: string; expiresOn: string; notes: string | null }) =>
      api.put<Anticipatory>(`/patients/${patientId}/anticipatory/box`, body),
    onSuccess: invalidating(qc),
  });
}

export function useControlledEntry(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ stockId, body }: { stockId: string; body: ControlledEntryBody }) =>
      api.post<ControlledStock>(`/patients/${patientId}/controlled-drugs/${stockId}/entries`, body),
    onSuccess: invalidating(qc),
  });
}

export function useAddStock(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      name: string;
      unit: string;
      prescriptionId: string | null;
      dosePerUnit: number | null;
    }) => api.post<ControlledStock>(`/patients/${patientId}/controlled-drugs`, body),
    onSuccess: invalidating(qc),
  });
}

export const useConvert = () =>
  useMutation({
    mutationFn: (body: ConversionBody) => api.post<ConversionResultDto>('/medicines/convert', body),
  });

export const useWeights = (patientId: string) =>
  useQuery({
    queryKey: ['medicines', patientId, 'weights'] as const,
    queryFn: () => api.get<WeightDto[]>(`/patients/${patientId}/weights`),
  });

/** Records a weight; the review is asked again (a child's limits depend on it). */
export function useRecordWeight(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { kg: number; measuredOn: string }) =>
      api.post<WeightDto[]>(`/patients/${patientId}/weights`, body),
    onSuccess: invalidating(qc),
  });
}
