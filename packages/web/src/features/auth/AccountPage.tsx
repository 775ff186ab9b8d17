import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/me.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function AccountPage({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  usePageTitle(t('auth.account.title'));
  const me = useCurrentUser();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('auth.account.title')}</Title>
      <Stack gap={4}>
        <Text size={size}>{me.name}</Text>
        <Text size={size}>{me.email}</Text>
        <Text size={size}>{t(`roles.${me.role}`)}</Text>
      </Stack>
      <Title order={2} size="h3">
        {t('auth.password.title')}
      </Title>
      <ChangePasswordForm size={size} />
    </Stack>
  );
}
