import type { BoardRoute, DispatchBoard, PlanRun } from '@hearth/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { addDaysIso, mondayOf, todayIso, useBoard, useCareMutation, usePlanRun } from './care-api.ts';
import { RouteMap, routeColors } from './RouteMap.tsx';
import { UrgentDispatch } from './UrgentDispatch.tsx';

/** The coordinator's day: weekly planning, the board of routes, moves by drag and drop, urgent visits. */
export function DispatchPage() {
  const { t } = useTranslation();
  usePageTitle(t('care.dispatch.title'));
  const [date, setDate] = useState(todayIso);
  const board = useBoard(date);
  return (
    <Stack gap="lg">
      <Title order={1}>{t('care.dispatch.title')}</Title>
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t('care.dispatch.date')}
          value={date}
          onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
          data-testid="board-date"
        />
      </Group>
      <WeekPlanning weekStart={mondayOf(date)} />
      {board.isPending ? (
        <PageLoader />
      ) : board.isError ? (
        <ErrorAlert error={board.error} />
      ) : (
        <Board board={board.data} />
      )}
      <UrgentDispatch />
    </Stack>
  );
}

function Measures({ m }: { m: NonNullable<PlanRun['measures']> }) {
  const { t } = useTranslation();
  const item = (label: string, value: string, id: string) => (
    <Card withBorder padding="xs" data-testid={`measure-${id}`}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700}>{value}</Text>
    </Card>
  );
  return (
    <SimpleGrid cols={{ base: 2, md: 5 }}>
      {item(
        t('care.dispatch.measures.travel'),
        t('care.dispatch.measures.travelValue', { minutes: m.travelMinutes, km: m.travelKm }),
        'travel',
      )}
      {item(
        t('care.dispatch.measures.perVisit'),
        t('care.dispatch.measures.perVisitValue', { minutes: m.travelMinutesPerVisit ?? '—' }),
        'per-visit',
      )}
      {item(t('care.dispatch.measures.planned'), `${m.visitsPlanned} / ${m.visitsRequired}`, 'planned')}
      {item(
        t('care.dispatch.measures.continuity'),
        m.continuity === null ? '—' : `${Math.round(m.continuity * 100)} %`,
        'continuity',
      )}
      {item(
        t('care.dispatch.measures.overtime'),
        t('care.dispatch.measures.overtimeValue', { minutes: m.overtimeMinutes }),
        'overtime',
      )}
    </SimpleGrid>
  );
}

function WeekPlanning({ weekStart }: { weekStart: string }) {
  const { t } = useTranslation();
  const [runId, setRunId] = useState<string | null>(null);
  const start = useCareMutation((week: string) => api.post<PlanRun>('/planning/runs', { weekStart: week }));
  const publish = useCareMutation((id: string) => api.post<PlanRun>(`/planning/runs/${id}/publish`));
  const discard = useCareMutation((id: string) => api.post<PlanRun>(`/planning/runs/${id}/discard`));
  const run = usePlanRun(runId);
  const r = run.data;
  return (
    <Card withBorder data-testid="week-planning">
      <Stack gap="sm">
        <Group>
          <Button
            loading={start.isPending}
            disabled={r?.status === 'running'}
            onClick={() => start.mutate(weekStart, { onSuccess: (x) => setRunId(x.id) })}
          >
            {t('care.dispatch.planWeek')} ({weekStart})
          </Button>
        </Group>
        {start.isError && <ErrorAlert error={start.error} />}
        {r?.status === 'running' && (
          <Stack gap={4}>
            <Text>{t('care.dispatch.planning', { percent: Math.round(r.progress.fraction * 100) })}</Text>
            <Progress value={r.progress.fraction * 100} animated aria-label={t('care.dispatch.planWeek')} />
          </Stack>
        )}
        {r?.status === 'failed' && (
          <Alert color="red">{t('care.dispatch.failed', { error: r.error ?? '' })}</Alert>
        )}
        {r && (r.status === 'ready' || r.status === 'published') && (
          <Stack gap="sm" data-testid="plan-preview">
            <Title order={2} size="h4">
              {t('care.dispatch.planReady', { week: r.weekStart })}
            </Title>
            {r.measures && <Measures m={r.measures} />}
            <ScrollArea h={220}>
              <Stack gap={2}>
                {r.routes.map((route) => (
                  <Text key={`${route.staffId}${route.date}`} size="sm">
                    {route.date} · {route.staffName} ({t(`roles.${route.role}` as 'roles.nurse')}):{' '}
                    {route.stops.map((s) => `${s.start} ${s.patientName}`).join(', ')}
                  </Text>
                ))}
              </Stack>
            </ScrollArea>
            {r.unassigned.length > 0 && (
              <Stack gap={2}>
                <Text fw={600}>{t('care.dispatch.unassigned')}</Text>
                {r.unassigned.slice(0, 20).map((u) => (
                  <Text key={`${u.patientId}${u.discipline}`} size="sm">
                    {u.patientName} · {t(`care.disciplines.${u.discipline}`)}: {u.reason}
                  </Text>
                ))}
              </Stack>
            )}
            {r.status === 'ready' ? (
              <Group>
                <Button
                  color="green"
                  loading={publish.isPending}
                  onClick={() => publish.mutate(r.id)}
                  data-testid="plan-publish"
                >
                  {t('care.dispatch.publish')}
                </Button>
                <Button
                  variant="default"
                  onClick={() => discard.mutate(r.id, { onSuccess: () => setRunId(null) })}
                >
                  {t('care.dispatch.discard')}
                </Button>
              </Group>
            ) : (
              <Alert color="green" data-testid="plan-published">
                {t('care.dispatch.published')}
              </Alert>
            )}
            {publish.isError && <ErrorAlert error={publish.error} />}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function Board({ board }: { board: DispatchBoard }) {
  const { t } = useTranslation();
  const move = useCareMutation((b: { visitId: string; staffId: string; date: string; position?: number }) =>
    api.post<DispatchBoard>(`/visits/${b.visitId}/move`, {
      staffId: b.staffId,
      date: b.date,
      position: b.position,
    }),
  );
  const [dragging, setDragging] = useState<{ visitId: string; staffId: string } | null>(null);
  const drop = (route: BoardRoute) => (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    const visitId = e.dataTransfer.getData('text/plain') || dragging?.visitId;
    if (!visitId) return;
    const cards = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-stop]')].filter(
      (c) => c.dataset.stop !== visitId,
    );
    const position = cards.filter((c) => {
      const rect = c.getBoundingClientRect();
      return rect.top + rect.height / 2 < e.clientY;
    }).length;
    move.mutate({ visitId, staffId: route.staffId, date: board.date, position });
    setDragging(null);
  };
  const days = [1, 2, 3, 4, 5].map((n) => addDaysIso(board.date, n));
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {board.date}
        </Title>
        <Text size="sm" c="dimmed">
          {t(`care.dispatch.travelSource.${board.travelSource}`)}
        </Text>
      </Group>
      <Measures m={board.measures} />
      {move.isError && <ErrorAlert error={move.error} />}
      {/* always shown, so the layout does not move under the pointer when a drag starts */}
      {
        <Group gap="xs" aria-label={t('care.dispatch.otherDays')} data-testid="other-days">
          {days.map((d) => (
            <Card
              key={d}
              withBorder
              padding="xs"
              onDragOver={(e) => e.preventDefault()}
              style={{ opacity: dragging ? 1 : 0.6 }}
              onDrop={(e) => {
                e.preventDefault();
                if (dragging) move.mutate({ visitId: dragging.visitId, staffId: dragging.staffId, date: d });
                setDragging(null);
              }}
            >
              <Text size="xs">{t('care.dispatch.moveToDay', { day: d })}</Text>
            </Card>
          ))}
        </Group>
      }
      <Group align="flex-start" gap="sm" pb="sm">
        {board.routes.map((route, i) => (
          <Card
            key={route.staffId}
            withBorder
            w={250}
            padding="xs"
            style={{ borderTop: `4px solid ${routeColors[i % routeColors.length]}`, flexShrink: 0 }}
            onDragOver={(e) => e.preventDefault()}
            onDrop={drop(route)}
            data-testid="board-route"
            data-staff-id={route.staffId}
            data-staff-name={route.staffName}
            data-role={route.role}
          >
            <Stack gap={6}>
              <div>
                <Text fw={700} size="sm">
                  {route.staffName}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`roles.${route.role}` as 'roles.nurse')} ·{' '}
                  {route.shift ? t('care.dispatch.shift', route.shift) : t('care.dispatch.noShift')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('care.dispatch.travelLeg', { minutes: route.travelMinutes })} · {route.travelKm} km ·{' '}
                  {t('care.dispatch.back', { time: route.returnTime })}
                </Text>
                <Anchor component={Link} size="xs" to={`/app/dispatch/sheet/${route.staffId}/${board.date}`}>
                  {t('care.dispatch.routeSheet')}
                </Anchor>
              </div>
              {route.warnings
                .filter((w) => !w.visitId)
                .map((w) => (
                  <Badge key={w.code} color="orange" variant="light" tt="none">
                    {t(`care.dispatch.warnings.${w.code}`, { detail: w.detail ?? '' })}
                  </Badge>
                ))}
              {route.stops.length === 0 && (
                <Text size="xs" c="dimmed">
                  {t('care.dispatch.emptyRoute')}
                </Text>
              )}
              {route.stops.map((s) => {
                const movable = s.status === 'scheduled';
                return (
                  <Card
                    key={s.visitId}
                    withBorder
                    padding={6}
                    draggable={movable}
                    onDragStart={(e) => {
                      e.dataTransfer.setData('text/plain', s.visitId);
                      setDragging({ visitId: s.visitId, staffId: route.staffId });
                    }}
                    onDragEnd={() => setDragging(null)}
                    style={{
                      cursor: movable ? 'grab' : 'default',
                      background: s.kind === 'urgent' ? '#fff5f5' : undefined,
                    }}
                    data-stop={s.visitId}
                    data-testid="board-stop"
                  >
                    <Text size="xs" c="dimmed">
                      {t('care.dispatch.travelLeg', { minutes: s.travelMinutes })}
                    </Text>
                    <Text size="sm" fw={600}>
                      {s.start}–{s.end} {s.patientName}
                    </Text>
                    <Text size="xs">
                      {t(`care.disciplines.${s.discipline}`)} ·{' '}
                      {t(`care.statuses.${s.status}` as 'care.statuses.scheduled')}
                      {s.windowFrom
                        ? ` · ${t('care.dispatch.window', { from: s.windowFrom, to: s.windowTo })}`
                        : ''}
                    </Text>
                    {s.warnings.map((w) => (
                      <Badge
                        key={w.code}
                        color="red"
                        variant="light"
                        size="sm"
                        tt="none"
                        data-testid="stop-warning"
                      >
                        {t(`care.dispatch.warnings.${w.code}`, { detail: w.detail ?? '' })}
                      </Badge>
                    ))}
                  </Card>
                );
              })}
            </Stack>
          </Card>
        ))}
      </Group>
      {board.unassigned.length > 0 && (
        <Stack gap={2}>
          <Text fw={600}>{t('care.dispatch.requested')}</Text>
          {board.unassigned.map((u) => (
            <Text key={u.visitId} size="sm">
              {u.patientName} · {t(`care.disciplines.${u.discipline}`)}
            </Text>
          ))}
        </Stack>
      )}
      <RouteMap base={board.base} routes={board.routes} tileTemplate={board.mapTileUrl} />
    </Stack>
  );
}
