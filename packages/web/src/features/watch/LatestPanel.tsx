import type { Assessment, Instrument } from '@hearth/domain';
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/time.ts';
import { bandColor, bandOf, summaryOf } from './assessment-summary.ts';

/** The latest record of each instrument: score and band, who and when (issue 4 "latest" panel). */
export function LatestPanel({ items, order }: { items: Assessment[]; order: Instrument[] }) {
  const { t, i18n } = useTranslation();
  const latest = order.flatMap((instrument) => {
    const last = items
      .filter((a) => a.instrument === instrument)
      .reduce<Assessment | null>((best, a) => (!best || a.takenAt > best.takenAt ? a : best), null);
    return last ? [last] : [];
  });
  return (
    <Stack gap="sm" data-testid="latest-panel">
      <Title order={3} size="h4">
        {t('assess.latestTitle')}
      </Title>
      {latest.length === 0 ? (
        <Text>{t('assess.noAssessments')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {latest.map((a) => {
            const band = bandOf(a);
            return (
              <Paper key={a.instrument} withBorder p="sm" data-testid={`latest-${a.instrument}`}>
                <Stack gap={4}>
                  <Group justify="space-between" gap="xs">
                    <Text fw={600}>{t(`assess.instruments.${a.instrument}`)}</Text>
                    {band && (
                      <Badge
                        color={bandColor(band)}
                        variant="light"
                        tt="none"
                        style={{ flexShrink: 0, maxWidth: 'none' }}
                      >
                        {a.instrument === 'braden'
                          ? t(`assess.risk.${band}` as 'assess.risk.none')
                          : a.instrument === 'pps'
                            ? summaryOf(a, t)
                            : a.instrument === 'mcsi' || a.instrument === 'zbi12'
                              ? t('assess.summary.outOf', {
                                  total: a.scores.total,
                                  max: a.instrument === 'mcsi' ? 26 : 48,
                                })
                              : t(`assess.bands.${band}` as 'assess.bands.none')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="lg">{summaryOf(a, t)}</Text>
                  <Text size="sm" c="dimmed">
                    {t('assess.by', {
                      name: a.recordedByName,
                      when: formatDateTime(a.takenAt, i18n.language),
                    })}
                    {a.source === 'family' ? ` · ${t('assess.family')}` : ''}
                  </Text>
                </Stack>
              </Paper>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}
