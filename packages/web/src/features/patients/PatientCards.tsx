import type { PatientSummary } from '@hearth/domain';
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AgeBadge, PatientStatusBadge } from './PatientStatusBadge.tsx';

/** The patient list on a phone: one card per patient instead of a table that must scroll sideways. */
export function PatientCards({ patients }: { patients: PatientSummary[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" hiddenFrom="sm">
      {patients.map((p) => (
        <Paper key={p.id} withBorder p="sm" component="article">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Anchor component={Link} to={`/app/patients/${p.id}`} fw={700} size="lg">
              {p.lastName} {p.firstName}
            </Anchor>
            <PatientStatusBadge status={p.status} />
          </Group>
          <Group gap="xs" mt={4}>
            <Text size="sm">{t('patients.years', { count: p.ageYears })}</Text>
            <AgeBadge isChild={p.isChild} />
            <Text size="sm">· {p.area}</Text>
          </Group>
          {p.primaryDiagnosis && <Text size="sm">{p.primaryDiagnosis}</Text>}
        </Paper>
      ))}
    </Stack>
  );
}
