import type { Visit } from '@hearth/domain';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatTime } from '../../format/time.ts';

const fields = ['assessment', 'done', 'taught', 'notes', 'nextSteps'] as const;

/**
 * What one visit left on record: its check-in and finish times and each documentation note (who
 * wrote it, findings, what was done and taught, notes, next steps), or why it was missed or
 * cancelled. The family portal gets visits without notes from the server, so it shows only times
 * and reasons.
 */
export function VisitRecord({ visit }: { visit: Visit }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const ended = visit.status === 'missed' || visit.status === 'cancelled';
  return (
    <Stack gap={6} data-testid="visit-record">
      {ended && (
        <Text size="sm">
          <b>{t('care.visits.why')}:</b> {visit.statusReason ?? '—'}
        </Text>
      )}
      {(visit.checkedInAt || visit.completedAt) && (
        <Text size="sm" c="dimmed">
          {visit.checkedInAt && `${t('care.visits.checkedIn')} ${formatDateTime(visit.checkedInAt, lang)}`}
          {visit.checkedInAt && visit.completedAt && ' · '}
          {visit.completedAt && `${t('care.visits.finished')} ${formatTime(visit.completedAt, lang)}`}
        </Text>
      )}
      {visit.notes.map((n) => (
        <Stack key={n.id} gap={2} data-testid="visit-note">
          <Text size="sm" fw={600}>
            {n.byName} · {formatDateTime(n.at, lang)}
          </Text>
          {fields
            .filter((k) => n[k].trim())
            .map((k) => (
              <Text key={k} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <b>{t(`care.myDay.${k}`)}:</b> {n[k]}
              </Text>
            ))}
        </Stack>
      ))}
      {!ended && visit.notes.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('care.visits.noRecord')}
        </Text>
      )}
    </Stack>
  );
}
