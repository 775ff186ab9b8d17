import { disciplines, type PatientSummary, type PlanRun } from '@hearth/domain';
import { Alert, Button, Card, List, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/page.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useCareMutation, usePlanRun } from './care-api.ts';

/**
 * Urgent visit: ask for the least-disruptive insertion into today's routes, show what would
 * change, and only then accept (which notifies the staff member and the family).
 */
export function UrgentDispatch({ patientId, alertId }: { patientId?: string; alertId?: string }) {
  const { t } = useTranslation();
  const [patient, setPatient] = useState(patientId ?? '');
  const [discipline, setDiscipline] = useState('nurse');
  const [reason, setReason] = useState('');
  const [runId, setRunId] = useState<string | null>(null);
  const patients = useQuery({
    queryKey: ['patients', 'active-for-urgent'],
    queryFn: () => api.get<Page<PatientSummary>>('/patients', { status: 'active', limit: 200 }),
    enabled: !patientId,
  });
  const preview = useCareMutation((body: unknown) => api.post<PlanRun>('/planning/urgent', body));
  const accept = useCareMutation((id: string) => api.post<PlanRun>(`/planning/runs/${id}/publish`));
  const run = usePlanRun(runId);
  const r = run.data;
  const stop = r?.routes
    .flatMap((x) => x.stops.map((s) => ({ ...s, staffName: x.staffName })))
    .find((s) => s.visitId === 'urgent');
  return (
    <Card withBorder data-testid="urgent-dispatch">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('care.urgent.title')}
        </Title>
        {!patientId && (
          <NativeSelect
            label={t('care.urgent.patient')}
            value={patient}
            onChange={(e) => setPatient(e.currentTarget.value)}
            data={[
              { value: '', label: '—' },
              ...(patients.data?.items ?? []).map((p) => ({
                value: p.id,
                label: `${p.lastName} ${p.firstName}`,
              })),
            ]}
            data-testid="urgent-patient"
          />
        )}
        <NativeSelect
          label={t('care.urgent.discipline')}
          value={discipline}
          onChange={(e) => setDiscipline(e.currentTarget.value)}
          data={disciplines.map((d) => ({ value: d, label: t(`care.disciplines.${d}`) }))}
        />
        <TextInput
          label={t('care.urgent.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="urgent-reason"
        />
        <Button
          variant="light"
          disabled={!patient || reason.trim().length < 3}
          loading={preview.isPending}
          onClick={() =>
            preview.mutate(
              { patientId: patient, discipline, reason, ...(alertId ? { alertId } : {}) },
              { onSuccess: (x) => setRunId(x.id) },
            )
          }
        >
          {t('care.urgent.preview')}
        </Button>
        {preview.isError && <ErrorAlert error={preview.error} />}
        {r?.status === 'running' && <Text>{t('care.urgent.searching')}</Text>}
        {r && r.status !== 'running' && r.kind === 'urgent' && (
          <Stack gap="xs" data-testid="urgent-preview">
            {stop ? (
              <Alert color="blue">
                {t('care.urgent.goesTo', { name: stop.staffName, time: stop.start })}
              </Alert>
            ) : (
              <Alert color="red">
                {t('care.urgent.cannot', { reason: r.unassigned[0]?.reason ?? r.error ?? '' })}
              </Alert>
            )}
            <Text fw={600}>{t('care.urgent.changes')}</Text>
            {r.changes.length === 0 ? (
              <Text size="sm">{t('care.urgent.noChanges')}</Text>
            ) : (
              <List size="sm">
                {r.changes.map((c) => (
                  <List.Item key={c.visitId}>
                    {c.patientName}: {c.fromStaffName ?? '—'} {c.fromStart ?? ''} → {c.toStaffName}{' '}
                    {c.toStart}
                  </List.Item>
                ))}
              </List>
            )}
            {r.status === 'ready' && stop && (
              <Button
                color="red"
                loading={accept.isPending}
                onClick={() => accept.mutate(r.id)}
                data-testid="urgent-accept"
              >
                {t('care.urgent.accept')}
              </Button>
            )}
            {r.status === 'published' && <Alert color="green">{t('care.urgent.accepted')}</Alert>}
            {accept.isError && <ErrorAlert error={accept.error} />}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
