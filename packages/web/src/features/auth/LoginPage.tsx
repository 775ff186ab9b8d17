import { loginBodySchema } from '@hearth/domain';
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { homeOf, useMe, useSetMe } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { PublicShell } from '../../components/PublicShell.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { login } from './auth-api.ts';
import { safeNext } from './safe-next.ts';

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.login.title'));
  const me = useMe();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useForm({ email: '', password: '' });
  const errorText = useErrorText(form.errors, 'auth.loginErrors');
  const submit = useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      setMe(user);
      void navigate(safeNext(params.get('next'), user.role) ?? homeOf(user), { replace: true });
    },
  });

  if (me.isPending) return <PageLoader />;
  if (me.data) return <Navigate to={homeOf(me.data)} replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(loginBodySchema);
    if (body) submit.mutate(body);
  };

  const error = submit.error;
  return (
    <PublicShell>
      <Stack gap="lg" maw={420} mx="auto">
        <Title order={1}>{t('auth.login.title')}</Title>
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <TextInput
              size="md"
              type="email"
              label={t('auth.login.email')}
              autoComplete="username"
              value={form.values.email}
              onChange={(e) => form.set('email', e.currentTarget.value)}
              error={errorText('email')}
              required
            />
            <PasswordInput
              size="md"
              label={t('auth.login.password')}
              autoComplete="current-password"
              value={form.values.password}
              onChange={(e) => form.set('password', e.currentTarget.value)}
              error={errorText('password')}
              required
            />
            {isApiError(error) && error.status === 429 ? (
              <Alert
                color="orange"
                variant="light"
                role="alert"
                title={t('auth.login.throttledTitle')}
                data-testid="login-throttled"
              >
                {t('auth.login.throttled', {
                  count: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 900) / 60)),
                })}
              </Alert>
            ) : isApiError(error) && error.status === 401 ? (
              <Alert color="red" variant="light" role="alert" data-testid="login-wrong">
                {t('auth.login.wrong')}
              </Alert>
            ) : error ? (
              <ErrorAlert error={error} />
            ) : null}
            <Button type="submit" size="md" loading={submit.isPending}>
              {t('auth.login.submit')}
            </Button>
            <Anchor component={Link} to="/request">
              {t('auth.login.requestCare')}
            </Anchor>
          </Stack>
        </form>
      </Stack>
    </PublicShell>
  );
}
