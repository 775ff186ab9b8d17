import { supportDisciplines } from '@hearth/domain';
import { Anchor, Badge, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime } from '../../format/time.ts';
import { useReferrals } from './home-api.ts';

/** Open support referrals; a psychologist, social worker or chaplain starts on their own discipline. */
export function SupportInboxPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('home.support.title'));
  const me = useCurrentUser();
  const own = (supportDisciplines as readonly string[]).includes(me.role) ? me.role : 'all';
  const [discipline, setDiscipline] = useState<string>(own);
  const referrals = useReferrals(discipline === 'all' ? undefined : discipline);
  return (
    <Stack gap="lg">
      <Title order={1}>{t('home.support.title')}</Title>
      <SegmentedControl
        value={discipline}
        onChange={setDiscipline}
        data={[
          { value: 'all', label: '—' },
          ...supportDisciplines.map((d) => ({ value: d, label: t(`home.support.disciplines.${d}`) })),
        ]}
      />
      {referrals.isPending && <PageLoader />}
      {referrals.isError && <ErrorAlert error={referrals.error} />}
      {referrals.data?.items.length === 0 && <Text>{t('home.support.none')}</Text>}
      {referrals.data?.items.map((r) => (
        <Card key={r.id} withBorder data-testid="referral">
          <Stack gap={4}>
            <Group justify="space-between">
              <Anchor component={Link} to={`/app/patients/${r.patientId}#support`} fw={700}>
                {r.patientName}
              </Anchor>
              <Group gap="xs">
                {r.respiteOffered && (
                  <Badge color="orange" tt="none">
                    {t('home.support.respite')}
                  </Badge>
                )}
                <Badge variant="light" tt="none">
                  {t(`home.support.statuses.${r.status}`)}
                </Badge>
              </Group>
            </Group>
            <Text size="sm" c="dimmed">
              {t(`home.support.disciplines.${r.discipline}`)} · {t(`home.support.sources.${r.source}`)} ·{' '}
              {formatDateTime(r.createdAt, i18n.language)}
            </Text>
            <Text>{r.reason}</Text>
            {r.forWhom && <Text size="sm">{t('home.support.forWhom', { name: r.forWhom })}</Text>}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
