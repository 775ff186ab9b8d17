import { type CareRequest, isCallbackOverdue, unansweredAttempts } from '@hearth/domain';
import type { CareRequestRow } from './intake.table.ts';

export interface CallRow {
  id: string;
  care_request_id: string;
  at: Date;
  outcome: string;
  note: string | null;
  by_name: string;
}

export function toCareRequest(row: CareRequestRow, calls: CallRow[], now: Date): CareRequest {
  const own = calls.filter((c) => c.care_request_id === row.id);
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
    retryDueAt: row.retry_due_at?.toISOString() ?? null,
    unansweredAttempts: unansweredAttempts(own),
    escalatedAt: row.escalated_at?.toISOString() ?? null,
    overdue: isCallbackOverdue(row.callback_due_at, row.first_call_at, now, row.retry_due_at),
    closedReason: row.closed_reason,
    commissionCaseId: row.commission_case_id,
    referral: row.referral ?? null,
    calls: own.map((c) => ({
      id: c.id,
      at: c.at.toISOString(),
      byName: c.by_name,
      outcome: c.outcome as CareRequest['calls'][number]['outcome'],
      note: c.note,
    })),
  };
}
