import { preferredCallTimes, relationships } from '@hearth/domain';
import { Checkbox, Fieldset, Group, NativeSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestFormValues } from './request-form.ts';

interface Props {
  values: RequestFormValues;
  set: <K extends keyof RequestFormValues>(field: K, value: RequestFormValues[K]) => void;
  errorText: (field: string) => string | undefined;
  /** Large controls on the public form (phones, tired hands); regular in the workspace. */
  size?: 'md' | 'lg';
  /** On the phone the coordinator asks consent aloud; the label says so. */
  mode: 'public' | 'phone';
}

// the two groups read as section headings, so people see where they are in a long form
const legendStyles = {
  legend: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 700, marginBottom: 8 },
};

/** The fields of a care request, shared by the public form and the coordinator's phone entry. */
export function RequestFields({ values, set, errorText, size = 'md', mode }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Fieldset legend={t('intake.form.whoNeedsCare')} variant="unstyled" styles={legendStyles}>
        <Stack gap="md">
          <TextInput
            size={size}
            label={t('intake.form.patientName')}
            withAsterisk
            value={values.patientName}
            onChange={(e) => set('patientName', e.currentTarget.value)}
            error={errorText('patientName')}
            autoComplete="off"
          />
          <TextInput
            size={size}
            label={t('intake.form.patientAge')}
            description={t('intake.form.patientAgeHint')}
            inputMode="numeric"
            value={values.patientAgeYears}
            onChange={(e) => set('patientAgeYears', e.currentTarget.value.replace(/[^0-9]/g, '').slice(0, 3))}
            error={errorText('patientAgeYears')}
          />
          <Textarea
            size={size}
            label={t('intake.form.diagnosis')}
            description={t('intake.form.diagnosisHint')}
            withAsterisk
            autosize
            minRows={3}
            value={values.diagnosisText}
            onChange={(e) => set('diagnosisText', e.currentTarget.value)}
            error={errorText('diagnosisText')}
          />
          <Textarea
            size={size}
            label={t('intake.form.address')}
            description={t('intake.form.addressHint')}
            withAsterisk
            autosize
            minRows={2}
            value={values.address}
            onChange={(e) => set('address', e.currentTarget.value)}
            error={errorText('address')}
            autoComplete="street-address"
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('intake.form.aboutYou')} variant="unstyled" styles={legendStyles}>
        <Stack gap="md">
          <TextInput
            size={size}
            label={mode === 'public' ? t('intake.form.requesterName') : t('intake.form.callerName')}
            withAsterisk
            value={values.requesterName}
            onChange={(e) => set('requesterName', e.currentTarget.value)}
            error={errorText('requesterName')}
            autoComplete={mode === 'public' ? 'name' : 'off'}
          />
          <NativeSelect
            size={size}
            label={t('intake.form.relationship')}
            withAsterisk
            value={values.relationship}
            onChange={(e) => set('relationship', e.currentTarget.value as RequestFormValues['relationship'])}
            error={errorText('relationship')}
            data={[
              { value: '', label: t('intake.form.choose') },
              ...relationships.map((r) => ({ value: r, label: t(`intake.relationship.${r}`) })),
            ]}
          />
          <TextInput
            size={size}
            type="tel"
            label={t('intake.form.phone')}
            description={t('intake.form.phoneHint')}
            withAsterisk
            value={values.phone}
            onChange={(e) => set('phone', e.currentTarget.value)}
            error={errorText('phone')}
            autoComplete={mode === 'public' ? 'tel' : 'off'}
            inputMode="tel"
          />
          <Radio.Group
            size={size}
            label={t('intake.form.preferredTime')}
            value={values.preferredCallTime}
            onChange={(v) => set('preferredCallTime', v as RequestFormValues['preferredCallTime'])}
            error={errorText('preferredCallTime')}
          >
            <Group gap="md" mt="xs">
              {preferredCallTimes.map((time) => (
                <Radio key={time} size={size} value={time} label={t(`intake.callTime.${time}`)} />
              ))}
            </Group>
          </Radio.Group>
        </Stack>
      </Fieldset>

      <Checkbox
        size={size}
        checked={values.consent}
        onChange={(e) => set('consent', e.currentTarget.checked)}
        label={mode === 'public' ? t('intake.form.consent') : t('intake.form.consentPhone')}
        error={errorText('consent')}
      />
    </Stack>
  );
}
