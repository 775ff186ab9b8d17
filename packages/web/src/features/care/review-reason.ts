import type { TFunction } from 'i18next';

/**
 * Why a patient is due for the team meeting, with the real number of days since the last review
 * (issue 13): "22 days since the last review", not the fixed interval.
 */
export function reviewReasonText(
  t: TFunction,
  p: { reason: 'never_reviewed' | 'interval' | 'unstable_phase'; daysSinceReview: number | null },
): string {
  const since =
    p.daysSinceReview === null ? null : t('seams.meetings.daysSince', { count: p.daysSinceReview });
  if (p.reason === 'interval' && since) return since;
  const reason = t(`care.meetings.reason.${p.reason}`);
  return since ? `${reason} · ${since}` : reason;
}
