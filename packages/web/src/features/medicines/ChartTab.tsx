import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan, useCurrentUser } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../format/time.ts';
import { useMedicineLabels } from './labels.ts';
import { useChart, useCountersign } from './medicines-api.ts';
import { RecordDoseCard } from './RecordDoseCard.tsx';

const statusColor = { given: 'green', not_taken: 'gray', refused: 'red' } as const;

/** The medicine administration record (MAR): given, not taken, refused and missed, with who and when. */
export function ChartTab({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const can = useCan();
  const L = useMedicineLabels();
  const chart = useChart(patientId);
  const countersign = useCountersign(patientId);
  if (chart.isPending) return null;
  if (chart.isError) return <ErrorAlert error={chart.error} />;
  const names = Object.fromEntries(chart.data.prescriptions.map((p) => [p.id, p.name]));
  return (
    <Stack gap="md">
      {can('medicine:administer', { patientId }) && <RecordDoseCard patientId={patientId} />}
      {chart.data.entries.length === 0 ? (
        <Text>{t('medicines.chart.empty')}</Text>
      ) : (
        <Table striped withTableBorder data-testid="mar">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('medicines.chart.when')}</Table.Th>
              <Table.Th>{t('medicines.chart.medicine')}</Table.Th>
              <Table.Th>{t('medicines.chart.dose')}</Table.Th>
              <Table.Th>{t('medicines.chart.result')}</Table.Th>
              <Table.Th>{t('medicines.chart.who')}</Table.Th>
              <Table.Th>{t('medicines.chart.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {chart.data.entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDateTime(e.givenAt, i18n.language)}</Table.Td>
                <Table.Td>{L.product(e.product)}</Table.Td>
                <Table.Td>{L.dose(e)}</Table.Td>
                <Table.Td>
                  <Badge color={statusColor[e.status]}>{t(`medicines.chart.${e.status}`)}</Badge>
                </Table.Td>
                <Table.Td>
                  {e.recordedByName} ·{' '}
                  {t(`roles.${e.recordedByRole}` as 'roles.nurse', { defaultValue: e.recordedByRole })}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {e.refusalMessage && <Text size="sm">{e.refusalMessage}</Text>}
                    {e.note && <Text size="sm">{e.note}</Text>}
                    {e.verbalOrderPhysicianId && (
                      <Text size="sm" fw={600}>
                        {t('medicines.chart.verbalOrder')}
                        {e.countersignedAt
                          ? ` · ${t('medicines.chart.countersigned', { name: e.countersignedByName })}`
                          : ''}
                      </Text>
                    )}
                    {e.verbalOrderPhysicianId === me.id && !e.countersignedAt && (
                      <Button
                        size="xs"
                        onClick={() => countersign.mutate(e.id)}
                        loading={countersign.isPending}
                      >
                        {t('medicines.chart.countersign')}
                      </Button>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={3} size="h4">
        {t('medicines.chart.missedTitle')}
      </Title>
      {chart.data.missed.length === 0 ? (
        <Text>{t('medicines.chart.noMissed')}</Text>
      ) : (
        <Stack gap={2}>
          {chart.data.missed.map((m) => (
            <Text key={`${m.prescriptionId}${m.slot}`} c="red.8">
              {formatDateTime(m.slot, i18n.language)} · {names[m.prescriptionId] ?? ''} ·{' '}
              {t('medicines.chart.missed')}
            </Text>
          ))}
        </Stack>
      )}
      {countersign.isError && <ErrorAlert error={countersign.error} />}
    </Stack>
  );
}
