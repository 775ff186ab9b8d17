import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../auth/me.ts';
import { formatTime } from '../format/time.ts';
import { NeedsAttention } from './NeedsAttention.tsx';
import { outbox, startOutbox } from './outbox.ts';
import { useOutbox } from './use-outbox.ts';

/**
 * One line at the top of the staff shell and the family portal saying where the phone's work
 * stands: offline, how many records wait, when it last sent, why sending stopped, and what the
 * server refused. It also tells the outbox who is logged in, so nothing is sent for anyone else.
 */
export function OfflineStatusBar({ patientPath }: { patientPath: (patientId: string) => string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const state = useOutbox();
  const location = useLocation();
  const [showHeld, setShowHeld] = useState(false);
  const userId = me.data?.id ?? null;
  useEffect(() => {
    startOutbox();
    outbox.setSession(userId);
  }, [userId]);
  if (!userId || !state.loaded) return null;
  const waiting = state.pending.length;
  // the 24-hour clock the rest of the app uses ("09:02", not "09:02 AM")
  const time = (iso: string) => formatTime(iso, i18n.language);
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <Stack gap={4} role="status" aria-label={t('offline.statusLabel')} data-testid="offline-status">
      {!state.online && (
        <Alert color="orange" p="xs" data-testid="status-offline">
          {t('offline.offline')}
        </Alert>
      )}
      {state.needsLogin && waiting > 0 && (
        <Alert color="red" p="xs" data-testid="status-login">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('offline.loginAgain', { count: waiting })}</Text>
            <Button component={Link} to={`/login?next=${next}`} size="sm" color="red">
              {t('offline.logIn')}
            </Button>
          </Group>
        </Alert>
      )}
      {waiting > 0 && !state.needsLogin && (
        <Group justify="space-between" gap="xs" data-testid="status-waiting">
          <Text size="sm" fw={600}>
            {state.sending ? t('offline.sending') : t('offline.waiting', { count: waiting })}
          </Text>
          {state.online && !state.sending && (
            <Button size="xs" variant="light" onClick={() => void outbox.flush()}>
              {t('offline.sendNow')}
            </Button>
          )}
        </Group>
      )}
      {waiting > 0 && state.online && state.problem && state.problem !== 'offline' && (
        <Text size="sm" c="orange.9">
          {t('offline.problem', { reason: state.problem })}
        </Text>
      )}
      {waiting === 0 && (
        <Text size="sm" c="dimmed" data-testid="status-synced">
          {t('offline.allSent')}
          {' · '}
          {state.lastSyncedAt
            ? t('offline.lastSynced', { time: time(state.lastSyncedAt) })
            : t('offline.neverSynced')}
        </Text>
      )}
      {state.held.length > 0 && (
        <Alert color="red" p="xs" data-testid="status-attention">
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600}>
              {t('offline.attention', { count: state.held.length })}
            </Text>
            <Button size="xs" variant="white" color="red" onClick={() => setShowHeld((s) => !s)}>
              {showHeld ? t('offline.hideAttention') : t('offline.showAttention')}
            </Button>
          </Group>
          {showHeld && <NeedsAttention held={state.held} patientPath={patientPath} />}
        </Alert>
      )}
    </Stack>
  );
}
