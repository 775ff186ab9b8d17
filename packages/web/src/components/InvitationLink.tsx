import { Alert, Button, CopyButton, Group, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Invitation, invitationLink } from '../features/staff/staff-api.ts';
import { formatDateTime } from '../format/time.ts';

/**
 * No e-mail server is assumed: the inviter sees the link once and passes it on. `reissued`: the
 * person was reactivated before accepting, so the server revoked the old link and made this one.
 */
export function InvitationLink({
  invitation,
  onDismiss,
  reissued = false,
}: {
  invitation: Invitation;
  onDismiss: () => void;
  reissued?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const link = invitationLink(invitation.acceptToken);
  return (
    <Alert
      color="green"
      variant="light"
      title={t(reissued ? 'invitation.reissuedTitle' : 'invitation.sentTitle', { email: invitation.email })}
      role="status"
      data-testid="invitation-link"
    >
      {reissued && (
        <Text size="sm" fw={600} mb={4}>
          {t('invitation.oldLinkDead')}
        </Text>
      )}
      <Text size="sm" mb="xs">
        {t('invitation.passOn', { until: formatDateTime(invitation.expiresAt, i18n.language) })}
      </Text>
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          label={t('invitation.link')}
          value={link}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          style={{ flex: 1 }}
        />
        <CopyButton value={link}>
          {({ copied, copy }) => (
            <Button onClick={copy} variant={copied ? 'filled' : 'light'}>
              {copied ? t('invitation.copied') : t('invitation.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Button variant="subtle" mt="xs" onClick={onDismiss}>
        {t('invitation.done')}
      </Button>
    </Alert>
  );
}
