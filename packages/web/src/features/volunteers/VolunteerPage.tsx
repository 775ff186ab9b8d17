import { backgroundCheckResults, trainingModules, volunteerTransitions, type weekdays } from '@hearth/domain';
import {
  Badge,
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { InvitationLink } from '../../components/InvitationLink.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDay, todayIso } from '../../format/time.ts';
import type { Invitation } from '../staff/staff-api.ts';
import { VolunteerForm } from './VolunteerForm.tsx';
import { VolunteersNav } from './VolunteersNav.tsx';
import { statusColor } from './VolunteersPage.tsx';
import {
  useAddNote,
  useChangeStatus,
  useRecordScreening,
  useRecordTraining,
  useUpdateVolunteer,
  useVolunteer,
  useVolunteerLogin,
} from './volunteers-api.ts';

type BackgroundCheckResult = (typeof backgroundCheckResults)[number];

const opt = (s: string) => (s.trim() === '' ? undefined : s);

export function VolunteerPage() {
  const { volunteerId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const can = useCan();
  const manage = can('volunteer:manage');
  const volunteer = useVolunteer(volunteerId);
  usePageTitle(volunteer.data?.name ?? t('vol.title'));
  const status = useChangeStatus(volunteerId);
  const screening = useRecordScreening(volunteerId);
  const training = useRecordTraining(volunteerId);
  const note = useAddNote(volunteerId);
  const login = useVolunteerLogin(volunteerId);
  const update = useUpdateVolunteer(volunteerId);
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState('');
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [email, setEmail] = useState('');
  const [trainedOn, setTrainedOn] = useState(todayIso());
  const [noteText, setNoteText] = useState('');
  const [noteKind, setNoteKind] = useState<'supervision' | 'debrief'>('supervision');
  const [s, setS] = useState({
    interviewOn: '',
    interviewNotes: '',
    backgroundCheckOn: '',
    backgroundCheckResult: 'pending' as BackgroundCheckResult,
    consentSignedOn: '',
    confidentialitySignedOn: '',
  });
  const current = volunteer.data?.screening;
  useEffect(() => {
    if (current)
      setS({
        interviewOn: current.interviewOn ?? '',
        interviewNotes: current.interviewNotes ?? '',
        backgroundCheckOn: current.backgroundCheckOn ?? '',
        backgroundCheckResult: current.backgroundCheckResult,
        consentSignedOn: current.consentSignedOn ?? '',
        confidentialitySignedOn: current.confidentialitySignedOn ?? '',
      });
  }, [current]);

  if (volunteer.isPending) return <PageLoader />;
  if (volunteer.isError) return <ErrorAlert error={volunteer.error} />;
  const v = volunteer.data;

  const saveScreening = (e: FormEvent) => {
    e.preventDefault();
    screening.mutate({
      interviewOn: opt(s.interviewOn),
      interviewNotes: opt(s.interviewNotes),
      backgroundCheckOn: opt(s.backgroundCheckOn),
      backgroundCheckResult: s.backgroundCheckResult,
      consentSignedOn: opt(s.consentSignedOn),
      confidentialitySignedOn: opt(s.confidentialitySignedOn),
    });
  };
  const dateField = (key: keyof typeof s, label: string) => (
    <TextInput
      type="date"
      label={label}
      value={s[key]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setS((x) => ({ ...x, [key]: value }));
      }}
    />
  );

  return (
    <Stack gap="lg">
      <VolunteersNav />
      <Group justify="space-between" align="center">
        <Title order={1}>{v.name}</Title>
        <Badge size="lg" color={statusColor[v.status]} variant="light" data-testid="volunteer-status">
          {t(`vol.status.${v.status}`)}
        </Badge>
      </Group>
      {editing ? (
        <Card withBorder>
          <VolunteerForm
            volunteer={v}
            saving={update.isPending}
            error={update.error}
            onSave={(body, showServerErrors) =>
              update.mutate(body, { onSuccess: () => setEditing(false), onError: showServerErrors })
            }
            onCancel={() => setEditing(false)}
          />
        </Card>
      ) : (
        <Card withBorder data-testid="volunteer-record">
          <Stack gap={4}>
            <Text>
              {v.phone}
              {v.email ? ` · ${v.email}` : ''} · {v.address} · {t('vol.km', { km: v.maxDistanceKm })}
            </Text>
            <Text size="sm">
              {t('vol.fields.skills')}: {v.skills.map((x) => t(`vol.skill.${x}`)).join(', ') || '—'} ·{' '}
              {t('vol.fields.languages')}: {v.languages.join(', ')}
            </Text>
            <Text size="sm">
              {t('vol.fields.areas')}: {v.areas.join(', ') || '—'}
            </Text>
            <Text size="sm">
              {t('vol.fields.availability')}:{' '}
              {v.availability
                .map(
                  (a) => `${t(`vol.weekday.d${a.weekday as (typeof weekdays)[number]}`)} ${a.from}–${a.to}`,
                )
                .join(', ') || '—'}
            </Text>
            {v.notes && (
              <Text size="sm" c="dimmed">
                {v.notes}
              </Text>
            )}
            {manage && (
              <Button variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => setEditing(true)}>
                {t('vol.edit')}
              </Button>
            )}
          </Stack>
        </Card>
      )}
      {manage && volunteerTransitions[v.status].length > 0 && (
        <Group align="flex-end">
          <TextInput
            label={t('vol.statusReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {volunteerTransitions[v.status].map((to) => (
            <Button
              key={to}
              variant={to === 'left' ? 'default' : 'filled'}
              loading={status.isPending && (status.variables as { to?: string } | undefined)?.to === to}
              onClick={() =>
                status.mutate({ to, reason: reason.trim() || undefined }, { onSuccess: () => setReason('') })
              }
            >
              {t(`vol.moveTo.${to}`)}
            </Button>
          ))}
        </Group>
      )}
      {status.isError && <ErrorAlert error={status.error} />}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <form onSubmit={saveScreening} aria-label={t('vol.screening.title')}>
            <Stack gap="xs">
              <Title order={2} size="h3">
                {t('vol.screening.title')}
              </Title>
              {dateField('interviewOn', t('vol.screening.interviewOn'))}
              <Textarea
                label={t('vol.screening.interviewNotes')}
                value={s.interviewNotes}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setS((x) => ({ ...x, interviewNotes: value }));
                }}
              />
              {dateField('backgroundCheckOn', t('vol.screening.backgroundCheckOn'))}
              <NativeSelect
                label={t('vol.screening.backgroundCheckResult')}
                value={s.backgroundCheckResult}
                onChange={(e) => {
                  const value = e.currentTarget.value as BackgroundCheckResult;
                  setS((x) => ({ ...x, backgroundCheckResult: value }));
                }}
                data={backgroundCheckResults.map((r) => ({
                  value: r,
                  label: t(`vol.screening.result.${r}`),
                }))}
              />
              {dateField('consentSignedOn', t('vol.screening.consentSignedOn'))}
              {dateField('confidentialitySignedOn', t('vol.screening.confidentialitySignedOn'))}
              {screening.isError && <ErrorAlert error={screening.error} />}
              {manage && (
                <Button type="submit" loading={screening.isPending} style={{ alignSelf: 'flex-start' }}>
                  {t('vol.screening.save')}
                </Button>
              )}
            </Stack>
          </form>
        </Card>

        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h3">
              {t('vol.training.title')}
            </Title>
            {manage && (
              <TextInput
                type="date"
                label={t('vol.training.completedOn')}
                value={trainedOn}
                onChange={(e) => setTrainedOn(e.currentTarget.value)}
              />
            )}
            <Table>
              <Table.Tbody>
                {trainingModules.map((m) => {
                  const done = v.training.find((x) => x.module === m);
                  return (
                    <Table.Tr key={m}>
                      <Table.Td>{t(`vol.module.${m}`)}</Table.Td>
                      <Table.Td>
                        {done ? (
                          <Badge color="green" variant="light">
                            {formatDay(done.completedOn, i18n.language)}
                          </Badge>
                        ) : manage ? (
                          <Button
                            size="xs"
                            variant="light"
                            aria-label={`${t('vol.training.markDone')}: ${t(`vol.module.${m}`)}`}
                            onClick={() => training.mutate({ module: m, completedOn: trainedOn })}
                          >
                            {t('vol.training.markDone')}
                          </Button>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            {training.isError && <ErrorAlert error={training.error} />}
          </Stack>
        </Card>

        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h3">
              {t('vol.notes.title')}
            </Title>
            {manage && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  note.mutate(
                    { kind: noteKind, on: todayIso(), body: noteText },
                    { onSuccess: () => setNoteText('') },
                  );
                }}
              >
                <Stack gap="xs">
                  <NativeSelect
                    label={t('vol.notes.kind')}
                    value={noteKind}
                    onChange={(e) => setNoteKind(e.currentTarget.value as 'supervision' | 'debrief')}
                    data={[
                      { value: 'supervision', label: t('vol.notes.supervision') },
                      { value: 'debrief', label: t('vol.notes.debrief') },
                    ]}
                  />
                  <Textarea
                    label={t('vol.notes.body')}
                    value={noteText}
                    onChange={(e) => setNoteText(e.currentTarget.value)}
                  />
                  {note.isError && <ErrorAlert error={note.error} />}
                  <Button type="submit" loading={note.isPending} style={{ alignSelf: 'flex-start' }}>
                    {t('vol.notes.add')}
                  </Button>
                </Stack>
              </form>
            )}
            <List spacing="xs">
              {v.supervision.map((n) => (
                <List.Item key={n.id}>
                  <Text size="sm" fw={600}>
                    {formatDay(n.on, i18n.language)} · {t(`vol.notes.${n.kind}`)} · {n.byName}
                  </Text>
                  <Text size="sm">{n.body}</Text>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Card>

        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h3">
              {t('vol.login.title')}
            </Title>
            {v.hasLogin ? (
              <Text>{t('vol.login.has')}</Text>
            ) : (
              manage && (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    login.mutate({ email }, { onSuccess: (inv) => setInvitation(inv) });
                  }}
                >
                  <Stack gap="xs">
                    <Text size="sm">{t('vol.login.lead')}</Text>
                    <TextInput
                      type="email"
                      label={t('vol.login.email')}
                      value={email}
                      onChange={(e) => setEmail(e.currentTarget.value)}
                    />
                    {login.isError && <ErrorAlert error={login.error} />}
                    <Button type="submit" loading={login.isPending} style={{ alignSelf: 'flex-start' }}>
                      {t('vol.login.create')}
                    </Button>
                  </Stack>
                </form>
              )
            )}
            {invitation && <InvitationLink invitation={invitation} onDismiss={() => setInvitation(null)} />}
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
