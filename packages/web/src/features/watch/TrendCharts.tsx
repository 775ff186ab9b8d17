import { type Assessment, defaultBradenBands, esasItems, type Instrument } from '@hearth/domain';
import { LineChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Line {
  y: number;
  label: string;
  color: string;
}

/** One small chart: a series of points over time with its thresholds drawn. */
function Trend({
  title,
  points,
  domain,
  lines,
  testId,
}: {
  title: string;
  points: { at: string; value: number }[];
  domain: [number, number];
  lines: Line[];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Stack gap={4}>
        <Text fw={600}>{title}</Text>
        {points.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('assess.noData')}
          </Text>
        ) : (
          <LineChart
            h={150}
            data={points}
            dataKey="at"
            yAxisProps={{ domain, allowDecimals: false }}
            series={[{ name: 'value', label: title, color: 'hearth.7' }]}
            referenceLines={lines}
            curveType="linear"
            withDots
            withLegend={false}
            connectNulls
          />
        )}
      </Stack>
    </Paper>
  );
}

/** Points of one score over time, oldest first; `pick` returns null when a record lacks it. */
function series(items: Assessment[], instrument: Instrument, pick: (a: Assessment) => unknown, lang: string) {
  const fmt = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'short' });
  return items
    .filter((a) => a.instrument === instrument)
    .sort((a, b) => a.takenAt.localeCompare(b.takenAt))
    .flatMap((a) => {
      const v = pick(a);
      return typeof v === 'number' ? [{ at: fmt.format(new Date(a.takenAt)), value: v }] : [];
    });
}

/**
 * Trends on the patient page (issue 4): each ESAS-r item with the moderate (4) and severe (7)
 * lines (Selby et al. 2010), PPS with the 50 % and 30 % lines (PPSv2: mainly sitting or lying,
 * and totally bed bound), Braden with its risk band limits, and the child's pain scales.
 */
export function TrendCharts({ items, child }: { items: Assessment[]; child: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const nrsLines: Line[] = [
    { y: 7, label: t('assess.lines.severe', { v: 7 }), color: 'red.6' },
    { y: 4, label: t('assess.lines.moderate', { v: 4 }), color: 'orange.5' },
  ];
  const showEsas = !child || items.some((a) => a.instrument === 'esas_r');
  const b = defaultBradenBands;
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('assess.trendsTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {child && (
          <>
            <Trend
              title={t('assess.instruments.flacc')}
              points={series(items, 'flacc', (a) => a.scores.total, lang)}
              domain={[0, 10]}
              lines={nrsLines}
              testId="trend-flacc"
            />
            <Trend
              title={t('assess.instruments.faces')}
              points={series(items, 'faces', (a) => a.scores.score, lang)}
              domain={[0, 10]}
              lines={nrsLines}
              testId="trend-faces"
            />
          </>
        )}
        {showEsas &&
          esasItems.map((item) => (
            <Trend
              key={item}
              title={t(`diary.items.${item}`)}
              points={series(items, 'esas_r', (a) => (a.answers as Record<string, unknown>)[item], lang)}
              domain={[0, 10]}
              lines={nrsLines}
              testId={`trend-esas-${item}`}
            />
          ))}
        <Trend
          title={t('assess.instruments.pps')}
          points={series(items, 'pps', (a) => a.scores.level, lang)}
          domain={[0, 100]}
          lines={[
            { y: 50, label: t('assess.ppsLine', { v: 50 }), color: 'orange.5' },
            { y: 30, label: t('assess.ppsLine', { v: 30 }), color: 'red.6' },
          ]}
          testId="trend-pps"
        />
        <Trend
          title={t('assess.instruments.braden')}
          points={series(items, 'braden', (a) => a.scores.total, lang)}
          domain={[6, 23]}
          lines={[
            {
              y: b.mild,
              label: t('assess.bradenLine', { band: t('assess.risk.mild'), v: b.mild }),
              color: 'yellow.6',
            },
            {
              y: b.moderate,
              label: t('assess.bradenLine', { band: t('assess.risk.moderate'), v: b.moderate }),
              color: 'orange.5',
            },
            {
              y: b.high,
              label: t('assess.bradenLine', { band: t('assess.risk.high'), v: b.high }),
              color: 'red.6',
            },
          ]}
          testId="trend-braden"
        />
      </SimpleGrid>
    </Stack>
  );
}
