import {
  type BurdenBody,
  burdenBodySchema,
  caregiverSkills,
  mcsiItemKeys,
  zbi12ItemNumbers,
} from '@hearth/domain';
import {
  Accordion,
  Alert,
  Badge,
  Button,
  Group,
  List,
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
import { useCurrentUser } from '../auth/me.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import {
  useAddShift,
  useBurden,
  useLoans,
  useRecordBurden,
  useRoster,
  useSkills,
} from '../features/home/home-api.ts';
import { formatDay, todayIso } from '../format/time.ts';

/** A short guide written as one step per line. */
function Steps({ text }: { text: string }) {
  return (
    <List size="lg" spacing="xs">
      {text.split('\n').map((line) => (
        <List.Item key={line}>{line}</List.Item>
      ))}
    </List>
  );
}

/** What the service has lent the family, each with its plain-language guide. */
export function EquipmentCard({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const loans = useLoans(patientId);
  const atHome = (loans.data ?? []).filter((l) => l.status === 'delivered' || l.status === 'in_use');
  return (
    <Paper withBorder p="lg" radius="md" data-testid="portal-equipment">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('home.equipment.title')}
        </Title>
        {loans.isError && <ErrorAlert error={loans.error} />}
        {loans.isSuccess && atHome.length === 0 && <Text size="lg">{t('home.equipment.none')}</Text>}
        <Accordion variant="separated" chevronSize={24}>
          {atHome.map((l) => (
            <Accordion.Item key={l.id} value={l.id}>
              <Accordion.Control
                aria-label={`${t(`home.equipment.kinds.${l.kind}`)} — ${t('home.equipment.guide')}`}
              >
                <Stack gap={2}>
                  <Text size="lg" fw={600}>
                    {t(`home.equipment.kinds.${l.kind}`)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('home.equipment.guide')}
                    {l.deliveredOn
                      ? ` · ${t('home.equipment.since', { date: formatDay(l.deliveredOn, i18n.language) })}`
                      : ''}
                  </Text>
                </Stack>
              </Accordion.Control>
              <Accordion.Panel>
                <Steps text={t(`home.equipment.guides.${l.kind}`)} />
                {l.item && (
                  <Text size="sm" c="dimmed" mt="xs">
                    {t('home.equipment.serial', { serial: l.item.serialNumber })}
                  </Text>
                )}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </Stack>
    </Paper>
  );
}

/** The skills the nurse taught (shown → practised → confident) with a care guide for each. */
export function SkillsCard({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const skills = useSkills(patientId);
  const mine =
    skills.data?.caregivers.find((c) => c.familyUserId === me.id) ??
    skills.data?.caregivers.find((c) => c.caregiverName === me.name);
  return (
    <Paper withBorder p="lg" radius="md" data-testid="portal-skills">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('home.skills.title')}
        </Title>
        <Text size="lg">{t('home.skills.lead')}</Text>
        {skills.isError && <ErrorAlert error={skills.error} />}
        <Accordion variant="separated" chevronSize={24}>
          {caregiverSkills.map((skill) => {
            const s = mine?.skills.find((x) => x.skill === skill);
            return (
              <Accordion.Item key={skill} value={skill}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="lg" fw={600}>
                      {t(`home.skills.names.${skill}`)}
                    </Text>
                    <Badge size="lg" variant={s?.level === 'confident' ? 'filled' : 'light'} tt="none">
                      {t(`home.skills.level.${s?.level ?? 'none'}`)}
                    </Badge>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Steps text={t(`home.skills.guides.${skill}`)} />
                  {s?.signedOn && (
                    <Text size="sm" c="dimmed" mt="xs">
                      {t('home.skills.signed', {
                        level: t(`home.skills.level.${s.level ?? 'none'}`),
                        date: formatDay(s.signedOn, i18n.language),
                        nurse: s.nurseName,
                      })}
                    </Text>
                  )}
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      </Stack>
    </Paper>
  );
}

/** The family duty roster: who is on today, the next days, and adding a duty. */
export function RosterCard({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const roster = useRoster(patientId);
  const add = useAddShift(patientId);
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(todayIso());
  const [slot, setSlot] = useState<'day' | 'night' | 'all_day'>('day');
  const [person, setPerson] = useState(me.name);
  const [tasks, setTasks] = useState('');
  const r = roster.data;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { date, slot, personName: person, ...(tasks.trim() && { tasks }) },
      { onSuccess: () => setOpen(false) },
    );
  };
  return (
    <Paper withBorder p="lg" radius="md" data-testid="portal-roster">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('home.roster.title')}
        </Title>
        {roster.isError && <ErrorAlert error={roster.error} />}
        {r && (
          <>
            <Text fw={700} size="lg">
              {t('home.roster.today')}
            </Text>
            {r.onToday.length === 0 ? (
              <Text size="lg">{t('home.roster.nobodyToday')}</Text>
            ) : (
              r.onToday.map((s) => (
                <Text key={s.id} size="xl" data-testid="on-duty-today">
                  {t(`home.roster.slots.${s.slot}`)}: <b>{s.personName}</b>
                  {s.tasks ? ` — ${s.tasks}` : ''}
                </Text>
              ))
            )}
            {r.shifts.some((s) => s.date !== r.today) && (
              <>
                <Text fw={700} size="lg" mt="xs">
                  {t('home.roster.upcoming')}
                </Text>
                {r.shifts
                  .filter((s) => s.date !== r.today)
                  .map((s) => (
                    <Text key={s.id} size="lg">
                      {formatDay(s.date, i18n.language)}, {t(`home.roster.slots.${s.slot}`).toLowerCase()}:{' '}
                      {s.personName}
                      {s.tasks ? ` — ${s.tasks}` : ''}
                    </Text>
                  ))}
              </>
            )}
          </>
        )}
        {open ? (
          <form onSubmit={onSubmit}>
            <Stack gap="sm">
              <TextInput
                type="date"
                size="lg"
                label={t('home.roster.date')}
                value={date}
                onChange={(e) => setDate(e.currentTarget.value)}
              />
              <NativeSelect
                size="lg"
                label={t('home.roster.slot')}
                value={slot}
                onChange={(e) => setSlot(e.currentTarget.value as typeof slot)}
                data={(['day', 'night', 'all_day'] as const).map((v) => ({
                  value: v,
                  label: t(`home.roster.slots.${v}`),
                }))}
              />
              <TextInput
                size="lg"
                label={t('home.roster.person')}
                value={person}
                onChange={(e) => setPerson(e.currentTarget.value)}
              />
              <TextInput
                size="lg"
                label={t('home.roster.tasks')}
                value={tasks}
                onChange={(e) => setTasks(e.currentTarget.value)}
              />
              {add.isError && <ErrorAlert error={add.error} />}
              <Button type="submit" size="lg" loading={add.isPending}>
                {t('home.roster.save')}
              </Button>
            </Stack>
          </form>
        ) : (
          <Button variant="light" size="lg" onClick={() => setOpen(true)}>
            {t('home.roster.add')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The carer check-in with the organization's instrument: the free MCSI by default (13 items,
 * no / sometimes / regularly), or the ZBI-12 when the organization chose it and loaded its
 * licensed wording (shown only as supplied); always an "I cannot cope" button.
 */
export function BurdenCard({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const burden = useBurden(patientId);
  const record = useRecordBurden(patientId);
  const [open, setOpen] = useState(false);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [missing, setMissing] = useState(false);
  const [result, setResult] = useState<'thanks' | 'support' | null>(null);
  const b = burden.data;
  const mcsi = b?.instrument === 'mcsi';
  const licensed = b?.wording?.[i18n.language] ?? b?.wording?.en ?? b?.wording?.ru ?? null;
  // the MCSI is free to reproduce, so its items are the app's own texts
  const wording = mcsi
    ? Object.fromEntries(mcsiItemKeys.map((k) => [k, t(`assess.mcsi.${k}` as 'assess.mcsi.q1')]))
    : licensed;
  const itemKeys: string[] = mcsi ? [...mcsiItemKeys] : zbi12ItemNumbers.map((n) => `q${n}`);
  const choices = mcsi ? (['0', '1', '2'] as const) : (['0', '1', '2', '3', '4'] as const);
  const send = (body: BurdenBody) =>
    record.mutate(body, {
      onSuccess: (v) => {
        setOpen(false);
        setResult(v.assessments[0]?.respiteOffered ? 'support' : 'thanks');
      },
    });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (itemKeys.some((k) => answers[k] === undefined)) return setMissing(true);
    setMissing(false);
    // every item is answered, so the schema reads the answers into the instrument's own shape
    const body = burdenBodySchema.safeParse({
      kind: mcsi ? 'mcsi' : 'zbi12',
      caregiverName: me.name,
      answers,
      onRequest: !b?.due,
    });
    if (!body.success) return setMissing(true);
    send(body.data);
  };
  return (
    <Paper withBorder p="lg" radius="md" data-testid="portal-burden">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('home.burden.title')}
        </Title>
        <Text size="lg">{t('home.burden.lead')}</Text>
        {burden.isError && <ErrorAlert error={burden.error} />}
        {result && (
          <Alert color={result === 'support' ? 'orange' : 'green'} role="status" data-testid="burden-result">
            <Text size="lg">{t(`home.burden.${result}`)}</Text>
          </Alert>
        )}
        {b &&
          !result &&
          (b.due ? (
            <Text size="lg" fw={600}>
              {t('home.burden.due')}
            </Text>
          ) : (
            b.nextDueOn && (
              <Text>{t('home.burden.nextDue', { date: formatDay(b.nextDueOn, i18n.language) })}</Text>
            )
          ))}
        {b && !wording && <Text size="lg">{t('home.burden.noWording')}</Text>}
        {b && wording && !open && (
          <Button size="lg" onClick={() => setOpen(true)}>
            {t('home.burden.start')}
          </Button>
        )}
        {open && wording && (
          <form onSubmit={onSubmit}>
            <Stack gap="lg">
              {itemKeys.map((k, index) => (
                <Radio.Group
                  key={k}
                  size="lg"
                  label={`${index + 1}. ${wording[mcsi ? k : k.slice(1)] ?? t('home.burden.item', { n: k.slice(1) })}`}
                  value={answers[k] === undefined ? null : String(answers[k])}
                  onChange={(v) => setAnswers((a) => ({ ...a, [k]: Number(v) }))}
                  error={missing && answers[k] === undefined ? t('home.burden.answerAll') : undefined}
                  data-testid={mcsi ? `mcsi-item-${k.slice(1)}` : `zbi-item-${k.slice(1)}`}
                >
                  <Stack gap="xs" mt="xs">
                    {choices.map((v) => (
                      <Radio
                        key={v}
                        value={v}
                        label={mcsi ? t(`assess.mcsiAnswers.${v as '0'}`) : t(`home.burden.answers.${v}`)}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
              ))}
              {record.isError && <ErrorAlert error={record.error} />}
              <Button type="submit" size="xl" loading={record.isPending}>
                {t('home.burden.submit')}
              </Button>
            </Stack>
          </form>
        )}
        <Text size="md" c="dimmed">
          {t('home.burden.cannotCopeLead')}
        </Text>
        <Button
          size="lg"
          color="orange"
          variant="outline"
          onClick={() => send({ kind: 'cannot_cope', caregiverName: me.name })}
          loading={record.isPending}
        >
          {t('home.burden.cannotCope')}
        </Button>
      </Stack>
    </Paper>
  );
}
