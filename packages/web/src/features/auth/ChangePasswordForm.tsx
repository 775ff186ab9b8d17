import { passwordSchema } from '@hearth/domain';
import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isApiError } from '../../api/api-error.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { changePassword } from './auth-api.ts';

const changeSchema = z
  .object({ currentPassword: z.string().min(1), newPassword: passwordSchema, repeat: z.string() })
  .refine((v) => v.newPassword === v.repeat, { path: ['repeat'], message: 'The passwords differ.' });

const empty = { currentPassword: '', newPassword: '', repeat: '' };

export function ChangePasswordForm({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const form = useForm(empty);
  const errorText = useErrorText(form.errors, 'auth.fieldErrors');
  const submit = useMutation({
    mutationFn: changePassword,
    onSuccess: () => form.reset(),
    onError: (e) => {
      if (isApiError(e) && e.status === 401)
        form.setErrors({ currentPassword: { code: 'wrong', message: e.message } });
      else form.takeServerErrors(e);
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const ok = form.validate(changeSchema);
    if (ok) submit.mutate({ currentPassword: ok.currentPassword, newPassword: ok.newPassword });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md" maw={420}>
        <PasswordInput
          size={size}
          label={t('auth.password.current')}
          autoComplete="current-password"
          value={form.values.currentPassword}
          onChange={(e) => form.set('currentPassword', e.currentTarget.value)}
          error={
            form.errors.currentPassword?.code === 'wrong'
              ? t('auth.password.wrongCurrent')
              : errorText('currentPassword')
          }
          required
        />
        <PasswordInput
          size={size}
          label={t('auth.password.new')}
          description={t('auth.password.rule')}
          autoComplete="new-password"
          value={form.values.newPassword}
          onChange={(e) => form.set('newPassword', e.currentTarget.value)}
          error={errorText('newPassword')}
          required
        />
        <PasswordInput
          size={size}
          label={t('auth.password.repeat')}
          autoComplete="new-password"
          value={form.values.repeat}
          onChange={(e) => form.set('repeat', e.currentTarget.value)}
          error={errorText('repeat')}
          required
        />
        {submit.isSuccess && (
          <Alert color="green" role="status">
            {t('auth.password.changed')}
          </Alert>
        )}
        {submit.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={submit.error} />}
        <Button type="submit" size={size} loading={submit.isPending}>
          {t('auth.password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
