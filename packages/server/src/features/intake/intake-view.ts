import { type CareRequest, isCallbackOverdue, unansweredAttempts } from '@hearth/domain';
import type { CallAttemptRecord, CareRequestRecord } from './intake.repository.ts';

export function toCareRequest(r: CareRequestRecord, calls: CallAttemptRecord[], now: Date): CareRequest {
  const own = calls.filter((c) => c.careRequestId === r.id);
  return {
    id: r.id,
    reference: r.reference,
    source: r.source,
    status: r.status,
    patientName: r.patientName,
    patientAgeYears: r.patientAgeYears,
    requesterName: r.requesterName,
    relationship: r.relationship as CareRequest['relationship'],
    diagnosisText: r.diagnosisText,
    address: r.address,
    phone: r.phone,
    preferredCallTime: r.preferredCallTime as CareRequest['preferredCallTime'],
    locale: r.locale === 'en' ? 'en' : 'ru',
    createdAt: r.createdAt.toISOString(),
    callbackDueAt: r.callbackDueAt.toISOString(),
    firstCallAt: r.firstCallAt?.toISOString() ?? null,
    retryDueAt: r.retryDueAt?.toISOString() ?? null,
    unansweredAttempts: unansweredAttempts(own),
    escalatedAt: r.escalatedAt?.toISOString() ?? null,
    overdue: isCallbackOverdue(r.callbackDueAt, r.firstCallAt, now, r.retryDueAt),
    closedReason: r.closedReason,
    commissionCaseId: r.commissionCaseId,
    referral: r.referral,
    calls: own.map((c) => ({
      id: c.id,
      at: c.at.toISOString(),
      byName: c.byName,
      outcome: c.outcome as CareRequest['calls'][number]['outcome'],
      note: c.note,
    })),
  };
}
