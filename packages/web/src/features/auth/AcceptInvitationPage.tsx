import { passwordSchema } from '@hearth/domain';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PublicShell } from '../../components/PublicShell.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { acceptInvitation } from './auth-api.ts';

// the repeat exists only in the form, so it is checked here; the password rule is the domain's
const newPasswordSchema = z
  .object({ password: passwordSchema, repeat: z.string() })
  .refine((v) => v.password === v.repeat, { path: ['repeat'], message: 'The passwords differ.' });

/** `/accept-invitation?token=`: an invited staff or family member chooses a password. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.invitation.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useForm({ password: '', repeat: '' });
  const errorText = useErrorText(form.errors, 'auth.fieldErrors');
  const submit = useMutation({ mutationFn: acceptInvitation, onError: (e) => form.takeServerErrors(e) });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const ok = form.validate(newPasswordSchema);
    if (ok) submit.mutate({ token, password: ok.password });
  };

  return (
    <PublicShell>
      <Stack gap="lg" maw={420} mx="auto">
        <Title order={1}>{t('auth.invitation.title')}</Title>
        {!token ? (
          <Alert color="red" role="alert">
            {t('auth.invitation.noToken')}
          </Alert>
        ) : submit.data ? (
          <Stack gap="md">
            <Alert color="green" role="status" title={t('auth.invitation.doneTitle')}>
              {t('auth.invitation.done', { email: submit.data.email })}
            </Alert>
            <Button component={Link} to="/login" size="md">
              {t('auth.invitation.toLogin')}
            </Button>
          </Stack>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="md">
              <Text>{t('auth.invitation.lead')}</Text>
              <PasswordInput
                size="md"
                label={t('auth.password.new')}
                description={t('auth.password.rule')}
                autoComplete="new-password"
                value={form.values.password}
                onChange={(e) => form.set('password', e.currentTarget.value)}
                error={errorText('password')}
                required
              />
              <PasswordInput
                size="md"
                label={t('auth.password.repeat')}
                autoComplete="new-password"
                value={form.values.repeat}
                onChange={(e) => form.set('repeat', e.currentTarget.value)}
                error={errorText('repeat')}
                required
              />
              {submit.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={submit.error} />}
              <Button type="submit" size="md" loading={submit.isPending}>
                {t('auth.invitation.submit')}
              </Button>
              <Anchor component={Link} to="/login">
                {t('auth.invitation.haveAccount')}
              </Anchor>
            </Stack>
          </form>
        )}
      </Stack>
    </PublicShell>
  );
}
