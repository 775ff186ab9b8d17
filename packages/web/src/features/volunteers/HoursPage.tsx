import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDay, todayIso } from '../../format/time.ts';
import { VolunteersNav } from './VolunteersNav.tsx';
import { useDecideHours, useHours, useReport, useSetPaidHours } from './volunteers-api.ts';

const hoursText = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** Hours waiting for approval, and the month's report with the share of paid care hours. */
export function HoursPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('vol.hours.title'));
  const can = useCan();
  const manage = can('volunteer:manage');
  const hours = useHours();
  const decide = useDecideHours();
  const [month, setMonth] = useState(todayIso().slice(0, 7));
  const report = useReport(month);
  const setPaid = useSetPaidHours(month);
  const [paid, setPaidValue] = useState<string | number>('');

  return (
    <Stack gap="lg">
      <Title order={1}>{t('vol.hours.title')}</Title>
      <VolunteersNav />
      <Title order={2} size="h3">
        {t('vol.hours.pending')}
      </Title>
      {decide.isError && <ErrorAlert error={decide.error} />}
      {hours.isPending ? (
        <PageLoader />
      ) : hours.isError ? (
        <ErrorAlert error={hours.error} />
      ) : hours.data.items.length === 0 ? (
        <Text c="dimmed">{t('vol.hours.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('vol.fields.name')}</Table.Th>
                <Table.Th>{t('vol.hours.day')}</Table.Th>
                <Table.Th>{t('vol.hours.hours')}</Table.Th>
                <Table.Th>{t('vol.requests.kind')}</Table.Th>
                <Table.Th>{t('vol.hours.note')}</Table.Th>
                {manage && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {hours.data.items.map((h) => (
                <Table.Tr key={h.id} data-testid="hours-row">
                  <Table.Td>{h.volunteerName}</Table.Td>
                  <Table.Td>{formatDay(h.on, i18n.language)}</Table.Td>
                  <Table.Td>{hoursText(h.minutes)}</Table.Td>
                  <Table.Td>{t(`vol.kind.${h.kind}`)}</Table.Td>
                  <Table.Td>{h.note ?? '—'}</Table.Td>
                  {manage && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" onClick={() => decide.mutate({ id: h.id, approve: true })}>
                          {t('vol.hours.approve')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => decide.mutate({ id: h.id, approve: false })}
                        >
                          {t('vol.hours.reject')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Card withBorder>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <Title order={2} size="h3">
              {t('vol.report.title')}
            </Title>
            <TextInput
              type="month"
              label={t('vol.report.month')}
              value={month}
              onChange={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)}
            />
          </Group>
          {report.isPending ? (
            <PageLoader />
          ) : report.isError ? (
            <ErrorAlert error={report.error} />
          ) : (
            <>
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                <Stat label={t('vol.report.volunteerHours')} value={String(report.data.volunteerHours)} />
                <Stat
                  label={t('vol.report.paidHours')}
                  value={report.data.paidCareHours === null ? '—' : String(report.data.paidCareHours)}
                  badge={
                    report.data.paidCareHoursSource && (
                      <Text size="xs" c="dimmed" data-testid="paid-hours-source">
                        {report.data.paidCareHoursSource === 'visits'
                          ? t('vol.report.fromVisits', { count: report.data.completedVisits })
                          : t('vol.report.entered', { hours: report.data.visitCareHours })}
                      </Text>
                    )
                  }
                />
                <Stat
                  label={t('vol.report.share')}
                  value={report.data.sharePercent === null ? '—' : `${report.data.sharePercent} %`}
                  badge={
                    report.data.meetsBenchmark === null ? undefined : (
                      <Badge color={report.data.meetsBenchmark ? 'green' : 'orange'} variant="light">
                        {report.data.meetsBenchmark
                          ? t('vol.report.meets', { percent: report.data.benchmarkPercent })
                          : t('vol.report.below', { percent: report.data.benchmarkPercent })}
                      </Badge>
                    )
                  }
                />
                <Stat label={t('vol.report.pending')} value={String(report.data.pendingEntries)} />
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                {t('vol.report.source', { percent: report.data.benchmarkPercent })}
              </Text>
              {manage && (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    if (paid !== '') setPaid.mutate(Number(paid));
                  }}
                >
                  <Group align="flex-end">
                    <NumberInput
                      label={t('vol.report.enterPaid')}
                      description={t('vol.report.enterPaidHint')}
                      value={paid}
                      onChange={setPaidValue}
                      min={0}
                    />
                    <Button type="submit" variant="light" loading={setPaid.isPending}>
                      {t('vol.save')}
                    </Button>
                    {report.data.paidCareHoursSource === 'entered' && (
                      <Button
                        variant="default"
                        onClick={() => setPaid.mutate(null, { onSuccess: () => setPaidValue('') })}
                      >
                        {t('vol.report.useVisits')}
                      </Button>
                    )}
                  </Group>
                </form>
              )}
              <Table>
                <Table.Tbody>
                  {report.data.byVolunteer.map((b) => (
                    <Table.Tr key={b.volunteerId}>
                      <Table.Td>{b.name}</Table.Td>
                      <Table.Td>{b.hours}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}

function Stat({ label, value, badge }: { label: string; value: string; badge?: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {badge}
    </Stack>
  );
}
