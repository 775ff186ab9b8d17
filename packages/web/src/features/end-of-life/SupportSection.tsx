import { type Patient, referralBodySchema, supportDisciplines } from '@hearth/domain';
import { Button, Card, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { usePatientReferrals, useRefer } from './eol-api.ts';
import { ReferralCard } from './ReferralCard.tsx';
import { useHashScroll } from './use-hash-scroll.ts';

/**
 * Support for patient and family (issue 7 "Support"): referrals to the psychologist, social
 * worker and chaplain from the patient page, and their casework, routing and outcome.
 */
export function SupportSection({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  const can = useCan();
  const referrals = usePatientReferrals(patient.id);
  const [referring, setReferring] = useState(false);
  useHashScroll('support', referrals.isSuccess);
  const mayRefer = can('support:refer', { patientId: patient.id }) && patient.status !== 'discharged';
  return (
    <Card withBorder id="support" data-testid="support-section">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('eol.support.title')}
          </Title>
          {mayRefer && !referring && (
            <Button variant="light" onClick={() => setReferring(true)}>
              {t('eol.support.refer')}
            </Button>
          )}
        </Group>
        {referring && <ReferForm patientId={patient.id} onDone={() => setReferring(false)} />}
        {referrals.isError && <ErrorAlert error={referrals.error} />}
        {referrals.data?.length === 0 && <Text c="dimmed">{t('eol.support.none')}</Text>}
        {referrals.data?.map((r) => (
          <ReferralCard key={r.id} referral={r} />
        ))}
      </Stack>
    </Card>
  );
}

function ReferForm({ patientId, onDone }: { patientId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ discipline: '', reason: '', forWhom: '' });
  const errorText = useErrorText(form.errors, 'eol.support.errors');
  const refer = useRefer(patientId);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(referralBodySchema);
    if (body) refer.mutate(body, { onSuccess: onDone, onError: (err) => form.takeServerErrors(err) });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('eol.support.refer')} data-testid="refer-form">
      <Stack gap="xs">
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('eol.support.discipline')}
            withAsterisk
            value={form.values.discipline}
            onChange={(e) => form.set('discipline', e.currentTarget.value)}
            error={errorText('discipline')}
            data={[
              { value: '', label: t('intake.form.choose') },
              ...supportDisciplines.map((d) => ({ value: d, label: t(`home.support.disciplines.${d}`) })),
            ]}
          />
          <TextInput
            label={t('eol.support.forWhom')}
            value={form.values.forWhom}
            onChange={(e) => form.set('forWhom', e.currentTarget.value)}
            error={errorText('forWhom')}
            style={{ flex: 1, minWidth: 200 }}
          />
        </Group>
        <Textarea
          label={t('eol.support.reason')}
          withAsterisk
          autosize
          minRows={2}
          value={form.values.reason}
          onChange={(e) => form.set('reason', e.currentTarget.value)}
          error={errorText('reason')}
        />
        {refer.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={refer.error} />}
        <Group>
          <Button type="submit" loading={refer.isPending}>
            {t('eol.support.submit')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('eol.common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
