import { type DoseUnit, type MedicineRoute, omeFactors, opioidSources } from '@hearth/domain';
import { Alert, Anchor, Button, Card, Group, List, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { round } from './checks.tsx';
import { useMedicineLabels } from './labels.ts';
import { useConvert } from './medicines-api.ts';

/** Every opioid and route with a published factor, plus methadone (which is refused with a warning). */
const pairs = omeFactors.map((f) => ({ value: `${f.medicineId}|${f.route}`, basis: f.basis }));

interface Row {
  id: number;
  pair: string;
  dose: number | '';
  unit: DoseUnit;
}

/** The physician's opioid calculator: arithmetic and sources, never a prescription. */
export function CalculatorTab() {
  const { t } = useTranslation();
  const L = useMedicineLabels();
  const convert = useConvert();
  const [rows, setRows] = useState<Row[]>([{ id: 0, pair: 'morphine|oral', dose: 60, unit: 'mg' }]);
  const [to, setTo] = useState('oxycodone|oral');
  const label = (v: string) => {
    const [medicineId = '', route = ''] = v.split('|');
    return `${L.medicine(medicineId)} · ${L.route(route)}`;
  };
  const data = pairs.map((p) => ({ value: p.value, label: label(p.value) }));
  const r = convert.data;
  const srcName = (s: string) =>
    t(`medicines.sources.${s}` as 'medicines.sources.cdc2022', { defaultValue: s });
  const run = () => {
    const [toMed, toRoute] = to.split('|') as [string, MedicineRoute];
    convert.mutate({
      from: rows
        .filter((x) => x.dose !== '')
        .map((x) => {
          const [medicineId, route] = x.pair.split('|') as [string, MedicineRoute];
          return { medicineId, route, dose24h: Number(x.dose), unit: x.unit };
        }),
      to: { medicineId: toMed, route: toRoute },
    });
  };
  return (
    <Stack gap="md">
      <Text>{t('medicines.calc.lead')}</Text>
      <Text fw={600}>{t('medicines.calc.from')}</Text>
      {rows.map((row, k) => (
        <Group key={row.id} grow>
          <Select
            data={data}
            value={row.pair}
            searchable
            allowDeselect={false}
            onChange={(v) => {
              if (!v) return;
              const basis = pairs.find((p) => p.value === v)?.basis;
              setRows(
                rows.map((x, i) =>
                  i === k ? { ...x, pair: v, unit: basis === 'mcg/h' ? 'mcg/h' : 'mg' } : x,
                ),
              );
            }}
          />
          <NumberInput
            aria-label={t('medicines.calc.dose24h')}
            placeholder={t('medicines.calc.dose24h')}
            value={row.dose}
            min={0}
            decimalScale={3}
            onChange={(v) =>
              setRows(rows.map((x, i) => (i === k ? { ...x, dose: v === '' ? '' : Number(v) } : x)))
            }
          />
          <Select
            aria-label={t('medicines.fields.unit')}
            data={(['mg', 'mcg', 'mcg/h'] as const).map((u) => ({ value: u, label: L.unit(u) }))}
            value={row.unit}
            allowDeselect={false}
            onChange={(v) => v && setRows(rows.map((x, i) => (i === k ? { ...x, unit: v as DoseUnit } : x)))}
          />
        </Group>
      ))}
      <Button
        variant="subtle"
        onClick={() =>
          setRows([
            ...rows,
            {
              id: rows.length ? Math.max(...rows.map((x) => x.id)) + 1 : 0,
              pair: 'morphine|sc',
              dose: '',
              unit: 'mg',
            },
          ])
        }
        style={{ alignSelf: 'flex-start' }}
      >
        {t('medicines.calc.addRow')}
      </Button>
      <Select
        label={t('medicines.calc.to')}
        data={data}
        value={to}
        onChange={(v) => v && setTo(v)}
        searchable
        allowDeselect={false}
      />
      <Button
        onClick={run}
        loading={convert.isPending}
        style={{ alignSelf: 'flex-start' }}
        data-testid="calc-run"
      >
        {t('medicines.calc.convert')}
      </Button>
      {convert.isError && <ErrorAlert error={convert.error} />}
      {r && (
        <Card withBorder data-testid="calc-result">
          <Stack gap="xs">
            {r.warnings.map((w) => (
              <Alert key={w} color={w === 'methadone' ? 'red' : 'orange'} variant="light">
                {t(`medicines.calc.warnings.${w}` as 'medicines.calc.warnings.methadone', {
                  defaultValue: w,
                })}
              </Alert>
            ))}
            {r.equianalgesic && (
              <Text fw={700}>
                {t('medicines.calc.equianalgesic', {
                  low: round(r.equianalgesic.low),
                  high: round(r.equianalgesic.high),
                  ref: round(r.equianalgesic.reference),
                  unit: L.unit(r.target.unit),
                })}
              </Text>
            )}
            {r.ok &&
              (r.reduced ? (
                <Text fw={700}>
                  {t('medicines.calc.reduced', {
                    at50: round(r.reduced.at50),
                    at25: round(r.reduced.at25),
                    unit: L.unit(r.target.unit),
                  })}
                </Text>
              ) : (
                <Text>{t('medicines.calc.noReduction')}</Text>
              ))}
            {r.breakthrough && (
              <Text>
                {t('medicines.calc.breakthrough', {
                  low: round(r.breakthrough.low),
                  high: round(r.breakthrough.high),
                  medicine: L.medicine(r.breakthrough.medicineId),
                  route: L.route(r.breakthrough.route),
                })}
              </Text>
            )}
            {r.patchBands && (
              <Text>
                {t('medicines.calc.bands', {
                  uk: r.patchBands.uk?.mcgPerHour ?? '—',
                  man: r.patchBands.manufacturer?.mcgPerHour ?? '—',
                })}
              </Text>
            )}
            {r.steps.length > 0 && (
              <>
                <Text fw={600}>{t('medicines.calc.steps')}</Text>
                <List size="sm">
                  {r.steps.map((s) => (
                    <List.Item key={`${s.key}${s.expression}`}>
                      {t(`medicines.calc.stepKeys.${s.key}` as 'medicines.calc.stepKeys.ome-line', {
                        defaultValue: s.key,
                      })}
                      {s.medicineId ? ` (${L.medicine(s.medicineId)}, ${L.route(s.route ?? '')})` : ''}:{' '}
                      <code>{L.arithmetic(s.expression)}</code>{' '}
                      {s.sources.length > 0 && `(${s.sources.map(srcName).join(', ')})`}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
            <List size="xs">
              {Object.entries(opioidSources).map(([k, v]) => (
                <List.Item key={k}>
                  <Anchor href={v.url} target="_blank" rel="noreferrer">
                    {v.label}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
