import { Anchor, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../../auth/me.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { usePatient } from '../patients/patients-api.ts';
import { CalculatorTab } from './CalculatorTab.tsx';
import { ChartTab } from './ChartTab.tsx';
import { PrescriptionsTab } from './PrescriptionsTab.tsx';
import { AnticipatoryTab, ControlledTab } from './RegisterTabs.tsx';

/** A patient's medicines for staff: prescriptions with checks, the chart, the calculator and registers. */
export function MedicinesPage() {
  const { patientId = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const patient = usePatient(patientId);
  const p = patient.data;
  usePageTitle(p ? `${t('medicines.title')} · ${p.lastName} ${p.firstName}` : t('medicines.title'));
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/app/patients/${patientId}`}>
        ← {p ? `${p.lastName} ${p.firstName}` : t('patients.back')}
      </Anchor>
      <Title order={1}>
        {t('medicines.title')}
        {p ? ` · ${p.lastName} ${p.firstName}` : ''}
      </Title>
      <Tabs defaultValue="prescriptions" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="prescriptions">{t('medicines.tabs.prescriptions')}</Tabs.Tab>
          {can('medicine:mar', { patientId }) && (
            <Tabs.Tab value="chart">{t('medicines.tabs.chart')}</Tabs.Tab>
          )}
          {can('medicine:convert') && (
            <Tabs.Tab value="calculator">{t('medicines.tabs.calculator')}</Tabs.Tab>
          )}
          <Tabs.Tab value="anticipatory">{t('medicines.tabs.anticipatory')}</Tabs.Tab>
          {can('medicine:mar', { patientId }) && (
            <Tabs.Tab value="controlled">{t('medicines.tabs.controlled')}</Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="prescriptions" pt="md">
          <PrescriptionsTab patientId={patientId} canPrescribe={can('medicine:prescribe', { patientId })} />
        </Tabs.Panel>
        <Tabs.Panel value="chart" pt="md">
          <ChartTab patientId={patientId} />
        </Tabs.Panel>
        <Tabs.Panel value="calculator" pt="md">
          <CalculatorTab />
        </Tabs.Panel>
        <Tabs.Panel value="anticipatory" pt="md">
          <AnticipatoryTab patientId={patientId} canEdit={can('medicine:anticipatory', { patientId })} />
        </Tabs.Panel>
        <Tabs.Panel value="controlled" pt="md">
          <ControlledTab patientId={patientId} canEdit={can('medicine:controlled', { patientId })} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
