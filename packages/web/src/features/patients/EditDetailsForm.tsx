import { type Patient, patientUpdateBodySchema } from '@hearth/domain';
import { Button, Checkbox, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { AddressLookup } from './AddressLookup.tsx';
import { HomePinMap } from './HomePinMap.tsx';
import { useUpdatePatient } from './patients-api.ts';

const num = (v: string) => (v.trim() === '' ? undefined : Number(v.replace(',', '.')));

/** Corrects contact and home details; the server re-checks the service area from the coordinates. */
export function EditDetailsForm({ patient: p, onDone }: { patient: Patient; onDone: () => void }) {
  const { t } = useTranslation();
  const initial = useMemo(
    () => ({
      phone: p.phone ?? '',
      address: p.address,
      accessNotes: p.accessNotes ?? '',
      area: p.area,
      lat: p.coordinates ? String(p.coordinates.lat) : '',
      lon: p.coordinates ? String(p.coordinates.lon) : '',
      consentToShare: p.consentToShare,
    }),
    [p],
  );
  const form = useForm(initial);
  const errorText = useErrorText(form.errors, 'patients.fieldErrors');
  const update = useUpdatePatient(p.id);
  const v = form.values;
  const setPoint = (point: { lat: number; lon: number }) => {
    form.set('lat', String(point.lat));
    form.set('lon', String(point.lon));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const lat = num(v.lat);
    const lon = num(v.lon);
    const body = form.validate(patientUpdateBodySchema, {
      phone: v.phone,
      address: v.address,
      accessNotes: v.accessNotes,
      area: v.area,
      coordinates: lat === undefined && lon === undefined ? undefined : { lat, lon },
      consentToShare: v.consentToShare,
    });
    if (body) update.mutate(body, { onSuccess: onDone, onError: (err) => form.takeServerErrors(err) });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('patients.edit.title')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea
            label={t('patients.fields.address')}
            autosize
            value={v.address}
            onChange={(e) => form.set('address', e.currentTarget.value)}
            error={errorText('address')}
          />
          <TextInput
            label={t('patients.fields.area')}
            value={v.area}
            onChange={(e) => form.set('area', e.currentTarget.value)}
            error={errorText('area')}
          />
          <TextInput
            label={t('patients.edit.lat')}
            inputMode="decimal"
            value={v.lat}
            onChange={(e) => form.set('lat', e.currentTarget.value)}
            error={errorText('coordinates.lat')}
          />
          <TextInput
            label={t('patients.edit.lon')}
            inputMode="decimal"
            value={v.lon}
            onChange={(e) => form.set('lon', e.currentTarget.value)}
            error={errorText('coordinates.lon')}
          />
          <AddressLookup address={v.address} onUse={setPoint} />
          <HomePinMap lat={v.lat} lon={v.lon} onChange={setPoint} />
          <TextInput
            type="tel"
            label={t('patients.fields.phone')}
            value={v.phone}
            onChange={(e) => form.set('phone', e.currentTarget.value)}
            error={errorText('phone')}
          />
        </SimpleGrid>
        <Textarea
          label={t('patients.fields.accessNotes')}
          description={t('patients.edit.accessNotesHint')}
          autosize
          value={v.accessNotes}
          onChange={(e) => form.set('accessNotes', e.currentTarget.value)}
          error={errorText('accessNotes')}
        />
        <Checkbox
          label={t('patients.fields.consentToShare')}
          checked={v.consentToShare}
          onChange={(e) => form.set('consentToShare', e.currentTarget.checked)}
        />
        {update.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={update.error} />}
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
