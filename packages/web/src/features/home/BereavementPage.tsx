import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDay } from '../../format/time.ts';
import { EolMeasures } from '../end-of-life/EolMeasures.tsx';
import { useBereavementTasks } from './home-api.ts';

/** The bereavement view: open contacts with families, soonest first, overdue marked. */
export function BereavementPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('home.bereavement.title'));
  const tasks = useBereavementTasks();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('home.bereavement.title')}</Title>
      <EolMeasures />
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
