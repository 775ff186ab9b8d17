import { carePlanRoutes } from '@hearth/domain';
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call.ts';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { careKeys, useDue } from './care-api.ts';
import { MeetingForm } from './MeetingForm.tsx';
import { disciplineGroupLabel } from './meeting-form.ts';
import { reviewReasonText } from './review-reason.ts';

/**
 * The interdisciplinary team meeting: who is due for review (every 15 days at least, sooner
 * after an unstable phase), the form to record a meeting, and the meetings held.
 */
export function MeetingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('care.meetings.title'));
  const can = useCan();
  const meetings = useQuery({
    queryKey: careKeys.meetings,
    queryFn: () => call(carePlanRoutes.meetings),
  });
  return (
    <Stack gap="lg">
      <Title order={1}>{t('care.meetings.title')}</Title>
      {can('meeting:manage') ? <MeetingForm /> : <DueList />}
      <Title order={2} size="h3">
        {t('care.meetings.held')}
      </Title>
      {meetings.isPending && <PageLoader />}
      {meetings.isError && <ErrorAlert error={meetings.error} />}
      {meetings.data?.length === 0 && <Text c="dimmed">{t('care.meetings.noneHeld')}</Text>}
      {meetings.data?.map((m) => (
        <Card key={m.id} withBorder data-testid="meeting">
          <Stack gap={6}>
            <Group justify="space-between">
              <Text fw={700}>{m.heldOn}</Text>
              {m.missingDisciplines.length > 0 && (
                <Badge color="orange" variant="light" tt="none">
                  {t('care.meetings.missing', {
                    list: m.missingDisciplines.map((g) => disciplineGroupLabel(g, t)).join(', '),
                  })}
                </Badge>
              )}
            </Group>
            <Text size="sm">
              {t('care.meetings.attendance')}:{' '}
              {m.attendees
                .map(
                  (a) => `${a.name} (${t(`care.disciplines.${a.discipline}` as 'care.disciplines.nurse')})`,
                )
                .join(', ')}
            </Text>
            {m.notes && <Text size="sm">{m.notes}</Text>}
            {m.reviews.map((r) => (
              <Text key={r.patientId} size="sm">
                <b>{r.patientName}</b>: {r.summary}
                {r.ownerName ? ` · ${t('care.meetings.owner')}: ${r.ownerName}` : ''}
                {r.carePlanVersion
                  ? ` · ${t('care.meetings.planVersion', { version: r.carePlanVersion })}`
                  : ''}
              </Text>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/** Who is due for review, for those who may read but not record meetings. */
export function DueList() {
  const { t } = useTranslation();
  const due = useDue();
  return (
    <Card withBorder>
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t('care.meetings.due')}
        </Title>
        {due.isError && <ErrorAlert error={due.error} />}
        {due.data?.map((p) => (
          <Text key={p.patientId} size="sm">
            {p.patientName} · {reviewReasonText(t, p)} · {p.dueOn}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
