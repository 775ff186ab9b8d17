import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from './use-page-title.ts';

/** Also shown for a patient the user may not see: the server answers 404 and so do we. */
export function NotFound({ homeTo = '/' }: { homeTo?: string }) {
  const { t } = useTranslation();
  usePageTitle(t('common.notFound.title'));
  return (
    <Stack gap="sm" py="xl" data-testid="not-found">
      <Title order={1}>{t('common.notFound.title')}</Title>
      <Text>{t('common.notFound.body')}</Text>
      <Button component={Link} to={homeTo} variant="light" size="md" style={{ alignSelf: 'flex-start' }}>
        {t('common.notFound.home')}
      </Button>
    </Stack>
  );
}
