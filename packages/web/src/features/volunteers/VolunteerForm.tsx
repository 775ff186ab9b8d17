import {
  type AvailabilitySlot,
  type VolunteerBody,
  type VolunteerDetail,
  volunteerBodySchema,
  volunteerSkills,
  weekdays,
} from '@hearth/domain';
import {
  ActionIcon,
  Button,
  Chip,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';

interface Values extends Record<string, unknown> {
  name: string;
  phone: string;
  email: string;
  address: string;
  lat: string | number;
  lon: string | number;
  maxDistanceKm: string | number;
  areas: string;
  languages: string;
  skills: string[];
  notes: string;
  slots: AvailabilitySlot[];
}

const blank: Values = {
  name: '',
  phone: '',
  email: '',
  address: '',
  lat: 53.9,
  lon: 27.56,
  maxDistanceKm: 25,
  areas: '',
  languages: 'ru',
  skills: [],
  notes: '',
  slots: [],
};

const fromVolunteer = (v: VolunteerDetail): Values => ({
  name: v.name,
  phone: v.phone,
  email: v.email ?? '',
  address: v.address,
  lat: v.home.lat,
  lon: v.home.lon,
  maxDistanceKm: v.maxDistanceKm,
  areas: v.areas.join(', '),
  languages: v.languages.join(', '),
  skills: v.skills,
  notes: v.notes ?? '',
  slots: v.availability,
});

const list = (s: string, split: RegExp) =>
  s
    .split(split)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * A volunteer's record: contact, where they live and how far they travel, areas, languages,
 * skills and weekly availability. The same form adds a volunteer and edits one.
 */
export function VolunteerForm({
  volunteer,
  saving,
  error,
  onSave,
  onCancel,
}: {
  volunteer?: VolunteerDetail;
  saving: boolean;
  error: unknown;
  onSave: (body: VolunteerBody, showServerErrors: (e: unknown) => boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<Values>(volunteer ? fromVolunteer(volunteer) : blank);
  const errorText = useErrorText(form.errors, 'vol.fieldErrors');
  const v = form.values;
  const title = t(volunteer ? 'vol.edit' : 'vol.add');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(volunteerBodySchema, {
      name: v.name,
      phone: v.phone,
      email: v.email.trim() || undefined,
      address: v.address,
      home: { lat: Number(v.lat), lon: Number(v.lon) },
      maxDistanceKm: Number(v.maxDistanceKm),
      areas: list(v.areas, /[,;]+/),
      languages: list(v.languages, /[ ,]+/),
      skills: v.skills,
      availability: v.slots,
      notes: v.notes.trim() || undefined,
    });
    if (body) onSave(body, form.takeServerErrors);
  };
  const setSlot = (i: number, patch: Partial<AvailabilitySlot>) =>
    form.set(
      'slots',
      v.slots.map((s, j) => (j === i ? { ...s, ...patch } : s)),
    );

  return (
    <form onSubmit={onSubmit} noValidate aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {title}
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
            type="email"
            label={t('vol.fields.email')}
            value={v.email}
            onChange={(e) => form.set('email', e.currentTarget.value)}
            error={errorText('email')}
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
          <TextInput
            label={t('vol.fields.areas')}
            description={t('vol.fields.areasHint')}
            value={v.areas}
            onChange={(e) => form.set('areas', e.currentTarget.value)}
            error={errorText('areas')}
          />
          <TextInput
            label={t('vol.fields.languages')}
            description={t('vol.fields.languagesHint')}
            value={v.languages}
            onChange={(e) => form.set('languages', e.currentTarget.value)}
            error={errorText('languages')}
          />
        </SimpleGrid>
        <Chip.Group multiple value={v.skills} onChange={(x) => form.set('skills', x)}>
          <Group gap="xs" role="group" aria-label={t('vol.fields.skills')}>
            {volunteerSkills.map((s) => (
              <Chip key={s} value={s} size="sm">
                {t(`vol.skill.${s}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Stack gap={4} role="group" aria-label={t('vol.fields.availability')}>
          <Title order={3} size="h5">
            {t('vol.fields.availability')}
          </Title>
          {v.slots.map((s, i) => (
            // slots have no id; their place in the list is what the coordinator edits
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and removed by position
            <Group key={i} align="flex-end" gap="xs">
              <NativeSelect
                label={t('vol.fields.weekday')}
                value={String(s.weekday)}
                onChange={(e) => setSlot(i, { weekday: Number(e.currentTarget.value) })}
                data={weekdays.map((d) => ({ value: String(d), label: t(`vol.weekday.d${d}`) }))}
              />
              <TextInput
                type="time"
                label={t('vol.fields.from')}
                value={s.from}
                onChange={(e) => setSlot(i, { from: e.currentTarget.value })}
              />
              <TextInput
                type="time"
                label={t('vol.fields.to')}
                value={s.to}
                onChange={(e) => setSlot(i, { to: e.currentTarget.value })}
                error={errorText(`availability.${i}.to`)}
              />
              <ActionIcon
                variant="default"
                size={36}
                aria-label={t('vol.fields.removeSlot')}
                onClick={() =>
                  form.set(
                    'slots',
                    v.slots.filter((_, j) => j !== i),
                  )
                }
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => form.set('slots', [...v.slots, { weekday: 1, from: '10:00', to: '18:00' }])}
          >
            {t('vol.fields.addSlot')}
          </Button>
        </Stack>
        <Textarea
          label={t('vol.fields.notes')}
          value={v.notes}
          onChange={(e) => form.set('notes', e.currentTarget.value)}
        />
        {error != null && Object.keys(form.errors).length === 0 && <ErrorAlert error={error} />}
        <Group>
          <Button type="submit" loading={saving}>
            {t('vol.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('vol.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
