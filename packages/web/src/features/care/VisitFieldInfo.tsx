import type { FieldVisit } from '@hearth/domain';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMedicineLabels } from '../medicines/labels.ts';
import { summaryOf } from '../watch/assessment-summary.ts';
import { CallButtons } from './CallButtons.tsx';
import { medicinesDuring } from './visit-medicines.ts';

/**
 * What the visitor needs at the door, from the phone's caseload (works offline): whom to call,
 * how to get in, the resuscitation decision, allergies, the medicines due during the visit and
 * the last scores.
 */
export function VisitFieldInfo({ entry }: { entry: FieldVisit }) {
  const { t } = useTranslation();
  const L = useMedicineLabels();
  const { patient, visit } = entry;
  const due = medicinesDuring(entry.medicines.prescriptions, visit);
  return (
    <Stack gap={6} data-testid="visit-field-info">
      <Group gap="xs">
        {entry.advanceCare.dnacpr && (
          <Badge color="red" size="lg" variant="filled" data-testid="dnacpr-badge">
            {t('field.dnacpr')}
          </Badge>
        )}
        {entry.allergies.length > 0 ? (
          <Badge color="orange" size="lg" variant="light" data-testid="allergies">
            {t('field.allergies')}: {entry.allergies.map((a) => a.substance).join(', ')}
          </Badge>
        ) : (
          !entry.withheld.includes('advanceCare') && (
            <Text size="sm" c="dimmed">
              {t('field.noAllergies')}
            </Text>
          )
        )}
      </Group>
      <CallButtons patient={patient} />
      {patient.accessNotes && (
        <Text size="sm" data-testid="access-notes">
          <b>{t('field.accessNotes')}:</b> {patient.accessNotes}
        </Text>
      )}
      {due.length > 0 && (
        <Stack gap={2} data-testid="medicines-due">
          <Text size="sm" fw={600}>
            {t('field.medicinesDue')}
          </Text>
          {due.map(({ prescription: p, times }) => (
            <Text key={p.id} size="sm">
              {L.product(p)} · {L.doseFull(p)} · {times.length ? times.join(', ') : t('field.asNeeded')}
            </Text>
          ))}
        </Stack>
      )}
      {entry.latestAssessments.length > 0 && (
        <Text size="sm" data-testid="last-scores">
          <b>{t('field.lastScores')}:</b>{' '}
          {entry.latestAssessments
            .slice(0, 3)
            .map((a) => `${t(`assess.instruments.${a.instrument}`)} ${summaryOf(a, t)}`)
            .join(' · ')}
        </Text>
      )}
    </Stack>
  );
}
