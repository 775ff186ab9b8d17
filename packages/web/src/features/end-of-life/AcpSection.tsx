import type { AcpVersion, Patient } from '@hearth/domain';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { formatDateTime, formatDay } from '../../format/time.ts';
import { AcpForm } from './AcpForm.tsx';
import { useAcp } from './eol-api.ts';
import { Line } from './Line.tsx';

/**
 * The advance care plan on the staff patient page (DOMAIN.md step 4; SCCI1580 dataset,
 * palliative-research.md §6 item 1): the current version, a new version on each change with
 * who, when and why, the earlier versions, and the printable one-page summary.
 */
export function AcpSection({ patient }: { patient: Patient }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const acp = useAcp(patient.id);
  const [editing, setEditing] = useState(false);
  if (!can('acp:read', { patientId: patient.id })) return null;
  const c = acp.data?.current ?? null;
  const mayWrite = can('acp:write', { patientId: patient.id }) && patient.status !== 'deceased';
  const earlier = acp.data?.history.slice(1) ?? [];
  return (
    <Card withBorder data-testid="acp-section">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('eol.acp.title')}
          </Title>
          <Anchor href={`/print/patients/${patient.id}/acp`} target="_blank" data-testid="acp-print-link">
            {t('eol.acp.print')}
          </Anchor>
        </Group>
        {acp.isPending && <PageLoader />}
        {acp.isError && <ErrorAlert error={acp.error} />}
        {acp.isSuccess && !c && !editing && <Text>{t('eol.acp.none')}</Text>}
        {c && !editing && <CurrentPlan plan={c} />}
        {editing ? (
          <AcpForm patientId={patient.id} current={c} onDone={() => setEditing(false)} />
        ) : (
          mayWrite && (
            <Button variant="light" onClick={() => setEditing(true)} style={{ alignSelf: 'flex-start' }}>
              {c ? t('eol.acp.edit') : t('eol.acp.create')}
            </Button>
          )
        )}
        {patient.status === 'deceased' && c && <Text c="dimmed">{t('eol.acp.closed')}</Text>}
        {earlier.length > 0 && (
          <Stack gap={4}>
            <Title order={3} size="h5">
              {t('eol.acp.history')}
            </Title>
            <Table.ScrollContainer minWidth={640}>
              <Table striped data-testid="acp-history">
                <Table.Thead>
                  <Table.Tr>
                    {(['version', 'when', 'care', 'death', 'cpr', 'reason'] as const).map((k) => (
                      <Table.Th key={k}>{t(`eol.acp.historyColumns.${k}`)}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {earlier.map((h) => (
                    <Table.Tr key={h.id}>
                      <Table.Td>{h.version}</Table.Td>
                      <Table.Td>
                        {formatDateTime(h.recordedAt, i18n.language)} · {h.recordedByName}
                      </Table.Td>
                      <Table.Td>{t(`home.acp.places.${h.preferredPlaceOfCare}`)}</Table.Td>
                      <Table.Td>{t(`home.acp.places.${h.preferredPlaceOfDeath}`)}</Table.Td>
                      <Table.Td>{t(`home.acp.decisions.${h.resuscitation.decision}`)}</Table.Td>
                      <Table.Td>{h.changeReason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function CurrentPlan({ plan: c }: { plan: AcpVersion }) {
  const { t, i18n } = useTranslation();
  const f = (k: 'preferredPlaceOfCare') => t(`eol.acp.fields.${k}`);
  const dm = c.decisionMaker;
  return (
    <Stack gap="xs" data-testid="acp-current">
      <Group gap="xs">
        <Badge
          size="lg"
          tt="none"
          color={c.resuscitation.decision === 'do_not_attempt_cpr' ? 'dark' : 'gray'}
          variant={c.resuscitation.decision === 'do_not_attempt_cpr' ? 'filled' : 'light'}
        >
          {t(`home.acp.decisions.${c.resuscitation.decision}`)}
        </Badge>
        {c.resuscitation.decidedOn && (
          <Text size="sm">
            {t('home.acp.decidedOn', { date: formatDay(c.resuscitation.decidedOn, i18n.language) })}
          </Text>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Line label={f('preferredPlaceOfCare')} value={t(`home.acp.places.${c.preferredPlaceOfCare}`)} />
        <Line
          label={t('eol.acp.fields.preferredPlaceOfDeath')}
          value={`${t(`home.acp.places.${c.preferredPlaceOfDeath}`)}${c.placeNote ? ` — ${c.placeNote}` : ''}`}
        />
        <Line label={t('eol.acp.fields.formLocation')} value={c.resuscitation.formLocation} />
        <Line label={t('eol.acp.fields.whoWasTold')} value={c.resuscitation.whoWasTold} />
        <Line label={t('eol.acp.fields.ceilingsOfTreatment')} value={c.ceilingsOfTreatment} />
        <Line
          label={t('eol.acp.fields.decisionMaker')}
          value={dm && [dm.name, dm.relationship, dm.phone, dm.basis].filter(Boolean).join(', ')}
        />
        <Line
          label={t('eol.acp.fields.patientKnowsPrognosis')}
          value={t(`eol.acp.awareness.${c.patientKnowsPrognosis}`)}
        />
        <Line
          label={t('eol.acp.fields.familyKnowsPrognosis')}
          value={t(`eol.acp.awareness.${c.familyKnowsPrognosis}`)}
        />
        <Line
          label={t('eol.acp.fields.consentToShare')}
          value={c.consentToShare ? t('eol.common.yes') : t('eol.common.no')}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('eol.acp.version', {
          version: c.version,
          date: formatDateTime(c.recordedAt, i18n.language),
          by: c.recordedByName,
        })}
        {' · '}
        {t('eol.acp.reason', { reason: c.changeReason })}
      </Text>
    </Stack>
  );
}
