import type { ProgrammeDetail } from '@hearth/domain';
import { programmeRoutes as routes } from '@hearth/domain';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../api/call.ts';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useStaff } from '../staff/staff-api.ts';
import { isWorkingStaff, type ProgrammeBody, useEnrolments, useProgrammeMutation } from './programmes-api.ts';

/**
 * A course's learners: staff enrol by their account, others by name and organisation. Ticking
 * every session marks the course complete and issues the certificate (the server decides).
 */
export function Enrolments({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('programme:manage');
  const enrolments = useEnrolments(programme.id);
  const staff = useStaff(manage);
  const [userId, setUserId] = useState('');
  const [name, setName] = useState('');
  const [org, setOrg] = useState('');
  const enrol = useProgrammeMutation((body: ProgrammeBody<'enrol'>) =>
    call(routes.enrol, { params: { id: programme.id }, body }),
  );
  const mark = useProgrammeMutation((b: { id: string; sessionId: string; present: boolean }) =>
    call(routes.markAttendance, {
      params: { id: b.id },
      body: { sessionId: b.sessionId, present: b.present },
    }),
  );
  const enrolled = new Set((enrolments.data ?? []).map((e) => e.userId));
  const reset = () => {
    setUserId('');
    setName('');
    setOrg('');
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('prog.course.learners')}
        </Title>
        {manage && (
          <form
            aria-label={t('prog.course.enrol')}
            onSubmit={(e) => {
              e.preventDefault();
              enrol.mutate(userId ? { userId } : { name, organization: org || undefined }, {
                onSuccess: reset,
              });
            }}
          >
            <Group align="flex-end">
              <NativeSelect
                label={t('prog.course.staffMember')}
                value={userId}
                onChange={(e) => setUserId(e.currentTarget.value)}
                data={[
                  { value: '', label: t('prog.course.external') },
                  ...(staff.data?.items ?? [])
                    .filter((u) => isWorkingStaff(u) && !enrolled.has(u.id))
                    .map((u) => ({ value: u.id, label: u.name })),
                ]}
              />
              {!userId && (
                <>
                  <TextInput
                    label={t('prog.course.name')}
                    value={name}
                    onChange={(e) => setName(e.currentTarget.value)}
                  />
                  <TextInput
                    label={t('prog.course.organization')}
                    value={org}
                    onChange={(e) => setOrg(e.currentTarget.value)}
                  />
                </>
              )}
              <Button type="submit" variant="light" loading={enrol.isPending}>
                {t('prog.course.enrol')}
              </Button>
            </Group>
          </form>
        )}
        {enrol.isError && <ErrorAlert error={enrol.error} />}
        {mark.isError && <ErrorAlert error={mark.error} />}
        <Table.ScrollContainer minWidth={600}>
          <Table aria-label={t('prog.course.learners')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('prog.course.name')}</Table.Th>
                {programme.sessions.map((s, i) => (
                  <Table.Th key={s.id} title={s.title}>
                    {i + 1}
                  </Table.Th>
                ))}
                <Table.Th>{t('prog.course.certificate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(enrolments.data ?? []).map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    {e.name}
                    {e.organization ? ` · ${e.organization}` : ''}{' '}
                    <Badge size="xs" variant="light" color={e.external ? 'gray' : 'blue'}>
                      {t(e.external ? 'prog.course.externalBadge' : 'prog.course.staffBadge')}
                    </Badge>
                  </Table.Td>
                  {programme.sessions.map((s) => (
                    <Table.Td key={s.id}>
                      <Checkbox
                        aria-label={`${e.name}: ${s.title}`}
                        checked={e.attended.includes(s.id)}
                        disabled={!manage}
                        onChange={(ev) =>
                          mark.mutate({ id: e.id, sessionId: s.id, present: ev.currentTarget.checked })
                        }
                      />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    {e.certificateNumber ? (
                      <Anchor component={Link} to={`/app/certificates/${e.id}`}>
                        {e.certificateNumber}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
