import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * What the family sees once the death is recorded: condolences and what happens next, in plain
 * words (the death-at-home workflow and bereavement programme, palliative-research.md §6 items
 * 7–8). The everyday care cards are hidden then; the call button stays above.
 */
export function AfterDeathCard() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" data-testid="portal-after-death">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('eol.family.title')}
        </Title>
        <Text size="lg">{t('eol.family.lead')}</Text>
        <List size="lg" spacing="xs">
          {(['contact', 'equipment', 'medicines', 'support'] as const).map((k) => (
            <List.Item key={k}>{t(`eol.family.${k}`)}</List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
