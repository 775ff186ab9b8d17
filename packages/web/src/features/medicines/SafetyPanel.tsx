import type { SafetyProblemDto, SafetyResultDto } from '@hearth/domain';
import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMedicineLabels } from './labels.ts';

/**
 * The medication safety check's answer for a draft (issue 12): blocks first, then what needs
 * confirming, then notes, each in the reader's language with its source.
 */
export function SafetyPanel({ safety }: { safety: SafetyResultDto }) {
  const { t } = useTranslation();
  const problems = [...safety.blocking, ...safety.warnings];
  return (
    <Stack gap="xs" data-testid="safety-check">
      <Group gap="xs">
        <Text fw={700}>{t('medsafety.title')}</Text>
        <Badge variant="light" color={safety.tolerance === 'tolerant' ? 'blue' : 'gray'}>
          {t(`medsafety.tolerance.${safety.tolerance}`)}
        </Badge>
      </Group>
      {problems.length === 0 && <Text>{t('medsafety.none')}</Text>}
      {problems.map((p) => (
        <ProblemLine
          key={`${p.code}-${p.items.join()}-${JSON.stringify(p.params)}`}
          problem={p}
          sources={safety.sources}
        />
      ))}
    </Stack>
  );
}

function ProblemLine({
  problem: p,
  sources,
}: {
  problem: SafetyProblemDto;
  sources: SafetyResultDto['sources'];
}) {
  const { t } = useTranslation();
  const L = useMedicineLabels();
  const params = {
    ...p.params,
    unit: typeof p.params.unit === 'string' ? L.unit(p.params.unit) : '',
    expected: typeof p.params.expected === 'string' ? L.unit(p.params.expected) : '',
  };
  const color = p.level === 'block' ? 'red' : p.level === 'confirm' ? 'orange' : 'gray';
  return (
    <Alert
      color={color}
      variant="light"
      data-testid={`safety-${p.code}`}
      title={t(`medsafety.levels.${p.level}`)}
    >
      <Text size="sm">
        {t(`medsafety.problems.${p.code}`, params)}
        {p.params.perKg !== undefined ? ` ${t('medsafety.perKg', params)}` : ''}
      </Text>
      <Text size="xs" c="dimmed">
        {t('medsafety.source', { label: sources[p.source]?.label ?? p.source })}
      </Text>
    </Alert>
  );
}
