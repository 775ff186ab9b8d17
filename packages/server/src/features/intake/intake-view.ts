import { type CareRequest, isCallbackOverdue } from '@hearth/domain';
import type { CareRequestTable } from './intake.table.ts';

export interface CallRow {
  id: string;
  care_request_id: string;
  at: Date;
  outcome: string;
  note: string | null;
  by_name: string;
}

export function toCareRequest(row: CareRequestTable, calls: CallRow[], now: Date): CareRequest {
  return {
    id: row.id,
    reference: row.reference,
    source: row.source,
    status: row.status,
    patientName: row.patient_name,
    patientAgeYears: row.patient_age_years,
    requesterName: row.requester_name,
    relationship: row.relationship as CareRequest['relationship'],
    diagnosisText: row.diagnosis_text,
    address: row.address,
    phone: row.phone,
    preferredCallTime: row.preferred_call_time as CareRequest['preferredCallTime'],
    locale: row.locale === 'en' ? 'en' : 'ru',
    createdAt: row.created_at.toISOString(),
    callbackDueAt: row.callback_due_at.toISOString(),
    firstCallAt: row.first_call_at?.toISOString() ?? null,
    escalatedAt: row.escalated_at?.toISOString() ?? null,
    overdue: isCallbackOverdue(row.callback_due_at, row.first_call_at, now),
    closedReason: row.closed_reason,
    commissionCaseId: row.commission_case_id,
    calls: calls
      .filter((c) => c.care_request_id === row.id)
      .map((c) => ({
        id: c.id,
        at: c.at.toISOString(),
        byName: c.by_name,
        outcome: c.outcome as CareRequest['calls'][number]['outcome'],
        note: c.note,
      })),
  };
}
