import { Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

/** Frame for pages without a login: a header with the language switcher and a narrow column. */
export function PublicShell({
  children,
  organizationName,
}: {
  children: ReactNode;
  organizationName?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <Box
        component="header"
        py="sm"
        px="md"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between" wrap="nowrap" maw={720} mx="auto">
          <Text fw={700} size="lg" c="hearth.8" lineClamp={2} style={{ minWidth: 0 }}>
            {organizationName ?? 'Hearth'}
          </Text>
          <div style={{ flexShrink: 0 }}>
            <LanguageSwitcher size="md" />
          </div>
        </Group>
      </Box>
      <Container id="main" component="main" size={720} px="md" py="lg" tabIndex={-1}>
        {children}
      </Container>
    </>
  );
}
