import { type ContractInput, settingsRoutes } from '@hearth/domain';
import { Alert, Button, Card, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const settingsKey = ['settings'] as const;
const fields = [
  'roadFactor',
  'speedKmh',
  'tableUrl',
  'tableTimeoutMs',
  'mapTileUrl',
  'mapAttribution',
  'planningSeconds',
  'balanceWeight',
  'overtimeWeight',
] as const;
type Field = (typeof fields)[number];

type SettingsPatch = ContractInput<typeof settingsRoutes.update>['body'];

/**
 * Travel and planning settings (issue 5): the estimate used when no routing service answers
 * (road factor, average speed), an optional OSRM-compatible table service and how long to wait
 * for it, the map tiles under the dispatch board's routes, and the planner's time budget.
 */
export function TravelSettingsCard({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const settings = useQuery({
    queryKey: settingsKey,
    queryFn: () => call(settingsRoutes.get),
  });
  const [v, setV] = useState<Record<Field, string>>(
    () => Object.fromEntries(fields.map((f) => [f, ''])) as never,
  );
  useEffect(() => {
    const s = settings.data;
    if (!s) return;
    setV({
      roadFactor: String(s.travel.roadFactor),
      speedKmh: String(s.travel.speedKmh),
      tableUrl: s.travel.tableUrl ?? '',
      tableTimeoutMs: String(s.travel.tableTimeoutMs),
      mapTileUrl: s.travel.mapTileUrl ?? '',
      mapAttribution: s.travel.mapAttribution,
      planningSeconds: String(s.planningTimeLimitSeconds),
      balanceWeight: String(s.planningBalanceWeight),
      overtimeWeight: String(s.planningOvertimeWeight),
    });
  }, [settings.data]);
  const save = useMutation({
    mutationFn: (body: SettingsPatch) => call(settingsRoutes.update, { body }),
    onSuccess: (s) => qc.setQueryData(settingsKey, s),
  });
  if (!settings.data) return null;
  const input = (f: Field, props: { inputMode?: 'decimal' | 'numeric' | 'url' } = {}) => (
    <TextInput
      {...props}
      label={t(`care.travelSettings.${f}`)}
      description={t(`care.travelSettings.hint.${f}`)}
      value={v[f]}
      readOnly={readOnly}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setV((x) => ({ ...x, [f]: value }));
      }}
    />
  );
  return (
    <Card withBorder data-testid="travel-settings">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            travel: {
              roadFactor: Number(v.roadFactor),
              speedKmh: Number(v.speedKmh),
              tableUrl: v.tableUrl.trim() || null,
              tableTimeoutMs: Number(v.tableTimeoutMs),
              mapTileUrl: v.mapTileUrl.trim() || null,
              mapAttribution: v.mapAttribution.trim(),
            },
            planningTimeLimitSeconds: Number(v.planningSeconds),
            planningBalanceWeight: Number(v.balanceWeight),
            planningOvertimeWeight: Number(v.overtimeWeight),
          });
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h3">
            {t('care.travelSettings.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {input('roadFactor', { inputMode: 'decimal' })}
            {input('speedKmh', { inputMode: 'decimal' })}
            {input('tableUrl', { inputMode: 'url' })}
            {input('tableTimeoutMs', { inputMode: 'numeric' })}
            {input('mapTileUrl', { inputMode: 'url' })}
            {input('mapAttribution')}
            {input('planningSeconds', { inputMode: 'decimal' })}
            {input('balanceWeight', { inputMode: 'decimal' })}
            {input('overtimeWeight', { inputMode: 'decimal' })}
          </SimpleGrid>
          {save.isSuccess && (
            <Alert color="green" role="status">
              {t('settings.saved')}
            </Alert>
          )}
          {save.isError && <ErrorAlert error={save.error} />}
          {!readOnly && (
            <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('common.save')}
            </Button>
          )}
        </Stack>
      </form>
    </Card>
  );
}
