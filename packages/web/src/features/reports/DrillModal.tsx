import { type MeasureDefinition, type MeasureId, measureById } from '@hearth/domain';
import { Anchor, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { formatDay } from '../../format/time.ts';
import { CsvButton } from './CsvButton.tsx';
import { categoryLabel, formatValue } from './format.ts';
import { type ReportFilters, useDrill } from './reports-api.ts';

const itemValue = (
  def: MeasureDefinition,
  v: number | null,
  t: Parameters<typeof formatValue>[2],
  lang: string,
) => (v === null || def.kind === 'rate' || def.kind === 'count' ? '' : formatValue(def, v, t, lang));

/** The requests or patients behind a measure, with links to open each; the server audits the list. */
export function DrillModal({
  measure,
  filters,
  outcome,
  onClose,
}: {
  measure: MeasureId;
  filters: ReportFilters;
  outcome: 'unmet' | 'all';
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const def = measureById(measure);
  const drill = useDrill(measure, filters, outcome);
  const items = drill.data?.pages.flatMap((p) => p.items) ?? [];
  const name = t(`reports.measures.${measure}.name` as 'reports.title');
  const title = t(outcome === 'unmet' ? 'reports.drill.titleUnmet' : 'reports.drill.titleAll', {
    measure: name,
  });
  const exists = (k: string) => i18n.exists(k);
  const rows = items.map((i) => [
    i.label,
    formatDay(i.day, lang),
    categoryLabel(i.category, t, exists),
    itemValue(def, i.value, t, lang),
    i.met === null ? '' : t(i.met ? 'reports.yes' : 'reports.no'),
  ]);
  const header = [
    t('reports.columns.name'),
    t('reports.columns.date'),
    t('reports.columns.category'),
    t('reports.columns.value'),
    t('reports.columns.met'),
  ];
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="xl"
      closeButtonProps={{ 'aria-label': t('reports.drill.close') }}
    >
      <Stack gap="sm" data-testid="drill-list">
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('reports.drill.audited')}
          </Text>
          <CsvButton fileName={`${measure}-${outcome}`} header={header} rows={rows} />
        </Group>
        {drill.isPending && <PageLoader />}
        {drill.isError && <ErrorAlert error={drill.error} />}
        {drill.isSuccess && items.length === 0 && <Text>{t('reports.drill.empty')}</Text>}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={520}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  {header.map((h) => (
                    <Table.Th key={h}>{h}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item, n) => (
                  <Table.Tr key={`${item.id}${item.at}`}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={
                          item.subject === 'request'
                            ? `/app/requests/${item.id}`
                            : `/app/patients/${item.patientId ?? item.id}`
                        }
                      >
                        {item.label}
                      </Anchor>
                    </Table.Td>
                    {rows[n]?.slice(1).map((cell, c) => (
                      <Table.Td key={header[c + 1]}>{cell}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {drill.hasNextPage && (
          <Button variant="light" onClick={() => drill.fetchNextPage()} loading={drill.isFetchingNextPage}>
            {t('reports.drill.more')}
          </Button>
        )}
      </Stack>
    </Modal>
  );
}
