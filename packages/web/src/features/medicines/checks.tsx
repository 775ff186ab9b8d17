import type { RegimenReviewDto } from '@hearth/domain';
import { Alert, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMedicineLabels } from './labels.ts';

export const round = (x: number) => Math.round(x * 10) / 10;
/** "60" when both ends agree, "110–120" when sources disagree. */
export const span = (low: number, high: number) =>
  round(low) === round(high) ? String(round(low)) : `${round(low)}–${round(high)}`;

/** The regimen checks and OME totals, each factor with its sources. */
export function ChecksPanel({ review, names }: { review: RegimenReviewDto; names: Record<string, string> }) {
  const { t } = useTranslation();
  const L = useMedicineLabels();
  // issue 12: a total that leaves an opioid out (methadone, free text) is said to be incomplete, never "0"
  const omeText = (o: RegimenReviewDto['baselineOme']) =>
    o.incomplete
      ? o.total.high > 0
        ? `≥ ${span(o.total.low, o.total.high)} ${L.unit('mg')} — ${t('medsafety.omeIncomplete')}`
        : t('medsafety.omeIncomplete')
      : `${span(o.total.low, o.total.high)} ${L.unit('mg')}`;
  const srcList = (sources: { source: string; low: number; high: number }[]) =>
    sources
      .map(
        (s) =>
          `${t(`medicines.sources.${s.source}` as 'medicines.sources.cdc2022', { defaultValue: s.source })} ${
            s.low === s.high ? round(s.low) : `${round(s.low)}–${round(s.high)}`
          }`,
      )
      .join('; ');
  return (
    <Stack gap="xs" data-testid="regimen-checks">
      <Text fw={700}>{t('medicines.checks.title')}</Text>
      {review.warnings.length === 0 && <Text>{t('medicines.checks.ok')}</Text>}
      {review.warnings.map((w) => (
        <Alert
          key={`${w.code}${w.allergy ?? ''}`}
          color={w.code === 'allergy' || w.code === 'two-long-acting-opioids' ? 'red' : 'orange'}
          variant="light"
        >
          {t(`medicines.checks.${w.code}`, { allergy: w.allergy ?? '' })}{' '}
          {w.items
            .map((id) => names[id] ?? '')
            .filter(Boolean)
            .join(', ')}
        </Alert>
      ))}
      <Text data-testid="ome-baseline">
        {t('medicines.checks.baseline', { range: omeText(review.baselineOme) })}
      </Text>
      <Text>{t('medicines.checks.maximum', { range: omeText(review.maximumOme) })}</Text>
      <List size="sm">
        {review.maximumOme.lines.map((l) => (
          <List.Item key={`${l.medicineId}-${l.route}-${l.dose24h}`}>
            {t('medicines.checks.line', {
              medicine: L.medicine(l.medicineId),
              route: L.route(l.route),
              dose: round(l.dose24h),
              unit: L.unit(l.unit),
              ome: l.ome ? `${span(l.ome.low, l.ome.high)} ${L.unit('mg')}` : t('medsafety.lineIncomplete'),
            })}
            . {t('medicines.checks.factorSources', { list: srcList(l.sources) })}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
