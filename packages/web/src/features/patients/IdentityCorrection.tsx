import { type IdentityField, identityCorrectionBodySchema, type Patient } from '@hearth/domain';
import {
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime, formatDay } from '../../format/time.ts';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { useCorrectIdentity } from './patients-api.ts';

const sexes = ['female', 'male', 'other', 'unknown'] as const;

/**
 * Corrects the name, date of birth or sex of a patient, with a reason; the earlier values stay in
 * the record's history below (issue 13). Only the fields that differ are sent.
 */
export function IdentityCorrection({ patient: p, canCorrect }: { patient: Patient; canCorrect: boolean }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const initial = useMemo(
    () => ({
      lastName: p.lastName,
      firstName: p.firstName,
      middleName: p.middleName ?? '',
      dateOfBirth: p.dateOfBirth,
      sex: p.sex as string,
      reason: '',
    }),
    [p],
  );
  const form = useForm(initial);
  const errorText = useErrorText(form.errors, 'identity.fieldErrors');
  const correct = useCorrectIdentity(p.id);
  const v = form.values;
  const value = (field: IdentityField, text: string) =>
    field === 'dateOfBirth' ? formatDay(text, i18n.language) : text;
  const shown = (field: IdentityField, text: string | null) =>
    text === null || text === ''
      ? '—'
      : field === 'sex'
        ? t(`patients.sex.${text}` as 'patients.sex.male')
        : value(field, text);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const changed = <K extends keyof typeof initial>(k: K) => (v[k] !== initial[k] ? v[k] : undefined);
    const body = form.validate(identityCorrectionBodySchema, {
      lastName: changed('lastName'),
      firstName: changed('firstName'),
      middleName: v.middleName !== initial.middleName ? v.middleName.trim() || null : undefined,
      dateOfBirth: changed('dateOfBirth'),
      sex: changed('sex'),
      reason: v.reason,
    });
    if (body)
      correct.mutate(body, {
        onSuccess: () => {
          setOpen(false);
          form.set('reason', '');
        },
        onError: (err) => form.takeServerErrors(err),
      });
  };

  return (
    <Stack gap="xs">
      {canCorrect && !open && (
        <Button variant="light" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
          {t('identity.open')}
        </Button>
      )}
      {open && (
        <Card withBorder>
          <form onSubmit={onSubmit} noValidate aria-label={t('identity.title')}>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('identity.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('identity.hint')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('identity.lastName')}
                  value={v.lastName}
                  onChange={(e) => form.set('lastName', e.currentTarget.value)}
                  error={errorText('lastName')}
                />
                <TextInput
                  label={t('identity.firstName')}
                  value={v.firstName}
                  onChange={(e) => form.set('firstName', e.currentTarget.value)}
                  error={errorText('firstName')}
                />
                <TextInput
                  label={t('identity.middleName')}
                  value={v.middleName}
                  onChange={(e) => form.set('middleName', e.currentTarget.value)}
                  error={errorText('middleName')}
                />
                <TextInput
                  type="date"
                  label={t('patients.fields.dateOfBirth')}
                  value={v.dateOfBirth}
                  onChange={(e) => form.set('dateOfBirth', e.currentTarget.value)}
                  error={errorText('dateOfBirth')}
                />
                <NativeSelect
                  label={t('patients.fields.sex')}
                  value={v.sex}
                  onChange={(e) => form.set('sex', e.currentTarget.value)}
                  data={sexes.map((s) => ({ value: s, label: t(`patients.sex.${s}`) }))}
                />
              </SimpleGrid>
              <Textarea
                label={t('identity.reason')}
                description={t('identity.reasonHint')}
                autosize
                minRows={2}
                value={v.reason}
                onChange={(e) => form.set('reason', e.currentTarget.value)}
                error={errorText('reason')}
              />
              {correct.isError && Object.keys(form.errors).length === 0 && (
                <ErrorAlert error={correct.error} />
              )}
              <Group>
                <Button type="submit" loading={correct.isPending}>
                  {t('identity.save')}
                </Button>
                <Button variant="default" onClick={() => setOpen(false)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
      {p.identityCorrections.length > 0 && (
        <Stack gap={4} data-testid="identity-history">
          <Text fw={600} size="sm">
            {t('identity.history')}
          </Text>
          <List size="sm">
            {p.identityCorrections.map((c) => (
              <List.Item key={`${c.at}-${c.field}`}>
                {t('identity.entry', {
                  field: t(`identity.fields.${c.field}`),
                  from: shown(c.field, c.from),
                  to: shown(c.field, c.to),
                  reason: c.reason,
                  by: c.byName,
                  at: formatDateTime(c.at, i18n.language),
                })}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
