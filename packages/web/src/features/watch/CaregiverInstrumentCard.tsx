import { type CaregiverInstrument, caregiverInstruments, type OrganizationSettings } from '@hearth/domain';
import { Card, NativeSelect, NumberInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveFooter, useSaveSettings } from './settings-save.tsx';

/**
 * The caregiver burden instrument: the free MCSI by default; ZBI-12 only with a Mapi licence
 * (instrument-licences.md). The MCSI threshold has no published cut-off, so it is the
 * organization's choice. The other triage settings are sent back unchanged.
 */
export function CaregiverInstrumentCard({ settings }: { settings: OrganizationSettings }) {
  const { t } = useTranslation();
  const [instrument, setInstrument] = useState<CaregiverInstrument>(settings.triage.caregiverInstrument);
  const [threshold, setThreshold] = useState<number | string>(settings.triage.mcsiThreshold);
  const save = useSaveSettings();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      triage: { ...settings.triage, caregiverInstrument: instrument, mcsiThreshold: Number(threshold) },
    });
  };
  return (
    <Card withBorder>
      <form onSubmit={onSubmit}>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('assess.settings.title')}
          </Title>
          <Text>{t('assess.settings.lead')}</Text>
          <NativeSelect
            label={t('assess.settings.instrument')}
            value={instrument}
            onChange={(e) => setInstrument(e.currentTarget.value as CaregiverInstrument)}
            data={caregiverInstruments.map((i) => ({ value: i, label: t(`assess.instruments.${i}`) }))}
          />
          {instrument === 'mcsi' && (
            <NumberInput
              label={t('assess.settings.threshold')}
              min={1}
              max={26}
              value={threshold}
              onChange={setThreshold}
            />
          )}
          <SaveFooter save={save} />
        </Stack>
      </form>
    </Card>
  );
}
