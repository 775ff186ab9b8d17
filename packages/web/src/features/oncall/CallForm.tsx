import { callerTypes, callOutcomesLog } from '@hearth/domain';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrgDateTimeInput } from '../../components/OrgDateTimeInput.tsx';
import { PatientPicker } from '../../components/PatientPicker.tsx';
import { usePatients } from '../patients/patients-api.ts';
import { useAlerts } from '../watch/watch-api.ts';
import { type CallBody, useLogCall } from './oncall-api.ts';

type CallerType = (typeof callerTypes)[number];
type Outcome = (typeof callOutcomesLog)[number];

/** The patient's open alerts, to link the call to the one it is about. */
function AlertPicker({
  patientId,
  value,
  onChange,
}: {
  patientId: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const alerts = useAlerts({ patientId, status: 'active' });
  return (
    <NativeSelect
      label={t('calls.alert')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      disabled={!patientId}
      data={[
        { value: '', label: t('calls.noAlert') },
        ...(alerts.data?.items ?? []).map((a) => ({
          value: a.id,
          label: `${t(`watch.severity.${a.severity}`)}: ${t(`watch.rules.${a.ruleId}` as 'watch.rules.symptom.severe', { defaultValue: a.title })}`,
        })),
      ]}
      data-testid="call-alert"
    />
  );
}

/** Records one inbound call as it is taken (or just after): who, why, when answered, what was done. */
export function CallForm() {
  const { t } = useTranslation();
  const patients = usePatients({});
  const log = useLogCall();
  const blank = () => ({
    patientId: '',
    callerType: 'family' as CallerType,
    callerName: '',
    reason: '',
    // ISO instants, shown and typed on the service's clock
    receivedAt: new Date().toISOString(),
    answeredAt: new Date().toISOString(),
    outcome: 'advice_given' as Outcome,
    ambulanceCalledFirst: false,
    alertId: '',
  });
  const [v, setV] = useState(blank);
  const set = <K extends keyof ReturnType<typeof blank>>(k: K, value: ReturnType<typeof blank>[K]) =>
    setV((old) => ({ ...old, [k]: value, ...(k === 'patientId' ? { alertId: '' } : {}) }));
  const list = patients.data?.pages.flatMap((p) => p.items) ?? [];
  const submit = async () => {
    const { receivedAt, answeredAt } = v;
    if (!receivedAt) return;
    const body: CallBody = {
      callerType: v.callerType,
      reason: v.reason.trim(),
      receivedAt,
      outcome: v.outcome,
      ambulanceCalledFirst: v.ambulanceCalledFirst,
      ...(v.patientId ? { patientId: v.patientId } : {}),
      ...(v.callerName.trim() ? { callerName: v.callerName.trim() } : {}),
      ...(answeredAt ? { answeredAt } : {}),
      ...(v.alertId ? { alertId: v.alertId } : {}),
    };
    await log.mutateAsync(body);
    setV(blank());
  };
  return (
    <Card withBorder component="section" data-testid="call-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit().catch(() => {});
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('calls.newTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PatientPicker
              label={t('calls.patient')}
              value={v.patientId}
              onChange={(id) => set('patientId', id)}
              patients={list}
              emptyLabel={t('calls.noPatient')}
              testId="call-patient"
            />
            <AlertPicker patientId={v.patientId} value={v.alertId} onChange={(id) => set('alertId', id)} />
            <NativeSelect
              label={t('calls.callerType')}
              value={v.callerType}
              onChange={(e) => set('callerType', e.currentTarget.value as CallerType)}
              data={callerTypes.map((c) => ({ value: c, label: t(`calls.callerTypes.${c}`) }))}
              data-testid="call-caller-type"
            />
            <TextInput
              label={t('calls.callerName')}
              value={v.callerName}
              onChange={(e) => set('callerName', e.currentTarget.value)}
              data-testid="call-caller-name"
            />
            <OrgDateTimeInput
              label={t('calls.receivedAt')}
              value={v.receivedAt}
              onChange={(at) => set('receivedAt', at)}
              required
              data-testid="call-received"
            />
            <OrgDateTimeInput
              label={t('calls.answeredAt')}
              value={v.answeredAt}
              onChange={(at) => set('answeredAt', at)}
              data-testid="call-answered"
            />
          </SimpleGrid>
          <Textarea
            label={t('calls.reason')}
            value={v.reason}
            onChange={(e) => set('reason', e.currentTarget.value)}
            required
            autosize
            minRows={2}
            data-testid="call-reason"
          />
          <NativeSelect
            label={t('calls.outcome')}
            value={v.outcome}
            onChange={(e) => set('outcome', e.currentTarget.value as Outcome)}
            data={callOutcomesLog.map((o) => ({ value: o, label: t(`calls.outcomes.${o}`) }))}
            data-testid="call-outcome"
          />
          <Checkbox
            size="md"
            label={t('calls.ambulanceFirst')}
            checked={v.ambulanceCalledFirst}
            onChange={(e) => set('ambulanceCalledFirst', e.currentTarget.checked)}
            data-testid="call-ambulance-first"
          />
          {log.isError && <ErrorAlert error={log.error} />}
          {log.isSuccess && (
            <Alert color="green" role="status">
              {t('calls.saved')}
            </Alert>
          )}
          <Button
            type="submit"
            style={{ alignSelf: 'flex-start' }}
            loading={log.isPending}
            data-testid="call-save"
          >
            {t('calls.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
