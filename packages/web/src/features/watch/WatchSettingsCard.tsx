import type { OrganizationSettings } from '@hearth/domain';
import { Card, NumberInput, Stack, Text, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { SaveFooter, useSaveSettings } from './settings-save.tsx';

type Field = 'compareWindowHours' | 'ppsWindowDays' | 'bradenQUnderYears';
const limits: Record<Field, [number, number]> = {
  compareWindowHours: [1, 24 * 60],
  ppsWindowDays: [1, 365],
  bradenQUnderYears: [1, 18],
};

/**
 * The clinical watch's look-back windows and the Braden Q age (docs/clinical-watch.md). The other
 * triage settings are sent back unchanged; the server validates and answers field errors.
 */
export function WatchSettingsCard({ settings }: { settings: OrganizationSettings }) {
  const { t } = useTranslation();
  const form = useForm<Record<Field, number | string>>({
    compareWindowHours: settings.triage.compareWindowHours,
    ppsWindowDays: settings.triage.ppsWindowDays,
    bradenQUnderYears: settings.triage.bradenQUnderYears,
  });
  const errorText = useErrorText(form.errors, 'watchSettings.fieldErrors');
  const save = useSaveSettings((err) => form.takeServerErrors(err));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const v = form.values;
    save.mutate({
      triage: {
        ...settings.triage,
        compareWindowHours: Number(v.compareWindowHours),
        ppsWindowDays: Number(v.ppsWindowDays),
        bradenQUnderYears: Number(v.bradenQUnderYears),
      },
    });
  };
  const input = (field: Field) => (
    <NumberInput
      label={t(`watchSettings.${field}`)}
      withAsterisk
      min={limits[field][0]}
      max={limits[field][1]}
      allowDecimal={false}
      value={form.values[field]}
      onChange={(v) => form.set(field, v)}
      error={errorText(`triage.${field}`)}
    />
  );
  return (
    <Card withBorder>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('watchSettings.title')}
          </Title>
          <Text>{t('watchSettings.lead')}</Text>
          {input('compareWindowHours')}
          {input('ppsWindowDays')}
          {input('bradenQUnderYears')}
          <SaveFooter save={save} errorShownOnFields={Object.keys(form.errors).length > 0} />
        </Stack>
      </form>
    </Card>
  );
}
