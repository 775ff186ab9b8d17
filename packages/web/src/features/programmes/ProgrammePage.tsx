import type { ProgrammeDetail } from '@hearth/domain';
import { programmeRoutes as routes } from '@hearth/domain';
import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { call } from '../../api/call.ts';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrgDateTimeInput } from '../../components/OrgDateTimeInput.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { Enrolments } from './Enrolments.tsx';
import { type ProgrammeBody, useProgramme, useProgrammeMutation } from './programmes-api.ts';
import { SessionCard } from './SessionCard.tsx';

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
  const add = useProgrammeMutation((body: ProgrammeBody<'addSession'>) =>
    call(routes.addSession, { params: { id: programme.id }, body }),
  );
  const camp = programme.kind === 'summer_camp';
  return (
    <Card withBorder>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({
            title: v.title,
            startsAt: v.startsAt,
            endsAt: v.endsAt,
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
            <OrgDateTimeInput
              label={t('prog.session.startsAt')}
              value={v.startsAt}
              onChange={(startsAt) => setV({ ...v, startsAt })}
            />
            <OrgDateTimeInput
              label={t('prog.session.endsAt')}
              value={v.endsAt}
              onChange={(endsAt) => setV({ ...v, endsAt })}
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
