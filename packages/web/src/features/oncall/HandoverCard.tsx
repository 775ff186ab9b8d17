import type { OnCallShift } from '@hearth/domain';
import { Alert, Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../format/time.ts';
import { useHandover, useRota } from './oncall-api.ts';

const hour = 3600_000;

function HandoverText({ shift }: { shift: OnCallShift }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={2} data-testid="handover-note">
      <Text fw={700}>
        {t('oncall.handoverFor', {
          name: shift.userName,
          from: formatDateTime(shift.startsAt, i18n.language),
          to: formatDateTime(shift.endsAt, i18n.language),
        })}
      </Text>
      {shift.handoverNote ? (
        <>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{shift.handoverNote}</Text>
          {shift.handoverAt && (
            <Text size="sm" c="dimmed">
              {t('oncall.written', { at: formatDateTime(shift.handoverAt, i18n.language) })}
            </Text>
          )}
        </>
      ) : (
        <Text c="dimmed">{t('oncall.handoverNone')}</Text>
      )}
    </Stack>
  );
}

/**
 * Handover between shifts: what the previous person on call left for the current one, and a
 * place for the person on call now to write theirs for the next shift.
 */
export function HandoverCard({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const [now] = useState(() => new Date());
  const rota = useRota(
    new Date(now.getTime() - 48 * hour).toISOString(),
    new Date(now.getTime() + 48 * hour).toISOString(),
  );
  const save = useHandover();
  const [note, setNote] = useState<string | null>(null);
  if (!rota.data) return rota.isError ? <ErrorAlert error={rota.error} /> : null;
  const at = now.getTime();
  const covers = (s: OnCallShift) =>
    new Date(s.startsAt).getTime() <= at && at < new Date(s.endsAt).getTime();
  const primaries = rota.data.shifts.filter((s) => s.position === 'primary');
  const current = primaries.find(covers);
  const previous = primaries.filter((s) => new Date(s.endsAt).getTime() <= at).at(-1);
  const mine = rota.data.shifts.find((s) => covers(s) && s.userId === userId);
  const writable = mine ?? (can('oncall:manage') ? current : undefined);
  return (
    <Card withBorder data-testid="handover-card">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('oncall.handoverTitle')}
        </Title>
        {previous && <HandoverText shift={previous} />}
        {current && current.id !== writable?.id && <HandoverText shift={current} />}
        {writable && (
          <Stack gap="xs">
            <Textarea
              label={t('oncall.handoverWrite')}
              description={t('oncall.handoverHint')}
              autosize
              minRows={3}
              value={note ?? writable.handoverNote ?? ''}
              onChange={(e) => setNote(e.currentTarget.value)}
              data-testid="handover-input"
            />
            {save.isError && <ErrorAlert error={save.error} />}
            {save.isSuccess && note === null && (
              <Alert color="green" role="status">
                {t('oncall.handoverSaved')}
              </Alert>
            )}
            <Button
              style={{ alignSelf: 'flex-start' }}
              loading={save.isPending}
              disabled={!(note ?? '').trim()}
              data-testid="handover-save"
              onClick={async () => {
                await save.mutateAsync({ id: writable.id, note: (note ?? '').trim() });
                setNote(null);
              }}
            >
              {t('oncall.handoverSave')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
