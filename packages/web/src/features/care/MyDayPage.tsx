import type { FieldCaseload, FieldVisit, Visit, VisitStatus } from '@hearth/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { refusalText } from '../../i18n/reason-text.ts';
import { useCaseload } from '../../offline/caseload.ts';
import { useOutbox } from '../../offline/use-outbox.ts';
import { useOutboxMutation } from '../../offline/use-outbox-mutation.ts';
import { addDaysIso, careKeys, todayIso, useMyDay } from './care-api.ts';
import { VisitAssessments } from './VisitAssessments.tsx';
import { VisitDoseForm } from './VisitDoseForm.tsx';
import { VisitFieldInfo } from './VisitFieldInfo.tsx';
import { VisitTasks } from './VisitTasks.tsx';
import { type Draft, dropDraft, hasDraft, loadDraft, saveDraft } from './visit-drafts.ts';

/** One step of a visit, or its notes and check-out, through the outbox (at once when online). */
function useVisitStep(v: Visit) {
  return useOutboxMutation<
    { kind: 'transition' | 'complete'; body: Record<string, unknown>; label: string },
    Visit
  >({
    command: ({ kind, body, label }, clientId) => ({
      method: 'POST',
      path: `/visits/${v.id}/${kind}`,
      // the visit endpoints also take the client id and the device time in the body
      body: { ...body, clientId, at: new Date().toISOString() },
      kind: `visit.${kind}`,
      label,
      visitId: v.id,
      patientId: v.patientId,
    }),
    // the card shows the step as done at once and the status line counts what waits
    queuedNotice: false,
    invalidate: [careKeys.all],
  });
}

/** The nurse's phone view of the day: visits in order, one tap per step, a form that survives. */
export function MyDayPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('care.myDay.title'));
  const [date, setDate] = useState(todayIso);
  const day = useMyDay(date);
  const { pending } = useOutbox();
  const me = useCurrentUser();
  const caseload = useCaseload(me.id, true);
  const qc = useQueryClient();
  // when something waiting has gone (sent or set aside), the day is read again
  const waiting = pending.length;
  useEffect(() => {
    if (waiting >= 0) {
      void qc.invalidateQueries({ queryKey: careKeys.all });
      void qc.invalidateQueries({ queryKey: ['field-caseload'] });
    }
  }, [qc, waiting]);
  const cached = caseload.data ?? null;
  // without a connection the day comes from the phone's caseload (today and tomorrow)
  const fromCache = cached?.visits.filter((e) => e.visit.date === date).map((e) => e.visit);
  // once the day came from the copy it stays so until the live day arrives: a refetch of a day
  // that never loaded goes back to "pending", and a loader in its place would close the open visit form
  const fromCopy = useRef(false);
  if (day.data) fromCopy.current = false;
  else if (day.isError) fromCopy.current = true;
  const visits = day.data?.visits ?? (fromCopy.current ? fromCache : undefined);
  if (day.isPending && !visits) return <PageLoader />;
  // what the phone has done but not yet sent shows as done
  const localStatus = (v: Visit): VisitStatus => {
    let s = v.status;
    for (const c of pending.filter((p) => p.visitId === v.id))
      s =
        c.kind === 'visit.complete'
          ? 'completed'
          : (((c.body as { to?: VisitStatus }).to as VisitStatus | undefined) ?? s);
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
      {day.isError && !visits && <ErrorAlert error={day.error} />}
      {visits?.length === 0 && <Text>{t('care.myDay.none')}</Text>}
      {visits?.map((v) => (
        <VisitCard
          key={v.id}
          visit={v}
          status={localStatus(v)}
          caseload={cached}
          entry={cached?.visits.find((e) => e.visit.id === v.id) ?? null}
        />
      ))}
    </Stack>
  );
}

function VisitCard({
  visit: v,
  status,
  caseload,
  entry,
}: {
  visit: Visit;
  status: VisitStatus;
  caseload: FieldCaseload | null;
  entry: FieldVisit | null;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(() => status === 'checked_in' && hasDraft(v.id));
  const [draft, setDraft] = useState<Draft>(() => loadDraft(v.id));
  const [missing, setMissing] = useState(false);
  const [reason, setReason] = useState('');
  const set = (k: keyof Draft, value: string) => {
    const next = { ...draft, [k]: value };
    setDraft(next);
    saveDraft(v.id, next);
  };
  const visitStep = useVisitStep(v);
  const [refused, setRefused] = useState<string | null>(null);
  const onError = (e: Error) => setRefused(refusalText(i18n, e));
  const labels = { on_the_way: 'onTheWay', checked_in: 'checkIn', missed: 'missed' } as const;
  const step = (to: keyof typeof labels, extra: Record<string, unknown> = {}) =>
    visitStep.mutate(
      {
        kind: 'transition',
        body: { to, ...extra },
        label: t(`offline.labels.${labels[to]}`, { name: v.patientName }),
      },
      { onError },
    );
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
        {/* the patient's summary opens offline too, from the phone's copy */}
        <Anchor component={Link} to={`/app/patients/${v.patientId}`} size="md" data-testid="my-visit-patient">
          {t('field.record.openSummary')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t(`care.disciplines.${v.discipline}`)} · {t('care.plan.minutes', { count: v.durationMinutes })}
          {v.kind === 'urgent' ? ` · ${t('care.visits.urgent')}` : ''}
        </Text>
        {v.reason && <Text size="sm">{v.reason}</Text>}
        {/* a visit that is over needs no phones or medicines: the day stays short to scroll */}
        {entry && !['completed', 'missed', 'cancelled'].includes(status) && <VisitFieldInfo entry={entry} />}
        {refused && (
          <Alert color="red" data-testid="visit-refused">
            {t('care.myDay.rejected', { message: refused })}
          </Alert>
        )}
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
        {status === 'checked_in' && open && caseload && entry && (
          <VisitDoseForm caseload={caseload} entry={entry} />
        )}
        {status === 'checked_in' && open && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              visitStep.mutate(
                {
                  kind: 'complete',
                  body: { documentation: draft },
                  label: t('offline.labels.complete', { name: v.patientName }),
                },
                { onSuccess: () => dropDraft(v.id), onError },
              );
            }}
          >
            <Stack gap="sm">
              {entry && (
                <VisitTasks items={entry.carePlanTasks} done={draft.done} onChange={(d) => set('done', d)} />
              )}
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
