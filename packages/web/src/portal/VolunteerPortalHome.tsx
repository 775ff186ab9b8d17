import type { PortalAssignment } from '@hearth/domain';
import { Alert, Badge, Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/me.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { usePageTitle } from '../components/use-page-title.ts';
import { useLogHours, usePortalAssignments, useRespond } from '../features/volunteers/volunteers-api.ts';
import { formatDateTime, formatDay, todayIso } from '../format/time.ts';
import { HoursRefusal } from './HoursRefusal.tsx';

/** A volunteer's own requests: when, whom, where, what to bring; accept or decline; log hours. */
export function VolunteerPortalHome() {
  const { t } = useTranslation();
  usePageTitle(t('volPortal.title'));
  const me = useCurrentUser();
  const list = usePortalAssignments();
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const offered = list.data.items.filter((a) => a.status === 'offered');
  const accepted = list.data.items.filter((a) => a.status === 'accepted');
  const past = list.data.items.filter((a) => a.status === 'completed');
  return (
    <Stack gap="lg">
      <Title order={1}>{t('portal.greeting', { name: me.name })}</Title>
      {list.data.items.length === 0 && <Text size="lg">{t('volPortal.none')}</Text>}
      {offered.length > 0 && <Title order={2}>{t('volPortal.offered')}</Title>}
      {offered.map((a) => (
        <AssignmentCard key={a.id} a={a} />
      ))}
      {accepted.length > 0 && <Title order={2}>{t('volPortal.accepted')}</Title>}
      {accepted.map((a) => (
        <AssignmentCard key={a.id} a={a} />
      ))}
      {past.length > 0 && <Title order={2}>{t('volPortal.past')}</Title>}
      {past.map((a) => (
        <AssignmentCard key={a.id} a={a} />
      ))}
      <Alert variant="light" color="gray">
        {t('volPortal.privacy')}
      </Alert>
    </Stack>
  );
}

function AssignmentCard({ a }: { a: PortalAssignment }) {
  const { t, i18n } = useTranslation();
  const respond = useRespond(a.id);
  const log = useLogHours(a.id);
  // after the coordinator closes it, hours are for days up to the closing day only
  const lastDay = a.closedOn && a.closedOn < todayIso() ? a.closedOn : todayIso();
  const [day, setDay] = useState(lastDay);
  const [hours, setHours] = useState<string | number>(2);
  const [logged, setLogged] = useState(false);
  return (
    <Card withBorder padding="lg" data-testid="assignment-card">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3}>{t(`vol.kind.${a.kind}`)}</Title>
          <Badge size="lg" variant="light" style={{ flexShrink: 0 }}>
            {t(`volPortal.status.${a.status}`)}
          </Badge>
        </Group>
        <Text size="lg">{formatDateTime(a.startsAt, i18n.language)}</Text>
        <Text>{t('volPortal.family', { name: a.familyFirstName })}</Text>
        {a.address ? (
          <Text>{t('volPortal.address', { address: a.address })}</Text>
        ) : (
          <Text c="dimmed">{t('volPortal.addressAfter')}</Text>
        )}
        {a.whatToBring && <Text>{t('volPortal.bring', { what: a.whatToBring })}</Text>}
        <Text size="sm" c="dimmed">
          {t('volPortal.questions', { phone: a.coordinatorPhone })}
        </Text>
        {respond.isError && <ErrorAlert error={respond.error} />}
        {a.status === 'offered' && (
          <Stack gap="xs">
            <Button
              size="lg"
              fullWidth
              loading={respond.isPending}
              onClick={() => respond.mutate({ accept: true })}
            >
              {t('volPortal.accept')}
            </Button>
            <Button size="lg" fullWidth variant="default" onClick={() => respond.mutate({ accept: false })}>
              {t('volPortal.decline')}
            </Button>
          </Stack>
        )}
        {(a.status === 'accepted' || a.status === 'completed') && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              log.mutate(
                { on: day, minutes: Math.round(Number(hours) * 60) },
                { onSuccess: () => setLogged(true) },
              );
            }}
            aria-label={t('volPortal.logHours')}
          >
            <Stack gap="xs">
              <Title order={4}>{t('volPortal.logHours')}</Title>
              {a.closedOn && (
                <Text size="sm">
                  {t('volPortal.closedOn', { day: formatDay(a.closedOn, i18n.language) })}
                </Text>
              )}
              <TextInput
                type="date"
                size="lg"
                label={t('volPortal.day')}
                max={lastDay}
                value={day}
                onChange={(e) => setDay(e.currentTarget.value)}
              />
              <NumberInput
                size="lg"
                label={t('volPortal.hours')}
                value={hours}
                onChange={setHours}
                min={0.25}
                max={16}
                step={0.25}
                decimalScale={2}
              />
              {log.isError && <HoursRefusal error={log.error} />}
              {logged && !log.isError && (
                <Alert color="green" variant="light" role="status">
                  {t('volPortal.logged')}
                </Alert>
              )}
              <Button type="submit" size="lg" fullWidth loading={log.isPending}>
                {t('volPortal.send')}
              </Button>
            </Stack>
          </form>
        )}
        {a.hours.length > 0 && (
          <Stack gap={2}>
            {a.hours.map((h) => (
              <Text key={h.id} size="sm">
                {formatDay(h.on, i18n.language)}: {Math.round((h.minutes / 60) * 100) / 100}{' '}
                {t('volPortal.h')} · {t(`volPortal.hoursStatus.${h.status}`)}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
