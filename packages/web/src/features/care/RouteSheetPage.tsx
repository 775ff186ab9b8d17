import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useBoard } from './care-api.ts';
import { lateReturn, sheetNotes } from './route-sheet.ts';

/** One staff member's printable route sheet for a day (print hides the app frame). */
export function RouteSheetPage() {
  const { staffId = '', date = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('care.sheet.title'));
  const board = useBoard(date);
  if (board.isPending) return <PageLoader />;
  if (board.isError) return <ErrorAlert error={board.error} />;
  const route = board.data.routes.find((r) => r.staffId === staffId);
  const late = route ? lateReturn(route) : null;
  return (
    <Stack gap="md" className="route-sheet">
      <Group justify="space-between" className="no-print">
        <Anchor component={Link} to="/app/dispatch">
          ← {t('care.dispatch.title')}
        </Anchor>
        <Button onClick={() => window.print()}>{t('care.sheet.print')}</Button>
      </Group>
      <Title order={1}>
        {t('care.sheet.title')}: {route?.staffName ?? ''} · {date}
      </Title>
      {route?.shift && <Text>{t('care.dispatch.shift', route.shift)}</Text>}
      {late && (
        <Alert color="orange" role="status">
          {t('care.sheet.lateReturn', late)}
        </Alert>
      )}
      <Table withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('care.sheet.time')}</Table.Th>
            <Table.Th>{t('care.sheet.patient')}</Table.Th>
            <Table.Th>{t('care.sheet.address')}</Table.Th>
            <Table.Th>{t('care.sheet.discipline')}</Table.Th>
            <Table.Th>{t('care.sheet.notes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {route?.stops.map((s, i) => (
            <Table.Tr key={s.visitId}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                {s.start}–{s.end}
                <Text size="xs">{t('care.dispatch.travelLeg', { minutes: s.travelMinutes })}</Text>
              </Table.Td>
              <Table.Td>{s.patientName}</Table.Td>
              <Table.Td>{s.address}</Table.Td>
              <Table.Td>{t(`care.disciplines.${s.discipline}`)}</Table.Td>
              <Table.Td style={{ minWidth: 160 }}>
                {sheetNotes(s).map((n) => (
                  <Text key={n.kind} size="sm">
                    {t(`care.sheet.note.${n.kind}`, { text: n.text })}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {route && (
        <Text fw={late ? 700 : undefined} c={late ? 'orange.9' : undefined}>
          {t('care.dispatch.back', { time: route.returnTime })} · {route.travelKm} km
        </Text>
      )}
    </Stack>
  );
}
