import { Accordion, Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me.ts';
import { formatDateTime } from '../../format/time.ts';
import { CarePlanChange } from './CarePlanEditor.tsx';
import { CarePlanHistory } from './CarePlanHistory.tsx';
import { useCarePlan, usePatientVisits } from './care-api.ts';
import { VisitRecord } from './VisitRecord.tsx';

/** The patient's current care plan (with who changed it and why) and their visits. */
export function CarePlanSection({ patientId, large = false }: { patientId: string; large?: boolean }) {
  const { t, i18n } = useTranslation();
  const plan = useCarePlan(patientId);
  const visits = usePatientVisits(patientId);
  const can = useCan();
  const mayEdit = !large && can('careplan:write', { patientId });
  const [panel, setPanel] = useState<'edit' | 'history' | null>(null);
  const narrow = useMediaQuery('(max-width: 48em)');
  const c = plan.data?.current;
  return (
    <Stack gap="md">
      <Card withBorder data-testid="care-plan">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={2} size="h3">
              {t('care.plan.title')}
            </Title>
            <Group gap="xs">
              {plan.data?.reviewDue && <Badge color="orange">{t('care.plan.reviewDue')}</Badge>}
              {!large && c && (
                <Button variant="default" size="xs" onClick={() => setPanel('history')}>
                  {t('care.history.open')}
                </Button>
              )}
              {mayEdit && plan.data && (
                <Button size="xs" onClick={() => setPanel('edit')} data-testid="care-plan-edit">
                  {t('care.editor.open')}
                </Button>
              )}
            </Group>
          </Group>
          <Modal
            opened={panel !== null}
            onClose={() => setPanel(null)}
            size="xl"
            fullScreen={narrow}
            title={panel === 'edit' ? t('care.editor.title') : t('care.history.title')}
          >
            {panel === 'edit' && plan.data && (
              <CarePlanChange patientId={patientId} plan={plan.data} onDone={() => setPanel(null)} />
            )}
            {panel === 'history' && <CarePlanHistory patientId={patientId} />}
          </Modal>
          {!c ? (
            <Text>{t('care.plan.none')}</Text>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('care.plan.version', {
                  version: c.version,
                  who: c.changedByName,
                  when: formatDateTime(c.changedAt, i18n.language),
                })}
              </Text>
              <Text size="sm">{t('care.plan.why', { reason: c.reason })}</Text>
              <Text size={large ? 'lg' : 'sm'}>
                {t('care.plan.keyWorker')}: {plan.data?.keyWorkerName ?? '—'} · {t('care.plan.reviewDate')}:{' '}
                {c.content.reviewDate} · {t('care.plan.phase')}:{' '}
                {t(`care.phases.${c.content.phase}` as 'care.phases.stable')}
              </Text>
              <Text size={large ? 'lg' : 'sm'}>
                {t('care.plan.preferredTimes')}:{' '}
                {c.content.preferredTimes
                  ? `${c.content.preferredTimes.from}–${c.content.preferredTimes.to}`
                  : t('care.plan.anyTime')}
              </Text>
              <Group gap="xs">
                {c.content.frequencies.map((f) => (
                  <Badge key={f.discipline} variant="light" size="lg" tt="none">
                    {t(`care.disciplines.${f.discipline}` as 'care.disciplines.nurse')}:{' '}
                    {f.mode === 'weekly'
                      ? t('care.plan.weekly', { count: f.timesPerWeek })
                      : f.mode === 'interval'
                        ? t('care.plan.interval', { count: f.everyDays })
                        : t('care.plan.as_needed')}
                  </Badge>
                ))}
              </Group>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    <Table.Th>{t('care.plan.problem')}</Table.Th>
                    <Table.Th>{t('care.plan.goal')}</Table.Th>
                    <Table.Th>{t('care.plan.interventions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.content.items.map((it) => (
                    <Table.Tr key={`${it.discipline}${it.problem}`}>
                      <Table.Td>
                        {t(`care.disciplines.${it.discipline}` as 'care.disciplines.nurse')}
                      </Table.Td>
                      <Table.Td>{it.problem}</Table.Td>
                      <Table.Td>{it.goal}</Table.Td>
                      <Table.Td>{it.interventions.join('; ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </Stack>
      </Card>
      <Card withBorder data-testid="patient-visits">
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('care.visits.title')}
          </Title>
          {visits.data?.length === 0 && <Text>{t('care.visits.none')}</Text>}
          {visits.data && visits.data.length > 0 && (
            <Accordion chevronPosition="left" variant="separated" multiple>
              {visits.data.map((v) => (
                <Accordion.Item key={v.id} value={v.id} data-testid="patient-visit">
                  <Accordion.Control>
                    <Group justify="space-between" wrap="nowrap">
                      <Text size={large ? 'lg' : 'sm'}>
                        {v.date} {v.start ?? ''} · {t(`care.disciplines.${v.discipline}`)} ·{' '}
                        {v.staffName ?? '—'}
                        {v.kind === 'urgent' ? ` · ${t('care.visits.urgent')}` : ''}
                      </Text>
                      <Badge variant="light" tt="none" style={{ flexShrink: 0 }}>
                        {t(`care.statuses.${v.status}`)}
                      </Badge>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <VisitRecord visit={v} />
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
