import { Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay, todayIso } from '../../format/time.ts';
import { useRecordWeight, useWeights } from './medicines-api.ts';

/** Asks for the weight with its date when a child's prescription needs one (issue 12). */
export function WeightPrompt({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const weights = useWeights(patientId);
  const record = useRecordWeight(patientId);
  const [kg, setKg] = useState<number | ''>('');
  const [on, setOn] = useState(todayIso());
  const latest = weights.data?.[0];
  return (
    <Stack gap="xs" data-testid="weight-prompt">
      {latest && (
        <Text size="sm">
          {t('medsafety.weight.latest', { kg: latest.kg, date: formatDay(latest.measuredOn, i18n.language) })}
        </Text>
      )}
      <Group align="flex-end">
        <NumberInput
          label={t('medsafety.weight.kg')}
          value={kg}
          onChange={(v) => setKg(v === '' ? '' : Number(v))}
          min={0.5}
          max={400}
          decimalScale={2}
          required
          data-testid="weight-kg"
        />
        <TextInput
          type="date"
          label={t('medsafety.weight.measuredOn')}
          value={on}
          onChange={(e) => setOn(e.currentTarget.value)}
          required
        />
        <Button
          onClick={() => kg !== '' && record.mutate({ kg: Number(kg), measuredOn: on })}
          disabled={kg === '' || !on}
          loading={record.isPending}
          data-testid="weight-save"
        >
          {t('medsafety.weight.save')}
        </Button>
      </Group>
      {record.isError && <ErrorAlert error={record.error} />}
    </Stack>
  );
}
