import {
  type Administration,
  explainRefusal,
  localTimeOfDay,
  type Prescription,
  type TodaySchedule,
} from '@hearth/domain';
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useMedicineLabels } from '../features/medicines/labels.ts';
import { useAnticipatory, useRecordDose, useToday } from '../features/medicines/medicines-api.ts';
import { useMarkRead, useNotifications } from '../features/notifications/notifications-api.ts';
import { formatDay } from '../format/time.ts';
import { CallServiceButton } from './CallServiceButton.tsx';

type Item = TodaySchedule['items'][number];

const slotColor = { given: 'green', due: 'orange', upcoming: 'gray', missed: 'red' } as const;

/**
 * Due-dose reminders the server sent this family member (in-app, and by e-mail where the
 * service sends e-mail), shown above today's medicines until they press "Done".
 */
function DoseReminders({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const list = useNotifications();
  const markRead = useMarkRead();
  const due = (list.data?.items ?? []).filter(
    // a reminder older than a dose's window is about a dose that is given or missed by now
    (n) =>
      n.kind === 'medicines.dose-due' &&
      n.entityId === patientId &&
      !n.readAt &&
      Date.now() - Date.parse(n.createdAt) < 2 * 3_600_000,
  );
  if (due.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="dose-reminders" aria-live="polite">
      {due.map((n) => (
        <Alert key={n.id} color="orange" variant="light" title={n.title}>
          <Stack gap="xs">
            <Text size="lg">{n.body}</Text>
            <Button
              size="lg"
              variant="default"
              onClick={() => markRead.mutate(n.id)}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('medicines.reminders.dismiss')}
            </Button>
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}

/**
 * Today's medicines for the family (issue 6): the schedule is read only; each medicine has one
 * large "I gave this dose" button. The server's dose guard decides; a refusal is shown in plain
 * words with the team's phone, first thing on the screen.
 */
export function PortalMedicines({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const L = useMedicineLabels();
  // a liquid's volume in ml and a patch's change interval next to the dose (issue 12)
  const doseLabel = (p: Prescription) => L.doseFull(p);
  const today = useToday(patientId);
  const box = useAnticipatory(patientId);
  const record = useRecordDose(patientId);
  const [asking, setAsking] = useState<Item | null>(null);
  const [result, setResult] = useState<{ item: Item; admin: Administration } | null>(null);
  // the dose waits on the phone (no connection): it is sent and checked when the line returns
  const [queued, setQueued] = useState(false);
  const refusalRef = useRef<HTMLDivElement>(null);
  // a refusal must be the first thing the relative sees, wherever they pressed the button
  useEffect(() => {
    if (result?.admin.status === 'refused') refusalRef.current?.scrollIntoView({ block: 'center' });
  }, [result]);
  if (today.isPending) return null;
  if (today.isError) return <ErrorAlert error={today.error} />;
  const { timeZone: tz, teamPhone } = today.data;
  const time = (iso: string) => localTimeOfDay(new Date(iso), tz);
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const items = today.data.items.filter((i) => !i.prescription.anticipatoryPurpose);

  const confirm = async () => {
    const item = asking;
    setAsking(null);
    if (!item) return;
    // the moment the relative confirmed, from their phone: a slow network or a retry does not
    // move the dose later (the server refuses a time in the future or more than 12 h ago)
    const givenAt = new Date().toISOString();
    const admin = await record.mutateAsync({
      prescriptionId: item.prescription.id,
      doseAmount: item.prescription.doseAmount,
      doseUnit: item.prescription.doseUnit,
      givenAt,
      label: t('offline.labels.familyDose', { medicine: doseLabel(item.prescription) }),
    });
    if (admin) setResult({ item, admin });
    else setQueued(true);
  };

  const refusal =
    result?.admin.status === 'refused' && result.admin.refusalReason
      ? explainRefusal(result.admin.refusalReason, {
          nextAllowedAt: result.admin.nextAllowedAt ? new Date(result.admin.nextAllowedAt) : null,
          prescribed: doseLabel(result.item.prescription),
          now: new Date(result.admin.recordedAt),
          timeZone: tz,
          teamPhone,
          locale: lang,
        })
      : null;

  return (
    <Stack gap="md" data-testid="portal-medicines">
      <Title order={2} size="h3">
        {t('medicines.portal.title')}
      </Title>
      {refusal && (
        <Alert
          color="red"
          variant="filled"
          title={t('medicines.portal.refusedTitle')}
          data-testid="dose-refused"
        >
          <Stack gap="sm">
            <Text size="lg" c="white">
              {refusal}
            </Text>
            <CallServiceButton
              phone={teamPhone}
              label={t('medicines.portal.call')}
              variant="white"
              c="red.8"
              h="auto"
              py="xs"
            />
          </Stack>
        </Alert>
      )}
      {result && !refusal && (
        <Alert color="green" variant="light" data-testid="dose-recorded">
          <Text size="lg">{t('medicines.portal.recorded', { time: time(result.admin.givenAt) })}</Text>
        </Alert>
      )}
      {record.isError && <ErrorAlert error={record.error} />}
      {queued && (
        <Alert color="yellow" role="status" data-testid="dose-queued">
          {t('offline.savedOnPhone')}
        </Alert>
      )}
      <DoseReminders patientId={patientId} />
      <Text size="lg">{t('medicines.portal.lead')}</Text>
      {items.length === 0 && <Text size="lg">{t('medicines.portal.none')}</Text>}
      {items.map((item) => {
        const p = item.prescription;
        return (
          <Paper key={p.id} withBorder p="md" radius="md" data-testid="portal-medicine">
            <Stack gap="xs">
              <Text size="xl" fw={700}>
                {L.product(p)}
              </Text>
              <Text size="lg">
                {doseLabel(p)} ·{' '}
                {p.kind === 'scheduled'
                  ? t('medicines.schedule.times', { times: p.timesOfDay.join(', ') })
                  : t('medicines.schedule.prn', {
                      hours: Math.round(((p.minIntervalMinutes ?? 0) / 60) * 10) / 10,
                      max: p.maxDosesPer24h,
                    })}
              </Text>
              {p.instructions && <Text size="md">{p.instructions}</Text>}
              {item.slots.length > 0 && (
                <Group gap="xs">
                  {item.slots.map((s) => (
                    <Badge key={s.at} size="xl" color={slotColor[s.status]} variant="light" tt="none">
                      {time(s.at)} · {t(`medicines.portal.slot.${s.status}`)}
                    </Badge>
                  ))}
                </Group>
              )}
              {item.lastGivenAt && (
                <Text size="md" c="dimmed">
                  {t('medicines.portal.last', { time: time(item.lastGivenAt) })}
                </Text>
              )}
              {!item.canGiveNow && item.nextAllowedAt && (
                <Text size="md" fw={600}>
                  {t('medicines.portal.next', { time: time(item.nextAllowedAt) })}
                </Text>
              )}
              <Button
                size="xl"
                fullWidth
                variant={item.canGiveNow ? 'filled' : 'outline'}
                onClick={() => {
                  setResult(null);
                  setAsking(item);
                }}
                loading={record.isPending && asking === null}
                data-testid="gave-dose"
              >
                {t('medicines.portal.gave')}
              </Button>
            </Stack>
          </Paper>
        );
      })}
      {box.data?.box && (
        <Paper withBorder p="md" radius="md" bg="gray.0">
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('medicines.portal.boxTitle')}
            </Title>
            <Text size="lg">{t('medicines.portal.boxWhere', { location: box.data.box.location })}</Text>
            <Text size="md">
              {t('medicines.portal.boxExpires', { date: formatDay(box.data.box.expiresOn, i18n.language) })}
            </Text>
            <Text size="md">{t('medicines.portal.boxTeamOnly')}</Text>
          </Stack>
        </Paper>
      )}
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={<Text fw={700}>{t('medicines.portal.gave')}</Text>}
        centered
        size="md"
      >
        {asking && (
          <Stack>
            <Text size="lg">
              {t('medicines.portal.confirm', {
                name: asking.prescription.name,
                dose: doseLabel(asking.prescription),
              })}
            </Text>
            <Button size="xl" fullWidth onClick={confirm} data-testid="confirm-dose">
              {t('medicines.portal.confirmYes')}
            </Button>
            <Button size="lg" fullWidth variant="default" onClick={() => setAsking(null)}>
              {t('medicines.portal.cancel')}
            </Button>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
