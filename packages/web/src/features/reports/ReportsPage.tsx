import { addMonths, type MeasureId, measureById, measureGroups, type Report } from '@hearth/domain';
import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { todayIso } from '../../format/time.ts';
import { CsvButton } from './CsvButton.tsx';
import { DrillModal } from './DrillModal.tsx';
import { formatFraction, formatTarget, formatValue, monthLabel } from './format.ts';
import { MeasureCard } from './MeasureCard.tsx';
import { type ReportFilters, useReport } from './reports-api.ts';

const ages = ['all', 'adult', 'child'] as const;

/** The filters live in the address, so a report can be bookmarked or sent to a colleague. */
function useFilters(): [ReportFilters, (patch: Partial<ReportFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const age = params.get('age');
  const filters: ReportFilters = {
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    area: params.get('area') ?? undefined,
    age: age === 'adult' || age === 'child' ? age : 'all',
  };
  const set = (patch: Partial<ReportFilters>) => {
    const next = { ...filters, ...patch };
    const entries = Object.entries(next).filter(([k, v]) => v !== undefined && !(k === 'age' && v === 'all'));
    setParams(new URLSearchParams(entries as [string, string][]), { replace: true });
  };
  return [filters, set];
}

/**
 * The Reports area (issue 18): every quality measure by group, for the administrator and the
 * coordinators' and medical leads, with trends, breakdowns, CSV and the lists behind each figure.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('reports.title'));
  const [filters, setFilters] = useFilters();
  const report = useReport(filters);
  const [drill, setDrill] = useState<{ measure: MeasureId; outcome: 'unmet' | 'all' } | null>(null);
  const lang = i18n.language;
  const r = report.data;
  // this month on the service's calendar, which can already be the next one while UTC is not
  const current = todayIso().slice(0, 7);
  const months = Array.from({ length: 37 }, (_, i) => addMonths(current, -i)).map((m) => ({
    value: m,
    label: monthLabel(m, lang),
  }));
  const printQuery = new URLSearchParams({
    age: filters.age,
    ...(filters.area ? { area: filters.area } : {}),
  }).toString();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('reports.title')}</Title>
          <Text c="dimmed" maw={720}>
            {t('reports.intro')}
          </Text>
        </Stack>
        {r && (
          <Button
            component={Link}
            // the board reads a finished month: the current one only when the period ends earlier
            to={`/print/reports/${r.to < current ? r.to : addMonths(current, -1)}?${printQuery}`}
            data-testid="print-monthly"
          >
            {t('reports.print')}
          </Button>
        )}
      </Group>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group align="flex-end" gap="md">
            <Select
              label={t('reports.filters.from')}
              data={months}
              value={r?.from ?? filters.from ?? null}
              onChange={(v) => v && setFilters({ from: v })}
              allowDeselect={false}
              w={190}
            />
            <Select
              label={t('reports.filters.to')}
              data={months}
              value={r?.to ?? filters.to ?? null}
              onChange={(v) => v && setFilters({ to: v })}
              allowDeselect={false}
              w={190}
            />
            <Select
              label={t('reports.filters.area')}
              data={[
                { value: '', label: t('reports.filters.allAreas') },
                ...(r?.areas ?? []).map((a) => ({ value: a, label: a })),
              ]}
              value={filters.area ?? ''}
              onChange={(v) => setFilters({ area: v || undefined })}
              allowDeselect={false}
              w={220}
            />
            <Stack gap={2}>
              <Text size="sm" fw={500} id="reports-age-label">
                {t('reports.filters.age')}
              </Text>
              <SegmentedControl
                aria-labelledby="reports-age-label"
                value={filters.age}
                onChange={(v) => setFilters({ age: ages.find((a) => a === v) ?? 'all' })}
                data={ages.map((a) => ({ value: a, label: t(`reports.filters.${a}`) }))}
              />
            </Stack>
          </Group>
          <Text size="sm" c="dimmed">
            {t('reports.filters.teams')}
          </Text>
        </Stack>
      </Paper>
      {report.isPending && <PageLoader />}
      {report.isError && <ErrorAlert error={report.error} />}
      {r && (
        <Groups report={r} filters={filters} onDrill={(measure, outcome) => setDrill({ measure, outcome })} />
      )}
      {drill && r && (
        <DrillModal
          measure={drill.measure}
          outcome={drill.outcome}
          filters={{ ...filters, from: r.from, to: r.to }}
          onClose={() => setDrill(null)}
        />
      )}
    </Stack>
  );
}

function Groups({
  report,
  filters,
  onDrill,
}: {
  report: Report;
  filters: ReportFilters;
  onDrill: (measure: MeasureId, outcome: 'unmet' | 'all') => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const header = [
    t('reports.columns.measure'),
    t('reports.columns.value'),
    t('reports.columns.fraction'),
    t('reports.columns.target'),
  ];
  return (
    <>
      {filters.age !== 'all' && (
        <Alert color="blue" variant="light">
          {t('reports.filters.age')}: {t(`reports.filters.${filters.age}`)}
        </Alert>
      )}
      {measureGroups.map((group) => {
        const results = report.measures.filter((m) => m.group === group);
        const rows = results.map((m) => {
          const def = measureById(m.id);
          return [
            t(`reports.measures.${m.id}.name` as 'reports.title'),
            formatValue(def, m.total.value, t, lang),
            formatFraction(def, m.total.numerator, m.total.denominator, t, lang),
            formatTarget(def, t, lang),
          ];
        });
        return (
          <Stack key={group} gap="sm" component="section" aria-labelledby={`group-${group}`}>
            <Group justify="space-between">
              <Title order={2} id={`group-${group}`}>
                {t(`reports.groups.${group}`)}
              </Title>
              <CsvButton
                fileName={`report-${group}-${report.from}-${report.to}`}
                header={[
                  t('reports.columns.measure'),
                  t('reports.columns.value'),
                  t('reports.columns.numerator'),
                  t('reports.columns.denominator'),
                  t('reports.columns.target'),
                  t('reports.columns.month'),
                ]}
                rows={results.flatMap((m) => {
                  const def = measureById(m.id);
                  const name = t(`reports.measures.${m.id}.name` as 'reports.title');
                  return [
                    [
                      name,
                      m.total.value,
                      m.total.numerator,
                      m.total.denominator,
                      def.target?.value ?? null,
                      `${report.from}..${report.to}`,
                    ],
                    ...m.months.map((mo) => [
                      name,
                      mo.value,
                      mo.numerator,
                      mo.denominator,
                      def.target?.value ?? null,
                      mo.month,
                    ]),
                  ];
                })}
              />
            </Group>
            <Table.ScrollContainer minWidth={480}>
              <Table striped withTableBorder data-testid={`group-table-${group}`}>
                <Table.Thead>
                  <Table.Tr>
                    {header.map((h) => (
                      <Table.Th key={h}>{h}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row[0]}>
                      {row.map((cell, i) => (
                        <Table.Td key={header[i]}>{cell}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              {results.map((m) => (
                <MeasureCard
                  key={m.id}
                  def={measureById(m.id)}
                  result={m}
                  from={report.from}
                  to={report.to}
                  onDrill={onDrill}
                />
              ))}
            </SimpleGrid>
          </Stack>
        );
      })}
    </>
  );
}
