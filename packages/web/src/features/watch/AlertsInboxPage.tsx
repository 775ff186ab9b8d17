import { type Alert, type AlertOutcome, alertOutcomes, mayResolveWith } from '@hearth/domain';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan, useCurrentUser } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime } from '../../format/time.ts';
import { useAcknowledge, useAlerts, useResolve } from './watch-api.ts';

const severityColor = { urgent: 'red', review: 'orange', routine: 'gray' } as const;

/** The values that fired the rule, in a short readable line. */
function factsLine(facts: Record<string, unknown>): string {
  return Object.entries(facts)
    .map(
      ([k, v]) => `${k}: ${typeof v === 'object' && v ? factsLine(v as Record<string, unknown>) : String(v)}`,
    )
    .join(', ');
}

function ResolveForm({ alert, onDone }: { alert: Alert; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const resolve = useResolve();
  const allowed = alertOutcomes.filter((o) => mayResolveWith(me.role, o));
  const [outcome, setOutcome] = useState<AlertOutcome>(allowed[0] ?? 'advice_by_phone');
  const [note, setNote] = useState('');
  const [familyMessage, setFamilyMessage] = useState('');
  return (
    <Stack gap="xs" data-testid="resolve-form">
      <NativeSelect
        label={t('watch.outcome')}
        value={outcome}
        onChange={(e) => setOutcome(e.currentTarget.value as AlertOutcome)}
        data={allowed.map((o) => ({ value: o, label: t(`watch.outcomes.${o}`) }))}
        data-testid="resolve-outcome"
      />
      <Textarea label={t('watch.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <Textarea
        label={t('watch.familyMessage')}
        value={familyMessage}
        onChange={(e) => setFamilyMessage(e.currentTarget.value)}
        data-testid="resolve-family-message"
      />
      {resolve.isError && <ErrorAlert error={resolve.error} />}
      <Group>
        <Button
          loading={resolve.isPending}
          data-testid="resolve-save"
          onClick={async () => {
            await resolve.mutateAsync({
              id: alert.id,
              body: {
                outcome,
                ...(note.trim() ? { note: note.trim() } : {}),
                ...(familyMessage.trim() ? { familyMessage: familyMessage.trim() } : {}),
              },
            });
            onDone();
          }}
        >
          {t('watch.save')}
        </Button>
      </Group>
    </Stack>
  );
}

export function AlertCard({ alert }: { alert: Alert }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const ack = useAcknowledge();
  const [resolving, setResolving] = useState(false);
  const handle = can('alert:handle');
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
          {t(`watch.rules.${alert.ruleId}` as 'watch.rules.symptom.severe', { defaultValue: alert.title })} —{' '}
          <Anchor component={Link} to={`/app/patients/${alert.patientId}`}>
            {alert.patientName}
          </Anchor>
        </Text>
        <Text size="sm" data-testid="alert-facts">
          {factsLine(alert.facts)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('watch.rule', { rule: alert.ruleId, version: alert.ruleSetVersion })} ·{' '}
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
