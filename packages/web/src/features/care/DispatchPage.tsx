import { type BoardRoute, type DispatchBoard, type PlanRun, planningRoutes } from '@hearth/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Progress,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { call } from '../../api/call.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { CapacityTable, UnplannedList } from './CapacityTable.tsx';
import { addDaysIso, mondayOf, todayIso, useBoard, useCareMutation, usePlanRun } from './care-api.ts';
import { MovePreviewDialog } from './MovePreviewDialog.tsx';
import { RouteMap, routeColors } from './RouteMap.tsx';
import { UrgentDispatch } from './UrgentDispatch.tsx';

/** The coordinator's day: weekly planning, the board of routes, moves by drag and drop, urgent visits. */
export function DispatchPage() {
  const { t } = useTranslation();
  usePageTitle(t('care.dispatch.title'));
  const [date, setDate] = useState(todayIso);
  const board = useBoard(date);
  // "Send a visit" on an alert opens the board with the urgent dispatch for that patient on top
  const [params] = useSearchParams();
  const fromAlert = params.get('patient');
  const urgent = (
    <UrgentDispatch
      key={`${fromAlert ?? ''}|${params.get('alert') ?? ''}`}
      patientId={fromAlert}
      alertId={params.get('alert')}
    />
  );
  return (
    <Stack gap="lg">
      <Title order={1}>{t('care.dispatch.title')}</Title>
      {fromAlert && urgent}
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
      {!fromAlert && urgent}
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
  const start = useCareMutation((week: string) =>
    call(planningRoutes.startWeek, { body: { weekStart: week } }),
  );
  const publish = useCareMutation((id: string) => call(planningRoutes.publish, { params: { id } }));
  const discard = useCareMutation((id: string) => call(planningRoutes.discard, { params: { id } }));
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
            {r.againstPublished && <AgainstPublished diff={r.againstPublished} />}
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
            {r.capacity && <CapacityTable capacity={r.capacity} />}
            {r.unassigned.length > 0 && <UnplannedList unassigned={r.unassigned} />}
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

/** What publishing the plan changes: the visits it adds; the published ones stay as they are. */
function AgainstPublished({ diff }: { diff: NonNullable<PlanRun['againstPublished']> }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="plan-against-published">
      <Text fw={600}>
        {t('care.dispatch.againstPublished', { added: diff.added.length, kept: diff.kept })}
      </Text>
      {diff.added.length > 0 && (
        <ScrollArea.Autosize mah={180}>
          <Stack gap={0}>
            {diff.added.map((a) => (
              <Text key={`${a.date}${a.start}${a.staffName}${a.patientName}`} size="sm">
                + {a.date} {a.start} · {a.patientName} ({t(`care.disciplines.${a.discipline}`)}) →{' '}
                {a.staffName}
              </Text>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

interface MoveTarget {
  visitId: string;
  staffId: string;
  date: string;
  position?: number;
}
interface PendingMove extends MoveTarget {
  patientName: string;
  /** Where the visit was, so the move can be undone. */
  from: MoveTarget;
}

function Board({ board }: { board: DispatchBoard }) {
  const { t } = useTranslation();
  const moveBody = (b: MoveTarget) => ({ staffId: b.staffId, date: b.date, position: b.position });
  const move = useCareMutation((b: MoveTarget) =>
    call(planningRoutes.move, { params: { id: b.visitId }, body: moveBody(b) }),
  );
  const previewMove = useMutation({
    mutationFn: (b: MoveTarget) =>
      call(planningRoutes.previewMove, { params: { id: b.visitId }, body: moveBody(b) }),
  });
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [lastMove, setLastMove] = useState<PendingMove | null>(null);
  const [undone, setUndone] = useState(false);
  const [dragging, setDragging] = useState<{ visitId: string; staffId: string } | null>(null);
  const placeOf = (visitId: string): { from: MoveTarget; patientName: string } | null => {
    for (const r of board.routes) {
      const i = r.stops.findIndex((x) => x.visitId === visitId);
      if (i >= 0)
        return {
          from: { visitId, staffId: r.staffId, date: board.date, position: i },
          patientName: r.stops[i]!.patientName,
        };
    }
    return null;
  };
  /** Every move, by drag or by the keyboard menu, is previewed first and saved only on "Move". */
  const requestMove = (target: MoveTarget) => {
    const place = placeOf(target.visitId);
    if (!place) return;
    setPending({ ...target, ...place });
    previewMove.mutate(target);
  };
  const cancelMove = () => {
    setPending(null);
    previewMove.reset();
  };
  const confirmMove = () => {
    if (!pending) return;
    move.mutate(pending, {
      onSuccess: () => {
        setLastMove(pending);
        setUndone(false);
        cancelMove();
      },
    });
  };
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
    requestMove({ visitId, staffId: route.staffId, date: board.date, position });
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
      {previewMove.isError && <ErrorAlert error={previewMove.error} />}
      <MovePreviewDialog
        preview={pending ? (previewMove.data ?? null) : null}
        loading={previewMove.isPending || move.isPending}
        error={move.isError ? move.error : null}
        onConfirm={confirmMove}
        onCancel={cancelMove}
      />
      {lastMove && (
        <Alert color={undone ? 'gray' : 'green'} data-testid="move-done">
          <Group justify="space-between">
            <Text size="sm">
              {undone
                ? t('care.dispatch.move.undone')
                : t('care.dispatch.move.done', { patient: lastMove.patientName })}
            </Text>
            {!undone && (
              <Button
                size="xs"
                variant="default"
                loading={move.isPending}
                onClick={() => move.mutate(lastMove.from, { onSuccess: () => setUndone(true) })}
                data-testid="move-undo"
              >
                {t('care.dispatch.move.undo')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
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
                if (dragging) requestMove({ visitId: dragging.visitId, staffId: dragging.staffId, date: d });
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
                    data-patient-id={s.patientId}
                    data-kind={s.kind}
                    data-testid="board-stop"
                  >
                    <Group gap={6} justify="space-between" wrap="nowrap">
                      <Text size="xs" c="dimmed">
                        {t('care.dispatch.travelLeg', { minutes: s.travelMinutes })}
                      </Text>
                      {s.kind === 'urgent' && (
                        <Badge color="red" size="sm" tt="none" data-testid="stop-urgent">
                          {t('care.visits.urgent')}
                        </Badge>
                      )}
                    </Group>
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
                    {movable && (
                      <MoveMenu
                        patientName={s.patientName}
                        targets={[
                          ...board.routes
                            .filter((r) => r.staffId !== route.staffId)
                            .map((r) => ({
                              label: t('care.dispatch.move.toPerson', { name: r.staffName }),
                              target: { visitId: s.visitId, staffId: r.staffId, date: board.date },
                            })),
                          ...days.map((d) => ({
                            label: t('care.dispatch.move.toDay', { day: d }),
                            target: { visitId: s.visitId, staffId: route.staffId, date: d },
                          })),
                        ]}
                        onPick={requestMove}
                      />
                    )}
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
      {board.held.length > 0 && (
        <Card withBorder bg="orange.0" data-testid="board-held">
          <Stack gap={2}>
            <Text fw={600}>{t('episode.board.held')}</Text>
            {board.held.map((h) => (
              <Text key={h.visitId} size="sm" data-testid="board-held-visit">
                <Anchor component={Link} to={`/app/patients/${h.patientId}`}>
                  {h.patientName}
                </Anchor>{' '}
                · {t(`care.disciplines.${h.discipline}`)}
                {h.staffName ? ` · ${h.staffName}` : ''}
                {h.reason ? ` — ${h.reason}` : ''}
              </Text>
            ))}
          </Stack>
        </Card>
      )}
      <RouteMap base={board.base} routes={board.routes} tileTemplate={board.mapTileUrl} />
    </Stack>
  );
}

/** The keyboard way to move a visit: a menu of the other people today and the next days. */
function MoveMenu({
  patientName,
  targets,
  onPick,
}: {
  patientName: string;
  targets: { label: string; target: MoveTarget }[];
  onPick: (target: MoveTarget) => void;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button
          size="compact-xs"
          variant="subtle"
          aria-label={t('care.dispatch.move.menuLabel', { patient: patientName })}
        >
          {t('care.dispatch.move.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('care.dispatch.move.menuLabel', { patient: patientName })}</Menu.Label>
        {targets.map((x) => (
          <Menu.Item key={`${x.target.staffId}${x.target.date}`} onClick={() => onPick(x.target)}>
            {x.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
