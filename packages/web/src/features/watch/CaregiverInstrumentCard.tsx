import { type CaregiverInstrument, caregiverInstruments, type OrganizationSettings } from '@hearth/domain';
import { Alert, Button, Card, NativeSelect, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/**
 * The caregiver burden instrument: the free MCSI by default; ZBI-12 only with a Mapi licence
 * (instrument-licences.md). The MCSI threshold has no published cut-off, so it is the
 * organization's choice. The other triage settings are sent back unchanged.
 */
export function CaregiverInstrumentCard({ settings }: { settings: OrganizationSettings }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [instrument, setInstrument] = useState<CaregiverInstrument>(settings.triage.caregiverInstrument);
  const [threshold, setThreshold] = useState<number | string>(settings.triage.mcsiThreshold);
  const save = useMutation({
    mutationFn: (body: unknown) => api.patch<OrganizationSettings>('/settings', body),
    onSuccess: (s) => qc.setQueryData(['settings'], s),
  });
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
          {save.isSuccess && <Alert color="green">{t('assess.saved')}</Alert>}
          {save.isError && <ErrorAlert error={save.error} />}
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('assess.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
