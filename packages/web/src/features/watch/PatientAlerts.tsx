import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AlertCard } from './AlertsInboxPage.tsx';
import { useAlerts } from './watch-api.ts';

/**
 * The patient's open alerts at the top of their page (issue 12: alerts follow the patient), in
 * the same words as the inbox: rule name and fact sentences in the reader's language.
 */
export function PatientAlerts({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const alerts = useAlerts({ patientId, status: 'active' });
  const items = alerts.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="patient-alerts">
      <Title order={2} size="h3">
        {t('watch.patientAlerts', { count: items.length })}
      </Title>
      {items.map((a) => (
        <AlertCard key={a.id} alert={a} />
      ))}
    </Stack>
  );
}
