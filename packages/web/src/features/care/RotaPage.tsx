import { type CareTeamMember, type ContractInput, visitRoutes } from '@hearth/domain';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call.ts';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { addDaysIso, careKeys, mondayOf, todayIso, useCareMutation, useCareTeam } from './care-api.ts';

/**
 * The staff rota for a week: who works which days and hours. The weekly planner and the
 * dispatch board take their shifts from here; a coordinator adds and removes shifts.
 */
export function RotaPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('care.rota.title'));
  const can = useCan();
  const manage = can('rota:manage');
  const [monday, setMonday] = useState(() => mondayOf(todayIso()));
  const days = Array.from({ length: 7 }, (_, n) => addDaysIso(monday, n));
  const sunday = days[6]!;
  const rota = useQuery({
    queryKey: careKeys.rota(monday, sunday),
    queryFn: () => call(visitRoutes.rota, { query: { from: monday, to: sunday } }),
  });
  const team = useCareTeam();
  const cancel = useCareMutation((id: string) => call(visitRoutes.cancelShift, { params: { id } }));
  const dayLabel = (d: string) =>
    new Date(`${d}T12:00:00`).toLocaleDateString(i18n.language, {
      weekday: 'short',
      day: 'numeric',
      month: 'numeric',
    });
  const hoursOf = (staffId: string) =>
    (rota.data ?? [])
      .filter((s) => s.staffId === staffId)
      .reduce((sum, s) => sum + (minutes(s.end) - minutes(s.start)) / 60, 0);
  return (
    <Stack gap="lg">
      <Title order={1}>{t('care.rota.title')}</Title>
      <Group>
        <Button variant="default" onClick={() => setMonday(addDaysIso(monday, -7))}>
          {t('care.rota.previousWeek')}
        </Button>
        <Text fw={600} data-testid="rota-week">
          {t('care.rota.week', { from: monday, to: sunday })}
        </Text>
        <Button variant="default" onClick={() => setMonday(addDaysIso(monday, 7))}>
          {t('care.rota.nextWeek')}
        </Button>
      </Group>
      {manage && team.data && <AddShift team={team.data} days={days} />}
      {cancel.isError && <ErrorAlert error={cancel.error} />}
      {rota.isPending || team.isPending ? (
        <PageLoader />
      ) : rota.isError ? (
        <ErrorAlert error={rota.error} />
      ) : team.isError ? (
        <ErrorAlert error={team.error} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder withColumnBorders data-testid="rota-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('care.rota.person')}</Table.Th>
                {days.map((d) => (
                  <Table.Th key={d}>{dayLabel(d)}</Table.Th>
                ))}
                <Table.Th>{t('care.rota.hours')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {team.data.map((m) => (
                <Table.Tr key={m.id} data-testid="rota-row" data-staff-id={m.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {m.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`care.disciplines.${m.discipline}`)}
                    </Text>
                  </Table.Td>
                  {days.map((d) => (
                    <Table.Td key={d}>
                      <Stack gap={2}>
                        {rota.data
                          .filter((s) => s.staffId === m.id && s.date === d)
                          .map((s) => (
                            <Group key={s.id} gap={2} wrap="nowrap" data-testid="rota-shift">
                              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                                {s.start}–{s.end}
                              </Text>
                              {manage && (
                                <ActionIcon
                                  variant="subtle"
                                  color="red"
                                  size="md"
                                  aria-label={t('care.rota.remove', {
                                    name: m.name,
                                    day: dayLabel(d),
                                    start: s.start,
                                    end: s.end,
                                  })}
                                  onClick={() => cancel.mutate(s.id)}
                                >
                                  ×
                                </ActionIcon>
                              )}
                            </Group>
                          ))}
                      </Stack>
                    </Table.Td>
                  ))}
                  <Table.Td>{hoursOf(m.id).toFixed(1)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function AddShift({ team, days }: { team: CareTeamMember[]; days: string[] }) {
  const { t } = useTranslation();
  const [staffId, setStaffId] = useState(team[0]?.id ?? '');
  const [date, setDate] = useState(days[0]!);
  const [start, setStart] = useState('08:00');
  const [end, setEnd] = useState('17:00');
  const add = useCareMutation((body: ContractInput<typeof visitRoutes.addShift>['body']) =>
    call(visitRoutes.addShift, { body }),
  );
  return (
    <Card withBorder padding="sm" data-testid="rota-add">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({ staffId, date, start, end });
        }}
      >
        <Stack gap="xs">
          <Title order={2} size="h5">
            {t('care.rota.add')}
          </Title>
          <Group align="flex-end">
            <NativeSelect
              label={t('care.rota.person')}
              value={staffId}
              data={team.map((m) => ({
                value: m.id,
                label: `${m.name} (${t(`care.disciplines.${m.discipline}`)})`,
              }))}
              onChange={(e) => setStaffId(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('care.rota.day')}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
            />
            <TextInput
              type="time"
              label={t('care.editor.from')}
              value={start}
              onChange={(e) => setStart(e.currentTarget.value)}
            />
            <TextInput
              type="time"
              label={t('care.editor.to')}
              value={end}
              onChange={(e) => setEnd(e.currentTarget.value)}
            />
            <Button type="submit" loading={add.isPending}>
              {t('care.rota.addButton')}
            </Button>
          </Group>
          {add.isError && <ErrorAlert error={add.error} />}
        </Stack>
      </form>
    </Card>
  );
}
