import { careRequestBodySchema } from '@hearth/domain';
import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PublicShell } from '../../components/PublicShell.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { submitPublicRequest, usePublicInfo } from './intake-api.ts';
import { RequestConfirmation } from './RequestConfirmation.tsx';
import { RequestFields } from './RequestFields.tsx';
import { emptyRequest, requestBody } from './request-form.ts';

/** `/request`: anyone may ask for palliative care at home, without an account. */
export function PublicRequestPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('intake.public.title'));
  const info = usePublicInfo();
  const form = useForm(emptyRequest);
  const errorText = useErrorText(form.errors, 'intake.fieldErrors');
  const submit = useMutation({ mutationFn: submitPublicRequest, onError: (e) => form.takeServerErrors(e) });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(careRequestBodySchema, requestBody(form.values, i18n.language));
    if (body) submit.mutate(body);
  };

  if (submit.data) {
    return (
      <PublicShell organizationName={info.data?.organizationName}>
        <RequestConfirmation
          confirmation={submit.data}
          onAnother={() => {
            form.reset();
            submit.reset();
          }}
        />
      </PublicShell>
    );
  }

  const phone = info.data?.servicePhone;
  return (
    <PublicShell organizationName={info.data?.organizationName}>
      <Stack gap="lg">
        <Title order={1}>{t('intake.public.title')}</Title>
        <Text size="lg">{t('intake.public.lead')}</Text>
        {info.data && (
          <Alert variant="light" color="hearth" title={t('intake.public.callbackTitle')}>
            <Text>{t('intake.public.callbackPromise', { count: info.data.callbackWithinMinutes })}</Text>
            {phone && (
              <Text mt="xs">
                {t('intake.public.urgent')}{' '}
                <Anchor
                  href={`tel:${phone.replace(/[^0-9+]/g, '')}`}
                  fw={700}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {phone}
                </Anchor>
              </Text>
            )}
          </Alert>
        )}
        <form onSubmit={onSubmit} noValidate aria-label={t('intake.public.title')}>
          <Stack gap="lg">
            <Text size="sm">{t('common.requiredNote')}</Text>
            <RequestFields
              values={form.values}
              set={form.set}
              errorText={errorText}
              size="lg"
              mode="public"
            />
            {Object.keys(form.errors).length > 0 && (
              <Alert color="red" variant="light" role="alert">
                {t('common.fixErrors')}
              </Alert>
            )}
            {submit.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={submit.error} />}
            <Button type="submit" size="xl" fullWidth loading={submit.isPending}>
              {t('intake.public.submit')}
            </Button>
            <Text size="sm">{t('intake.public.privacy')}</Text>
          </Stack>
        </form>
      </Stack>
    </PublicShell>
  );
}
