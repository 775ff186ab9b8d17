import { Box, Button, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useCurrentUser } from '../auth/me.ts';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';
import { useLogout } from '../features/auth/auth-api.ts';
import { useLiveEvents } from '../live/use-live-events.ts';

/** The family portal frame: phone-first, one column, large text and buttons. */
export function PortalLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const logout = useLogout();
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
          <Button variant="default" size="md" onClick={() => logout.mutate()} loading={logout.isPending}>
            {t('nav.logout')}
          </Button>
        </Group>
      </Box>
    </Box>
  );
}
