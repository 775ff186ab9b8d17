import type { ProgrammeDetail, ProgrammeSession } from '@hearth/domain';
import { patientRoutes, programmeRoutes as routes } from '@hearth/domain';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PatientPicker } from '../../components/PatientPicker.tsx';
import { type ProgrammeBody, useProgrammeMutation } from './programmes-api.ts';

/** Young people under care who may join: within the programme's age limit where it has one. */
function useYoungPatients(maxAge: number | null) {
  return useQuery({
    queryKey: ['patients', 'for-programmes', 'active'],
    queryFn: () => call(patientRoutes.list, { query: { status: 'active', limit: 200 } }),
    select: (page) => page.items.filter((p) => maxAge === null || p.ageYears <= maxAge),
  });
}

/**
 * Members at a club session (the friends' club is for people up to 24). A member is linked to
 * their record, whose date of birth the server checks, or named with a date of birth typed in.
 */
export function Participants({
  programme,
  session: s,
  manage,
}: {
  programme: ProgrammeDetail;
  session: ProgrammeSession;
  manage: boolean;
}) {
  const { t } = useTranslation();
  const patients = useYoungPatients(programme.maxAgeYears);
  const [patientId, setPatientId] = useState('');
  const [name, setName] = useState('');
  const [born, setBorn] = useState('');
  const join = useProgrammeMutation((body: ProgrammeBody<'addParticipant'>) =>
    call(routes.addParticipant, { params: { id: s.id }, body }),
  );
  const linked = patients.data?.find((p) => p.id === patientId);
  return (
    <Stack gap={4}>
      <Text size="sm">
        <Text span fw={600}>
          {t('prog.participants')}:
        </Text>{' '}
        {s.participants.map((x) => x.name).join(', ') || '—'}
      </Text>
      {manage && (
        <form
          aria-label={t('prog.addParticipant')}
          onSubmit={(e) => {
            e.preventDefault();
            join.mutate(
              linked
                ? { name: `${linked.firstName} ${linked.lastName}`, patientId: linked.id }
                : { name, dateOfBirth: born || undefined },
              {
                onSuccess: () => {
                  setPatientId('');
                  setName('');
                  setBorn('');
                },
              },
            );
          }}
        >
          <Group align="flex-end" gap="xs">
            <PatientPicker
              label={t('prog.participantRecord')}
              value={patientId}
              onChange={setPatientId}
              patients={patients.data ?? []}
              emptyLabel={t('prog.notUnderCare')}
            />
            {!linked && (
              <>
                <TextInput
                  label={t('prog.participantName')}
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                />
                <TextInput
                  type="date"
                  label={t('prog.dateOfBirth')}
                  value={born}
                  onChange={(e) => setBorn(e.currentTarget.value)}
                />
              </>
            )}
            <Button type="submit" variant="light" loading={join.isPending}>
              {t('prog.add')}
            </Button>
          </Group>
          {programme.maxAgeYears !== null && (
            <Text size="xs" c="dimmed">
              {t('prog.ageRule', { age: programme.maxAgeYears })}
            </Text>
          )}
        </form>
      )}
      {join.isError && <ErrorAlert error={join.error} />}
    </Stack>
  );
}
