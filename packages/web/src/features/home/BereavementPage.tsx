import { Anchor, Badge, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDay, todayIso } from '../../format/time.ts';
import { addDaysIso } from '../care/care-api.ts';
import { EolMeasures } from '../end-of-life/EolMeasures.tsx';
import { OwnerSelect } from '../end-of-life/OwnerSelect.tsx';
import { type BereavementFilter, useBereavementTasks } from './home-api.ts';

const periods = ['week', 'month', 'quarter', 'overdue', 'any'] as const;
type Period = (typeof periods)[number];
const statuses = ['open', 'done', 'all'] as const;

/** The due period as dates from today; contacts run for 13 months, so the default is the next week. */
function periodRange(period: Period, today: string): Pick<BereavementFilter, 'dueFrom' | 'dueBy'> {
  switch (period) {
    case 'overdue':
      return { dueBy: addDaysIso(today, -1) };
    case 'week':
      return { dueBy: addDaysIso(today, 7) };
    case 'month':
      return { dueBy: addDaysIso(today, 30) };
    case 'quarter':
      return { dueBy: addDaysIso(today, 91) };
    case 'any':
      return {};
  }
}

/** The bereavement view: contacts with families by owner, due period and status, soonest first. */
export function BereavementPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('home.bereavement.title'));
  const [status, setStatus] = useState<(typeof statuses)[number]>('open');
  const [ownerId, setOwnerId] = useState('');
  const [period, setPeriod] = useState<Period>('month');
  const tasks = useBereavementTasks({
    status,
    ...(ownerId ? { ownerId } : {}),
    ...periodRange(period, todayIso()),
  });
  return (
    <Stack gap="lg">
      <Title order={1}>{t('home.bereavement.title')}</Title>
      <EolMeasures />
      <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="bereavement-filters">
        <NativeSelect
          label={t('episode.bereavementFilters.period')}
          value={period}
          onChange={(e) => setPeriod(e.currentTarget.value as Period)}
          data={periods.map((p) => ({ value: p, label: t(`episode.bereavementFilters.periods.${p}`) }))}
        />
        <OwnerSelect
          value={ownerId}
          onChange={setOwnerId}
          label={t('episode.bereavementFilters.owner')}
          emptyLabel={t('episode.bereavementFilters.anyOwner')}
        />
        <NativeSelect
          label={t('episode.bereavementFilters.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as (typeof statuses)[number])}
          data={statuses.map((s) => ({ value: s, label: t(`episode.bereavementFilters.statuses.${s}`) }))}
        />
      </SimpleGrid>
      {tasks.isPending && <PageLoader />}
      {tasks.isError && <ErrorAlert error={tasks.error} />}
      {tasks.data?.items.length === 0 && <Text>{t('home.bereavement.none')}</Text>}
      {tasks.data?.items.map((task) => (
        <Card key={task.id} withBorder>
          <Stack gap={4}>
            <Group justify="space-between">
              <Text fw={700}>{t(`home.bereavement.kinds.${task.kind}`)}</Text>
              <Badge color={task.overdue ? 'red' : 'gray'} tt="none">
                {task.overdue
                  ? t('home.bereavement.overdue')
                  : t('home.bereavement.due', { date: formatDay(task.dueOn, i18n.language) })}
              </Badge>
            </Group>
            <Anchor component={Link} to={`/app/patients/${task.patientId}#death`}>
              {task.patientName}
            </Anchor>
            {task.familyContacts.map((c) => (
              <Text key={`${c.name}${c.phone}`} size="sm">
                {c.name} ({c.relationship}) {c.phone ?? ''}
              </Text>
            ))}
            <Text size="sm" c="dimmed">
              {task.ownerName}
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
