import {
  type Assessment,
  ageInYears,
  defaultBradenQUnderYears,
  type Instrument,
  isChild,
  type Patient,
  pressureScaleFor,
} from '@hearth/domain';
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { todayIso } from '../../format/time.ts';
import { AssessmentHistory } from './AssessmentHistory.tsx';
import { LatestPanel } from './LatestPanel.tsx';
import { RecordAssessment } from './RecordAssessment.tsx';
import { TrendCharts } from './TrendCharts.tsx';
import { useAssessments } from './watch-api.ts';

/** Adults start with ESAS-r; children with their pain scales (palliative-research.md §2.7). */
export const adultOrder: Instrument[] = [
  'esas_r',
  'pps',
  'phase',
  'braden',
  'ipos',
  'mcsi',
  'zbi12',
  'flacc',
  'r_flacc',
  'faces',
];
/**
 * Children: their pain scales first, and Braden Q first under the default age (Quigley & Curley
 * 1996); both pressure scales are offered because the age is an organization setting, and the
 * server refuses the wrong one for this child with a clear message.
 */
const childOrder = (ageYears: number): Instrument[] => [
  'faces',
  'flacc',
  'r_flacc',
  'pps',
  'phase',
  ...(pressureScaleFor(ageYears) === 'braden_q'
    ? (['braden_q', 'braden'] as const)
    : (['braden', 'braden_q'] as const)),
  'esas_r',
  'ipos',
  'mcsi',
  'zbi12',
];

/**
 * The staff patient page's clinical watch: latest scores, trends with thresholds, recording and
 * correcting any assessment, and the history with versions. `?visit=<id>` links a new record to
 * the visit it was taken in.
 */
export function ClinicalWatchSection({ patient }: { patient: Pick<Patient, 'id' | 'dateOfBirth'> }) {
  const { t } = useTranslation();
  const can = useCan();
  const [params] = useSearchParams();
  const query = useAssessments(patient.id);
  const [mode, setMode] = useState<'closed' | 'new' | Assessment>('closed');
  const [saved, setSaved] = useState<'sent' | 'queued' | null>(null);
  const today = todayIso();
  const child = isChild(patient.dateOfBirth, today);
  const age = ageInYears(patient.dateOfBirth, today);
  const order = child ? childOrder(age) : adultOrder;
  const canRecord = can('assessment:record', { patientId: patient.id });
  const items = query.items;
  return (
    <Card withBorder data-testid="clinical-watch">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('assess.sectionTitle')}
          </Title>
          {canRecord && mode === 'closed' && (
            <Button
              size="md"
              onClick={() => {
                setSaved(null);
                setMode('new');
              }}
            >
              {t('assess.record')}
            </Button>
          )}
        </Group>
        {child && <Text>{t('assess.childNote', { age, bradenQAge: defaultBradenQUnderYears })}</Text>}
        {saved && (
          <Alert color="green" role="status">
            {saved === 'queued' ? t('offline.savedOnPhone') : t('assess.saved')}
          </Alert>
        )}
        {mode !== 'closed' && (
          <Card withBorder bg="var(--mantine-color-gray-0)">
            <Stack gap="xs">
              <RecordAssessment
                key={mode === 'new' ? 'new' : mode.versionId}
                patientId={patient.id}
                instruments={order}
                visitId={params.get('visit')}
                correcting={mode === 'new' ? null : mode}
                onDone={(a) => {
                  setMode('closed');
                  setSaved(a ? 'sent' : 'queued');
                }}
              />
              <Button variant="subtle" onClick={() => setMode('closed')} style={{ alignSelf: 'flex-start' }}>
                {t('assess.cancel')}
              </Button>
            </Stack>
          </Card>
        )}
        {query.isError && <ErrorAlert error={query.error} />}
        <LatestPanel items={items} order={order} />
        <TrendCharts items={items} child={child} />
        <AssessmentHistory
          patientId={patient.id}
          items={items}
          canCorrect={canRecord}
          onCorrect={(a) => {
            setSaved(null);
            setMode(a);
          }}
        />
        {query.hasNextPage && (
          <Button
            variant="default"
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('assess.showOlder')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
