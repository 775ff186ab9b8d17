import { isPortalRole } from '@hearth/domain';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime } from '../../format/time.ts';
import { useNotificationText } from './notification-text.ts';
import { type AppNotification, useMarkRead, useNotifications } from './notifications-api.ts';

/** Where a notification points, when the web has a page for it (the portal has only patients). */
function linkOf(n: AppNotification, portal: boolean): string | null {
  if (!n.entityId) return null;
  if (portal) return n.entityType === 'patient' ? `/portal/patients/${n.entityId}` : null;
  switch (n.entityType) {
    case 'care_request':
    case 'intake':
    case 'careRequest':
      return `/app/requests/${n.entityId}`;
    case 'commission_case':
    case 'commission':
      return `/app/commission/${n.entityId}`;
    case 'patient':
      return `/app/patients/${n.entityId}`;
    case 'alert':
      return '/app/alerts';
    case 'equipment_item':
      return '/app/equipment';
    default:
      return null;
  }
}

export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('notifications.title'));
  const list = useNotifications();
  const markRead = useMarkRead();
  const text = useNotificationText();
  const portal = isPortalRole(useCurrentUser().role);
  return (
    <Stack gap="md">
      <Title order={1}>{t('notifications.title')}</Title>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('notifications.empty')}</Text>
      ) : (
        <Stack gap="sm" aria-live="polite">
          {list.data.items.map((n) => {
            const to = linkOf(n, portal);
            return (
              <Paper
                key={n.id}
                withBorder
                p="md"
                className={n.readAt ? undefined : 'overdue-card'}
                component="article"
              >
                <Group justify="space-between" align="flex-start">
                  <div>
                    <Group gap="xs">
                      <Text fw={700}>{text(n).title}</Text>
                      {!n.readAt && (
                        <Badge color="red" variant="light">
                          {t('notifications.new')}
                        </Badge>
                      )}
                    </Group>
                    {text(n).body && <Text>{text(n).body}</Text>}
                    <Text size="sm">{formatDateTime(n.createdAt, i18n.language)}</Text>
                  </div>
                  <Group gap="xs">
                    {to && (
                      <Anchor component={Link} to={to} onClick={() => !n.readAt && markRead.mutate(n.id)}>
                        {t('notifications.open')}
                      </Anchor>
                    )}
                    {!n.readAt && (
                      <Button size="xs" variant="light" onClick={() => markRead.mutate(n.id)}>
                        {t('notifications.markRead')}
                      </Button>
                    )}
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
