import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/use-page-title.ts';
import type { IntakeConfirmation } from './intake-api.ts';

/** What a family sees after sending: the reference to quote, when we call, whom to call meanwhile. */
export function RequestConfirmation({
  confirmation,
  onAnother,
}: {
  confirmation: IntakeConfirmation;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  usePageTitle(t('intake.confirmation.title'));
  const heading = useRef<HTMLHeadingElement>(null);
  // move focus to the news so screen readers announce it and the phone scrolls to the top
  useEffect(() => {
    heading.current?.focus();
    window.scrollTo({ top: 0 });
  }, []);
  const tel = confirmation.servicePhone.replace(/[^0-9+]/g, '');
  return (
    <Stack gap="lg" data-testid="intake-confirmation">
      <Title order={1} ref={heading} tabIndex={-1}>
        {t('intake.confirmation.title')}
      </Title>
      <Paper withBorder p="lg" radius="md" bg="hearth.0">
        <Stack gap="xs">
          <Text size="lg">{t('intake.confirmation.reference')}</Text>
          <Text size="2rem" fw={800} ff="monospace" data-testid="intake-reference">
            {confirmation.reference}
          </Text>
        </Stack>
      </Paper>
      <Text size="xl" fw={600}>
        {t('intake.confirmation.callback', { count: confirmation.callbackWithinMinutes })}
      </Text>
      <Text size="lg">{t('intake.confirmation.keepPhone')}</Text>
      <Stack gap="xs">
        <Text size="lg">{t('intake.confirmation.servicePhone')}</Text>
        <Button component="a" href={`tel:${tel}`} size="xl" variant="outline" fullWidth>
          <span style={{ whiteSpace: 'nowrap' }}>{confirmation.servicePhone}</span>
        </Button>
      </Stack>
      <Text size="lg">{t('intake.confirmation.emergency')}</Text>
      <Anchor component="button" type="button" onClick={onAnother} size="lg">
        {t('intake.confirmation.another')}
      </Anchor>
    </Stack>
  );
}
