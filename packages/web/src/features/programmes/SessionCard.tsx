import type { ProgrammeDetail, ProgrammeSession } from '@hearth/domain';
import { Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me.ts';
import { formatDateTime } from '../../format/time.ts';
import { CampApplications } from './CampApplications.tsx';
import { Participants } from './Participants.tsx';
import { RosterEditor } from './RosterEditor.tsx';

/** One session or camp shift: its places, roster, and the participants or applications of the kind. */
export function SessionCard({
  programme,
  session: s,
}: {
  programme: ProgrammeDetail;
  session: ProgrammeSession;
}) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const manage = can('programme:manage');
  const camp = programme.kind === 'summer_camp';
  const club = programme.kind === 'friends_club' || programme.kind === 'clown_doctors';
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
        <RosterEditor session={s} manage={manage} />
        {club && <Participants programme={programme} session={s} manage={manage} />}
        {camp && manage && <CampApplications sessionId={s.id} />}
      </Stack>
    </Card>
  );
}
