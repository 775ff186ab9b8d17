import type { Capacity, PlanRun } from '@hearth/domain';
import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatWeekday } from '../../format/time.ts';

const hours = (minutes: number) => Math.round(minutes / 6) / 10;

/**
 * The week's capacity next to the plan: rota hours against visits and driving by discipline and
 * day, then every group of unplanned visits with its reason and what would let it in.
 */
export function CapacityTable({ capacity }: { capacity: Capacity }) {
  const { t, i18n } = useTranslation();
  const day = (date: string) => formatWeekday(date, i18n.language);
  return (
    <Stack gap="sm" data-testid="capacity">
      <Title order={3} size="h5">
        {t('care.dispatch.capacity.title')}
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table striped withTableBorder>
          <Table.Caption>{t('care.dispatch.capacity.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('care.dispatch.capacity.discipline')}</Table.Th>
              <Table.Th scope="col">{t('care.dispatch.capacity.day')}</Table.Th>
              <Table.Th scope="col">{t('care.dispatch.capacity.available')}</Table.Th>
              <Table.Th scope="col">{t('care.dispatch.capacity.visits')}</Table.Th>
              <Table.Th scope="col">{t('care.dispatch.capacity.work')}</Table.Th>
              <Table.Th scope="col">{t('care.dispatch.capacity.free')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {capacity.rows.map((r) => {
              const left = r.availableMinutes - r.visitMinutes - r.travelMinutes;
              return (
                <Table.Tr key={`${r.discipline}${r.date}`}>
                  <Table.Td>{t(`care.disciplines.${r.discipline}`)}</Table.Td>
                  <Table.Td>{day(r.date)}</Table.Td>
                  <Table.Td>
                    {t('care.dispatch.capacity.hours', { hours: hours(r.availableMinutes) })}
                  </Table.Td>
                  <Table.Td>{r.visits}</Table.Td>
                  <Table.Td>
                    {t('care.dispatch.capacity.hours', { hours: hours(r.visitMinutes + r.travelMinutes) })}
                  </Table.Td>
                  <Table.Td c={left < 0 ? 'red.8' : undefined}>
                    {t('care.dispatch.capacity.hours', { hours: hours(left) })}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {capacity.shortfalls.length > 0 && (
        <Stack gap="xs" data-testid="shortfalls">
          <Title order={3} size="h5">
            {t('care.dispatch.capacity.shortfallTitle')}
          </Title>
          {capacity.shortfalls.map((s) => (
            <Alert
              key={`${s.discipline}${s.code}`}
              color="orange"
              title={t(`care.dispatch.capacity.codes.${s.code}`)}
            >
              <Text size="sm">
                {t('care.dispatch.capacity.shortfall', {
                  discipline: t(`care.disciplines.${s.discipline}`),
                  count: s.visits,
                  hours: hours(s.visitMinutes),
                  days: s.dates.map(day).join(', '),
                  needed: hours(s.neededMinutes),
                  available: hours(s.availableMinutes),
                })}
              </Text>
              <Text size="sm" fw={600}>
                {t(`care.dispatch.capacity.fixes.${s.fix}`, {
                  hours: hours(Math.max(s.visitMinutes, s.neededMinutes - s.availableMinutes)),
                })}
              </Text>
            </Alert>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** Every unplanned visit, with its reason in the reader's language (older runs: the planner's words). */
export function UnplannedList({ unassigned }: { unassigned: PlanRun['unassigned'] }) {
  const { t } = useTranslation();
  // a repeated visit (twice a week) left out twice is one line "×2"
  const grouped = new Map<string, { u: PlanRun['unassigned'][number]; count: number; key: string }>();
  for (const u of unassigned) {
    const key = `${u.patientId}|${u.discipline}|${u.code ?? u.reason}`;
    const g = grouped.get(key);
    if (g) g.count++;
    else grouped.set(key, { u, count: 1, key });
  }
  const rows = [...grouped.values()];
  return (
    <Stack gap={2} data-testid="unplanned">
      <Text fw={600}>{t('care.dispatch.unassignedCount', { count: unassigned.length })}</Text>
      <Table.ScrollContainer minWidth={420} mah={320}>
        <Table>
          <Table.Tbody>
            {rows.map(({ u, count, key }) => (
              <Table.Tr key={key}>
                <Table.Td>{u.patientName}</Table.Td>
                <Table.Td>
                  {t(`care.disciplines.${u.discipline}`)}
                  {count > 1 ? ` ×${count}` : ''}
                </Table.Td>
                <Table.Td>{u.code ? t(`care.dispatch.capacity.codes.${u.code}`) : u.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
