import type { Visit, VisitStatus } from '@hearth/domain';
import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { addDaysIso, careKeys, todayIso, useMyDay } from './care-api.ts';
import {
  type Draft,
  enqueue,
  hasDraft,
  loadDraft,
  onOutboxChange,
  pendingCommands,
  rejectedCommands,
  saveDraft,
  startOutbox,
} from './outbox.ts';
import { VisitAssessments } from './VisitAssessments.tsx';

const useOutbox = () => {
  const pending = useSyncExternalStore(onOutboxChange, () => JSON.stringify(pendingCommands()));
  const rejected = useSyncExternalStore(onOutboxChange, () => JSON.stringify(rejectedCommands()));
  return {
    pending: JSON.parse(pending) as ReturnType<typeof pendingCommands>,
    rejected: JSON.parse(rejected) as ReturnType<typeof rejectedCommands>,
  };
};
const useOnline = () =>
  useSyncExternalStore(
    (fn) => {
      window.addEventListener('online', fn);
      window.addEventListener('offline', fn);
      return () => {
        window.removeEventListener('online', fn);
        window.removeEventListener('offline', fn);
      };
    },
    () => navigator.onLine,
  );

/** The nurse's phone view of the day: visits in order, one tap per step, a form that survives. */
export function MyDayPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('care.myDay.title'));
  const [date, setDate] = useState(todayIso);
  const day = useMyDay(date);
  const { pending, rejected } = useOutbox();
  const online = useOnline();
  const qc = useQueryClient();
  useEffect(() => startOutbox(), []);
  useEffect(() => onOutboxChange(() => void qc.invalidateQueries({ queryKey: careKeys.all })), [qc]);
  if (day.isPending && !day.data) return <PageLoader />;
  // what the phone has done but not yet sent shows as done
  const localStatus = (v: Visit): VisitStatus => {
    let s = v.status;
    for (const c of pending.filter((p) => p.visitId === v.id))
      s = c.kind === 'complete' ? 'completed' : ((c.body.to as VisitStatus) ?? s);
    return s;
  };
  return (
    <Stack gap="md" maw={560}>
      <Title order={1}>{t('care.myDay.title')}</Title>
      {/* a nurse can look ahead to tomorrow (or back) without leaving the page */}
      <Group justify="space-between" wrap="nowrap" data-testid="my-day-date">
        <Button
          variant="default"
          size="md"
          aria-label={t('care.myDay.previousDayLong')}
          onClick={() => setDate(addDaysIso(date, -1))}
        >
          {t('care.myDay.previousDay')}
        </Button>
        <Text fw={600}>
          {date === todayIso()
            ? t('care.myDay.today')
            : new Date(`${date}T12:00:00`).toLocaleDateString(i18n.language, {
                weekday: 'short',
                day: 'numeric',
                month: 'short',
              })}
        </Text>
        <Button
          variant="default"
          size="md"
          aria-label={t('care.myDay.nextDayLong')}
          onClick={() => setDate(addDaysIso(date, 1))}
        >
          {t('care.myDay.nextDay')}
        </Button>
      </Group>
      {!online && (
        <Alert color="orange" data-testid="offline-banner">
          {t('care.myDay.offline')}
        </Alert>
      )}
      {pending.length > 0 ? (
        <Alert color="yellow" data-testid="outbox-pending">
          {t('care.myDay.pending', { count: pending.length })}
        </Alert>
      ) : (
        <Text size="sm" c="dimmed" data-testid="outbox-empty">
          {t('care.myDay.allSent')}
        </Text>
      )}
      {rejected.map((r) => (
        <Alert key={r.clientId} color="red">
          {t('care.myDay.rejected', { message: r.message })}
        </Alert>
      ))}
      {day.isError && !day.data && <ErrorAlert error={day.error} />}
      {day.data?.visits.length === 0 && <Text>{t('care.myDay.none')}</Text>}
      {day.data?.visits.map((v) => (
        <VisitCard key={v.id} visit={v} status={localStatus(v)} />
      ))}
    </Stack>
  );
}

function VisitCard({ visit: v, status }: { visit: Visit; status: VisitStatus }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(() => status === 'checked_in' && hasDraft(v.id));
  const [draft, setDraft] = useState<Draft>(() => loadDraft(v.id));
  const [missing, setMissing] = useState(false);
  const [reason, setReason] = useState('');
  const set = (k: keyof Draft, value: string) => {
    const next = { ...draft, [k]: value };
    setDraft(next);
    saveDraft(v.id, next);
  };
  const step = (to: string, extra: Record<string, unknown> = {}) =>
    enqueue({ visitId: v.id, kind: 'transition', body: { to, ...extra } });
  const checkIn = () => {
    const send = (location?: { lat: number; lon: number }) =>
      step('checked_in', location ? { location } : {});
    if (!navigator.geolocation) return send();
    navigator.geolocation.getCurrentPosition(
      (p) => send({ lat: p.coords.latitude, lon: p.coords.longitude }),
      () => send(),
      { timeout: 5000, maximumAge: 60_000 },
    );
  };
  return (
    <Card withBorder padding="md" data-testid="my-visit" data-visit-id={v.id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} size="xl">
            {v.start ?? '—'}
          </Text>
          <Badge size="lg" data-testid="my-visit-status">
            {t(`care.statuses.${status}`)}
          </Badge>
        </Group>
        <Text size="lg" fw={600}>
          {v.patientName}
        </Text>
        <Text>{v.address}</Text>
        <Text size="sm" c="dimmed">
          {t(`care.disciplines.${v.discipline}`)} · {t('care.plan.minutes', { count: v.durationMinutes })}
          {v.kind === 'urgent' ? ` · ${t('care.visits.urgent')}` : ''}
        </Text>
        {v.reason && <Text size="sm">{v.reason}</Text>}
        {status === 'scheduled' && (
          <Group grow>
            <Button size="lg" onClick={() => step('on_the_way')}>
              {t('care.myDay.onTheWay')}
            </Button>
            <Button size="lg" variant="default" onClick={() => setMissing(true)}>
              {t('care.myDay.missed')}
            </Button>
          </Group>
        )}
        {status === 'on_the_way' && (
          <Button size="lg" onClick={checkIn}>
            {t('care.myDay.checkIn')}
          </Button>
        )}
        {missing && (status === 'scheduled' || status === 'on_the_way') && (
          <Stack gap="xs">
            <TextInput
              size="md"
              label={t('care.myDay.missedReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Button disabled={reason.trim().length < 3} onClick={() => step('missed', { reason })}>
              {t('care.myDay.send')}
            </Button>
          </Stack>
        )}
        {status === 'checked_in' && !open && (
          <Button size="lg" onClick={() => setOpen(true)}>
            {t('care.myDay.complete')}
          </Button>
        )}
        {/* outside the form below: the recorder is a form of its own */}
        {status === 'checked_in' && open && <VisitAssessments visit={v} />}
        {status === 'checked_in' && open && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              enqueue({ visitId: v.id, kind: 'complete', body: { documentation: draft } });
            }}
          >
            <Stack gap="sm">
              {(['assessment', 'done', 'taught', 'notes', 'nextSteps'] as const).map((k) => (
                <Textarea
                  key={k}
                  size="md"
                  autosize
                  minRows={2}
                  label={t(`care.myDay.${k}`)}
                  required={k === 'done'}
                  name={k}
                  value={draft[k]}
                  onChange={(e) => set(k, e.currentTarget.value)}
                />
              ))}
              <Text size="xs" c="dimmed">
                {t('care.myDay.draftKept')}
              </Text>
              <Button type="submit" size="lg" disabled={draft.done.trim().length < 2}>
                {t('care.myDay.complete')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
