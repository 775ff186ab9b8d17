import {
  type Administration,
  type anticipatorySchema,
  type ContractInput,
  type ControlledEntryBody,
  type controlledStockSchema,
  type conversionBodySchema,
  type formularyItemSchema,
  type marSchema,
  medicationRoutes,
  type PrescriptionInput,
} from '@hearth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api/call.ts';
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
    queryFn: () => call(medicationRoutes.formulary),
    staleTime: Number.POSITIVE_INFINITY,
    enabled,
  });

export const usePrescriptions = (patientId: string) =>
  useQuery({
    queryKey: medicineKeys.prescriptions(patientId),
    queryFn: () => call(medicationRoutes.prescriptions, { params: { patientId } }),
  });

export const useVersions = (patientId: string, id: string | null) =>
  useQuery({
    queryKey: medicineKeys.versions(patientId, id ?? ''),
    queryFn: () => call(medicationRoutes.versions, { params: { patientId, id: id ?? '' } }),
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
    queryFn: () => call(medicationRoutes.review, { params: { patientId }, body: { draft, replacingId } }),
    enabled,
  });

export const useChart = (patientId: string) =>
  useQuery({
    queryKey: medicineKeys.chart(patientId),
    queryFn: () => call(medicationRoutes.chart, { params: { patientId } }),
  });

export const useToday = (patientId: string) =>
  useQuery({
    queryKey: medicineKeys.today(patientId),
    queryFn: () => call(medicationRoutes.today, { params: { patientId } }),
    refetchInterval: 60_000,
  });

export const useAnticipatory = (patientId: string) =>
  useQuery({
    queryKey: medicineKeys.anticipatory(patientId),
    queryFn: () => call(medicationRoutes.anticipatory, { params: { patientId } }),
  });

export const useControlled = (patientId: string, enabled: boolean) =>
  useQuery({
    queryKey: medicineKeys.controlled(patientId),
    queryFn: () => call(medicationRoutes.register, { params: { patientId } }),
    enabled,
  });

const invalidating = (qc: ReturnType<typeof useQueryClient>) => () =>
  qc.invalidateQueries({ queryKey: medicineKeys.all });

export function usePrescribe(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PrescriptionInput) =>
      call(medicationRoutes.prescribe, { params: { patientId }, body }),
    onSuccess: invalidating(qc),
  });
}

export function useChangePrescription(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PrescriptionInput & { reason: string } }) =>
      call(medicationRoutes.change, { params: { patientId, id }, body }),
    onSuccess: invalidating(qc),
  });
}

export function useStopPrescription(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      call(medicationRoutes.stop, { params: { patientId, id }, body: { reason } }),
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
    mutationFn: (id: string) => call(medicationRoutes.countersign, { params: { patientId, id } }),
    onSuccess: invalidating(qc),
  });
}

export function useSetBox(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { location: string; expiresOn: string; notes: string | null }) =>
      call(medicationRoutes.setBox, { params: { patientId }, body }),
    onSuccess: invalidating(qc),
  });
}

export function useControlledEntry(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ stockId, body }: { stockId: string; body: ControlledEntryBody }) =>
      call(medicationRoutes.addEntry, { params: { patientId, id: stockId }, body }),
    onSuccess: invalidating(qc),
  });
}

export function useAddStock(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ContractInput<typeof medicationRoutes.addStock>['body']) =>
      call(medicationRoutes.addStock, { params: { patientId }, body }),
    onSuccess: invalidating(qc),
  });
}

export const useConvert = () =>
  useMutation({
    mutationFn: (body: ConversionBody) => call(medicationRoutes.convert, { body }),
  });

export const useWeights = (patientId: string) =>
  useQuery({
    queryKey: ['medicines', patientId, 'weights'] as const,
    queryFn: () => call(medicationRoutes.weights, { params: { patientId } }),
  });

/** Records a weight; the review is asked again (a child's limits depend on it). */
export function useRecordWeight(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { kg: number; measuredOn: string }) =>
      call(medicationRoutes.recordWeight, { params: { patientId }, body }),
    onSuccess: invalidating(qc),
  });
}
