import { type MeasureDefinition, type MeasureId, type MeasureResult, meetsTarget } from '@hearth/domain';
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CsvButton } from './CsvButton.tsx';
import { categoryLabel, formatFraction, formatTarget, formatValue } from './format.ts';
import { TrendChart } from './TrendChart.tsx';

/** One measure: its value for the period, target, definition, monthly trend, breakdown and lists. */
export function MeasureCard({
  def,
  result,
  from,
  to,
  onDrill,
}: {
  def: MeasureDefinition;
  result: MeasureResult;
  from: string;
  to: string;
  onDrill: (measure: MeasureId, outcome: 'unmet' | 'all') => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const key = (k: string) => `reports.measures.${def.id}.${k}` as 'reports.title';
  const name = t(key('name'));
  const met = meetsTarget(def, result.total.value);
  const unmetKey = `reports.measures.${def.id}.unmet`;
  const hasUnmet = def.kind !== 'count' && i18n.exists(unmetKey);
  const exists = (k: string) => i18n.exists(k);
  const categoryHeader = [
    t('reports.columns.category'),
    t('reports.columns.value'),
    t('reports.columns.fraction'),
  ];
  const categoryRows = result.categories.map((c) => [
    categoryLabel(c.key, t, exists),
    formatValue(def, c.value, t, lang),
    formatFraction(def, c.numerator, c.denominator, t, lang),
  ]);
  return (
    <Paper withBorder p="md" data-testid={`measure-${def.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h5">
            {name}
          </Title>
          {met !== null && (
            <Badge color={met ? 'green' : 'red'} variant="light" tt="none">
              {t(met ? 'reports.targetMet' : 'reports.targetMissed')}
            </Badge>
          )}
        </Group>
        <Group gap="sm" align="baseline">
          <Text fz={28} fw={700} data-testid="measure-value">
            {formatValue(def, result.total.value, t, lang)}
          </Text>
          <Text size="sm">
            {formatFraction(def, result.total.numerator, result.total.denominator, t, lang)}
          </Text>
          {def.target && (
            <Text size="sm" c="dimmed">
              {formatTarget(def, t, lang)}
            </Text>
          )}
        </Group>
        {def.kind === 'duration' && result.total.p90 !== null && (
          <Text size="sm">
            {t('reports.spread', {
              median: formatValue(def, result.total.value, t, lang),
              p90: formatValue(def, result.total.p90, t, lang),
            })}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t(key('definition'))}
        </Text>
        {def.serviceWide && (
          <Text size="xs" c="dimmed">
            {t('reports.serviceWide')}
          </Text>
        )}
        {result.months.length > 0 ? (
          <TrendChart def={def} result={result} from={from} to={to} />
        ) : (
          <Text size="sm">{t('reports.noData')}</Text>
        )}
        {categoryRows.length > 0 && (
          <Stack gap={4}>
            <Group justify="flex-end">
              <CsvButton fileName={`${def.id}-categories`} header={categoryHeader} rows={categoryRows} />
            </Group>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  {categoryHeader.map((h) => (
                    <Table.Th key={h}>{h}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {categoryRows.map((row) => (
                  <Table.Tr key={row[0]}>
                    {row.map((cell, i) => (
                      <Table.Td key={categoryHeader[i]}>{cell}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
        {def.drill !== null && (
          <Group gap="xs" className="no-print">
            {hasUnmet && (
              <Button
                size="sm"
                variant="light"
                color="red"
                onClick={() => onDrill(def.id as MeasureId, 'unmet')}
              >
                {t(unmetKey as 'reports.title')}
              </Button>
            )}
            <Button size="sm" variant="default" onClick={() => onDrill(def.id as MeasureId, 'all')}>
              {t('reports.drill.all')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
