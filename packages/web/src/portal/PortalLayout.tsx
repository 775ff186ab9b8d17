import { Box, Button, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useCurrentUser } from '../auth/me.ts';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';
import { useLiveEvents } from '../live/use-live-events.ts';
import { LogoutButton } from '../offline/LogoutButton.tsx';
import { OfflineStatusBar } from '../offline/OfflineStatusBar.tsx';

/** The family portal frame: phone-first, one column, large text and buttons. */
export function PortalLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  useLiveEvents();
  return (
    <Box fz="lg">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <Box
        component="header"
        py="sm"
        px="md"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between" wrap="nowrap" maw={640} mx="auto">
          <Text
            component={Link}
            to="/portal"
            fw={700}
            size="lg"
            c="hearth.8"
            truncate
            style={{ textDecoration: 'none' }}
          >
            {me.organizationName}
          </Text>
          <div style={{ flexShrink: 0 }}>
            <LanguageSwitcher size="md" />
          </div>
        </Group>
      </Box>
      <Container id="main" component="main" size={640} px="md" py="lg" tabIndex={-1}>
        <OfflineStatusBar patientPath={(id) => `/portal/patients/${id}`} />
        <Outlet />
      </Container>
      <Box component="footer" py="md" px="md">
        <Group maw={640} mx="auto" justify="space-between">
          <Group gap="xs">
            <Button component={Link} to="/portal/notifications" variant="subtle" size="md">
              {t('nav.notifications')}
            </Button>
            <Button component={Link} to="/portal/account" variant="subtle" size="md">
              {t('portal.account')}
            </Button>
          </Group>
          <LogoutButton variant="default" size="md" />
        </Group>
      </Box>
    </Box>
  );
}
