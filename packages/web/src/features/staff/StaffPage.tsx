import { inviteStaffBodySchema, staffRoles } from '@hearth/domain';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useCurrentUser } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { InvitationLink } from '../../components/InvitationLink.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { type Invitation, useInviteStaff, useSetStaffActive, useStaff } from './staff-api.ts';

const empty = { name: '', email: '', role: '', phone: '', isLead: false };

export function StaffPage() {
  const { t } = useTranslation();
  usePageTitle(t('staff.title'));
  const me = useCurrentUser();
  const can = useCan();
  const manage = can('staff:manage');
  const staff = useStaff();
  const invite = useInviteStaff();
  const setActive = useSetStaffActive();
  const form = useForm(empty);
  const errorText = useErrorText(form.errors, 'staff.fieldErrors');
  const [invitation, setInvitation] = useState<{ invitation: Invitation; reissued: boolean } | null>(null);
  // deactivation ends the person's sessions, so it is confirmed first
  const [deactivating, setDeactivating] = useState<{ id: string; name: string } | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(inviteStaffBodySchema);
    if (!body) return;
    invite.mutate(body, {
      onSuccess: (inv) => {
        form.reset();
        setInvitation({ invitation: inv, reissued: false });
      },
      onError: (err) => form.takeServerErrors(err),
    });
  };

  return (
    <Stack gap="lg">
      <Title order={1}>{t('staff.title')}</Title>
      {manage && (
        <Card withBorder>
          <form onSubmit={onSubmit} noValidate aria-label={t('staff.invite')}>
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('staff.invite')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                <TextInput
                  label={t('staff.fields.name')}
                  withAsterisk
                  value={form.values.name}
                  onChange={(e) => form.set('name', e.currentTarget.value)}
                  error={errorText('name')}
                />
                <TextInput
                  type="email"
                  label={t('staff.fields.email')}
                  withAsterisk
                  value={form.values.email}
                  onChange={(e) => form.set('email', e.currentTarget.value)}
                  error={errorText('email')}
                />
                <NativeSelect
                  label={t('staff.fields.role')}
                  withAsterisk
                  value={form.values.role}
                  onChange={(e) => form.set('role', e.currentTarget.value)}
                  error={errorText('role')}
                  data={[
                    { value: '', label: t('intake.form.choose') },
                    ...staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) })),
                  ]}
                />
                <TextInput
                  type="tel"
                  label={t('staff.fields.phone')}
                  value={form.values.phone}
                  onChange={(e) => form.set('phone', e.currentTarget.value)}
                  error={errorText('phone')}
                />
              </SimpleGrid>
              <Checkbox
                label={t('staff.fields.isLead')}
                checked={form.values.isLead}
                onChange={(e) => form.set('isLead', e.currentTarget.checked)}
              />
              {invite.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={invite.error} />}
              <Button type="submit" loading={invite.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('staff.sendInvite')}
              </Button>
            </Stack>
          </form>
        </Card>
      )}
      {invitation && (
        <InvitationLink
          invitation={invitation.invitation}
          reissued={invitation.reissued}
          onDismiss={() => setInvitation(null)}
        />
      )}
      {setActive.isError && <ErrorAlert error={setActive.error} />}
      {staff.isPending ? (
        <PageLoader />
      ) : staff.isError ? (
        <ErrorAlert error={staff.error} />
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staff.fields.name')}</Table.Th>
                <Table.Th>{t('staff.fields.role')}</Table.Th>
                <Table.Th>{t('staff.fields.email')}</Table.Th>
                <Table.Th>{t('staff.fields.phone')}</Table.Th>
                <Table.Th>{t('staff.fields.status')}</Table.Th>
                {manage && <Table.Th>{t('staff.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {staff.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {s.name}
                    {s.isLead && (
                      <Badge ml={6} variant="light" size="sm">
                        {t('staff.lead')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`roles.${s.role}`)}</Table.Td>
                  <Table.Td>{s.email}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.phone ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge
                      color={s.status === 'active' ? 'green' : s.status === 'invited' ? 'orange' : 'gray'}
                      variant="light"
                    >
                      {t(`family.status.${s.status}`)}
                    </Badge>
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      {s.id !== me.id &&
                        (s.status === 'deactivated' ? (
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() =>
                              setActive.mutate(
                                { userId: s.id, active: true },
                                {
                                  onSuccess: (r) =>
                                    r.invitation &&
                                    setInvitation({ invitation: r.invitation, reissued: true }),
                                },
                              )
                            }
                          >
                            {t('staff.reactivate')}
                          </Button>
                        ) : (
                          <Button
                            size="xs"
                            variant="light"
                            color="red"
                            onClick={() => setDeactivating({ id: s.id, name: s.name })}
                          >
                            {t('staff.deactivate')}
                          </Button>
                        ))}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {staff.data?.nextCursor && <Text size="sm">{t('staff.more')}</Text>}
      <Modal
        opened={deactivating !== null}
        onClose={() => setDeactivating(null)}
        title={t('staff.deactivate')}
      >
        <Stack>
          <Text>{t('staff.deactivateConfirm', { name: deactivating?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeactivating(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={setActive.isPending}
              onClick={() =>
                deactivating &&
                setActive.mutate(
                  { userId: deactivating.id, active: false },
                  { onSettled: () => setDeactivating(null) },
                )
              }
            >
              {t('staff.deactivate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
