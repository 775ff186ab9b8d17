import { type Referral, routingStatuses } from '@hearth/domain';
import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../format/time.ts';
import { useCasework } from './eol-api.ts';

type Item = Referral['routing'][number];
const statusColor = { to_do: 'orange', in_progress: 'blue', done: 'green', not_needed: 'gray' } as const;

/** The social worker's "routing": documents, benefits, equipment from elsewhere, other services. */
export function RoutingChecklist({ referral, editable }: { referral: Referral; editable: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid="routing-checklist">
      <Text fw={600} size="sm">
        {t('eol.support.routing')}
      </Text>
      {referral.routing.map((item) => (
        <RoutingRow key={item.item} referral={referral} item={item} editable={editable} />
      ))}
    </Stack>
  );
}

function RoutingRow({ referral, item, editable }: { referral: Referral; item: Item; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const { routing } = useCasework(referral.patientId, referral.id);
  const [status, setStatus] = useState<(typeof routingStatuses)[number]>(item.status);
  const [note, setNote] = useState(item.note ?? '');
  const label = t(`eol.support.routingItems.${item.item}`);
  const changed = status !== item.status || note !== (item.note ?? '');
  return (
    <Paper withBorder p="xs" data-testid={`routing-${item.item}`}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600}>
            {label}
          </Text>
          <Badge color={statusColor[item.status]} tt="none" style={{ flexShrink: 0 }}>
            {t(`eol.support.routingStatus.${item.status}`)}
          </Badge>
        </Group>
        {!editable && item.note && <Text size="sm">{item.note}</Text>}
        {item.updatedAt && (
          <Text size="xs" c="dimmed">
            {formatDateTime(item.updatedAt, i18n.language)} · {item.updatedByName}
          </Text>
        )}
        {editable && (
          <Group align="flex-end" wrap="wrap" gap="xs">
            <NativeSelect
              label={t('eol.support.routingColumns.status')}
              aria-label={`${label}: ${t('eol.support.routingColumns.status')}`}
              value={status}
              onChange={(e) => {
                const value = e.currentTarget.value;
                const chosen = routingStatuses.find((s) => s === value);
                if (chosen) setStatus(chosen);
              }}
              data={routingStatuses.map((s) => ({ value: s, label: t(`eol.support.routingStatus.${s}`) }))}
            />
            <TextInput
              label={t('eol.support.routingColumns.note')}
              aria-label={`${label}: ${t('eol.support.routingColumns.note')}`}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 180 }}
            />
            <Button
              variant="light"
              disabled={!changed}
              loading={routing.isPending}
              onClick={() =>
                routing.mutate({ item: item.item, body: { status, note: note.trim() || undefined } })
              }
            >
              {t('eol.support.saveItem')}
            </Button>
          </Group>
        )}
        {routing.isError && <ErrorAlert error={routing.error} />}
      </Stack>
    </Paper>
  );
}
