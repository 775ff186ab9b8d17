import { isPortalRole, type OnCallPosition, onCallPositions } from '@hearth/domain';
import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useStaff } from '../staff/staff-api.ts';
import { fromLocalInput, presetTimes, toLocalInput } from './local-time.ts';
import { useAddShift } from './oncall-api.ts';

/** A coordinator (or medical lead) puts someone on the rota, with ready-made day/night/weekend times. */
export function AddShiftForm({ defaultDay }: { defaultDay: Date }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const add = useAddShift();
  const first = presetTimes('day', defaultDay);
  const [userId, setUserId] = useState('');
  const [position, setPosition] = useState<OnCallPosition>('primary');
  const [start, setStart] = useState(toLocalInput(first.start));
  const [end, setEnd] = useState(toLocalInput(first.end));
  const people = (staff.data?.items ?? [])
    .filter((s) => s.status === 'active' && !isPortalRole(s.role))
    // physicians first: clinical alerts go to the person on call
    .sort(
      (a, b) =>
        Number(b.role === 'physician') - Number(a.role === 'physician') || a.name.localeCompare(b.name),
    );
  const choose = (kind: 'day' | 'night' | 'weekend') => {
    const from = new Date(start);
    const times = presetTimes(kind, Number.isNaN(from.getTime()) ? defaultDay : from);
    setStart(toLocalInput(times.start));
    setEnd(toLocalInput(times.end));
  };
  const startsAt = fromLocalInput(start);
  const endsAt = fromLocalInput(end);
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
          <TextInput
            type="datetime-local"
            label={t('oncall.startsAt')}
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
            data-testid="shift-start"
          />
          <TextInput
            type="datetime-local"
            label={t('oncall.endsAt')}
            value={end}
            onChange={(e) => setEnd(e.currentTarget.value)}
            data-testid="shift-end"
          />
        </SimpleGrid>
        <Group gap="xs" role="group" aria-label={t('oncall.preset')}>
          {(['day', 'night', 'weekend'] as const).map((k) => (
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
