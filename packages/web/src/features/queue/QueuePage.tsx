import type { CareRequest } from '@hearth/domain';
import { Button, Group, Modal, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useNow } from '../../format/use-now.ts';
import { type RequestStatusFilter, useRequests } from '../intake/intake-api.ts';
import { CallForm } from './CallForm.tsx';
import { RequestCard } from './RequestCard.tsx';

const filters: RequestStatusFilter[] = ['open', 'new', 'in_progress', 'referred', 'closed'];

/** The coordinators' queue: soonest callback deadline first, overdue marked, live. */
export function QueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('queue.title'));
  const can = useCan();
  const [status, setStatus] = useState<RequestStatusFilter>('open');
  const [calling, setCalling] = useState<CareRequest | null>(null);
  const requests = useRequests(status);
  const now = useNow();
  const handle = can('intake:handle');

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('queue.title')}</Title>
        {handle && (
          <Button component={Link} to="/app/requests/new">
            {t('queue.phoneRequest')}
          </Button>
        )}
      </Group>
      <SegmentedControl
        aria-label={t('queue.filter')}
        value={status}
        onChange={(v) => setStatus(v as RequestStatusFilter)}
        data={filters.map((f) => ({ value: f, label: t(`queue.filters.${f}`) }))}
        style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
      />
      {requests.isPending ? (
        <PageLoader />
      ) : requests.isError ? (
        <ErrorAlert error={requests.error} />
      ) : (
        <>
          <Text aria-live="polite" data-testid="queue-count">
            {t('queue.count', { count: requests.data.items.length })}
          </Text>
          <Stack gap="sm">
            {requests.data.items.map((r) => (
              <RequestCard key={r.id} request={r} now={now} onRecordCall={handle ? setCalling : undefined} />
            ))}
          </Stack>
        </>
      )}
      <Modal
        opened={calling !== null}
        onClose={() => setCalling(null)}
        title={
          calling ? t('queue.callTitle', { reference: calling.reference, name: calling.patientName }) : ''
        }
      >
        {calling && <CallForm request={calling} onDone={() => setCalling(null)} />}
      </Modal>
    </Stack>
  );
}
