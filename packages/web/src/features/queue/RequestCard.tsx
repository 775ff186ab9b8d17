import type { CareRequest } from '@hearth/domain';
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countdown, formatDateTime } from '../../format/time.ts';
import { DeadlineBadge } from './DeadlineBadge.tsx';

export function RequestCard({
  request,
  now,
  onRecordCall,
}: {
  request: CareRequest;
  now: Date;
  onRecordCall?: (r: CareRequest) => void;
}) {
  const { t, i18n } = useTranslation();
  const overdue =
    request.overdue ||
    (!request.firstCallAt && request.status === 'new' && countdown(request.callbackDueAt, now).overdue) ||
    (request.retryDueAt !== null && countdown(request.retryDueAt, now).overdue);
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      className={overdue ? 'overdue-card' : undefined}
      component="article"
      aria-label={`${request.reference} ${request.patientName}`}
      data-testid="request-card"
      data-reference={request.reference}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Anchor component={Link} to={`/app/requests/${request.id}`} fw={700} ff="monospace">
              {request.reference}
            </Anchor>
            <Badge
              variant={request.source === 'fhir' ? 'filled' : 'outline'}
              color={request.source === 'fhir' ? 'grape' : 'gray'}
            >
              {t(`queue.source.${request.source}`)}
            </Badge>
            <Badge variant="light">{t(`queue.status.${request.status}`)}</Badge>
            {request.escalatedAt && (
              <Badge color="red" variant="outline">
                {t('queue.escalated')}
              </Badge>
            )}
          </Group>
          <DeadlineBadge request={request} now={now} />
        </Group>
        <Text fw={600} size="lg">
          {request.patientName}
          {request.patientAgeYears !== null && (
            <Text span fw={400}>
              {' '}
              · {t('queue.age', { count: request.patientAgeYears })}
            </Text>
          )}
        </Text>
        <Text lineClamp={2}>{request.diagnosisText}</Text>
        <Text size="sm">
          {request.requesterName} ({t(`intake.relationship.${request.relationship}`)}) ·{' '}
          <Anchor href={`tel:${request.phone.replace(/[^0-9+]/g, '')}`}>{request.phone}</Anchor> ·{' '}
          {t(`intake.callTime.${request.preferredCallTime}`)}
        </Text>
        <Text size="sm">
          {request.address} · {t('queue.received', { at: formatDateTime(request.createdAt, i18n.language) })}
          {request.calls.length > 0 && ` · ${t('queue.calls', { count: request.calls.length })}`}
        </Text>
        <Group gap="sm">
          {onRecordCall && request.status !== 'closed' && request.status !== 'referred' && (
            <Button size="sm" onClick={() => onRecordCall(request)}>
              {t('queue.recordCall')}
            </Button>
          )}
          <Button size="sm" variant="default" component={Link} to={`/app/requests/${request.id}`}>
            {t('queue.open')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
