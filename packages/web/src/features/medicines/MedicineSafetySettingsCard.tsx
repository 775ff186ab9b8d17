import { type OrganizationSettings, organizationSettingsPatchSchema } from '@hearth/domain';
import { Card, NativeSelect, NumberInput, Stack, Text, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { SaveFooter, useSaveSettings } from '../watch/settings-save.tsx';

type NumberField = 'lateEntryWindowHours' | 'verbalOrderValidMinutes' | 'rescueDosesReviewThreshold';
type Source = OrganizationSettings['opioidReferenceSource'];
const limits: Record<NumberField, [number, number]> = {
  lateEntryWindowHours: [1, 72],
  verbalOrderValidMinutes: [5, 24 * 60],
  rescueDosesReviewThreshold: [1, 24],
};
const sources: Source[] = ['ggc', 'ukRegional', 'cdc2022', 'sps'];

type Form = Record<NumberField, number | string> & { opioidReferenceSource: Source };

/**
 * The medication safety settings (docs/medicines-safety.md): how late a dose may be recorded, how
 * long a verbal order holds, the rescue-dose review threshold and the conversion guideline shown
 * first. Only these fields are sent, so saving here leaves every other section as stored.
 */
export function MedicineSafetySettingsCard({ settings }: { settings: OrganizationSettings }) {
  const { t } = useTranslation();
  const form = useForm<Form>({
    lateEntryWindowHours: settings.lateEntryWindowHours,
    verbalOrderValidMinutes: settings.verbalOrderValidMinutes,
    rescueDosesReviewThreshold: settings.rescueDosesReviewThreshold,
    opioidReferenceSource: settings.opioidReferenceSource,
  });
  const errorText = useErrorText(form.errors, 'medicineSettings.fieldErrors');
  const save = useSaveSettings((err) => form.takeServerErrors(err));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const v = form.values;
    const num = (x: number | string) => (x === '' ? undefined : Number(x));
    const body = form.validate(organizationSettingsPatchSchema, {
      lateEntryWindowHours: num(v.lateEntryWindowHours),
      verbalOrderValidMinutes: num(v.verbalOrderValidMinutes),
      rescueDosesReviewThreshold: num(v.rescueDosesReviewThreshold),
      opioidReferenceSource: v.opioidReferenceSource,
    });
    if (body) save.mutate(body);
  };
  const input = (field: NumberField) => (
    <NumberInput
      label={t(`medicineSettings.${field}`)}
      description={t(`medicineSettings.hints.${field}`)}
      withAsterisk
      min={limits[field][0]}
      max={limits[field][1]}
      allowDecimal={false}
      // an out-of-range value is shown with its field error rather than silently changed
      clampBehavior="none"
      value={form.values[field]}
      onChange={(v) => form.set(field, v)}
      error={errorText(field)}
    />
  );
  return (
    <Card withBorder>
      <form onSubmit={onSubmit} noValidate aria-label={t('medicineSettings.title')}>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('medicineSettings.title')}
          </Title>
          <Text>{t('medicineSettings.lead')}</Text>
          {input('lateEntryWindowHours')}
          {input('verbalOrderValidMinutes')}
          {input('rescueDosesReviewThreshold')}
          <NativeSelect
            label={t('medicineSettings.opioidReferenceSource')}
            description={t('medicineSettings.hints.opioidReferenceSource')}
            value={form.values.opioidReferenceSource}
            onChange={(e) => form.set('opioidReferenceSource', e.currentTarget.value as Source)}
            data={sources.map((s) => ({ value: s, label: t(`medicines.sources.${s}`) }))}
            error={errorText('opioidReferenceSource')}
          />
          <SaveFooter save={save} errorShownOnFields={Object.keys(form.errors).length > 0} />
        </Stack>
      </form>
    </Card>
  );
}
