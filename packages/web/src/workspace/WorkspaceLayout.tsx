import { AppShell, Badge, Burger, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet, NavLink as RouterNavLink, useLocation } from 'react-router';
import { useCan, useCurrentUser } from '../auth/me.ts';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';
import { useNotifications } from '../features/notifications/notifications-api.ts';
import { useLiveEvents } from '../live/use-live-events.ts';
import { useCaseload } from '../offline/caseload.ts';
import { LogoutButton } from '../offline/LogoutButton.tsx';
import { OfflineStatusBar } from '../offline/OfflineStatusBar.tsx';
import { visibleNav } from './nav.ts';

/** The staff workspace frame: header, role-filtered navigation, live updates. */
export function WorkspaceLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const can = useCan();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const notifications = useNotifications();
  useLiveEvents();
  // the field caseload comes to the phone when the shell opens, whatever page it opens on
  useCaseload(me.id, can('visit:perform'));
  const unread = notifications.data?.items.filter((n) => !n.readAt).length ?? 0;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Text fw={700} c="hearth.8" truncate style={{ minWidth: 0 }}>
              {me.organizationName}
            </Text>
            {me.isDemo && (
              <Badge color="orange" variant="light" visibleFrom="md" style={{ flexShrink: 0 }}>
                {t('common.demo')}
              </Badge>
            )}
          </Group>
          {/* the language switcher never shrinks away, even on a narrow phone */}
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <LanguageSwitcher />
            <LogoutButton variant="subtle" visibleFrom="sm" />
          </Group>
        </Group>
      </AppShell.Header>
      {/* the admin and the coordinators see some twenty items: the list scrolls on a short screen */}
      <AppShell.Navbar p="sm" aria-label={t('nav.label')} style={{ overflowY: 'auto' }}>
        <Stack gap={2} component="nav" aria-label={t('nav.label')}>
          <Text size="sm" px="sm" pb="xs">
            {me.name} · {t(`roles.${me.role}`)}
          </Text>
          {visibleNav(can).map((item) => (
            <NavLink
              key={item.key}
              component={RouterNavLink}
              to={item.to}
              label={t(`nav.${item.key}`)}
              active={location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)}
              onClick={close}
              rightSection={
                item.key === 'notifications' && unread > 0 ? (
                  <Badge color="red.9" size="sm" aria-label={t('notifications.unread', { count: unread })}>
                    {unread}
                  </Badge>
                ) : null
              }
            />
          ))}
          <LogoutButton asNavLink />
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <OfflineStatusBar patientPath={(id) => `/app/patients/${id}`} />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
