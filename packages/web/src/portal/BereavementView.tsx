import type { Patient } from '@hearth/domain';
import { Blockquote, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEpisode } from '../features/patients/episode-api.ts';
import { formatDay } from '../format/time.ts';
import { CallServiceButton } from './CallServiceButton.tsx';

/**
 * What the family sees first once the death is recorded (episode rules: bereavement_view): the
 * team's words, what happens next and who to call, in plain words and large type on a phone
 * (palliative-research.md §6 items 7–8). The diary and dose controls are gone from the portal.
 */
export function BereavementView({ patient, servicePhone }: { patient: Patient; servicePhone?: string }) {
  const { t, i18n } = useTranslation();
  const episode = useEpisode(patient.id);
  const b = episode.data?.bereavement;
  return (
    <Stack gap="lg" data-testid="portal-bereavement">
      <Paper withBorder p="lg" radius="md" bg="hearth.0">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('eol.family.title')}
          </Title>
          <Text size="lg">{t('eol.family.lead')}</Text>
          {b && (
            <Text c="dimmed">
              {t('episode.bereavement.died', { date: formatDay(b.diedOn, i18n.language) })}
            </Text>
          )}
          {b?.teamMessage && (
            <Blockquote cite={t('episode.bereavement.teamMessage')} p="md" data-testid="portal-team-message">
              <Text size="lg">{b.teamMessage}</Text>
            </Blockquote>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('episode.bereavement.nextTitle')}
          </Title>
          <List size="lg" spacing="sm">
            {(['contact', 'equipment', 'medicines', 'support'] as const).map((k) => (
              <List.Item key={k}>{t(`eol.family.${k}`)}</List.Item>
            ))}
          </List>
        </Stack>
      </Paper>
      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('episode.bereavement.contactsTitle')}
          </Title>
          {servicePhone && (
            <CallServiceButton
              phone={servicePhone}
              label={t('episode.bereavement.call')}
              testId="portal-call"
            />
          )}
          {patient.team.map((m) => (
            <Text key={m.userId} size="lg">
              {m.name} — {t(`roles.${m.role}` as 'roles.nurse', { defaultValue: m.role })}
            </Text>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
