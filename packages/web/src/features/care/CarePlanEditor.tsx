import {
  type CarePlanContent,
  type ContractInput,
  carePlanRoutes,
  type Discipline,
  disciplines,
  illnessPhases,
} from '@hearth/domain';
import {
  Button,
  Card,
  Checkbox,
  Chip,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { type CarePlanView, todayIso, useCareMutation, useCareTeam } from './care-api.ts';
import { type CarePlanFormValues, contentOf, formValuesOf, newItemKey } from './care-plan-form.ts';

/** Saves the editor's content as the next version of the patient's care plan, with why. */
export function CarePlanChange({
  patientId,
  plan,
  onDone,
}: {
  patientId: string;
  plan: CarePlanView;
  onDone: () => void;
}) {
  const save = useCareMutation((body: ContractInput<typeof carePlanRoutes.change>['body']) =>
    call(carePlanRoutes.change, { params: { patientId }, body }),
  );
  return (
    <CarePlanEditor
      initial={plan.current?.content ?? null}
      askReason
      pending={save.isPending}
      error={save.error}
      onCancel={onDone}
      onSubmit={(content, reason) =>
        save.mutate({ content, reason, baseVersion: plan.current?.version ?? 0 }, { onSuccess: onDone })
      }
    />
  );
}

/**
 * The care plan as a form: problems, goals and interventions per discipline (each with an
 * owner), visit frequency per discipline, the family's preferred times, key worker, review date
 * and phase. Used to change a plan directly (a new version with who and why) and, in a team
 * meeting, to record a decision as a change.
 */
export function CarePlanEditor({
  initial,
  askReason,
  pending = false,
  error,
  onSubmit,
  onCancel,
}: {
  initial: CarePlanContent | null;
  askReason: boolean;
  pending?: boolean;
  error?: unknown;
  onSubmit: (content: CarePlanContent, reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const team = useCareTeam();
  const [v, setV] = useState<CarePlanFormValues>(() => formValuesOf(initial, todayIso()));
  const set = <K extends keyof CarePlanFormValues>(k: K, value: CarePlanFormValues[K]) =>
    setV((x) => ({ ...x, [k]: value }));
  const setFrequency = (d: Discipline, patch: Partial<CarePlanFormValues['frequencies'][Discipline]>) =>
    setV((x) => ({ ...x, frequencies: { ...x.frequencies, [d]: { ...x.frequencies[d], ...patch } } }));
  const setItem = (key: string, patch: Partial<CarePlanFormValues['items'][number]>) =>
    setV((x) => ({ ...x, items: x.items.map((i) => (i.key === key ? { ...i, ...patch } : i)) }));
  const people = [
    { value: '', label: t('care.editor.nobody') },
    ...(team.data ?? []).map((m) => ({
      value: m.id,
      label: `${m.name} (${t(`care.disciplines.${m.discipline}`)})`,
    })),
  ];
  const disciplineOptions = disciplines.map((d) => ({ value: d, label: t(`care.disciplines.${d}`) }));
  const weekdays = [1, 2, 3, 4, 5, 6, 7];
  return (
    <form
      data-testid="care-plan-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(contentOf(v), v.reason);
      }}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('care.plan.phase')}
            value={v.phase}
            data={illnessPhases.map((p) => ({ value: p, label: t(`care.phases.${p}`) }))}
            onChange={(e) => set('phase', e.currentTarget.value as CarePlanFormValues['phase'])}
          />
          <TextInput
            type="date"
            label={t('care.plan.reviewDate')}
            value={v.reviewDate}
            required
            onChange={(e) => set('reviewDate', e.currentTarget.value)}
          />
          <NativeSelect
            label={t('care.plan.keyWorker')}
            value={v.keyWorkerId}
            data={people}
            onChange={(e) => set('keyWorkerId', e.currentTarget.value)}
          />
        </SimpleGrid>

        <Card withBorder padding="sm">
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('care.plan.preferredTimes')}
            </Title>
            <Checkbox
              label={t('care.plan.anyTime')}
              checked={v.anyTime}
              onChange={(e) => set('anyTime', e.currentTarget.checked)}
            />
            {!v.anyTime && (
              <>
                <Group>
                  <TextInput
                    type="time"
                    label={t('care.editor.from')}
                    value={v.preferredFrom}
                    onChange={(e) => set('preferredFrom', e.currentTarget.value)}
                  />
                  <TextInput
                    type="time"
                    label={t('care.editor.to')}
                    value={v.preferredTo}
                    onChange={(e) => set('preferredTo', e.currentTarget.value)}
                  />
                </Group>
                <Text size="sm">{t('care.editor.weekdays')}</Text>
                <Chip.Group
                  multiple
                  value={v.weekdays.map(String)}
                  onChange={(x) => set('weekdays', x.map(Number))}
                >
                  <Group gap={6}>
                    {weekdays.map((d) => (
                      <Chip key={d} value={String(d)}>
                        {t(`care.editor.weekday.d${d}` as 'care.editor.weekday.d1')}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
              </>
            )}
          </Stack>
        </Card>

        <Card withBorder padding="sm">
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('care.editor.frequencies')}
            </Title>
            <Table.ScrollContainer minWidth={520}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('care.editor.discipline')}</Table.Th>
                    <Table.Th>{t('care.editor.how')}</Table.Th>
                    <Table.Th>{t('care.editor.count')}</Table.Th>
                    <Table.Th>{t('care.editor.duration')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {disciplines.map((d) => {
                    const f = v.frequencies[d];
                    const name = t(`care.disciplines.${d}`);
                    return (
                      <Table.Tr key={d} data-testid={`frequency-${d}`}>
                        <Table.Td>{name}</Table.Td>
                        <Table.Td>
                          <NativeSelect
                            aria-label={t('care.editor.howFor', { discipline: name })}
                            value={f.mode}
                            data={(['none', 'weekly', 'interval', 'as_needed'] as const).map((m) => ({
                              value: m,
                              label: t(`care.editor.mode.${m}`),
                            }))}
                            onChange={(e) =>
                              setFrequency(d, {
                                mode: e.currentTarget
                                  .value as CarePlanFormValues['frequencies'][Discipline]['mode'],
                              })
                            }
                          />
                        </Table.Td>
                        <Table.Td>
                          {(f.mode === 'weekly' || f.mode === 'interval') && (
                            <TextInput
                              type="number"
                              min={1}
                              w={90}
                              required
                              aria-label={t(
                                f.mode === 'weekly' ? 'care.editor.timesPerWeek' : 'care.editor.everyDays',
                                { discipline: name },
                              )}
                              value={f.count}
                              onChange={(e) => setFrequency(d, { count: e.currentTarget.value })}
                            />
                          )}
                        </Table.Td>
                        <Table.Td>
                          {f.mode !== 'none' && (
                            <TextInput
                              type="number"
                              min={10}
                              max={240}
                              w={90}
                              aria-label={t('care.editor.durationFor', { discipline: name })}
                              value={f.durationMinutes}
                              onChange={(e) => setFrequency(d, { durationMinutes: e.currentTarget.value })}
                            />
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </Card>

        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('care.editor.items')}
          </Title>
          {v.items.map((it, n) => (
            <Card key={it.key} withBorder padding="sm" data-testid="care-plan-item">
              <Stack gap="xs">
                <Group grow align="flex-end">
                  <NativeSelect
                    label={t('care.editor.discipline')}
                    value={it.discipline}
                    data={disciplineOptions}
                    onChange={(e) => setItem(it.key, { discipline: e.currentTarget.value as Discipline })}
                  />
                  <NativeSelect
                    label={t('care.editor.owner')}
                    value={it.ownerId}
                    data={people}
                    onChange={(e) => setItem(it.key, { ownerId: e.currentTarget.value })}
                  />
                </Group>
                <TextInput
                  label={t('care.plan.problem')}
                  required
                  value={it.problem}
                  onChange={(e) => setItem(it.key, { problem: e.currentTarget.value })}
                />
                <TextInput
                  label={t('care.plan.goal')}
                  required
                  value={it.goal}
                  onChange={(e) => setItem(it.key, { goal: e.currentTarget.value })}
                />
                <Textarea
                  label={t('care.plan.interventions')}
                  description={t('care.editor.onePerLine')}
                  autosize
                  minRows={2}
                  value={it.interventions}
                  onChange={(e) => setItem(it.key, { interventions: e.currentTarget.value })}
                />
                <Group justify="flex-end">
                  <Button
                    variant="subtle"
                    color="red"
                    onClick={() =>
                      set(
                        'items',
                        v.items.filter((x) => x.key !== it.key),
                      )
                    }
                  >
                    {t('care.editor.removeItem', { n: n + 1 })}
                  </Button>
                </Group>
              </Stack>
            </Card>
          ))}
          <Group>
            <Button
              variant="light"
              onClick={() =>
                set('items', [
                  ...v.items,
                  {
                    key: newItemKey(),
                    discipline: 'nurse',
                    problem: '',
                    goal: '',
                    interventions: '',
                    ownerId: '',
                  },
                ])
              }
            >
              {t('care.editor.addItem')}
            </Button>
          </Group>
        </Stack>

        {askReason && (
          <Textarea
            label={t('care.editor.reason')}
            description={t('care.editor.reasonHint')}
            required
            minLength={3}
            autosize
            minRows={2}
            value={v.reason}
            onChange={(e) => set('reason', e.currentTarget.value)}
          />
        )}
        {error ? <ErrorAlert error={error} /> : null}
        <Group>
          <Button type="submit" loading={pending} disabled={askReason && v.reason.trim().length < 3}>
            {t(askReason ? 'care.editor.save' : 'care.editor.keep')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('care.editor.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
