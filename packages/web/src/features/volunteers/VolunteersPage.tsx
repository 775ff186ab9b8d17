import {
  type VolunteerStatus,
  volunteerBodySchema,
  volunteerSkills,
  volunteerStatuses,
} from '@hearth/domain';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Chip,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { VolunteersNav } from './VolunteersNav.tsx';
import { useCreateVolunteer, useVolunteers } from './volunteers-api.ts';

export const statusColor: Record<VolunteerStatus, string> = {
  applicant: 'gray',
  screened: 'blue',
  trained: 'cyan',
  active: 'green',
  paused: 'orange',
  left: 'dark',
};

const empty = {
  name: '',
  phone: '',
  address: '',
  lat: '53.9' as string | number,
  lon: '27.56' as string | number,
  maxDistanceKm: 25 as string | number,
  languages: 'ru',
  skills: [] as string[],
  days: [] as string[],
  from: '10:00',
  to: '18:00',
};

export function VolunteersPage() {
  const { t } = useTranslation();
  usePageTitle(t('vol.title'));
  const can = useCan();
  const [status, setStatus] = useState<VolunteerStatus | 'all'>('all');
  const list = useVolunteers(status);
  const create = useCreateVolunteer();
  const navigate = useNavigate();
  const form = useForm(empty);
  const errorText = useErrorText(form.errors, 'vol.fieldErrors');
  const [open, setOpen] = useState(false);
  const v = form.values;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(volunteerBodySchema, {
      name: v.name,
      phone: v.phone,
      address: v.address,
      home: { lat: Number(v.lat), lon: Number(v.lon) },
      maxDistanceKm: Number(v.maxDistanceKm),
      languages: v.languages
        .split(/[ ,]+/)
        .map((s) => s.trim())
        .filter(Boolean),
      skills: v.skills,
      availability: v.days.map((d) => ({ weekday: Number(d), from: v.from, to: v.to })),
    });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (created) => navigate(`/app/volunteers/${created.id}`),
      onError: (err) => form.takeServerErrors(err),
    });
  };

  return (
    <Stack gap="lg">
      <Title order={1}>{t('vol.title')}</Title>
      <VolunteersNav />
      <Group justify="space-between">
        <NativeSelect
          label={t('vol.filterStatus')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as VolunteerStatus | 'all')}
          data={[
            { value: 'all', label: t('vol.allStatuses') },
            ...volunteerStatuses.map((s) => ({ value: s, label: t(`vol.status.${s}`) })),
          ]}
        />
        {can('volunteer:manage') && !open && <Button onClick={() => setOpen(true)}>{t('vol.add')}</Button>}
      </Group>
      {open && (
        <Card withBorder>
          <form onSubmit={onSubmit} noValidate aria-label={t('vol.add')}>
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('vol.add')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label={t('vol.fields.name')}
                  withAsterisk
                  value={v.name}
                  onChange={(e) => form.set('name', e.currentTarget.value)}
                  error={errorText('name')}
                />
                <TextInput
                  type="tel"
                  label={t('vol.fields.phone')}
                  withAsterisk
                  value={v.phone}
                  onChange={(e) => form.set('phone', e.currentTarget.value)}
                  error={errorText('phone')}
                />
                <TextInput
                  label={t('vol.fields.languages')}
                  description={t('vol.fields.languagesHint')}
                  value={v.languages}
                  onChange={(e) => form.set('languages', e.currentTarget.value)}
                  error={errorText('languages')}
                />
                <TextInput
                  label={t('vol.fields.address')}
                  withAsterisk
                  value={v.address}
                  onChange={(e) => form.set('address', e.currentTarget.value)}
                  error={errorText('address')}
                />
                <Group grow>
                  <NumberInput
                    label={t('vol.fields.lat')}
                    decimalScale={5}
                    value={v.lat}
                    onChange={(x) => form.set('lat', x)}
                    error={errorText('home.lat')}
                  />
                  <NumberInput
                    label={t('vol.fields.lon')}
                    decimalScale={5}
                    value={v.lon}
                    onChange={(x) => form.set('lon', x)}
                    error={errorText('home.lon')}
                  />
                </Group>
                <NumberInput
                  label={t('vol.fields.maxDistanceKm')}
                  value={v.maxDistanceKm}
                  onChange={(x) => form.set('maxDistanceKm', x)}
                  error={errorText('maxDistanceKm')}
                />
              </SimpleGrid>
              <Chip.Group multiple value={v.skills} onChange={(x) => form.set('skills', x)}>
                <Group gap="xs" aria-label={t('vol.fields.skills')}>
                  {volunteerSkills.map((s) => (
                    <Chip key={s} value={s} size="sm">
                      {t(`vol.skill.${s}`)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
              <Group align="flex-end">
                <Chip.Group multiple value={v.days} onChange={(x) => form.set('days', x)}>
                  <Group gap={4} aria-label={t('vol.fields.availability')}>
                    {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                      <Chip key={d} value={String(d)} size="sm">
                        {t(`vol.weekday.d${d as 1 | 2 | 3 | 4 | 5 | 6 | 7}`)}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
                <TextInput
                  type="time"
                  label={t('vol.fields.from')}
                  value={v.from}
                  onChange={(e) => form.set('from', e.currentTarget.value)}
                />
                <TextInput
                  type="time"
                  label={t('vol.fields.to')}
                  value={v.to}
                  onChange={(e) => form.set('to', e.currentTarget.value)}
                  error={errorText('availability.0.to')}
                />
              </Group>
              {create.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={create.error} />}
              <Group>
                <Button type="submit" loading={create.isPending}>
                  {t('vol.save')}
                </Button>
                <Button variant="default" onClick={() => setOpen(false)}>
                  {t('vol.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('vol.fields.name')}</Table.Th>
                <Table.Th>{t('vol.fields.status')}</Table.Th>
                <Table.Th>{t('vol.fields.skills')}</Table.Th>
                <Table.Th>{t('vol.fields.languages')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/app/volunteers/${x.id}`}>
                      {x.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={statusColor[x.status]} variant="light">
                      {t(`vol.status.${x.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{x.skills.map((s) => t(`vol.skill.${s}`)).join(', ')}</Table.Td>
                  <Table.Td>{x.languages.join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
