import { checklistUpdateSchema, type DeathRecord } from '@hearth/domain';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../format/time.ts';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { useTickChecklist } from './eol-api.ts';

type Item = DeathRecord['checklist'][number];
const statusColor = { open: 'orange', done: 'green', not_needed: 'gray' } as const;

/** The home checklist after a death; each item is ticked by staff, with who and when. */
export function DeathChecklist({ record, mayWork }: { record: DeathRecord; mayWork: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="death-checklist">
      <Text fw={700}>{t('eol.death.checklist')}</Text>
      {record.checklist.map((item) => (
        <ChecklistItem
          key={item.item}
          patientId={record.patientId}
          item={item}
          editable={mayWork && !record.closedAt && item.status === 'open'}
        />
      ))}
    </Stack>
  );
}

function ChecklistItem({ patientId, item, editable }: { patientId: string; item: Item; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const tick = useTickChecklist(patientId);
  const form = useForm({ note: '', witness1: '', witness2: '' });
  const errorText = useErrorText(form.errors, 'eol.death.errors');
  const [error, setError] = useState<unknown>(null);
  const drugs = item.item === 'controlled_drug_disposal';
  const submit = (status: 'done' | 'not_needed') => {
    const witnesses = [form.values.witness1, form.values.witness2].filter((w) => w.trim());
    const body = form.validate(checklistUpdateSchema, {
      status,
      note: form.values.note,
      ...(drugs && status === 'done' && { witnesses }),
    });
    if (body)
      tick.mutate(
        { item: item.item, body },
        { onSuccess: () => setError(null), onError: (e) => form.takeServerErrors(e) || setError(e) },
      );
  };
  return (
    <Paper withBorder p="sm" data-testid={`checklist-${item.item}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text>{t(`eol.death.items.${item.item}`)}</Text>
          <Badge color={statusColor[item.status]} tt="none" style={{ flexShrink: 0 }}>
            {t(`eol.death.itemStatus.${item.status}`)}
          </Badge>
        </Group>
        {item.status !== 'open' && (
          <Text size="sm" c="dimmed">
            {item.doneAt &&
              t('eol.death.doneBy', {
                date: formatDateTime(item.doneAt, i18n.language),
                name: item.doneByName ?? '',
              })}
            {item.witnesses.length > 0 &&
              ` · ${t('eol.death.witnesses', { names: item.witnesses.join(', ') })}`}
            {item.note && ` · ${item.note}`}
          </Text>
        )}
        {editable && (
          <>
            {drugs && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('eol.death.witness1')}
                  value={form.values.witness1}
                  onChange={(e) => form.set('witness1', e.currentTarget.value)}
                  error={errorText('witnesses') ?? errorText('witnesses.0')}
                />
                <TextInput
                  label={t('eol.death.witness2')}
                  value={form.values.witness2}
                  onChange={(e) => form.set('witness2', e.currentTarget.value)}
                  error={errorText('witnesses.1')}
                />
              </SimpleGrid>
            )}
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t('eol.death.note')}
                value={form.values.note}
                onChange={(e) => form.set('note', e.currentTarget.value)}
                error={errorText('note')}
                style={{ flex: 1, minWidth: 200 }}
              />
              <Button onClick={() => submit('done')} loading={tick.isPending}>
                {t('eol.death.done')}
              </Button>
              <Button variant="default" onClick={() => submit('not_needed')} loading={tick.isPending}>
                {t('eol.death.notNeeded')}
              </Button>
            </Group>
            {error !== null && <ErrorAlert error={error} />}
          </>
        )}
      </Stack>
    </Paper>
  );
}
