import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay } from '../../format/time.ts';
import { useRoster } from './home-api.ts';

/** The family's own duty roster as the team sees it: who is on today and the next days. */
function Roster({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const roster = useRoster(patientId);
  const r = roster.data;
  return (
    <Card withBorder data-testid="staff-roster">
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('homeCare.roster.title')}
        </Title>
        {roster.isError && <ErrorAlert error={roster.error} />}
        {r && (
          <>
            <Text fw={700}>{t('homeCare.roster.today')}</Text>
            {r.onToday.length === 0 ? (
              <Text c="dimmed">{t('homeCare.roster.nobody')}</Text>
            ) : (
              r.onToday.map((s) => (
                <Text key={s.id} data-testid="staff-on-duty">
                  {t(`home.roster.slots.${s.slot}`)}: <b>{s.personName}</b>
                  {s.tasks ? ` — ${s.tasks}` : ''}
                </Text>
              ))
            )}
            {r.shifts.some((s) => s.date !== r.today) && (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('homeCare.roster.date')}</Table.Th>
                    <Table.Th>{t('homeCare.roster.slot')}</Table.Th>
                    <Table.Th>{t('homeCare.roster.person')}</Table.Th>
                    <Table.Th>{t('homeCare.roster.tasks')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.shifts
                    .filter((s) => s.date !== r.today)
                    .map((s) => (
                      <Table.Tr key={s.id}>
                        <Table.Td>{formatDay(s.date, i18n.language)}</Table.Td>
                        <Table.Td>{t(`home.roster.slots.${s.slot}`)}</Table.Td>
                        <Table.Td>{s.personName}</Table.Td>
                        <Table.Td>{s.tasks ?? ''}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

/** Shown only to those who may read it, so no request is made that would be refused. */
export function DutyRosterSection({ patientId }: { patientId: string }) {
  const can = useCan();
  if (!can('duty-roster:read', { patientId })) return null;
  return <Roster patientId={patientId} />;
}
