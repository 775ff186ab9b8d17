import { checklistUpdateSchema, type DeathRecord, type WitnessConfirmation } from '@hearth/domain';
import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { emptyWitness, WitnessFields, witnessOrNothing } from '../../components/WitnessFields.tsx';
import { formatDateTime } from '../../format/time.ts';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { useTickChecklist } from './eol-api.ts';

type Item = DeathRecord['checklist'][number];
const statusColor = { open: 'orange', done: 'green', not_needed: 'gray' } as const;

/** The home checklist after a death; each item is ticked by staff, with who and when. */
export function DeathChecklist({ record, mayWork }: { record: DeathRecord; mayWork: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  // the certification is a physician's act; controlled drugs are handled by physicians and nurses
  const mayDo = (item: Item['item']) =>
    item === 'certification'
      ? can('death:certify')
      : item === 'controlled_drug_disposal'
        ? can('medicine:controlled', { patientId: record.patientId })
        : true;
  return (
    <Stack gap="xs" data-testid="death-checklist">
      <Text fw={700}>{t('eol.death.checklist')}</Text>
      {record.checklist.map((item) => (
        <ChecklistItem
          key={item.item}
          patientId={record.patientId}
          item={item}
          editable={mayWork && mayDo(item.item) && !record.closedAt && item.status === 'open'}
        />
      ))}
    </Stack>
  );
}

function ChecklistItem({ patientId, item, editable }: { patientId: string; item: Item; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const tick = useTickChecklist(patientId);
  const form = useForm({ note: '' });
  const [witness, setWitness] = useState<WitnessConfirmation>(emptyWitness);
  const errorText = useErrorText(form.errors, 'eol.death.errors');
  const [error, setError] = useState<unknown>(null);
  const drugs = item.item === 'controlled_drug_disposal';
  const submit = (status: 'done' | 'not_needed') => {
    const confirmed = witnessOrNothing(witness);
    const body = form.validate(checklistUpdateSchema, {
      status,
      note: form.values.note,
      ...(drugs && status === 'done' && confirmed && { witness: confirmed }),
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
              <WitnessFields
                value={witness}
                onChange={setWitness}
                error={errorText('witness') ?? errorText('witness.email')}
              />
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
