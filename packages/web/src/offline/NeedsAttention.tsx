import { Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../format/time.ts';
import type { HeldCommand } from './commands.ts';
import { outbox } from './outbox.ts';

/**
 * What the server refused after the phone queued it (the dose guard, a visit moved or
 * cancelled, a stopped prescription), each with the server's reason. Nothing leaves this list
 * without the nurse: she retries, opens the patient to sort it out, or discards after confirming.
 */
export function NeedsAttention({
  held,
  patientPath,
}: {
  held: HeldCommand[];
  patientPath: (patientId: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const [discarding, setDiscarding] = useState<HeldCommand | null>(null);
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <Stack gap="xs" mt="xs" data-testid="needs-attention">
      <Title order={2} size="h5">
        {t('offline.attentionTitle')}
      </Title>
      <Text size="sm">{t('offline.attentionIntro')}</Text>
      {held.map((h) => (
        <Card key={h.clientId} withBorder padding="sm" data-testid="held-command">
          <Stack gap={4}>
            <Text fw={600}>{h.label}</Text>
            <Text size="sm" c="dimmed">
              {t('offline.madeAt', { time: when(h.at) })}
            </Text>
            <Text size="sm" data-testid="held-reason">
              {t('offline.refusedBecause', { reason: h.reason })}
            </Text>
            <Group gap="xs">
              <Button size="sm" onClick={() => void outbox.retry(h.clientId)}>
                {t('offline.retry')}
              </Button>
              {h.patientId && (
                <Button size="sm" variant="default" component={Link} to={patientPath(h.patientId)}>
                  {t('offline.openPatient')}
                </Button>
              )}
              <Button size="sm" variant="subtle" color="red" onClick={() => setDiscarding(h)}>
                {t('offline.discard')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      <Modal
        opened={discarding !== null}
        onClose={() => setDiscarding(null)}
        title={t('offline.discardTitle')}
      >
        <Stack>
          <Text>{t('offline.discardBody', { label: discarding?.label ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDiscarding(null)}>
              {t('offline.keep')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                if (discarding) void outbox.discard(discarding.clientId);
                setDiscarding(null);
              }}
            >
              {t('offline.discardConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
