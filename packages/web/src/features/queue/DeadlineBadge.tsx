import type { CareRequest } from '@hearth/domain';
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countdown, formatTime } from '../../format/time.ts';

/**
 * The callback clock: time left, or how long overdue. After an unanswered call the clock runs
 * again to the retry deadline, with the count of tries; once someone is reached, when.
 */
export function DeadlineBadge({ request, now }: { request: CareRequest; now: Date }) {
  const { t, i18n } = useTranslation();
  if (request.status === 'closed' || request.status === 'referred') return null;
  if (request.retryDueAt) {
    const c = countdown(request.retryDueAt, now);
    return (
      <Group gap={4}>
        <Badge color="orange" variant="light" size="lg" data-testid="unanswered-attempts">
          {t('episode.calls.attempts', { count: request.unansweredAttempts })}
        </Badge>
        <Badge
          color={c.overdue ? 'red' : c.seconds < 300 ? 'orange' : 'hearth'}
          variant="filled"
          size="lg"
          data-testid="retry-deadline"
        >
          {c.overdue
            ? t('episode.calls.retryOverdue', { clock: c.clock })
            : t('episode.calls.retryWithin', { clock: c.clock })}
        </Badge>
      </Group>
    );
  }
  if (request.firstCallAt) {
    return (
      <Badge color="gray" variant="light" size="lg">
        {t('queue.calledAt', { time: formatTime(request.firstCallAt, i18n.language) })}
      </Badge>
    );
  }
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
