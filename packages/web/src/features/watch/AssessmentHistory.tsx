import type { Assessment } from '@hearth/domain';
import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/time.ts';
import { bandColor, bandOf, summaryOf } from './assessment-summary.ts';
import { useAssessmentRecord } from './assessments-api.ts';

/** Earlier versions of one record, loaded when asked for. */
function Versions({ patientId, recordId }: { patientId: string; recordId: string }) {
  const { t, i18n } = useTranslation();
  const record = useAssessmentRecord(patientId, recordId);
  const history = record.data?.history ?? [];
  return (
    <List size="sm" data-testid="assessment-versions">
      {history.map((v) => (
        <List.Item key={v.versionId}>
          {t('assess.version', { n: v.version })}:{' '}
          {summaryOf({ instrument: record.data!.instrument, scores: v.scores }, t)} —{' '}
          {t('assess.by', { name: v.recordedByName, when: formatDateTime(v.recordedAt, i18n.language) })}
          {v.correctionReason ? ` · ${t('assess.corrected', { reason: v.correctionReason })}` : ''}
        </List.Item>
      ))}
    </List>
  );
}

/** Every record, newest first, with who, when, scores, bands and versions; staff may correct. */
export function AssessmentHistory({
  patientId,
  items,
  canCorrect,
  onCorrect,
}: {
  patientId: string;
  items: Assessment[];
  canCorrect: boolean;
  onCorrect: (a: Assessment) => void;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const sorted = [...items].sort((a, b) => b.takenAt.localeCompare(a.takenAt)).slice(0, 50);
  return (
    <Stack gap="xs" data-testid="assessment-history">
      <Title order={3} size="h4">
        {t('assess.historyTitle')}
      </Title>
      {sorted.length === 0 && <Text>{t('assess.noAssessments')}</Text>}
      {sorted.map((a) => {
        const band = bandOf(a);
        return (
          <Paper key={a.id} withBorder p="xs" data-testid="assessment-row">
            <Stack gap={2}>
              <Group justify="space-between" gap="xs">
                <Group gap="xs">
                  <Text fw={600}>{t(`assess.instruments.${a.instrument}`)}</Text>
                  {band && (
                    <Badge color={bandColor(band)} variant="dot" tt="none">
                      {summaryOf(a, t)}
                    </Badge>
                  )}
                  {!band && <Text>{summaryOf(a, t)}</Text>}
                  {a.version > 1 && (
                    <Badge variant="outline" tt="none">
                      {t('assess.version', { n: a.version })}
                    </Badge>
                  )}
                </Group>
                <Group gap="xs">
                  {a.version > 1 && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => setOpen(open === a.id ? null : a.id)}
                    >
                      {open === a.id ? t('assess.hideVersions') : t('assess.showVersions')}
                    </Button>
                  )}
                  {canCorrect && a.source === 'staff' && (
                    <Button size="compact-sm" variant="light" onClick={() => onCorrect(a)}>
                      {t('assess.correct')}
                    </Button>
                  )}
                </Group>
              </Group>
              <Text size="sm" c="dimmed">
                {t('assess.by', { name: a.recordedByName, when: formatDateTime(a.takenAt, i18n.language) })}
                {a.source === 'family' ? ` · ${t('assess.family')}` : ''}
                {a.correctionReason ? ` · ${t('assess.corrected', { reason: a.correctionReason })}` : ''}
              </Text>
              {a.note && <Text size="sm">{a.note}</Text>}
              {open === a.id && <Versions patientId={patientId} recordId={a.id} />}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
