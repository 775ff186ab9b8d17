import {
  type DiaryBody,
  type DiaryEntry,
  type DiaryView,
  diaryHasAnAnswer,
  esasItems,
  facesLabelKeys,
  facesScores,
} from '@hearth/domain';
import { LineChart } from '@mantine/charts';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../format/time.ts';
import { useDiary, useRecordDiary } from './watch-api.ts';

/** The 0-10 points of a symptom scale. */
const zeroToTen = Array.from({ length: 11 }, (_, n) => n);

type Coping = NonNullable<DiaryBody['coping']>;

/** One 0-10 line: big buttons in two rows, so a tired thumb on a phone hits the right one. */
function ScaleRow({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: number | undefined;
  onChange: (v: number) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid={testId}>
      <Text size="lg" fw={600}>
        {label}
      </Text>
      <SimpleGrid cols={{ base: 6, sm: 11 }} spacing={6} verticalSpacing={6}>
        {zeroToTen.map((n) => (
          <Button
            key={n}
            h={48}
            px={0}
            size="lg"
            variant={value === n ? 'filled' : 'default'}
            color={n >= 7 ? 'red' : n >= 4 ? 'orange' : 'hearth'}
            aria-pressed={value === n}
            aria-label={`${label}: ${n}`}
            onClick={() => onChange(n)}
          >
            {n}
          </Button>
        ))}
      </SimpleGrid>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          0 — {t('diary.none')}
        </Text>
        <Text size="sm" c="dimmed">
          10 — {t('diary.worst')}
        </Text>
      </Group>
    </Stack>
  );
}

/** A phone number that never wraps in the middle on a narrow screen. */
const unbreakable = (phone: string) => phone.replace(/ /g, '\u00a0').replace(/-/g, '\u2011');

function NextSteps({ view, entry }: { view: DiaryView; entry: DiaryEntry | null }) {
  const { t } = useTranslation();
  const severity = entry?.response.severity;
  return (
    <Alert color={severity === 'urgent' ? 'red' : 'hearth'} variant="light" data-testid="diary-next">
      <Stack gap="xs">
        {entry && (
          <Text size="lg" fw={700}>
            {t('diary.sent')}
          </Text>
        )}
        {entry && (
          <Text size="lg">
            {severity === 'urgent'
              ? t('diary.next.urgent', { minutes: view.urgentMinutes })
              : severity
                ? t('diary.next.review', { hours: Math.round(view.reviewMinutes / 60) })
                : t('diary.next.none')}
          </Text>
        )}
        <Text size="lg">{t('diary.next.emergency', { phone: unbreakable(view.servicePhone) })}</Text>
      </Stack>
    </Alert>
  );
}

function ResponseLine({ entry }: { entry: DiaryEntry }) {
  const { t, i18n } = useTranslation();
  const r = entry.response;
  if (r.status === 'answered') {
    return (
      <Stack gap={4} data-testid="diary-answer">
        <Group gap="xs">
          <Badge color="green" size="lg">
            {t(`watch.outcomes.${r.outcome ?? 'no_action_needed'}`)}
          </Badge>
          <Text size="md">{t('diary.response.answered', { name: r.answeredByName ?? '' })}</Text>
        </Group>
        {r.familyMessage && (
          <Text size="lg" fw={500}>
            {r.familyMessage}
          </Text>
        )}
      </Stack>
    );
  }
  if (r.status === 'waiting' && r.respondBy) {
    return (
      <Text size="md">
        {t('diary.response.waiting', { time: formatDateTime(r.respondBy, i18n.language) })}
      </Text>
    );
  }
  return <Text size="md">{t(`diary.response.${r.status === 'seen' ? 'seen' : 'none'}`)}</Text>;
}

const painOf = (e: DiaryEntry) => Number(e.instrument === 'faces' ? e.answers.score : e.answers.pain);

/**
 * The family symptom diary: rate how the patient is now (ESAS-r items, or the child's scale),
 * say how the family is coping, send it; then see what happens next and the team's answers.
 */
export function DiaryCard({ patientId, patientName }: { patientId: string; patientName: string }) {
  const { t, i18n } = useTranslation();
  const diary = useDiary(patientId);
  const record = useRecordDiary(patientId, t('offline.labels.diary', { name: patientName }));
  const [queued, setQueued] = useState(false);
  const [values, setValues] = useState<Record<string, number>>({});
  const [face, setFace] = useState<number | undefined>();
  const [coping, setCoping] = useState<Coping | undefined>();
  const [flags, setFlags] = useState({ newConfusion: false, breathingSuddenlyWorse: false });
  const [note, setNote] = useState('');
  const [last, setLast] = useState<DiaryEntry | null>(null);
  if (!diary.data) return diary.isError ? <ErrorAlert error={diary.error} /> : null;
  const view = diary.data;
  const common = {
    flags,
    ...(coping ? { coping } : {}),
    ...(note.trim() ? { note: note.trim() } : {}),
  };
  const body: DiaryBody =
    view.scale === 'faces'
      ? { instrument: 'faces', answers: face === undefined ? {} : { score: face as 0 }, ...common }
      : { instrument: 'esas_r', answers: values, ...common };
  // any single answer is enough: "breathing is suddenly much worse" alone must reach the team
  const ready = diaryHasAnAnswer(body);

  const send = () => {
    record.mutate(body, {
      onSuccess: (entry) => {
        // null: kept on the phone and sent when the connection returns (the status bar shows it)
        setQueued(entry === null);
        setLast(entry);
        setValues({});
        setFace(undefined);
        setCoping(undefined);
        setFlags({ newConfusion: false, breathingSuddenlyWorse: false });
        setNote('');
      },
    });
  };

  const history = [...view.entries].reverse().map((e) => ({
    at: new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short' }).format(
      new Date(e.takenAt),
    ),
    pain: painOf(e),
  }));

  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" radius="md">
        <Stack gap="lg">
          <Title order={2} size="h3">
            {t('diary.title', { name: patientName })}
          </Title>
          {/* the urgent signs come first: one tick is enough to send, no scrolling past the scales */}
          <Stack gap="sm">
            <Checkbox
              size="lg"
              label={t('diary.breathingWorse')}
              data-testid="diary-breathing-worse"
              checked={flags.breathingSuddenlyWorse}
              onChange={(e) => setFlags((f) => ({ ...f, breathingSuddenlyWorse: e.currentTarget.checked }))}
            />
            <Checkbox
              size="lg"
              label={t('diary.confused')}
              checked={flags.newConfusion}
              onChange={(e) => setFlags((f) => ({ ...f, newConfusion: e.currentTarget.checked }))}
            />
          </Stack>
          {view.scale === 'faces' ? (
            <Stack gap="xs" data-testid="diary-faces">
              <Text size="lg" fw={600}>
                {t('diary.faces.title')}
              </Text>
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
                {facesScores.map((s, i) => (
                  <Button
                    key={s}
                    h={64}
                    size="lg"
                    variant={face === s ? 'filled' : 'default'}
                    aria-pressed={face === s}
                    onClick={() => setFace(s)}
                  >
                    {s} — {t(`diary.faces.${facesLabelKeys[i]!}`)}
                  </Button>
                ))}
              </SimpleGrid>
            </Stack>
          ) : (
            <>
              <Text size="lg">{t('diary.lead')}</Text>
              {esasItems.map((item) => (
                <ScaleRow
                  key={item}
                  testId={`diary-${item}`}
                  label={t(`diary.items.${item}`)}
                  value={values[item]}
                  onChange={(v) => setValues((old) => ({ ...old, [item]: v }))}
                />
              ))}
            </>
          )}
          <Stack gap="xs">
            <Text size="lg" fw={600}>
              {t('diary.copingTitle')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              {(['coping', 'struggling', 'cannot_cope'] as const).map((c) => (
                <Button
                  key={c}
                  h={56}
                  size="lg"
                  color={c === 'cannot_cope' ? 'red' : 'hearth'}
                  variant={coping === c ? 'filled' : 'default'}
                  aria-pressed={coping === c}
                  onClick={() => setCoping(c)}
                  data-testid={`diary-coping-${c}`}
                >
                  {t(`diary.coping.${c}`)}
                </Button>
              ))}
            </SimpleGrid>
          </Stack>
          <Textarea
            size="lg"
            label={t('diary.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {record.isError && <ErrorAlert error={record.error} />}
          <Button
            size="xl"
            fullWidth
            disabled={!ready}
            loading={record.isPending}
            onClick={send}
            data-testid="diary-send"
          >
            {t('diary.send')}
          </Button>
          {queued && (
            <Alert color="blue" data-testid="diary-queued">
              <Text size="lg">{t('offline.savedOnPhone')}</Text>
            </Alert>
          )}
          <NextSteps view={view} entry={last} />
        </Stack>
      </Paper>

      <Paper withBorder p="lg" radius="md">
        <Stack gap="md">
          <Title order={2} size="h3">
            {t('diary.historyTitle')}
          </Title>
          {view.entries.length === 0 ? (
            <Text size="lg">{t('diary.noEntries')}</Text>
          ) : (
            <>
              {history.length > 1 && (
                <Stack gap={4}>
                  <Text fw={600}>{t('diary.chartTitle')}</Text>
                  <LineChart
                    h={180}
                    data={history}
                    dataKey="at"
                    yAxisProps={{ domain: [0, 10] }}
                    series={[{ name: 'pain', label: t('diary.items.pain'), color: 'red.6' }]}
                    referenceLines={[{ y: 7, label: t('watch.threshold', { value: 7 }), color: 'red.3' }]}
                    curveType="linear"
                    withDots
                  />
                </Stack>
              )}
              {view.entries.slice(0, 10).map((e) => (
                <Paper key={e.id} withBorder p="sm" radius="sm" data-testid="diary-entry">
                  <Stack gap={4}>
                    <Group justify="space-between">
                      <Text fw={600}>{formatDateTime(e.takenAt, i18n.language)}</Text>
                      <Text size="lg">
                        {t('diary.items.pain')}: {Number.isNaN(painOf(e)) ? '—' : painOf(e)}
                      </Text>
                    </Group>
                    <ResponseLine entry={e} />
                  </Stack>
                </Paper>
              ))}
            </>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
