import type { Visit } from '@hearth/domain';
import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssessments } from '../watch/watch-api.ts';

/**
 * The "Assessments at this visit" section of the visit form: the assessments recorded for the
 * patient on the visit's day (scales, phase), read from the clinical watch's record. The watch
 * feature's assessment recorder goes in the `recorder` slot (it records with this visit's id);
 * until it is there, the free-text findings field below the section holds what was assessed.
 */
export function VisitAssessments({ visit, recorder }: { visit: Visit; recorder?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const list = useAssessments(visit.patientId);
  const onVisitDay = (list.data?.items ?? []).filter((a) => a.takenAt.slice(0, 10) === visit.date);
  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <Card withBorder padding="sm" data-testid="visit-assessments" aria-labelledby={`va-${visit.id}`}>
      <Stack gap={6}>
        <Title order={3} size="h5" id={`va-${visit.id}`}>
          {t('care.myDay.assessments')}
        </Title>
        {list.isError && !list.data && (
          <Text size="sm" c="dimmed">
            {t('care.myDay.assessmentsUnavailable')}
          </Text>
        )}
        {list.data && onVisitDay.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('care.myDay.assessmentsNone')}
          </Text>
        )}
        {onVisitDay.map((a) => (
          <Text key={a.versionId} size="sm" data-testid="visit-assessment">
            {time(a.takenAt)} · {a.instrument.replaceAll('_', '-').toUpperCase()} · {a.recordedByName}
          </Text>
        ))}
        <div data-testid="visit-assessment-recorder-slot">{recorder}</div>
      </Stack>
    </Card>
  );
}
