import {
  isPortalRole,
  type OnCallPosition,
  onCallPositions,
  type ShiftPresetKind,
  shiftPreset,
  shiftPresetKinds,
} from '@hearth/domain';
import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgTimeZone } from '../../auth/use-org-time-zone.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrgDateTimeInput } from '../../components/OrgDateTimeInput.tsx';
import { useStaff } from '../staff/staff-api.ts';
import { useAddShift } from './oncall-api.ts';

/** A coordinator (or medical lead) puts someone on the rota, with ready-made day/night/weekend times. */
export function AddShiftForm({ defaultDay }: { defaultDay: Date }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const add = useAddShift();
  const timeZone = useOrgTimeZone();
  const [userId, setUserId] = useState('');
  const [position, setPosition] = useState<OnCallPosition>('primary');
  // start and end are ISO instants; the presets fall on the service's clock, not the browser's
  const [times, setTimes] = useState(() => {
    const first = shiftPreset('day', defaultDay, timeZone);
    return { startsAt: first.startsAt.toISOString(), endsAt: first.endsAt.toISOString() };
  });
  const people = (staff.data?.items ?? [])
    .filter((s) => s.status === 'active' && !isPortalRole(s.role))
    // physicians first: clinical alerts go to the person on call
    .sort(
      (a, b) =>
        Number(b.role === 'physician') - Number(a.role === 'physician') || a.name.localeCompare(b.name),
    );
  const choose = (kind: ShiftPresetKind) => {
    const preset = shiftPreset(kind, times.startsAt ? new Date(times.startsAt) : defaultDay, timeZone);
    setTimes({ startsAt: preset.startsAt.toISOString(), endsAt: preset.endsAt.toISOString() });
  };
  const { startsAt, endsAt } = times;
  return (
    <Card withBorder component="section" data-testid="add-shift">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('oncall.addTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('oncall.person')}
            value={userId}
            onChange={(e) => setUserId(e.currentTarget.value)}
            data={[
              { value: '', label: '—' },
              ...people.map((p) => ({ value: p.id, label: `${p.name} (${t(`roles.${p.role}`)})` })),
            ]}
            data-testid="shift-person"
          />
          <NativeSelect
            label={t('oncall.positionLabel')}
            value={position}
            onChange={(e) => setPosition(e.currentTarget.value as OnCallPosition)}
            data={onCallPositions.map((p) => ({ value: p, label: t(`oncall.position.${p}`) }))}
            data-testid="shift-position"
          />
          <OrgDateTimeInput
            label={t('oncall.startsAt')}
            value={startsAt}
            onChange={(at) => setTimes((old) => ({ ...old, startsAt: at }))}
            data-testid="shift-start"
          />
          <OrgDateTimeInput
            label={t('oncall.endsAt')}
            value={endsAt}
            onChange={(at) => setTimes((old) => ({ ...old, endsAt: at }))}
            data-testid="shift-end"
          />
        </SimpleGrid>
        <Group gap="xs" role="group" aria-label={t('oncall.preset')}>
          {shiftPresetKinds.map((k) => (
            <Button key={k} variant="light" onClick={() => choose(k)} data-testid={`preset-${k}`}>
              {t(`oncall.presets.${k}`)}
            </Button>
          ))}
        </Group>
        {add.isError && <ErrorAlert error={add.error} />}
        <Button
          style={{ alignSelf: 'flex-start' }}
          disabled={!userId || !startsAt || !endsAt}
          loading={add.isPending}
          data-testid="shift-add"
          onClick={() => startsAt && endsAt && add.mutate({ userId, startsAt, endsAt, position })}
        >
          {t('oncall.add')}
        </Button>
      </Stack>
    </Card>
  );
}
