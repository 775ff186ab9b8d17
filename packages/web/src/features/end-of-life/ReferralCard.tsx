import type { Referral } from '@hearth/domain';
import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../format/time.ts';
import { useCasework } from './eol-api.ts';
import { RoutingChecklist } from './RoutingChecklist.tsx';

const statusColor = { open: 'orange', in_progress: 'blue', closed: 'gray' } as const;

/**
 * One referral with its casework. Only the referral's own discipline works it (the server
 * enforces this too); everyone else on the team reads it.
 */
export function ReferralCard({ referral: r }: { referral: Referral }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const work = useCasework(r.patientId, r.id);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState('');
  const mine = me.role === r.discipline;
  const open = r.status !== 'closed';
  const date = (iso: string) => formatDateTime(iso, i18n.language);
  const failed = [work.update, work.note].find((m) => m.isError);
  return (
    <Paper withBorder p="md" data-testid={`referral-${r.discipline}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Text fw={700}>{t(`home.support.disciplines.${r.discipline}`)}</Text>
          <Group gap="xs">
            {r.respiteOffered && (
              <Badge color="orange" variant="light" tt="none">
                {t('home.support.respite')}
              </Badge>
            )}
            <Badge color={statusColor[r.status]} tt="none" data-testid="referral-status">
              {t(`home.support.statuses.${r.status}`)}
            </Badge>
          </Group>
        </Group>
        <Text>{r.reason}</Text>
        {r.forWhom && <Text size="sm">{t('home.support.forWhom', { name: r.forWhom })}</Text>}
        <Text size="xs" c="dimmed">
          {t(`home.support.sources.${r.source}`)} ·{' '}
          {t('eol.support.created', { date: date(r.createdAt), by: r.createdByName })}
        </Text>
        {r.assignedName && <Text size="sm">{t('eol.support.assigned', { name: r.assignedName })}</Text>}
        {mine && open && r.assignedUserId !== me.id && (
          <Group>
            <Button
              variant="light"
              loading={work.update.isPending}
              onClick={() => work.update.mutate({ assignedUserId: me.id, status: 'in_progress' })}
            >
              {t('eol.support.start')}
            </Button>
          </Group>
        )}
        {r.outcome && <Text fw={600}>{t('eol.support.outcome', { text: r.outcome })}</Text>}

        {r.discipline === 'social_worker' && r.routing.length > 0 && (
          <RoutingChecklist referral={r} editable={mine} />
        )}

        <Text fw={600} size="sm">
          {t('eol.support.notes')}
        </Text>
        {r.notes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('eol.support.noNotes')}
          </Text>
        ) : (
          r.notes.map((n) => (
            <Stack key={n.id} gap={0} data-testid="case-note">
              <Text size="sm">{n.text}</Text>
              <Text size="xs" c="dimmed">
                {date(n.at)} · {n.byName}
              </Text>
            </Stack>
          ))
        )}
        {mine && (
          <Stack gap="xs">
            <Textarea
              label={t('eol.support.note')}
              autosize
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Group>
              <Button
                variant="light"
                disabled={note.trim().length < 2}
                loading={work.note.isPending}
                onClick={() => work.note.mutate(note.trim(), { onSuccess: () => setNote('') })}
              >
                {t('eol.support.addNote')}
              </Button>
            </Group>
            {open && (
              <>
                <Textarea
                  label={t('eol.support.closeOutcome')}
                  autosize
                  value={outcome}
                  onChange={(e) => setOutcome(e.currentTarget.value)}
                />
                <Group>
                  <Button
                    variant="default"
                    disabled={outcome.trim().length < 2}
                    loading={work.update.isPending}
                    onClick={() => work.update.mutate({ status: 'closed', outcome: outcome.trim() })}
                  >
                    {t('eol.support.close')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        )}
        {failed && <ErrorAlert error={failed.error} />}
      </Stack>
    </Paper>
  );
}
