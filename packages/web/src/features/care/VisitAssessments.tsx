import type { Visit } from '@hearth/domain';
import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me.ts';
import { formatTime } from '../../format/time.ts';
import { adultOrder } from '../watch/ClinicalWatchSection.tsx';
import { RecordAssessment } from '../watch/RecordAssessment.tsx';
import { useAssessments } from '../watch/watch-api.ts';

/**
 * The "Assessments at this visit" section of the visit form: the assessments recorded with this
 * visit's id (scales, phase), read from the clinical watch's record, and a button that opens the
 * watch feature's recorder with the visit id, so ESAS-r or PPS are taken inside the visit. The
 * recorder works offline too: the assessment waits in the phone's outbox and the server scores
 * and triages it when it arrives.
 */
export function VisitAssessments({ visit, recorder }: { visit: Visit; recorder?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const list = useAssessments(visit.patientId);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<'sent' | 'queued' | null>(null);
  const atVisit = list.items.filter((a) => a.visitId === visit.id);
  const time = (iso: string) => formatTime(iso, i18n.language);
  const mayRecord = can('assessment:record', { patientId: visit.patientId });
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
        {list.data && atVisit.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('care.myDay.assessmentsNone')}
          </Text>
        )}
        {atVisit.map((a) => (
          <Text key={a.versionId} size="sm" data-testid="visit-assessment">
            {time(a.takenAt)} · {t(`assess.instruments.${a.instrument}`)} · {a.recordedByName}
          </Text>
        ))}
        {saved && !open && (
          <Alert color="green" role="status" p="xs">
            {saved === 'queued' ? t('offline.savedOnPhone') : t('assess.saved')}
          </Alert>
        )}
        <div data-testid="visit-assessment-recorder-slot">
          {recorder ??
            (mayRecord &&
              (open ? (
                <Stack gap="xs">
                  <RecordAssessment
                    patientId={visit.patientId}
                    instruments={adultOrder}
                    visitId={visit.id}
                    patientName={visit.patientName}
                    onDone={(a) => {
                      setOpen(false);
                      setSaved(a ? 'sent' : 'queued');
                    }}
                  />
                  <Button variant="subtle" size="md" onClick={() => setOpen(false)}>
                    {t('assess.cancel')}
                  </Button>
                </Stack>
              ) : (
                <Button
                  variant="light"
                  size="md"
                  fullWidth
                  onClick={() => {
                    setSaved(null);
                    setOpen(true);
                  }}
                >
                  {t('assess.record')}
                </Button>
              )))}
        </div>
      </Stack>
    </Card>
  );
}
