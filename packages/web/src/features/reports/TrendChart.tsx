import { type MeasureDefinition, type MeasureResult, monthsBetween } from '@hearth/domain';
import { LineChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { chartNumber, formatTarget, monthLabel } from './format.ts';

/**
 * The measure month by month with its target drawn as a line (Mantine charts, as the patient
 * page's symptom trends). Months without items stay gaps rather than zeros.
 */
export function TrendChart({
  def,
  result,
  from,
  to,
}: {
  def: MeasureDefinition;
  result: MeasureResult;
  from: string;
  to: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const byMonth = new Map(result.months.map((m) => [m.month, m.value]));
  const data = monthsBetween(from, to).map((m) => ({
    month: monthLabel(m, lang, true),
    value: chartNumber(def, byMonth.get(m) ?? null),
  }));
  const target = chartNumber(def, def.target?.value ?? null);
  return (
    <LineChart
      h={140}
      data={data}
      dataKey="month"
      series={[
        { name: 'value', label: t(`reports.measures.${def.id}.name` as 'reports.title'), color: 'hearth.7' },
      ]}
      referenceLines={
        target === null ? [] : [{ y: target, label: formatTarget(def, t, lang), color: 'red.6' }]
      }
      yAxisProps={def.kind === 'rate' ? { domain: [0, 100] } : {}}
      unit={def.kind === 'rate' ? '%' : undefined}
      curveType="linear"
      withDots
      withLegend={false}
      connectNulls={false}
    />
  );
}
