import type { CareRequest } from '@hearth/domain';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countdown, formatTime } from '../../format/time.ts';

/** The callback clock: time left, or how long overdue; once called, when. */
export function DeadlineBadge({ request, now }: { request: CareRequest; now: Date }) {
  const { t, i18n } = useTranslation();
  if (request.firstCallAt) {
    return (
      <Badge color="gray" variant="light" size="lg">
        {t('queue.calledAt', { time: formatTime(request.firstCallAt, i18n.language) })}
      </Badge>
    );
  }
  if (request.status === 'closed' || request.status === 'referred') return null;
  const c = countdown(request.callbackDueAt, now);
  const overdue = request.overdue || c.overdue;
  return (
    <Badge
      color={overdue ? 'red' : c.seconds < 300 ? 'orange' : 'hearth'}
      variant="filled"
      size="lg"
      data-testid="deadline"
    >
      {overdue ? t('queue.overdueBy', { clock: c.clock }) : t('queue.callWithin', { clock: c.clock })}
    </Badge>
  );
}
