import { Anchor, Badge, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime } from '../../format/time.ts';
import { CallForm } from './CallForm.tsx';
import { type CallEntry, useCalls } from './oncall-api.ts';

function CallCard({ call }: { call: CallEntry }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      data-testid="call-entry"
      data-ambulance-first={call.ambulanceCalledFirst}
      style={call.ambulanceCalledFirst ? { borderLeft: '6px solid var(--mantine-color-red-7)' } : undefined}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Badge variant="light">{t(`calls.callerTypes.${call.callerType}`)}</Badge>
            {call.ambulanceCalledFirst && (
              <Badge color="red" data-testid="call-ambulance-badge">
                {t('calls.ambulanceBadge')}
              </Badge>
            )}
            <Text fw={700}>
              {call.patientName && call.patientId ? (
                <Anchor component={Link} to={`/app/patients/${call.patientId}`}>
                  {call.patientName}
                </Anchor>
              ) : null}
              {call.callerName ? ` · ${call.callerName}` : ''}
            </Text>
          </Group>
          <Text size="sm">{formatDateTime(call.receivedAt, i18n.language)}</Text>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{call.reason}</Text>
        <Text size="sm">
          <b>{t(`calls.outcomes.${call.outcome}`)}</b> ·{' '}
          {t('calls.answeredBy', { name: call.answeredByName })} ·{' '}
          {call.responseSeconds === null
            ? t('calls.notAnswered')
            : t('calls.response', { minutes: Math.round(call.responseSeconds / 60) })}
          {call.alertId && (
            <>
              {' · '}
              <Anchor component={Link} to="/app/alerts">
                {t('calls.alertLink')}
              </Anchor>
            </>
          )}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Every inbound call, newest first; "ambulance called first" stands out and can be filtered. */
export function CallsPage() {
  const { t } = useTranslation();
  usePageTitle(t('calls.title'));
  const can = useCan();
  const [ambulanceFirst, setAmbulanceFirst] = useState(false);
  const calls = useCalls({ ambulanceFirst });
  const items = calls.data?.items ?? [];
  return (
    <Stack gap="lg" maw={1000}>
      <Title order={1}>{t('calls.title')}</Title>
      {can('call:record') && <CallForm />}
      <Switch
        size="md"
        label={t('calls.filterAmbulance')}
        checked={ambulanceFirst}
        onChange={(e) => setAmbulanceFirst(e.currentTarget.checked)}
        data-testid="calls-filter-ambulance"
      />
      {calls.isPending ? (
        <PageLoader />
      ) : calls.isError ? (
        <ErrorAlert error={calls.error} />
      ) : items.length === 0 ? (
        <Text>{t('calls.empty')}</Text>
      ) : (
        <Stack gap="sm">
          {!ambulanceFirst && (
            <Text size="sm" data-testid="calls-ambulance-count">
              {t('calls.ambulanceCount', {
                count: items.filter((c) => c.ambulanceCalledFirst).length,
                total: items.length,
              })}
            </Text>
          )}
          {items.map((c) => (
            <CallCard key={c.id} call={c} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
