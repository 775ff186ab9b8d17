import { deathRecordBodySchema, places } from '@hearth/domain';
import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { orgLocalToInstant } from '../../format/org-time.ts';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { useOrgTimeZone, useRecordDeath } from './eol-api.ts';

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
  // `datetime-local` gives wall time without a zone: it is the service's clock, not the browser's
  const timeZone = useOrgTimeZone();
  const toInstant = (local: string) => orgLocalToInstant(local, timeZone);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(deathRecordBodySchema, {
      ...v,
      diedAt: v.diedAt && toInstant(v.diedAt),
      verifiedAt: v.verifiedAt && toInstant(v.verifiedAt),
    });
    if (body) record.mutate(body, { onSuccess: onDone, onError: (err) => form.takeServerErrors(err) });
  };
  const field = (k: 'diedAt' | 'verifiedAt' | 'verifiedBy' | 'placeNote', type = 'text', required = true) => (
    <TextInput
      type={type}
      label={t(`eol.death.${k}`)}
      withAsterisk={required}
      value={v[k]}
      onChange={(e) => form.set(k, e.currentTarget.value)}
      error={errorText(k)}
    />
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('eol.death.record')} data-testid="death-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {field('diedAt', 'datetime-local')}
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
          {field('verifiedAt', 'datetime-local')}
        </SimpleGrid>
        {field('placeNote', 'text', false)}
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
