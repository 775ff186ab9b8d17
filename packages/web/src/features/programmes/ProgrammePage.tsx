import type { ProgrammeDetail, ProgrammeSession } from '@hearth/domain';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime } from '../../format/time.ts';
import { useChildPatients } from '../volunteers/RequestsPage.tsx';
import { useVolunteers } from '../volunteers/volunteers-api.ts';
import { useApplications, useEnrolments, useProgramme, useProgrammeMutation } from './programmes-api.ts';

/** One programme: its sessions or shifts with places, roster, and what the kind needs. */
export function ProgrammePage() {
  const { programmeId = '' } = useParams();
  const { t } = useTranslation();
  const programme = useProgramme(programmeId);
  usePageTitle(programme.data?.name ?? t('prog.title'));
  const can = useCan();
  if (programme.isPending) return <PageLoader />;
  if (programme.isError) return <ErrorAlert error={programme.error} />;
  const p = programme.data;
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{p.name}</Title>
        <Badge size="lg" variant="light">
          {t(`prog.kinds.${p.kind}`)}
        </Badge>
      </Group>
      {p.description && <Text c="dimmed">{p.description}</Text>}
      {p.maxAgeYears !== null && <Text size="sm">{t('prog.maxAge', { age: p.maxAgeYears })}</Text>}
      {can('programme:manage') && <NewSession programme={p} />}
      {p.kind === 'training_course' && <Enrolments programme={p} />}
      {p.sessions.map((s) => (
        <SessionCard key={s.id} programme={p} session={s} />
      ))}
    </Stack>
  );
}

function NewSession({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    title: '',
    startsAt: '',
    endsAt: '',
    place: '',
    capacity: 10 as string | number,
    familyCapacity: 10 as string | number,
  });
  const add = useProgrammeMutation((body: unknown) => api.post(`/programmes/${programme.id}/sessions`, body));
  const camp = programme.kind === 'summer_camp';
  return (
    <Card withBorder>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({
            title: v.title,
            startsAt: v.startsAt ? new Date(v.startsAt).toISOString() : '',
            endsAt: v.endsAt ? new Date(v.endsAt).toISOString() : '',
            place: v.place,
            capacity: Number(v.capacity),
            ...(camp && { familyCapacity: Number(v.familyCapacity) }),
          });
        }}
        aria-label={t(camp ? 'prog.newShift' : 'prog.newSession')}
      >
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t(camp ? 'prog.newShift' : 'prog.newSession')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('prog.session.title')}
              value={v.title}
              onChange={(e) => setV({ ...v, title: e.currentTarget.value })}
            />
            <TextInput
              type="datetime-local"
              label={t('prog.session.startsAt')}
              value={v.startsAt}
              onChange={(e) => setV({ ...v, startsAt: e.currentTarget.value })}
            />
            <TextInput
              type="datetime-local"
              label={t('prog.session.endsAt')}
              value={v.endsAt}
              onChange={(e) => setV({ ...v, endsAt: e.currentTarget.value })}
            />
            <TextInput
              label={t('prog.session.place')}
              value={v.place}
              onChange={(e) => setV({ ...v, place: e.currentTarget.value })}
            />
            <NumberInput
              label={t(camp ? 'prog.session.childCapacity' : 'prog.session.capacity')}
              value={v.capacity}
              onChange={(x) => setV({ ...v, capacity: x })}
              min={1}
            />
            {camp && (
              <NumberInput
                label={t('prog.session.familyCapacity')}
                value={v.familyCapacity}
                onChange={(x) => setV({ ...v, familyCapacity: x })}
                min={0}
              />
            )}
          </SimpleGrid>
          {add.isError && <ErrorAlert error={add.error} />}
          <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('prog.add')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function SessionCard({ programme, session: s }: { programme: ProgrammeDetail; session: ProgrammeSession }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const manage = can('programme:manage');
  const camp = programme.kind === 'summer_camp';
  const club = programme.kind === 'friends_club' || programme.kind === 'clown_doctors';
  const volunteers = useVolunteers('active');
  const [volunteerId, setVolunteerId] = useState('');
  const [role, setRole] = useState('');
  const [participant, setParticipant] = useState('');
  const roster = useProgrammeMutation((body: unknown) =>
    api.post(`/programme-sessions/${s.id}/roster`, body),
  );
  const join = useProgrammeMutation((body: unknown) =>
    api.post(`/programme-sessions/${s.id}/participants`, body),
  );
  return (
    <Card withBorder data-testid="session-card">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {s.title}
          </Title>
          <Badge color={s.taken >= s.capacity ? 'red' : 'green'} variant="light" data-testid="session-places">
            {t('prog.places', { taken: s.taken, capacity: s.capacity })}
          </Badge>
        </Group>
        <Text size="sm">
          {formatDateTime(s.startsAt, i18n.language)} – {formatDateTime(s.endsAt, i18n.language)} · {s.place}
        </Text>
        <Progress
          value={Math.min(100, (s.taken / s.capacity) * 100)}
          aria-label={t('prog.places', { taken: s.taken, capacity: s.capacity })}
        />
        {camp && (
          <Text size="sm">
            {t('prog.familyPlaces', { taken: s.familyTaken, capacity: s.familyCapacity ?? 0 })} ·{' '}
            {t('prog.waiting', { count: s.waiting })}
          </Text>
        )}
        <Text size="sm" fw={600}>
          {t('prog.roster')}:{' '}
          {s.roster.length ? s.roster.map((r) => `${r.name} (${r.role})`).join(', ') : '—'}
        </Text>
        {manage && (
          <Group align="flex-end">
            <NativeSelect
              label={t('prog.addVolunteer')}
              value={volunteerId}
              onChange={(e) => setVolunteerId(e.currentTarget.value)}
              data={[
                { value: '', label: t('intake.form.choose') },
                ...(volunteers.data?.items ?? []).map((v) => ({ value: v.id, label: v.name })),
              ]}
            />
            <TextInput
              label={t('prog.rosterRole')}
              value={role}
              onChange={(e) => setRole(e.currentTarget.value)}
            />
            <Button
              variant="light"
              onClick={() => roster.mutate({ volunteerId: volunteerId || undefined, role })}
            >
              {t('prog.add')}
            </Button>
          </Group>
        )}
        {roster.isError && <ErrorAlert error={roster.error} />}
        {club && (
          <>
            <Text size="sm">
              {t('prog.participants')}: {s.participants.map((x) => x.name).join(', ') || '—'}
            </Text>
            {manage && (
              <Group align="flex-end">
                <TextInput
                  label={t('prog.participantName')}
                  value={participant}
                  onChange={(e) => setParticipant(e.currentTarget.value)}
                />
                <Button
                  variant="light"
                  onClick={() => join.mutate({ name: participant }, { onSuccess: () => setParticipant('') })}
                >
                  {t('prog.add')}
                </Button>
              </Group>
            )}
            {join.isError && <ErrorAlert error={join.error} />}
          </>
        )}
        {camp && manage && <CampApplications sessionId={s.id} />}
      </Stack>
    </Card>
  );
}

function CampApplications({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const apps = useApplications(sessionId);
  const children = useChildPatients();
  const [patientId, setPatientId] = useState('');
  const [family, setFamily] = useState<string | number>(1);
  const apply = useProgrammeMutation((body: unknown) =>
    api.post(`/programme-sessions/${sessionId}/camp-applications`, body),
  );
  const withdraw = useProgrammeMutation((id: string) => api.post(`/camp-applications/${id}/withdraw`));
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('prog.camp.applications')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply.mutate({ patientId, familyMembers: Number(family) }, { onSuccess: () => setPatientId('') });
        }}
        aria-label={t('prog.camp.apply')}
      >
        <Group align="flex-end">
          <NativeSelect
            label={t('prog.camp.child')}
            value={patientId}
            onChange={(e) => setPatientId(e.currentTarget.value)}
            data={[
              { value: '', label: t('intake.form.choose') },
              ...(children.data?.items ?? []).map((p) => ({
                value: p.id,
                label: `${p.lastName} ${p.firstName}`,
              })),
            ]}
          />
          <NumberInput
            label={t('prog.camp.familyMembers')}
            value={family}
            onChange={setFamily}
            min={0}
            max={10}
            w={160}
          />
          <Button type="submit" loading={apply.isPending}>
            {t('prog.camp.apply')}
          </Button>
        </Group>
      </form>
      {apply.isError && <ErrorAlert error={apply.error} />}
      {apps.data && apps.data.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table>
            <Table.Tbody>
              {apps.data.map((a) => (
                <Table.Tr key={a.id} data-testid="camp-application">
                  <Table.Td>{a.childName}</Table.Td>
                  <Table.Td>{t('prog.camp.withFamily', { count: a.familyMembers })}</Table.Td>
                  <Table.Td>
                    <Text
                      size="sm"
                      fw={600}
                      c={
                        a.status === 'accepted'
                          ? 'green.9'
                          : a.status === 'waitlisted'
                            ? 'orange.9'
                            : 'dimmed'
                      }
                    >
                      {a.status === 'waitlisted'
                        ? t('prog.camp.waitlisted', { position: a.waitlistPosition })
                        : t(`prog.camp.status.${a.status}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {a.missingConsents.length
                        ? t('prog.camp.missingConsents', {
                            list: a.missingConsents.map((k) => t(`prog.camp.consent.${k}`)).join(', '),
                          })
                        : t('prog.camp.consentsDone')}
                    </Text>
                    {a.recordMedicines.length > 0 && (
                      <Text size="xs">
                        {t('prog.camp.recordMedicines')}: {a.recordMedicines.join('; ')}
                      </Text>
                    )}
                    {a.careNote && (
                      <Text size="xs" c="dimmed">
                        {[a.careNote.mobility, a.careNote.diet, a.careNote.equipment, a.careNote.whoMayGive]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {a.status !== 'withdrawn' && (
                      <Button size="xs" variant="default" onClick={() => withdraw.mutate(a.id)}>
                        {t('prog.camp.withdraw')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed">
        {t('prog.camp.medicinesNote')}
      </Text>
    </Stack>
  );
}

function Enrolments({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('programme:manage');
  const enrolments = useEnrolments(programme.id);
  const [name, setName] = useState('');
  const [org, setOrg] = useState('');
  const enrol = useProgrammeMutation((body: unknown) =>
    api.post(`/programmes/${programme.id}/enrolments`, body),
  );
  const mark = useProgrammeMutation((b: { id: string; sessionId: string; present: boolean }) =>
    api.post(`/course-enrolments/${b.id}/attendance`, { sessionId: b.sessionId, present: b.present }),
  );
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('prog.course.learners')}
        </Title>
        {manage && (
          <Group align="flex-end">
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
            <Button
              variant="light"
              onClick={() =>
                enrol.mutate({ name, organization: org || undefined }, { onSuccess: () => setName('') })
              }
            >
              {t('prog.course.enrol')}
            </Button>
          </Group>
        )}
        {enrol.isError && <ErrorAlert error={enrol.error} />}
        {mark.isError && <ErrorAlert error={mark.error} />}
        <Table.ScrollContainer minWidth={600}>
          <Table>
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
                    {e.organization ? ` · ${e.organization}` : ''}
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
