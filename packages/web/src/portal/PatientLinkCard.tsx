import { Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { PatientStatusBadge } from '../features/patients/PatientStatusBadge.tsx';
import { usePatient } from '../features/patients/patients-api.ts';

export function PatientLinkCard({ patientId }: { patientId: string }) {
  const patient = usePatient(patientId);
  return (
    <UnstyledButton component={Link} to={`/portal/patients/${patientId}`}>
      <Paper withBorder p="lg" radius="md">
        <Group justify="space-between">
          <Text size="xl" fw={700}>
            {patient.data ? `${patient.data.lastName} ${patient.data.firstName}` : '…'}
          </Text>
          {/* a status label in capitals is no way to tell a family of a death; the page says it gently */}
          {patient.data && patient.data.status !== 'deceased' && (
            <PatientStatusBadge status={patient.data.status} size="lg" />
          )}
        </Group>
      </Paper>
    </UnstyledButton>
  );
}
