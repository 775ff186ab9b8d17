import { type CommissionStatus, commissionStatuses } from '@hearth/domain';
import { Anchor, Badge, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime } from '../../format/time.ts';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';
import { useCases } from './commission-api.ts';

type Filter = CommissionStatus | 'all';

export function CommissionListPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('commission.title'));
  const [status, setStatus] = useState<Filter>('pending');
  const cases = useCases(status);
  return (
    <Stack gap="md">
      <Title order={1}>{t('commission.title')}</Title>
      <SegmentedControl
        aria-label={t('commission.filter')}
        value={status}
        onChange={(v) => setStatus(v as Filter)}
        data={[...commissionStatuses, 'all' as const].map((s) => ({
          value: s,
          label: t(`commission.filters.${s}`),
        }))}
        style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
      />
      {cases.isPending ? (
        <PageLoader />
      ) : cases.isError ? (
        <ErrorAlert error={cases.error} />
      ) : cases.data.items.length === 0 ? (
        <Text>{t('commission.empty')}</Text>
      ) : (
        <Stack gap="sm">
          {cases.data.items.map((c) => (
            <Paper key={c.id} withBorder p="md" component="article" data-testid="case-card">
              <Group justify="space-between">
                <Anchor component={Link} to={`/app/commission/${c.id}`} fw={700} size="lg">
                  {c.patientName}
                </Anchor>
                <CaseStatusBadge status={c.status} />
              </Group>
              <Text>
                <Badge variant="outline" color="gray" mr="xs">
                  {c.icd10}
                </Badge>
                {c.diagnosis}
              </Text>
              <Text size="sm">
                {t(`referral.scales.${c.performance.scale}`)}: {c.performance.score} ·{' '}
                {t('commission.referredAt', { at: formatDateTime(c.createdAt, i18n.language) })} ·{' '}
                {t('commission.documentsCount', { count: c.documents.length })}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
