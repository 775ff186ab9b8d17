import { careRequestBodySchema } from '@hearth/domain';
import { Anchor, Button, Stack, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { usePhoneRequest } from '../intake/intake-api.ts';
import { RequestFields } from '../intake/RequestFields.tsx';
import { emptyRequest, requestBody } from '../intake/request-form.ts';

/** A coordinator types in a request taken by phone; it joins the same queue. */
export function PhoneRequestPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('queue.phoneRequest'));
  const navigate = useNavigate();
  const form = useForm(emptyRequest);
  const errorText = useErrorText(form.errors, 'intake.fieldErrors');
  const create = usePhoneRequest();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(careRequestBodySchema, requestBody(form.values, i18n.language));
    if (!body) return;
    create.mutate(body, {
      onSuccess: (r) => void navigate(`/app/requests/${r.id}`),
      onError: (err) => form.takeServerErrors(err),
    });
  };
  return (
    <Stack gap="lg" maw={720}>
      <Anchor component={Link} to="/app/requests">
        ← {t('queue.back')}
      </Anchor>
      <Title order={1}>{t('queue.phoneRequest')}</Title>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          <RequestFields values={form.values} set={form.set} errorText={errorText} mode="phone" />
          {create.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={create.error} />}
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('queue.savePhoneRequest')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
