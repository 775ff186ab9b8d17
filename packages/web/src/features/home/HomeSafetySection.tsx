import { type HomeSafetyItemKey, homeSafetyItems, safetyAnswers, safetyOccasions } from '@hearth/domain';
import {
  Accordion,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay, todayIso } from '../../format/time.ts';
import { usePatientLabelName } from '../../offline/patient-label.ts';
import { useFamily } from '../family/family-api.ts';
import { FormActions } from './FormActions.tsx';
import {
  type HomeSafetyOverview,
  useCompleteSafetyAction,
  useHomeSafety,
  useRecordSafetyCheck,
} from './home-care-api.ts';

type Answer = (typeof safetyAnswers)[number];
interface ActionDraft {
  description: string;
  ownerName: string;
  dueOn: string;
}
const sections = [...new Set(homeSafetyItems.map((i) => i.section))];

/** The check at the first visit or when things change; each unmet item gets an action with an owner. */
function CheckForm({ patientId, onDone }: { patientId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordSafetyCheck(
    patientId,
    t('offline.labels.safetyCheck', { name: usePatientLabelName(patientId) }),
  );
  const family = useFamily(patientId);
  const [occasion, setOccasion] = useState<string>('first_visit');
  const [checkedOn, setCheckedOn] = useState(todayIso());
  const [answers, setAnswers] = useState<Partial<Record<HomeSafetyItemKey, Answer>>>({});
  const [notes, setNotes] = useState<Partial<Record<HomeSafetyItemKey, string>>>({});
  const [actions, setActions] = useState<Partial<Record<HomeSafetyItemKey, ActionDraft>>>({});
  const setAction = (key: HomeSafetyItemKey, patch: Partial<ActionDraft>) =>
    setActions((a) => ({ ...a, [key]: { description: '', ownerName: '', dueOn: '', ...a[key], ...patch } }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const answered = homeSafetyItems.filter((i) => answers[i.key]);
    record.mutate(
      {
        occasion,
        checkedOn,
        items: answered.map((i) => ({ key: i.key, answer: answers[i.key], note: notes[i.key] || undefined })),
        actions: answered
          .filter((i) => answers[i.key] === 'unmet')
          .map((i) => {
            const a = actions[i.key];
            // a relative with a portal account who owns an action can mark it done themselves
            const owner = family.data?.find((f) => f.name === a?.ownerName.trim());
            return {
              itemKey: i.key,
              description: a?.description ?? '',
              ownerName: a?.ownerName ?? '',
              ownerUserId: owner?.userId,
              dueOn: a?.dueOn || undefined,
            };
          }),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} data-testid="safety-form">
      <Stack gap="sm">
        <Group grow>
          <NativeSelect
            label={t('homeCare.safety.occasion')}
            value={occasion}
            onChange={(e) => setOccasion(e.currentTarget.value)}
            data={safetyOccasions.map((o) => ({ value: o, label: t(`homeCare.safety.occasions.${o}`) }))}
          />
          <TextInput
            type="date"
            label={t('homeCare.safety.checkedOn')}
            value={checkedOn}
            onChange={(e) => setCheckedOn(e.currentTarget.value)}
            required
          />
        </Group>
        {sections.map((section) => (
          <Paper key={section} withBorder p="sm">
            <Text fw={700} mb="xs">
              {t(`homeCare.safety.sections.${section}`)}
            </Text>
            <Stack gap="sm">
              {homeSafetyItems
                .filter((i) => i.section === section)
                .map(({ key }) => (
                  <Stack key={key} gap={4} data-testid={`safety-item-${key}`}>
                    <Radio.Group
                      label={t(`homeCare.safety.items.${key}`)}
                      value={answers[key] ?? null}
                      onChange={(v) => setAnswers((a) => ({ ...a, [key]: v as Answer }))}
                    >
                      <Group gap="md" mt={4}>
                        {safetyAnswers.map((v) => (
                          <Radio key={v} value={v} label={t(`homeCare.safety.answers.${v}`)} />
                        ))}
                      </Group>
                    </Radio.Group>
                    {answers[key] && answers[key] !== 'met' && (
                      <TextInput
                        size="xs"
                        label={t('homeCare.safety.note')}
                        value={notes[key] ?? ''}
                        onChange={(e) => setNotes((n) => ({ ...n, [key]: e.currentTarget.value }))}
                      />
                    )}
                    {answers[key] === 'unmet' && (
                      <Group grow align="flex-start">
                        <TextInput
                          size="xs"
                          label={t('homeCare.safety.action')}
                          value={actions[key]?.description ?? ''}
                          onChange={(e) => setAction(key, { description: e.currentTarget.value })}
                          required
                          minLength={3}
                        />
                        <TextInput
                          size="xs"
                          label={t('homeCare.safety.owner')}
                          value={actions[key]?.ownerName ?? ''}
                          onChange={(e) => setAction(key, { ownerName: e.currentTarget.value })}
                          required
                          minLength={2}
                          list={`owners-${patientId}`}
                        />
                        <TextInput
                          size="xs"
                          type="date"
                          label={t('homeCare.safety.dueOn')}
                          value={actions[key]?.dueOn ?? ''}
                          onChange={(e) => setAction(key, { dueOn: e.currentTarget.value })}
                        />
                      </Group>
                    )}
                  </Stack>
                ))}
            </Stack>
          </Paper>
        ))}
        <datalist id={`owners-${patientId}`}>
          {family.data?.map((f) => (
            <option key={f.userId} value={f.name} />
          ))}
        </datalist>
        {record.isError && <ErrorAlert error={record.error} />}
        <FormActions label={t('homeCare.safety.save')} pending={record.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

type Action = HomeSafetyOverview['openActions'][number];

function ActionLine({
  patientId,
  action,
  canComplete,
}: {
  patientId: string;
  action: Action;
  canComplete: boolean;
}) {
  const { t, i18n } = useTranslation();
  const complete = useCompleteSafetyAction(patientId);
  return (
    <Group justify="space-between" wrap="nowrap" data-testid="safety-action">
      <Stack gap={0}>
        <Text size="sm" fw={600}>
          {action.description}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`homeCare.safety.items.${action.itemKey}`)} ·{' '}
          {action.dueOn
            ? t('homeCare.safety.ownerDue', {
                owner: action.ownerName,
                date: formatDay(action.dueOn, i18n.language),
              })
            : action.ownerName}
          {action.doneAt &&
            ` · ${t('homeCare.safety.doneBy', { date: formatDay(action.doneAt, i18n.language), name: action.doneByName ?? '' })}`}
        </Text>
        {complete.isError && <ErrorAlert error={complete.error} />}
      </Stack>
      {action.status === 'open' && canComplete ? (
        <Button
          size="xs"
          variant="light"
          loading={complete.isPending}
          onClick={() => complete.mutate(action.id)}
        >
          {t('homeCare.safety.markDone')}
        </Button>
      ) : (
        action.status === 'done' && <Badge color="green">{t('homeCare.safety.done')}</Badge>
      )}
    </Group>
  );
}

/** The safe-home check on the staff record: latest result, open actions with owners, history. */
function Safety({ patientId, status }: { patientId: string; status: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const safety = useHomeSafety(patientId);
  const [open, setOpen] = useState(false);
  const canRecord =
    can('home-safety:record', { patientId }) && status !== 'deceased' && status !== 'discharged';
  const s = safety.data;
  const latest = s?.checks[0];
  return (
    <Card withBorder data-testid="home-safety">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={2} size="h3">
              {t('homeCare.safety.title')}
            </Title>
            {s && (
              <Badge
                color={s.oxygenSafe ? 'green' : 'gray'}
                variant="light"
                tt="none"
                data-testid="oxygen-safe"
              >
                {s.oxygenSafe ? t('homeCare.safety.oxygenSafe') : t('homeCare.safety.oxygenNotSafe')}
              </Badge>
            )}
          </Group>
          {canRecord && !open && (
            <Button variant="light" onClick={() => setOpen(true)}>
              {t('homeCare.safety.record')}
            </Button>
          )}
        </Group>
        {safety.isError && <ErrorAlert error={safety.error} />}
        {open && <CheckForm patientId={patientId} onDone={() => setOpen(false)} />}
        {s && !latest && <Text c="dimmed">{t('homeCare.safety.none')}</Text>}
        {latest && (
          <Text size="sm">
            {t('homeCare.safety.latest', {
              date: formatDay(latest.checkedOn, i18n.language),
              occasion: t(`homeCare.safety.occasions.${latest.occasion}`),
              name: latest.checkedByName,
            })}
          </Text>
        )}
        {s && s.checks.length > 0 && (
          <>
            <Text fw={700}>{t('homeCare.safety.openActions')}</Text>
            {s.openActions.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('homeCare.safety.noOpenActions')}
              </Text>
            ) : (
              s.openActions.map((a) => (
                <ActionLine
                  key={a.id}
                  patientId={patientId}
                  action={a}
                  canComplete={can('home-safety:record', { patientId })}
                />
              ))
            )}
            <Accordion variant="contained">
              <Accordion.Item value="history">
                <Accordion.Control>{t('homeCare.safety.history')}</Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="md">
                    {s.checks.map((c) => {
                      const unmet = c.items.filter((i) => i.answer === 'unmet').length;
                      return (
                        <Stack key={c.id} gap={4} data-testid="safety-check">
                          <Group gap="xs">
                            <Text fw={600} size="sm">
                              {formatDay(c.checkedOn, i18n.language)} ·{' '}
                              {t(`homeCare.safety.occasions.${c.occasion}`)} · {c.checkedByName}
                            </Text>
                            {unmet > 0 && (
                              <Badge color="orange" variant="light">
                                {t('homeCare.safety.unmetCount', { count: unmet })}
                              </Badge>
                            )}
                          </Group>
                          {c.items.map((i) => (
                            <Text key={i.key} size="xs">
                              {t(`homeCare.safety.items.${i.key}`)}:{' '}
                              <b>{t(`homeCare.safety.answers.${i.answer}`)}</b>
                              {i.note ? ` — ${i.note}` : ''}
                            </Text>
                          ))}
                          {c.actions.map((a) => (
                            <ActionLine key={a.id} patientId={patientId} action={a} canComplete={false} />
                          ))}
                        </Stack>
                      );
                    })}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            </Accordion>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** Shown only to those who may read it, so no request is made that would be refused. */
export function HomeSafetySection({ patientId, status }: { patientId: string; status: string }) {
  const can = useCan();
  if (!can('home-safety:read', { patientId })) return null;
  return <Safety patientId={patientId} status={status} />;
}
