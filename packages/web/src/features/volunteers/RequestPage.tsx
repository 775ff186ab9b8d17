import { Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime } from '../../format/time.ts';
import { CloseAssignment } from './CloseAssignment.tsx';
import { VolunteersNav } from './VolunteersNav.tsx';
import { useAssign, useCancelAssignment, useMatches, useRequest } from './volunteers-api.ts';

/** One family request: who holds it, and the volunteers ranked for it. */
export function RequestPage() {
  const { requestId = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('vol.requests.one'));
  const can = useCan();
  const manage = can('volunteer:manage');
  const request = useRequest(requestId);
  const open = request.data?.status === 'open';
  const matches = useMatches(requestId, manage && open);
  const assign = useAssign(requestId);
  const cancel = useCancelAssignment(requestId);
  if (request.isPending) return <PageLoader />;
  if (request.isError) return <ErrorAlert error={request.error} />;
  const r = request.data;
  return (
    <Stack gap="lg">
      <VolunteersNav />
      <Title order={1}>
        {t(`vol.kind.${r.kind}`)} · {r.patientName}
      </Title>
      <Text>
        {formatDateTime(r.startsAt, i18n.language)} ·{' '}
        {t('vol.requests.minutes', { count: r.durationMinutes })} · {r.language}
        {r.whatToBring ? ` · ${t('vol.requests.whatToBring')}: ${r.whatToBring}` : ''}
      </Text>
      {r.details && <Text c="dimmed">{r.details}</Text>}
      {r.assignments.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h3" mb="xs">
            {t('vol.requests.assignments')}
          </Title>
          <List spacing="xs">
            {r.assignments.map((a) => (
              <List.Item key={a.id}>
                <Group gap="xs">
                  <Text>{a.volunteerName}</Text>
                  <Badge variant="light" data-testid="assignment-status">
                    {t(`vol.assignment.${a.status}`)}
                  </Badge>
                  {a.declineReason && <Text c="dimmed">{a.declineReason}</Text>}
                  {a.closeNote && <Text c="dimmed">{a.closeNote}</Text>}
                  {manage && a.status === 'accepted' && (
                    <CloseAssignment requestId={r.id} assignmentId={a.id} />
                  )}
                  {manage && (a.status === 'offered' || a.status === 'accepted') && (
                    <Button size="xs" variant="default" onClick={() => cancel.mutate(a.id)}>
                      {t('vol.requests.unassign')}
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        </Card>
      )}
      {assign.isError && <ErrorAlert error={assign.error} />}
      {manage && open && (
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('vol.match.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('vol.match.lead')}
          </Text>
          {matches.isPending ? (
            <PageLoader />
          ) : matches.isError ? (
            <ErrorAlert error={matches.error} />
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped aria-label={t('vol.match.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('vol.fields.name')}</Table.Th>
                    <Table.Th>{t('vol.match.score')}</Table.Th>
                    <Table.Th>{t('vol.match.parts')}</Table.Th>
                    <Table.Th>{t('vol.match.distance')}</Table.Th>
                    <Table.Th>{t('vol.match.why')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {matches.data.map((m) => (
                    <Table.Tr key={m.volunteerId} data-testid="match-row">
                      <Table.Td>{m.name}</Table.Td>
                      <Table.Td>
                        <Badge color={m.eligible ? 'green' : 'gray'} variant="light">
                          {m.score}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">
                          {t('vol.match.partsText', {
                            skills: Math.round(m.parts.skills * 100),
                            language: m.parts.language ? '✓' : '✗',
                            distance: Math.round(m.parts.distance * 100),
                            availability: Math.round(m.parts.availability * 100),
                          })}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t('vol.match.km', { km: m.distanceKm })}</Table.Td>
                      <Table.Td>
                        <Text size="xs">
                          {m.reasons.map((x) => t(`vol.reason.${x}` as 'vol.reason.busy')).join(', ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          disabled={m.reasons.some((x) => x.startsWith('status_'))}
                          loading={assign.isPending && assign.variables === m.volunteerId}
                          onClick={() => assign.mutate(m.volunteerId)}
                          aria-label={`${t('vol.match.assign')}: ${m.name}`}
                        >
                          {t('vol.match.assign')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </Stack>
  );
}
