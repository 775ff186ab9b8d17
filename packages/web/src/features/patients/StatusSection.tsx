import {
  type Patient,
  type PatientStatus,
  patientStatusChangeBodySchema,
  patientStatusTransitions,
} from '@hearth/domain';
import { Button, Card, Group, NativeSelect, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../format/time.ts';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { useChangeStatus } from './patients-api.ts';

const statusLabelKey = (kind: 'status' | 'palliative', value: string) =>
  kind === 'status' ? (`patients.status.${value}` as const) : (`patients.palliative.${value}` as const);

/** The lifecycle: the allowed next statuses (from the domain) and the history of every change. */
export function StatusSection({ patient, canChange }: { patient: Patient; canChange: boolean }) {
  const { t, i18n } = useTranslation();
  const next = patientStatusTransitions[patient.status];
  const form = useForm({ status: '', reason: '' });
  const errorText = useErrorText(form.errors, 'patients.fieldErrors');
  const change = useChangeStatus(patient.id);
  const label = (kind: 'status' | 'palliative', value: string | null) =>
    value === null ? '—' : (t(statusLabelKey(kind, value) as 'patients.status.active') as string);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(patientStatusChangeBodySchema);
    if (body)
      change.mutate(body, { onSuccess: () => form.reset(), onError: (err) => form.takeServerErrors(err) });
  };

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('patients.history.title')}
      </Title>
      <Timeline bulletSize={14} lineWidth={2} data-testid="status-history">
        {patient.statusHistory.map((h) => (
          <Timeline.Item
            key={`${h.at}-${h.kind}-${h.to}`}
            title={`${h.kind === 'palliative' ? t('patients.palliative.label') : t('patients.fields.status')}: ${label(h.kind, h.from)} → ${label(h.kind, h.to)}`}
          >
            <Text size="sm">
              {formatDateTime(h.at, i18n.language)}
              {h.byName ? ` · ${h.byName}` : ''}
            </Text>
            {h.careSetting && (
              <Text size="sm">
                {t('eol.level.moved', {
                  setting: t(`patients.careSetting.${h.careSetting as 'home'}`, h.careSetting),
                })}
              </Text>
            )}
            {h.reason && <Text size="sm">{h.reason}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
      {canChange && next.length > 0 && (
        <Card withBorder>
          <form onSubmit={onSubmit} noValidate aria-label={t('patients.history.change')}>
            <Group align="flex-end" wrap="wrap">
              <NativeSelect
                label={t('patients.history.newStatus')}
                withAsterisk
                value={form.values.status}
                onChange={(e) => form.set('status', e.currentTarget.value as PatientStatus)}
                error={errorText('status')}
                data={[
                  { value: '', label: t('intake.form.choose') },
                  ...next.map((s) => ({ value: s, label: t(`patients.status.${s}`) })),
                ]}
              />
              <Textarea
                label={t('patients.history.reason')}
                withAsterisk
                autosize
                value={form.values.reason}
                onChange={(e) => form.set('reason', e.currentTarget.value)}
                error={errorText('reason')}
                style={{ flex: 1, minWidth: 220 }}
              />
              <Button type="submit" loading={change.isPending}>
                {t('patients.history.change')}
              </Button>
            </Group>
            {change.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={change.error} />}
          </form>
        </Card>
      )}
    </Stack>
  );
}
