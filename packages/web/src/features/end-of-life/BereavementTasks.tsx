import { bereavementTaskCompleteSchema, griefRiskLevels } from '@hearth/domain';
import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay, todayIso } from '../../format/time.ts';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { type BereavementTask, useCompleteTask, usePatientBereavement } from './eol-api.ts';
import { ReassignTask } from './ReassignTask.tsx';

/**
 * The family's bereavement programme (palliative-research.md §6 item 7): each contact a task
 * with an owner and a due day; staff record what happened, and the risk assessment its level.
 */
export function BereavementTasks({ patientId, mayWork }: { patientId: string; mayWork: boolean }) {
  const { t } = useTranslation();
  const tasks = usePatientBereavement(patientId, true);
  return (
    <Stack gap="xs" data-testid="bereavement-tasks">
      <Title order={3} size="h4">
        {t('eol.bereavement.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('eol.bereavement.lead')}
      </Text>
      {tasks.isError && <ErrorAlert error={tasks.error} />}
      {tasks.data?.map((task) => (
        <TaskCard key={task.id} patientId={patientId} task={task} mayWork={mayWork} />
      ))}
    </Stack>
  );
}

function TaskCard({
  patientId,
  task,
  mayWork,
}: {
  patientId: string;
  task: BereavementTask;
  mayWork: boolean;
}) {
  const { t, i18n } = useTranslation();
  const day = (d: string) => formatDay(d, i18n.language);
  const form = useForm({ outcome: '', completedOn: todayIso(), riskLevel: '' });
  const errorText = useErrorText(form.errors, 'eol.bereavement.errors');
  const complete = useCompleteTask(patientId);
  const [open, setOpen] = useState(false);
  const risk = task.kind === 'risk_assessment';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(bereavementTaskCompleteSchema);
    if (body) complete.mutate({ taskId: task.id, body }, { onError: (err) => form.takeServerErrors(err) });
  };
  return (
    <Paper withBorder p="sm" data-testid={`bereavement-${task.kind}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600}>{t(`home.bereavement.kinds.${task.kind}`)}</Text>
          <Badge
            tt="none"
            style={{ flexShrink: 0 }}
            color={task.status === 'done' ? 'green' : task.overdue ? 'red' : 'gray'}
          >
            {task.status === 'done'
              ? t('eol.bereavement.doneOn', { date: day(task.completedOn ?? task.dueOn) })
              : task.overdue
                ? t('eol.bereavement.overdue', { date: day(task.dueOn) })
                : t('eol.bereavement.due', { date: day(task.dueOn) })}
          </Badge>
        </Group>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('eol.bereavement.owner', { name: task.ownerName })}
          </Text>
          {task.status === 'open' && mayWork && <ReassignTask patientId={patientId} task={task} />}
        </Group>
        {task.status === 'done' && (
          <>
            {task.riskLevel && (
              <Text size="sm" fw={600}>
                {t('eol.bereavement.risk', { level: t(`eol.bereavement.riskLevels.${task.riskLevel}`) })}
              </Text>
            )}
            <Text size="sm">{task.outcome}</Text>
          </>
        )}
        {task.status === 'open' && mayWork && !open && (
          <Button variant="light" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
            {t('eol.bereavement.complete')}
          </Button>
        )}
        {task.status === 'open' && mayWork && open && (
          <form onSubmit={onSubmit} noValidate aria-label={t(`home.bereavement.kinds.${task.kind}`)}>
            <Stack gap="xs">
              <Textarea
                label={t('eol.bereavement.outcome')}
                withAsterisk
                autosize
                value={form.values.outcome}
                onChange={(e) => form.set('outcome', e.currentTarget.value)}
                error={errorText('outcome')}
              />
              <Group align="flex-end" wrap="wrap">
                <TextInput
                  type="date"
                  label={t('eol.bereavement.completedOn')}
                  withAsterisk
                  value={form.values.completedOn}
                  onChange={(e) => form.set('completedOn', e.currentTarget.value)}
                  error={errorText('completedOn')}
                />
                {risk && (
                  <NativeSelect
                    label={t('eol.bereavement.riskLevel')}
                    withAsterisk
                    value={form.values.riskLevel}
                    onChange={(e) => form.set('riskLevel', e.currentTarget.value)}
                    error={errorText('riskLevel')}
                    description={t('eol.bereavement.highRisk')}
                    data={[
                      { value: '', label: t('intake.form.choose') },
                      ...griefRiskLevels.map((l) => ({
                        value: l,
                        label: t(`eol.bereavement.riskLevels.${l}`),
                      })),
                    ]}
                  />
                )}
                <Button type="submit" loading={complete.isPending}>
                  {t('eol.bereavement.complete')}
                </Button>
              </Group>
              {complete.isError && Object.keys(form.errors).length === 0 && (
                <ErrorAlert error={complete.error} />
              )}
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
