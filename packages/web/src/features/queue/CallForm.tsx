import { type CareRequest, callAttemptBodySchema, callOutcomes } from '@hearth/domain';
import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { useRecordCall } from '../intake/intake-api.ts';

const empty = { outcome: '', note: '' };

/** Records one call attempt and its outcome. */
export function CallForm({ request, onDone }: { request: CareRequest; onDone?: (r: CareRequest) => void }) {
  const { t } = useTranslation();
  const form = useForm(empty);
  const errorText = useErrorText(form.errors, 'queue.fieldErrors');
  const record = useRecordCall(request.id);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(callAttemptBodySchema);
    if (!body) return;
    record.mutate(body, {
      onSuccess: (updated) => {
        form.reset();
        onDone?.(updated);
      },
      onError: (err) => form.takeServerErrors(err),
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('queue.recordCall')}>
      <Stack gap="md">
        <Radio.Group
          label={t('queue.outcome')}
          withAsterisk
          value={form.values.outcome}
          onChange={(v) => form.set('outcome', v)}
          error={errorText('outcome')}
        >
          <Stack gap="xs" mt="xs">
            {callOutcomes.map((o) => (
              <Radio key={o} value={o} label={t(`queue.outcomes.${o}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('queue.note')}
          autosize
          minRows={2}
          value={form.values.note}
          onChange={(e) => form.set('note', e.currentTarget.value)}
          error={errorText('note')}
        />
        {record.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={record.error} />}
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('queue.saveCall')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
