import { Anchor, Badge, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime } from '../../format/time.ts';
import { useTaskList } from './oncall-api.ts';

/**
 * Follow-up tasks: a severe symptom asks for a staff assessment within 48 hours (HOPE symptom
 * follow-up visit); the task closes itself when that assessment is recorded. Overdue first.
 */
export function TasksPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('tasks.title'));
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const [status, setStatus] = useState<'open' | 'done'>('open');
  const tasks = useTaskList({ mine: scope === 'mine', status });
  const items = [...(tasks.data?.items ?? [])].sort((a, b) => Number(b.overdue) - Number(a.overdue));
  return (
    <Stack gap="lg" maw={1000}>
      <Title order={1}>{t('tasks.title')}</Title>
      <Text size="sm">{t('tasks.howDone')}</Text>
      <Group>
        <SegmentedControl
          value={scope}
          onChange={(v) => setScope(v as 'mine' | 'all')}
          data={[
            { value: 'mine', label: t('tasks.mine') },
            { value: 'all', label: t('tasks.all') },
          ]}
          data-testid="tasks-scope"
        />
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as 'open' | 'done')}
          data={[
            { value: 'open', label: t('tasks.open') },
            { value: 'done', label: t('tasks.done') },
          ]}
        />
      </Group>
      {tasks.isPending ? (
        <PageLoader />
      ) : tasks.isError ? (
        <ErrorAlert error={tasks.error} />
      ) : items.length === 0 ? (
        <Text>{t('tasks.empty')}</Text>
      ) : (
        <Stack gap="sm">
          {items.map((task) => (
            <Paper
              key={task.id}
              withBorder
              p="md"
              component="article"
              data-testid="task-card"
              data-overdue={task.overdue}
              className={task.overdue ? 'overdue-card' : undefined}
            >
              <Group justify="space-between" wrap="wrap">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text fw={700}>{t(`tasks.kinds.${task.kind}`)}</Text>
                    {task.overdue && <Badge color="red">{t('tasks.overdue')}</Badge>}
                  </Group>
                  <Anchor component={Link} to={`/app/patients/${task.patientId}`} size="lg">
                    {task.patientName}
                  </Anchor>
                  {/* the follow-up's reason is the fixed (English) rule text the kind already says */}
                  {task.kind !== 'symptom_follow_up' && <Text size="sm">{task.reason}</Text>}
                </Stack>
                <Text c={task.overdue ? 'red.8' : undefined} fw={task.overdue ? 700 : undefined}>
                  {task.doneAt
                    ? t('tasks.doneAt', { time: formatDateTime(task.doneAt, i18n.language) })
                    : t('tasks.due', { time: formatDateTime(task.dueAt, i18n.language) })}
                </Text>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
