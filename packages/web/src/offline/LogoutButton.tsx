import { Button, type ButtonProps, Group, Modal, NavLink, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../features/auth/auth-api.ts';
import { outbox } from './outbox.ts';
import { useOutbox } from './use-outbox.ts';

/**
 * "Log out" that first looks at the outbox: with records not yet sent the person chooses
 * between staying to send them and logging out with them kept on the phone.
 */
export function LogoutButton({ asNavLink, ...props }: ButtonProps & { asNavLink?: boolean }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const state = useOutbox();
  const [asking, setAsking] = useState(false);
  const unsent = state.pending.length;
  const start = () => (unsent > 0 ? setAsking(true) : logout.mutate());
  return (
    <>
      {asNavLink ? (
        <NavLink component="button" label={t('nav.logout')} onClick={start} hiddenFrom="sm" />
      ) : (
        <Button {...props} onClick={start} loading={logout.isPending}>
          {t('nav.logout')}
        </Button>
      )}
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('offline.logoutTitle')}>
        <Stack data-testid="logout-warning">
          <Text>{t('offline.logoutBody', { count: unsent })}</Text>
          <Group justify="flex-end">
            <Button
              variant="default"
              color="red"
              onClick={() => {
                setAsking(false);
                logout.mutate();
              }}
            >
              {t('offline.logoutAnyway')}
            </Button>
            <Button
              onClick={() => {
                setAsking(false);
                void outbox.flush();
              }}
            >
              {t('offline.stayAndSend')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
