import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isNotFound } from '../../api/api-error.ts';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { NotFound } from '../../components/NotFound.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime } from '../../format/time.ts';
import { useNow } from '../../format/use-now.ts';
import { useRequest } from '../intake/intake-api.ts';
import { CallForm } from './CallForm.tsx';
import { DeadlineBadge } from './DeadlineBadge.tsx';
import { FhirReferralCard } from './FhirReferralCard.tsx';
import { ReferralForm } from './ReferralForm.tsx';

/** One request: what the caller said, the calls so far, and the next step. */
export function RequestPage() {
  const { requestId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const can = useCan();
  const query = useRequest(requestId);
  const now = useNow();
  usePageTitle(query.data ? `${query.data.reference} · ${t('queue.title')}` : t('queue.title'));
  if (query.isPending) return <PageLoader />;
  if (isNotFound(query.error)) return <NotFound homeTo="/app/requests" />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const r = query.data;
  const open = r.status === 'new' || r.status === 'in_progress';
  const row = (label: string, value: ReactNode) => (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/app/requests">
        ← {t('queue.back')}
      </Anchor>
      <Group justify="space-between">
        <Title order={1}>
          {r.reference} · {r.patientName}
        </Title>
        <Group gap="xs">
          <Badge size="lg" variant="light">
            {t(`queue.status.${r.status}`)}
          </Badge>
          <DeadlineBadge request={r} now={now} />
        </Group>
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {row(
            t('intake.form.patientName'),
            `${r.patientName}${r.patientAgeYears !== null ? `, ${t('queue.age', { count: r.patientAgeYears })}` : ''}`,
          )}
          {row(t('intake.form.diagnosis'), r.diagnosisText)}
          {row(t('intake.form.address'), r.address)}
          {row(
            t('queue.caller'),
            <>
              {r.requesterName} ({t(`intake.relationship.${r.relationship}`)}) ·{' '}
              <Anchor href={`tel:${r.phone.replace(/[^0-9+]/g, '')}`}>{r.phone}</Anchor>
            </>,
          )}
          {row(t('intake.form.preferredTime'), t(`intake.callTime.${r.preferredCallTime}`))}
          {row(
            t('queue.receivedLabel'),
            `${formatDateTime(r.createdAt, i18n.language)} · ${t(`queue.source.${r.source}`)}`,
          )}
          {r.closedReason && row(t('queue.closedReason'), r.closedReason)}
        </SimpleGrid>
      </Card>
      {r.referral && <FhirReferralCard referral={r.referral} />}

      <Title order={2} size="h3">
        {t('queue.callsTitle')}
      </Title>
      {r.calls.length === 0 ? (
        <Text>{t('queue.noCalls')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {r.calls.map((c) => (
            <Timeline.Item key={c.id} title={t(`queue.outcomes.${c.outcome}`)}>
              <Text size="sm">
                {formatDateTime(c.at, i18n.language)} · {c.byName}
              </Text>
              {c.note && <Text size="sm">{c.note}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {open && can('intake:handle') && (
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('queue.recordCall')}
          </Title>
          <CallForm request={r} />
        </Card>
      )}

      {r.commissionCaseId ? (
        <Button
          component={Link}
          to={`/app/commission/${r.commissionCaseId}`}
          variant="light"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('queue.openCase')}
        </Button>
      ) : (
        r.status !== 'closed' &&
        can('commission:refer') && (
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t('referral.title')}
            </Title>
            <ReferralForm request={r} />
          </Card>
        )
      )}
    </Stack>
  );
}
