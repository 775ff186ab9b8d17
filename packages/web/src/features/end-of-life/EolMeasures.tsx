import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useMeasures } from './eol-api.ts';

const percent = (n: number, of: number) => (of === 0 ? null : Math.round((100 * n) / of));

/**
 * The end-of-life measures of a good service (DOMAIN.md "Measures"; palliative-research.md §6
 * item 16): died in the preferred place, plan in place before death, bereavement workload.
 */
export function EolMeasures() {
  const { t } = useTranslation();
  const measures = useMeasures();
  if (measures.isError) return <ErrorAlert error={measures.error} />;
  const m = measures.data;
  if (!m) return null;
  const share = (n: number, of: number) => {
    const p = percent(n, of);
    return p === null ? t('eol.measures.noData') : `${p}%`;
  };
  const tile = (label: string, value: string | number, detail: string, testId: string) => (
    <Card withBorder data-testid={testId}>
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Text fz={28} fw={700}>
          {value}
        </Text>
        <Text size="sm">{detail}</Text>
      </Stack>
    </Card>
  );
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('eol.measures.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        {tile(t('eol.measures.deaths'), m.deaths, `${m.from} — ${m.to}`, 'measure-deaths')}
        {tile(
          t('eol.measures.preferred'),
          share(m.inPreferredPlace, m.preferredPlaceKnown),
          t('eol.measures.preferredOf', { n: m.inPreferredPlace, of: m.preferredPlaceKnown }),
          'measure-preferred',
        )}
        {tile(
          t('eol.measures.plan'),
          share(m.withPlanBeforeDeath, m.deaths),
          t('eol.measures.planOf', { n: m.withPlanBeforeDeath, of: m.deaths }),
          'measure-plan',
        )}
        {tile(
          t('eol.measures.open'),
          m.openBereavementTasks,
          t('eol.measures.overdue', { n: m.overdueBereavementTasks }),
          'measure-bereavement',
        )}
      </SimpleGrid>
    </Stack>
  );
}
