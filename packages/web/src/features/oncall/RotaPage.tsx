import { type OnCallShift, rotaWeekDays } from '@hearth/domain';
import { Alert, Badge, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useCurrentUser } from '../../auth/me.ts';
import { useOrgTimeZone } from '../../auth/use-org-time-zone.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime } from '../../format/time.ts';
import { AddShiftForm } from './AddShiftForm.tsx';
import { HandoverCard } from './HandoverCard.tsx';
import { useCancelShift, useOnCallNow, useRota } from './oncall-api.ts';

function OnCallNowCard() {
  const { t } = useTranslation();
  const now = useOnCallNow();
  if (now.isPending) return <PageLoader />;
  if (now.isError) return <ErrorAlert error={now.error} />;
  const label = (i: number) =>
    i === 0
      ? t('oncall.chainPosition.first')
      : i === 1
        ? t('oncall.chainPosition.second')
        : t('oncall.chainPosition.lead');
  return (
    <Card withBorder data-testid="oncall-now">
      <Title order={2} size="h3" mb="xs">
        {t('oncall.nowTitle')}
      </Title>
      {now.data.chain.length === 0 ? (
        <Alert color="red">{t('oncall.nobody')}</Alert>
      ) : (
        <Stack gap={4} component="ol" style={{ margin: 0, paddingInlineStart: 20 }}>
          {now.data.chain.map((c, i) => (
            <li key={c.userId}>
              <Text>
                <b>{label(i)}:</b> {c.name}
                {c.phone && (
                  <>
                    {' · '}
                    <a href={`tel:${c.phone.replace(/[^0-9+]/g, '')}`}>{c.phone}</a>
                  </>
                )}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function ShiftLine({ shift }: { shift: OnCallShift }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const cancel = useCancelShift();
  const timeZone = useOrgTimeZone();
  // "Mon 23, 08:00": a 24-hour or weekend shift crosses days, so both ends carry their day
  const when = new Intl.DateTimeFormat(i18n.language === 'ru' ? 'ru-RU' : 'en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" data-testid="rota-shift">
      <Group gap="xs">
        <Badge color={shift.position === 'primary' ? 'hearth' : 'gray'} variant="light" w={90}>
          {t(`oncall.position.${shift.position}`)}
        </Badge>
        <Text>
          {when.format(new Date(shift.startsAt))} – {when.format(new Date(shift.endsAt))} ·{' '}
          <b>{shift.userName}</b>
          {shift.userPhone ? ` · ${shift.userPhone}` : ''}
        </Text>
      </Group>
      {can('oncall:manage') && (
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          loading={cancel.isPending && cancel.variables === shift.id}
          onClick={() => cancel.mutate(shift.id)}
        >
          {t('oncall.cancel')}
        </Button>
      )}
    </Group>
  );
}

/** The on-call rota: who answers now, the week day by day with its gaps, handover, and editing. */
export function RotaPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('oncall.title'));
  const can = useCan();
  const me = useCurrentUser();
  const [weeks, setWeeks] = useState(0);
  const timeZone = useOrgTimeZone();
  // the week's days on the service's calendar, so the rota reads the same from any laptop
  const days = rotaWeekDays(new Date(), weeks, timeZone);
  const from = days[0]!.from;
  const rota = useRota(from.toISOString(), days[6]!.to.toISOString());
  const dayName = new Intl.DateTimeFormat(i18n.language === 'ru' ? 'ru-RU' : 'en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
  return (
    <Stack gap="lg" maw={1000}>
      <Title order={1}>{t('oncall.title')}</Title>
      <OnCallNowCard />
      <HandoverCard userId={me.id} />
      <Group>
        <Button variant="default" onClick={() => setWeeks(weeks - 1)}>
          ← {t('oncall.previousWeek')}
        </Button>
        <Button variant="default" onClick={() => setWeeks(0)} disabled={weeks === 0}>
          {t('oncall.thisWeek')}
        </Button>
        <Button variant="default" onClick={() => setWeeks(weeks + 1)}>
          {t('oncall.nextWeek')} →
        </Button>
      </Group>
      {rota.isPending ? (
        <PageLoader />
      ) : rota.isError ? (
        <ErrorAlert error={rota.error} />
      ) : (
        <>
          {rota.data.gaps.length === 0 ? (
            <Alert color="green" data-testid="rota-covered">
              {t('oncall.noGaps')}
            </Alert>
          ) : (
            rota.data.gaps.map((g) => (
              <Alert key={g.from} color="red" data-testid="rota-gap">
                {t('oncall.gap', {
                  from: formatDateTime(g.from, i18n.language),
                  to: formatDateTime(g.to, i18n.language),
                })}
              </Alert>
            ))
          )}
          {days.map((day) => {
            // each shift once, under the day it starts (the week's first day also lists the one running on)
            const shifts = rota.data.shifts
              .filter((s) => {
                const starts = new Date(s.startsAt);
                return starts < day.to && (starts >= day.from || day.from === from);
              })
              .sort(
                (a, b) =>
                  a.startsAt.localeCompare(b.startsAt) ||
                  Number(b.position === 'primary') - Number(a.position === 'primary'),
              );
            return (
              <Paper key={day.date} withBorder p="md" component="section">
                <Title order={2} size="h4" mb="xs">
                  {/* "понедельник, 23 ноября": only the first letter is capital (not the month) */}
                  {dayName.format(day.from).replace(/^./, (c) => c.toLocaleUpperCase())}
                </Title>
                {shifts.length === 0 ? (
                  <Text c="red">{t('oncall.noShifts')}</Text>
                ) : (
                  <Stack gap={6}>
                    {shifts.map((s) => (
                      <ShiftLine key={s.id} shift={s} />
                    ))}
                  </Stack>
                )}
              </Paper>
            );
          })}
        </>
      )}
      {can('oncall:manage') && <AddShiftForm defaultDay={from} />}
    </Stack>
  );
}
