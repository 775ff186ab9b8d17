import type { CarePlanVersion } from '@hearth/domain';
import { Accordion, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../format/time.ts';
import { useCarePlanVersions } from './care-api.ts';

/** What changed from one version to the next, in a few words (the full content is below it). */
function changedParts(v: CarePlanVersion, before: CarePlanVersion | undefined): string[] {
  if (!before) return ['first'];
  const a = before.content;
  const b = v.content;
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  return [
    !same(a.items, b.items) && 'items',
    !same(a.frequencies, b.frequencies) && 'frequencies',
    !same(a.preferredTimes, b.preferredTimes) && 'preferredTimes',
    a.keyWorkerId !== b.keyWorkerId && 'keyWorker',
    a.reviewDate !== b.reviewDate && 'reviewDate',
    a.phase !== b.phase && 'phase',
  ].filter((x): x is string => typeof x === 'string');
}

/** Every version of the care plan, newest first: who changed it, when, why and what. */
export function CarePlanHistory({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const versions = useCarePlanVersions(patientId);
  if (versions.isError) return <ErrorAlert error={versions.error} />;
  const list = versions.data ?? [];
  return (
    <Accordion variant="separated" data-testid="care-plan-history">
      {[...list]
        .sort((a, b) => b.version - a.version)
        .map((v) => {
          const before = list.find((x) => x.version === v.version - 1);
          return (
            <Accordion.Item key={v.id} value={v.id} data-testid="care-plan-version">
              <Accordion.Control>
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    {t('care.plan.version', {
                      version: v.version,
                      who: v.changedByName,
                      when: formatDateTime(v.changedAt, i18n.language),
                    })}
                  </Text>
                  <Text size="sm">{t('care.plan.why', { reason: v.reason })}</Text>
                  <Group gap={4}>
                    {v.meetingId && (
                      <Badge size="sm" variant="light" color="grape" tt="none">
                        {t('care.history.fromMeeting')}
                      </Badge>
                    )}
                    {changedParts(v, before).map((p) => (
                      <Badge key={p} size="sm" variant="outline" tt="none">
                        {t(`care.history.changed.${p}` as 'care.history.changed.items')}
                      </Badge>
                    ))}
                  </Group>
                </Stack>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap={4}>
                  <Text size="sm">
                    {t('care.plan.phase')}: {t(`care.phases.${v.content.phase}`)} ·{' '}
                    {t('care.plan.reviewDate')}: {v.content.reviewDate}
                  </Text>
                  <Text size="sm">
                    {t('care.plan.preferredTimes')}:{' '}
                    {v.content.preferredTimes
                      ? `${v.content.preferredTimes.from}–${v.content.preferredTimes.to}`
                      : t('care.plan.anyTime')}
                  </Text>
                  <Text size="sm">
                    {v.content.frequencies
                      .map(
                        (f) =>
                          `${t(`care.disciplines.${f.discipline}`)}: ${
                            f.mode === 'weekly'
                              ? t('care.plan.weekly', { count: f.timesPerWeek })
                              : f.mode === 'interval'
                                ? t('care.plan.interval', { count: f.everyDays })
                                : t('care.plan.as_needed')
                          }`,
                      )
                      .join(' · ')}
                  </Text>
                  {v.content.items.map((it) => (
                    <Text key={`${it.discipline}${it.problem}`} size="sm">
                      {t(`care.disciplines.${it.discipline}`)}: {it.problem} → {it.goal}
                      {it.interventions.length > 0 ? ` (${it.interventions.join('; ')})` : ''}
                    </Text>
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
    </Accordion>
  );
}
