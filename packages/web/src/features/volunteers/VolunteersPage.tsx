import { type VolunteerStatus, volunteerStatuses } from '@hearth/domain';
import { Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../auth/me.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { Loaded } from './Loaded.tsx';
import { VolunteerForm } from './VolunteerForm.tsx';
import { VolunteersNav } from './VolunteersNav.tsx';
import { useCreateVolunteer, useVolunteers } from './volunteers-api.ts';

export const statusColor: Record<VolunteerStatus, string> = {
  applicant: 'gray',
  screened: 'blue',
  trained: 'cyan',
  active: 'green',
  paused: 'orange',
  left: 'dark',
};

export function VolunteersPage() {
  const { t } = useTranslation();
  usePageTitle(t('vol.title'));
  const can = useCan();
  const [status, setStatus] = useState<VolunteerStatus | 'all'>('all');
  const list = useVolunteers(status);
  const create = useCreateVolunteer();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('vol.title')}</Title>
      <VolunteersNav />
      <Group justify="space-between">
        <NativeSelect
          label={t('vol.filterStatus')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as VolunteerStatus | 'all')}
          data={[
            { value: 'all', label: t('vol.allStatuses') },
            ...volunteerStatuses.map((s) => ({ value: s, label: t(`vol.status.${s}`) })),
          ]}
        />
        {can('volunteer:manage') && !open && <Button onClick={() => setOpen(true)}>{t('vol.add')}</Button>}
      </Group>
      {open && (
        <Card withBorder>
          <VolunteerForm
            saving={create.isPending}
            error={create.error}
            onSave={(body, showServerErrors) =>
              create.mutate(body, {
                onSuccess: (created) => navigate(`/app/volunteers/${created.id}`),
                onError: showServerErrors,
              })
            }
            onCancel={() => setOpen(false)}
          />
        </Card>
      )}
      <Loaded query={list}>
        {(data) => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('vol.fields.name')}</Table.Th>
                  <Table.Th>{t('vol.fields.status')}</Table.Th>
                  <Table.Th>{t('vol.fields.skills')}</Table.Th>
                  <Table.Th>{t('vol.fields.languages')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((x) => (
                  <Table.Tr key={x.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/app/volunteers/${x.id}`}>
                        {x.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={statusColor[x.status]} variant="light">
                        {t(`vol.status.${x.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{x.skills.map((s) => t(`vol.skill.${s}`)).join(', ')}</Table.Td>
                    <Table.Td>{x.languages.join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Loaded>
    </Stack>
  );
}
