import { Alert, Button, Checkbox, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay } from '../../format/time.ts';
import { useEpisode, useRestoreVisits } from './episode-api.ts';

/**
 * Home visits waiting while the patient is away (hospital, hospice, respite). Back home, the
 * coordinator ticks the ones to bring back; the rest are cancelled.
 */
export function HeldVisits({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const episode = useEpisode(patientId);
  const restore = useRestoreVisits(patientId);
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const ep = episode.data;
  if (!ep || ep.heldVisits.length === 0) return null;
  const mayRestore = ep.restoreOffered && can('visit:schedule');
  const chosen = ep.heldVisits.filter((v) => !unticked.has(v.id)).map((v) => v.id);
  const toggle = (id: string) =>
    setUnticked((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Alert
      color={ep.restoreOffered ? 'hearth' : 'orange'}
      title={ep.restoreOffered ? t('episode.held.backHome') : t('episode.held.title')}
      data-testid="held-visits"
    >
      <Stack gap="xs">
        {!ep.restoreOffered && <Text size="sm">{t('episode.held.lead')}</Text>}
        {ep.heldVisits.map((v) => {
          const line = `${formatDay(v.date, i18n.language)} · ${t(`care.disciplines.${v.discipline}`)}${
            v.staffName ? ` · ${v.staffName}` : ''
          }`;
          return mayRestore ? (
            <Checkbox
              key={v.id}
              label={line}
              checked={!unticked.has(v.id)}
              onChange={() => toggle(v.id)}
              data-testid="held-visit"
            />
          ) : (
            <Text key={v.id} size="sm" data-testid="held-visit">
              {line}
              {v.reason ? ` — ${v.reason}` : ''}
            </Text>
          );
        })}
        {mayRestore && (
          <>
            <Text size="sm">{t('episode.held.restoreHint')}</Text>
            <Button
              onClick={() => restore.mutate(chosen)}
              loading={restore.isPending}
              data-testid="restore-visits"
            >
              {t('episode.held.restore', { count: chosen.length })}
            </Button>
          </>
        )}
        {restore.isError && <ErrorAlert error={restore.error} />}
      </Stack>
    </Alert>
  );
}
