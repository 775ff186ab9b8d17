import type { ProgrammeSession } from '@hearth/domain';
import { programmeRoutes as routes } from '@hearth/domain';
import { Button, CloseButton, Group, List, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useStaff } from '../staff/staff-api.ts';
import { useVolunteers } from '../volunteers/volunteers-api.ts';
import { isWorkingStaff, type ProgrammeBody, useProgrammeMutation } from './programmes-api.ts';

/**
 * Who works a session or shift: staff members and active volunteers, each with a role. The server
 * refuses a volunteer who is not active (screened and trained) and anyone already on it.
 */
export function RosterEditor({ session: s, manage }: { session: ProgrammeSession; manage: boolean }) {
  const { t } = useTranslation();
  const volunteers = useVolunteers('active');
  const staff = useStaff(manage);
  // one select for both: "v:<id>" for a volunteer, "u:<id>" for a staff member
  const [who, setWho] = useState('');
  const [role, setRole] = useState('');
  const add = useProgrammeMutation((body: ProgrammeBody<'addToRoster'>) =>
    call(routes.addToRoster, { params: { id: s.id }, body }),
  );
  const remove = useProgrammeMutation((entryId: string) =>
    call(routes.removeFromRoster, { params: { id: s.id, entryId } }),
  );
  const [kind, id] = who.split(':');
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('prog.roster')}
      </Text>
      {s.roster.length === 0 ? (
        <Text size="sm">—</Text>
      ) : (
        <List size="sm" spacing={2} data-testid="roster">
          {s.roster.map((r) => (
            <List.Item key={r.id}>
              <Group gap={4}>
                <Text size="sm">
                  {r.name} · {r.role}
                  {r.volunteerId ? ` · ${t('prog.volunteer')}` : ''}
                </Text>
                {manage && (
                  <CloseButton
                    size="sm"
                    aria-label={t('prog.removeFromRoster', { name: r.name })}
                    onClick={() => remove.mutate(r.id)}
                  />
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {manage && (
        <form
          aria-label={t('prog.addToRoster')}
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(
              { [kind === 'u' ? 'userId' : 'volunteerId']: id || undefined, role },
              {
                onSuccess: () => {
                  setWho('');
                  setRole('');
                },
              },
            );
          }}
        >
          <Group align="flex-end" gap="xs">
            <NativeSelect
              label={t('prog.rosterWho')}
              value={who}
              onChange={(e) => setWho(e.currentTarget.value)}
              data={[
                { value: '', label: t('intake.form.choose') },
                {
                  group: t('prog.staffGroup'),
                  items: (staff.data?.items ?? [])
                    .filter(isWorkingStaff)
                    .map((u) => ({ value: `u:${u.id}`, label: u.name })),
                },
                {
                  group: t('prog.volunteersGroup'),
                  items: (volunteers.data?.items ?? []).map((v) => ({ value: `v:${v.id}`, label: v.name })),
                },
              ]}
            />
            <TextInput
              label={t('prog.rosterRole')}
              value={role}
              onChange={(e) => setRole(e.currentTarget.value)}
            />
            <Button type="submit" variant="light" loading={add.isPending}>
              {t('prog.add')}
            </Button>
          </Group>
        </form>
      )}
      {add.isError && <ErrorAlert error={add.error} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
    </Stack>
  );
}
