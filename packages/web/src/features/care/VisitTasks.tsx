import type { CarePlanItem } from '@hearth/domain';
import { Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const mark = '✓ ';

/**
 * The care plan's tasks for this visit's discipline, ticked off into the "What was done" note:
 * a ticked task is a line of that note, so it is kept in the draft and sent with the visit.
 */
export function VisitTasks({
  items,
  done,
  onChange,
}: {
  items: CarePlanItem[];
  done: string;
  onChange: (done: string) => void;
}) {
  const { t } = useTranslation();
  const tasks = items.flatMap((i) => (i.interventions.length ? i.interventions : [i.goal]));
  if (tasks.length === 0) return null;
  const lines = done.split('\n');
  const toggle = (task: string, on: boolean) => {
    const rest = lines.filter((l) => l !== mark + task);
    onChange((on ? [...rest.filter(Boolean), mark + task] : rest).join('\n'));
  };
  return (
    <Stack gap={4} data-testid="visit-tasks">
      <Text size="sm" fw={600}>
        {t('field.tasks')}
      </Text>
      {tasks.map((task) => (
        <Checkbox
          key={task}
          size="md"
          label={task}
          checked={lines.includes(mark + task)}
          onChange={(e) => toggle(task, e.currentTarget.checked)}
        />
      ))}
    </Stack>
  );
}
