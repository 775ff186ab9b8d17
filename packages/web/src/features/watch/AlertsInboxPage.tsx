import {
  type Alert,
  type AlertOutcome,
  alertOutcomes,
  alertResolveBodySchema,
  mayResolveWith,
  outcomesNeedingNote,
} from '@hearth/domain';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan, useCurrentUser } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime } from '../../format/time.ts';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { useAlertText } from './alert-text.ts';
import { useAcknowledge, useAlerts, useResolve } from './watch-api.ts';

const severityColor = { urgent: 'red', review: 'orange', routine: 'gray' } as const;

/**
 * The outcome and notes; the note is required (and marked) for the outcomes that must say what
 * was advised or why nothing is needed. Errors show on the field, never as a page error.
 */
function ResolveForm({ alert, onDone }: { alert: Alert; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const resolve = useResolve();
  const allowed = alertOutcomes.filter((o) => mayResolveWith(me.role, o));
  const form = useForm({ outcome: allowed[0] ?? 'advice_by_phone', note: '', familyMessage: '' });
  const errorText = useErrorText(form.errors, 'watch.resolveErrors');
  const noteRequired = outcomesNeedingNote.includes(form.values.outcome as AlertOutcome);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(alertResolveBodySchema);
    if (!body) return;
    resolve.mutate(
      { id: alert.id, body },
      { onSuccess: onDone, onError: (err) => form.takeServerErrors(err) },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate data-testid="resolve-form">
      <Stack gap="xs">
        <NativeSelect
          label={t('watch.outcome')}
          withAsterisk
          value={form.values.outcome}
          onChange={(e) => form.set('outcome', e.currentTarget.value as AlertOutcome)}
          data={allowed.map((o) => ({ value: o, label: t(`watch.outcomes.${o}`) }))}
          data-testid="resolve-outcome"
        />
        <Textarea
          label={t('watch.note')}
          withAsterisk={noteRequired}
          required={noteRequired}
          value={form.values.note}
          onChange={(e) => form.set('note', e.currentTarget.value)}
          error={errorText('note')}
          data-testid="resolve-note"
        />
        <Textarea
          label={t('watch.familyMessage')}
          value={form.values.familyMessage}
          onChange={(e) => form.set('familyMessage', e.currentTarget.value)}
          error={errorText('familyMessage')}
          data-testid="resolve-family-message"
        />
        {resolve.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={resolve.error} />}
        <Group>
          <Button type="submit" loading={resolve.isPending} data-testid="resolve-save">
            {t('watch.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AlertCard({ alert }: { alert: Alert }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const ack = useAcknowledge();
  const [resolving, setResolving] = useState(false);
  const handle = can('alert:handle');
  const text = useAlertText()(alert);
  return (
    <Card withBorder radius="md" data-testid="alert-card" data-severity={alert.severity}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Badge color={severityColor[alert.severity]} size="lg">
              {t(`watch.severity.${alert.severity}`)}
            </Badge>
            <Badge variant="light">{t(`watch.status.${alert.status}`)}</Badge>
            {alert.overdue && (
              <Badge color="red" variant="outline">
                {t('watch.overdue')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c={alert.overdue ? 'red' : 'dimmed'}>
            {t('watch.due', { time: formatDateTime(alert.dueAt, i18n.language) })}
          </Text>
        </Group>
        <Text fw={700} size="lg">
          {text.title} —{' '}
          <Anchor component={Link} to={`/app/patients/${alert.patientId}`}>
            {alert.patientName}
          </Anchor>
        </Text>
        {text.lines.length > 0 && (
          <List size="sm" spacing={2} data-testid="alert-facts">
            {text.lines.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        )}
        {text.also && (
          <Text size="sm" data-testid="alert-also">
            {text.also}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('watch.rule', { version: alert.ruleSetVersion })} ·{' '}
          {alert.ownerName ? t('watch.owner', { name: alert.ownerName }) : t('watch.noOwner')}
        </Text>
        {alert.outcome && (
          <Text size="sm">
            <b>{t(`watch.outcomes.${alert.outcome}`)}</b>
            {alert.outcomeNote ? ` — ${alert.outcomeNote}` : ''}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {alert.timeline
            .map(
              (e) =>
                `${formatDateTime(e.at, i18n.language)} ${t(`watch.events.${e.kind}`)}${e.toUserName ? ` → ${e.toUserName}` : ''}`,
            )
            .join(' · ')}
        </Text>
        {handle && alert.status !== 'resolved' && (
          <Group>
            {alert.status === 'open' && (
              <Button
                variant="light"
                loading={ack.isPending}
                onClick={() => ack.mutate(alert.id)}
                data-testid="alert-ack"
              >
                {t('watch.acknowledge')}
              </Button>
            )}
            {!resolving && (
              <Button onClick={() => setResolving(true)} data-testid="alert-resolve">
                {t('watch.resolve')}
              </Button>
            )}
            {can('planning:run') && (
              <Button
                component={Link}
                to={`/app/dispatch?${new URLSearchParams({ patient: alert.patientId, alert: alert.id })}`}
                variant="light"
                color="red"
                data-testid="alert-send-visit"
              >
                {t('watch.sendVisit')}
              </Button>
            )}
          </Group>
        )}
        {ack.isError && <ErrorAlert error={ack.error} />}
        {resolving && <ResolveForm alert={alert} onDone={() => setResolving(false)} />}
      </Stack>
    </Card>
  );
}

/** The on-call inbox: live (SSE refreshes it), most recent first, overdue ones marked. */
export function AlertsInboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('watch.inboxTitle'));
  const [mine, setMine] = useState(false);
  const [resolved, setResolved] = useState(false);
  const alerts = useAlerts({ mine, status: resolved ? 'resolved' : 'active' });
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('watch.inboxTitle')}</Title>
        <Group>
          <Switch
            label={t('watch.onlyMine')}
            checked={mine}
            onChange={(e) => setMine(e.currentTarget.checked)}
          />
          <Switch
            label={t('watch.showResolved')}
            checked={resolved}
            onChange={(e) => setResolved(e.currentTarget.checked)}
          />
        </Group>
      </Group>
      {alerts.isPending ? (
        <PageLoader />
      ) : alerts.isError ? (
        <ErrorAlert error={alerts.error} />
      ) : alerts.data.items.length === 0 ? (
        <Text>{t('watch.empty')}</Text>
      ) : (
        alerts.data.items.map((a) => <AlertCard key={a.id} alert={a} />)
      )}
    </Stack>
  );
}
