import {
  type ContractInput,
  type Discipline,
  disciplines,
  type PlanRun,
  patientRoutes,
  planningRoutes,
} from '@hearth/domain';
import {
  Alert,
  Anchor,
  Button,
  Card,
  List,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { skipToken, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../api/call.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PatientPicker } from '../../components/PatientPicker.tsx';
import { patientKeys } from '../patients/patients-api.ts';
import { useCareMutation, usePlanRun } from './care-api.ts';

/**
 * Urgent visit: ask for the earliest arrival today (by the alert's answer-by time when it can be
 * met), show when it arrives, whether that is in time and what would change, and only then accept (which notifies the staff member and the family). When the
 * patient already has a visit later today, the preview brings that visit forward; the
 * coordinator may ask for a second visit instead.
 */
export function UrgentDispatch({
  patientId,
  alertId,
}: {
  patientId?: string | null;
  alertId?: string | null;
}) {
  const { t } = useTranslation();
  const [patient, setPatient] = useState(patientId ?? '');
  const [discipline, setDiscipline] = useState<Discipline>('nurse');
  const [reason, setReason] = useState('');
  const [runId, setRunId] = useState<string | null>(null);
  const patients = useQuery({
    queryKey: ['patients', 'active-for-urgent'],
    queryFn: () => call(patientRoutes.list, { query: { status: 'active', limit: 200 } }),
    enabled: !patientId,
  });
  // opened from an alert: the patient is fixed, so the panel says who it is
  const fixedPatient = useQuery({
    queryKey: patientKeys.one(patientId ?? ''),
    queryFn: patientId ? () => call(patientRoutes.get, { params: { patientId } }) : skipToken,
  });
  const preview = useCareMutation((body: ContractInput<typeof planningRoutes.urgent>['body']) =>
    call(planningRoutes.urgent, { body }),
  );
  const ask = (sameDayVisit: 'merge' | 'keep') =>
    preview.mutate(
      { patientId: patient, discipline, reason, sameDayVisit, ...(alertId ? { alertId } : {}) },
      { onSuccess: (x) => setRunId(x.id) },
    );
  const accept = useCareMutation((id: string) => call(planningRoutes.publish, { params: { id } }));
  const run = usePlanRun(runId);
  const r = run.data;
  const stop = r?.routes
    .flatMap((x) => x.stops.map((s) => ({ ...s, staffName: x.staffName })))
    .find((s) => s.visitId === 'urgent');
  return (
    <Card withBorder data-testid="urgent-dispatch">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('care.urgent.title')}
        </Title>
        {patientId && fixedPatient.data && (
          <Text data-testid="urgent-for">
            {t('care.urgent.forPatient')}{' '}
            <b>
              {fixedPatient.data.lastName} {fixedPatient.data.firstName}
            </b>
            {fixedPatient.data.address ? ` · ${fixedPatient.data.address}` : ''}
          </Text>
        )}
        {!patientId && (
          <PatientPicker
            label={t('care.urgent.patient')}
            value={patient}
            onChange={setPatient}
            patients={patients.data?.items ?? []}
            testId="urgent-patient"
          />
        )}
        <NativeSelect
          label={t('care.urgent.discipline')}
          value={discipline}
          onChange={(e) => {
            // the options are the disciplines themselves, so a pick is always one of them
            const picked = disciplines.find((d) => d === e.currentTarget.value);
            if (picked) setDiscipline(picked);
          }}
          data={disciplines.map((d) => ({ value: d, label: t(`care.disciplines.${d}`) }))}
        />
        <TextInput
          label={t('care.urgent.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="urgent-reason"
        />
        <Button
          variant="light"
          disabled={!patient || reason.trim().length < 3}
          loading={preview.isPending}
          onClick={() => ask('merge')}
          data-testid="urgent-preview-button"
        >
          {t('care.urgent.preview')}
        </Button>
        {preview.isError && <ErrorAlert error={preview.error} />}
        {r?.status === 'running' && <Text>{t('care.urgent.searching')}</Text>}
        {r && r.status !== 'running' && r.kind === 'urgent' && (
          <Stack gap="xs" data-testid="urgent-preview">
            {stop ? (
              <Alert color={r.urgentTiming?.byAnswerBy === false ? 'red' : 'blue'}>
                <Stack gap={4}>
                  <Text size="sm">{t('care.urgent.goesTo', { name: stop.staffName, time: stop.start })}</Text>
                  {r.urgentTiming?.answerBy && (
                    <Text
                      size="sm"
                      fw={r.urgentTiming.byAnswerBy ? 400 : 700}
                      data-testid="urgent-timing"
                      data-in-time={r.urgentTiming.byAnswerBy}
                    >
                      {t(r.urgentTiming.byAnswerBy ? 'care.urgent.inTime' : 'care.urgent.late', {
                        answerBy: r.urgentTiming.answerBy,
                        time: r.urgentTiming.arrives,
                      })}
                    </Text>
                  )}
                </Stack>
              </Alert>
            ) : (
              <Alert color="red">
                {t('care.urgent.cannot', { reason: r.unassigned[0]?.reason ?? r.error ?? '' })}
              </Alert>
            )}
            {r.sameDayVisit && (
              <SameDayVisit
                run={r}
                to={stop ? { time: stop.start, name: stop.staffName } : null}
                onChoose={ask}
                busy={preview.isPending}
              />
            )}
            <Text fw={600}>{t('care.urgent.changes')}</Text>
            {r.changes.length === 0 ? (
              <Text size="sm">{t('care.urgent.noChanges')}</Text>
            ) : (
              <List size="sm">
                {r.changes.map((c) => (
                  <List.Item key={c.visitId}>
                    {c.patientName}: {c.fromStaffName ?? '—'} {c.fromStart ?? ''} → {c.toStaffName}{' '}
                    {c.toStart}
                  </List.Item>
                ))}
              </List>
            )}
            {r.status === 'ready' && stop && (
              <Button
                color="red"
                loading={accept.isPending}
                onClick={() => accept.mutate(r.id)}
                data-testid="urgent-accept"
              >
                {t('care.urgent.accept')}
              </Button>
            )}
            {r.status === 'published' && (
              <Alert color="green" data-testid="urgent-accepted">
                <Stack gap={4}>
                  <Text size="sm">{t('care.urgent.accepted')}</Text>
                  {alertId && (
                    <Text size="sm">
                      {t('care.urgent.alertAnswered')}{' '}
                      <Anchor component={Link} to="/app/alerts" data-testid="urgent-back-to-alerts">
                        {t('care.urgent.backToAlerts')}
                      </Anchor>
                    </Text>
                  )}
                </Stack>
              </Alert>
            )}
            {accept.isError && <ErrorAlert error={accept.error} />}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** The patient's visit later today: brought forward by the urgent one, or kept beside it. */
function SameDayVisit({
  run,
  to,
  onChoose,
  busy,
}: {
  run: PlanRun;
  /** Where the urgent visit goes, and so where the merged visit moves to. */
  to: { time: string; name: string } | null;
  onChoose: (choice: 'merge' | 'keep') => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const v = run.sameDayVisit!;
  const when = {
    time: v.start ?? '—',
    name: v.staffName ?? '—',
    newTime: to?.time ?? '—',
    newName: to?.name ?? '—',
  };
  const open = run.status === 'ready';
  return (
    <Alert color={v.merged ? 'blue' : 'yellow'} data-testid="urgent-same-day" data-merged={v.merged}>
      <Stack gap={6}>
        <Text size="sm">
          {v.merged ? t('care.urgent.mergedWith', when) : t('care.urgent.keptBeside', when)}
        </Text>
        {open && (
          <Button
            size="xs"
            variant="default"
            loading={busy}
            onClick={() => onChoose(v.merged ? 'keep' : 'merge')}
            data-testid="urgent-same-day-switch"
          >
            {v.merged ? t('care.urgent.keepBoth') : t('care.urgent.bringForward')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
