import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isNotFound } from '../../api/api-error.ts';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { NotFound } from '../../components/NotFound.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime, formatDay } from '../../format/time.ts';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';
import { useCase } from './commission-api.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { DocumentsSection } from './DocumentsSection.tsx';

export function CasePage() {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const can = useCan();
  const query = useCase(caseId);
  usePageTitle(query.data ? `${query.data.patientName} · ${t('commission.title')}` : t('commission.title'));
  if (query.isPending) return <PageLoader />;
  if (isNotFound(query.error)) return <NotFound homeTo="/app/commission" />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const c = query.data;
  const undecided = c.status === 'pending' || c.status === 'deferred';
  const row = (label: string, value: ReactNode) => (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/app/commission">
        ← {t('commission.back')}
      </Anchor>
      <Group justify="space-between">
        <Title order={1}>{c.patientName}</Title>
        <CaseStatusBadge status={c.status} />
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {row(
            t('referral.diagnosis'),
            <>
              <Badge variant="outline" color="gray" mr="xs">
                {c.icd10}
              </Badge>
              {c.diagnosis}
            </>,
          )}
          {row(
            t('referral.performance'),
            `${t(`referral.scales.${c.performance.scale}`)}: ${c.performance.score}`,
          )}
          {row(t('referral.reason'), c.reason)}
          {row(t('commission.referredLabel'), formatDateTime(c.createdAt, i18n.language))}
          {c.patientId &&
            row(
              t('commission.patient'),
              <Anchor component={Link} to={`/app/patients/${c.patientId}`}>
                {t('commission.openPatient')}
              </Anchor>,
            )}
          {c.careRequestId &&
            row(
              t('commission.request'),
              <Anchor component={Link} to={`/app/requests/${c.careRequestId}`}>
                {t('commission.openRequest')}
              </Anchor>,
            )}
        </SimpleGrid>
      </Card>
      <DocumentsSection c={c} canUpload={can('commission:refer') || can('commission:decide')} />
      <Title order={2} size="h3">
        {t('commission.decisions')}
      </Title>
      {c.decisions.length === 0 ? (
        <Text>{t('commission.noDecisions')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {c.decisions.map((d) => (
            <Timeline.Item
              key={d.recordedAt}
              title={`${t(`commission.decision.options.${d.decision}`)} · ${formatDay(d.decidedOn, i18n.language)}`}
            >
              {d.reviewDate && (
                <Text size="sm">
                  {t('commission.reviewOn', { date: formatDay(d.reviewDate, i18n.language) })}
                </Text>
              )}
              {d.missing && <Text size="sm">{t('commission.missingText', { text: d.missing })}</Text>}
              {d.reason && <Text size="sm">{t('commission.reasonText', { text: d.reason })}</Text>}
              <Text size="sm">
                {t('commission.membersText', {
                  names: d.members.map((m) => (m.role ? `${m.name} (${m.role})` : m.name)).join(', '),
                })}
              </Text>
              {d.notes && <Text size="sm">{d.notes}</Text>}
              <Text size="xs">
                {t('commission.recordedBy', {
                  name: d.recordedByName,
                  at: formatDateTime(d.recordedAt, i18n.language),
                })}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {undecided && can('commission:decide') && (
        <Card withBorder>
          <Title order={2} size="h3" mb="sm">
            {t('commission.decision.title')}
          </Title>
          <DecisionForm caseId={c.id} />
        </Card>
      )}
    </Stack>
  );
}
