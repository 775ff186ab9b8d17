import { inviteFamilyBodySchema } from '@hearth/domain';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { InvitationLink } from '../../components/InvitationLink.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import type { Invitation } from '../staff/staff-api.ts';
import { useFamily, useInviteFamily, useRemoveFamily } from './family-api.ts';

const empty = { name: '', email: '', relationship: '', phone: '', designated: false };

/**
 * Relatives with portal access. Coordinators manage them; so does the patient's designated
 * family member, from the portal (`large` there: phone-first, big buttons).
 */
export function FamilySection({ patientId, large = false }: { patientId: string; large?: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const size = large ? 'lg' : 'md';
  const family = useFamily(patientId);
  const invite = useInviteFamily(patientId);
  const remove = useRemoveFamily(patientId);
  const form = useForm(empty);
  const errorText = useErrorText(form.errors, 'family.fieldErrors');
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [removing, setRemoving] = useState<{ userId: string; name: string } | null>(null);
  const mayInvite = can('family:invite', { patientId });
  const mayRemove = can('family:remove', { patientId });
  // only staff may hand the "designated" role to someone; a designated relative invites helpers
  const mayDesignate = mayInvite && can('patient:update');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(inviteFamilyBodySchema);
    if (!body) return;
    invite.mutate(body, {
      onSuccess: (inv) => {
        form.reset();
        setInvitation(inv);
      },
      onError: (err) => form.takeServerErrors(err),
    });
  };

  return (
    <Stack gap="sm">
      <Title order={2} size={large ? 'h2' : 'h3'}>
        {t('family.title')}
      </Title>
      {family.isPending ? (
        <PageLoader />
      ) : family.isError ? (
        <ErrorAlert error={family.error} />
      ) : family.data.length === 0 ? (
        <Text size={size}>{t('family.none')}</Text>
      ) : (
        <Stack gap="xs" data-testid="family-list">
          {family.data.map((m) => (
            <Paper key={m.userId} withBorder p="sm">
              <Group justify="space-between" wrap="wrap">
                <div>
                  <Text size={size} fw={600}>
                    {m.name}{' '}
                    {m.designated && (
                      <Badge color="hearth" variant="light" ml={4}>
                        {t('family.designated')}
                      </Badge>
                    )}
                    {m.status !== 'active' && (
                      <Badge color="gray" variant="outline" ml={4}>
                        {t(`family.status.${m.status}`)}
                      </Badge>
                    )}
                  </Text>
                  <Text size={large ? 'md' : 'sm'}>
                    {m.relationship} · {m.email}
                  </Text>
                </div>
                {mayRemove && !m.designated && (
                  <Button
                    variant="light"
                    color="red"
                    size={large ? 'md' : 'sm'}
                    onClick={() => setRemoving({ userId: m.userId, name: m.name })}
                  >
                    {t('family.remove')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {invitation && <InvitationLink invitation={invitation} onDismiss={() => setInvitation(null)} />}
      {mayInvite && (
        <Paper withBorder p="md">
          <form onSubmit={onSubmit} noValidate aria-label={t('family.inviteTitle')}>
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t('family.inviteTitle')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: large ? 1 : 2 }}>
                <TextInput
                  size={size}
                  label={t('family.fields.name')}
                  withAsterisk
                  value={form.values.name}
                  onChange={(e) => form.set('name', e.currentTarget.value)}
                  error={errorText('name')}
                />
                <TextInput
                  size={size}
                  label={t('family.fields.relationship')}
                  withAsterisk
                  value={form.values.relationship}
                  onChange={(e) => form.set('relationship', e.currentTarget.value)}
                  error={errorText('relationship')}
                />
                <TextInput
                  size={size}
                  type="email"
                  label={t('family.fields.email')}
                  withAsterisk
                  value={form.values.email}
                  onChange={(e) => form.set('email', e.currentTarget.value)}
                  error={errorText('email')}
                />
                <TextInput
                  size={size}
                  type="tel"
                  label={t('family.fields.phone')}
                  value={form.values.phone}
                  onChange={(e) => form.set('phone', e.currentTarget.value)}
                  error={errorText('phone')}
                />
              </SimpleGrid>
              {mayDesignate && (
                <Checkbox
                  size={size}
                  label={t('family.fields.designated')}
                  checked={form.values.designated}
                  onChange={(e) => form.set('designated', e.currentTarget.checked)}
                />
              )}
              {invite.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={invite.error} />}
              <Button
                type="submit"
                size={size}
                loading={invite.isPending}
                fullWidth={large}
                style={large ? undefined : { alignSelf: 'flex-start' }}
              >
                {t('family.invite')}
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('family.removeTitle')}>
        <Stack>
          <Text>{t('family.removeConfirm', { name: removing?.name ?? '' })}</Text>
          {remove.isError && <ErrorAlert error={remove.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                removing && remove.mutate(removing.userId, { onSuccess: () => setRemoving(null) })
              }
            >
              {t('family.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
