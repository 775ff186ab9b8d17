import { deathRecordBodySchema, places } from '@hearth/domain';
import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrgDateTimeInput } from '../../components/OrgDateTimeInput.tsx';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { useRecordDeath } from './eol-api.ts';

/** Time and place of death and who verified it (DOMAIN.md step 10). */
export function DeathForm({ patientId, onDone }: { patientId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    diedAt: '',
    place: 'home',
    placeNote: '',
    verifiedBy: '',
    verifiedAt: '',
    notes: '',
    familyMessage: '',
  });
  const errorText = useErrorText(form.errors, 'eol.death.errors');
  const record = useRecordDeath(patientId);
  const v = form.values;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // the date-time fields hold ISO instants already, read on the service's clock
    const body = form.validate(deathRecordBodySchema, v);
    if (body) record.mutate(body, { onSuccess: onDone, onError: (err) => form.takeServerErrors(err) });
  };
  const field = (k: 'verifiedBy' | 'placeNote', required = true) => (
    <TextInput
      label={t(`eol.death.${k}`)}
      withAsterisk={required}
      value={v[k]}
      onChange={(e) => form.set(k, e.currentTarget.value)}
      error={errorText(k)}
    />
  );
  const instantField = (k: 'diedAt' | 'verifiedAt') => (
    <OrgDateTimeInput
      label={t(`eol.death.${k}`)}
      withAsterisk
      value={v[k]}
      onChange={(instant) => form.set(k, instant)}
      error={errorText(k)}
    />
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('eol.death.record')} data-testid="death-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {instantField('diedAt')}
          <NativeSelect
            label={t('eol.death.place')}
            withAsterisk
            value={v.place}
            onChange={(e) => form.set('place', e.currentTarget.value)}
            data={places
              .filter((p) => p !== 'undecided')
              .map((p) => ({ value: p, label: t(`home.acp.places.${p}`) }))}
          />
          {field('verifiedBy')}
          {instantField('verifiedAt')}
        </SimpleGrid>
        {field('placeNote', false)}
        <Textarea
          label={t('eol.death.notes')}
          autosize
          value={v.notes}
          onChange={(e) => form.set('notes', e.currentTarget.value)}
          error={errorText('notes')}
        />
        <Textarea
          label={t('episode.death.familyMessage')}
          autosize
          minRows={2}
          value={v.familyMessage}
          onChange={(e) => form.set('familyMessage', e.currentTarget.value)}
          error={errorText('familyMessage')}
          data-testid="death-family-message"
        />
        {record.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={record.error} />}
        <Group>
          <Button type="submit" color="dark" loading={record.isPending}>
            {t('eol.death.submit')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('eol.common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
