import { type ContractInput, carePlanRoutes, disciplines } from '@hearth/domain';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { patientPickLabel } from '../../components/PatientPicker.tsx';
import { CarePlanEditor } from './CarePlanEditor.tsx';
import { todayIso, useCareMutation, useCarePlan, useCareTeam, useDue } from './care-api.ts';
import { disciplineGroupLabel, meetingBody, missingFor, type ReviewDraft } from './meeting-form.ts';
import { reviewReasonText } from './review-reason.ts';

/**
 * Records a team meeting: the day, who attended (a warning while a required discipline is
 * missing; the meeting can still be recorded, as it happened), and for each patient reviewed
 * the decision, its owner and, if the team changed it, the care plan (a new version).
 */
export function MeetingForm() {
  const { t } = useTranslation();
  const team = useCareTeam();
  const [heldOn, setHeldOn] = useState(todayIso);
  const [attendeeIds, setAttendeeIds] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const [reviews, setReviews] = useState<Record<string, ReviewDraft>>({});
  const [editing, setEditing] = useState<{ patientId: string; name: string } | null>(null);
  const narrow = useMediaQuery('(max-width: 48em)');
  const due = useDue(heldOn);
  const save = useCareMutation((body: ContractInput<typeof carePlanRoutes.recordMeeting>['body']) =>
    call(carePlanRoutes.recordMeeting, { body }),
  );
  const [saved, setSaved] = useState(false);
  const members = team.data ?? [];
  const missing = missingFor(attendeeIds, members);
  const people = [
    { value: '', label: t('care.editor.nobody') },
    ...members.map((m) => ({ value: m.id, label: `${m.name} (${t(`care.disciplines.${m.discipline}`)})` })),
  ];
  const setReview = (patientId: string, patch: Partial<ReviewDraft> | null) =>
    setReviews((r) => {
      const next = { ...r };
      if (patch === null) delete next[patientId];
      else next[patientId] = { summary: '', ownerId: '', carePlan: null, ...r[patientId], ...patch };
      return next;
    });
  const incomplete = Object.values(reviews).some((r) => r.summary.trim().length < 2);
  return (
    <Card withBorder data-testid="meeting-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          save.mutate(meetingBody({ heldOn, attendeeIds, notes, reviews }), {
            onSuccess: () => {
              setReviews({});
              setNotes('');
              setSaved(true);
            },
          });
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h3">
            {t('care.meetings.record')}
          </Title>
          <TextInput
            type="date"
            label={t('care.meetings.heldOn')}
            value={heldOn}
            w={200}
            onChange={(e) => e.currentTarget.value && setHeldOn(e.currentTarget.value)}
          />
          <Stack gap={6}>
            <Text fw={600}>{t('care.meetings.attendance')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {disciplines.map((d) => {
                const inDiscipline = members.filter((m) => m.discipline === d);
                if (inDiscipline.length === 0) return null;
                return (
                  <Stack key={d} gap={4}>
                    <Text size="sm" c="dimmed">
                      {t(`care.disciplines.${d}`)}
                    </Text>
                    {inDiscipline.map((m) => (
                      <Checkbox
                        key={m.id}
                        label={m.name}
                        checked={attendeeIds.includes(m.id)}
                        onChange={(e) => {
                          // read the event now: the updater runs after React has let go of it
                          const checked = e.currentTarget.checked;
                          setAttendeeIds((ids) => (checked ? [...ids, m.id] : ids.filter((x) => x !== m.id)));
                        }}
                      />
                    ))}
                  </Stack>
                );
              })}
            </SimpleGrid>
            {missing.length > 0 && (
              <Alert color="orange" data-testid="meeting-missing">
                {t('care.meetings.missing', {
                  list: missing.map((g) => disciplineGroupLabel(g, t)).join(', '),
                })}
              </Alert>
            )}
          </Stack>
          <Textarea
            label={t('care.meetings.notes')}
            autosize
            minRows={2}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />

          <Stack gap="xs">
            <Text fw={600}>{t('care.meetings.due')}</Text>
            {due.isError && <ErrorAlert error={due.error} />}
            {due.data?.length === 0 && <Text c="dimmed">{t('care.meetings.noneDue')}</Text>}
            {due.data?.map((p) => {
              const r = reviews[p.patientId];
              return (
                <Card key={p.patientId} withBorder padding="xs" data-testid="due-patient">
                  <Stack gap={6}>
                    <Group justify="space-between" wrap="nowrap">
                      <Checkbox
                        label={patientPickLabel(t, {
                          name: p.patientName,
                          ageYears: p.patientAgeYears,
                          area: p.patientArea,
                        })}
                        checked={Boolean(r)}
                        onChange={(e) => setReview(p.patientId, e.currentTarget.checked ? {} : null)}
                      />
                      <Group gap={4}>
                        <Badge
                          variant="light"
                          color={p.reason === 'unstable_phase' ? 'red' : 'gray'}
                          tt="none"
                        >
                          {reviewReasonText(t, p)}
                        </Badge>
                        {p.lastReviewOn && (
                          <Text size="xs" c="dimmed">
                            {t('care.meetings.lastReview', { date: p.lastReviewOn })}
                          </Text>
                        )}
                      </Group>
                    </Group>
                    {r && (
                      <Stack gap={6} pl="lg">
                        <Textarea
                          label={t('care.meetings.decision')}
                          required
                          autosize
                          minRows={1}
                          value={r.summary}
                          onChange={(e) => setReview(p.patientId, { summary: e.currentTarget.value })}
                        />
                        <Group align="flex-end">
                          <NativeSelect
                            label={t('care.meetings.owner')}
                            value={r.ownerId}
                            data={people}
                            onChange={(e) => setReview(p.patientId, { ownerId: e.currentTarget.value })}
                          />
                          <Button
                            variant="light"
                            onClick={() => setEditing({ patientId: p.patientId, name: p.patientName })}
                          >
                            {t('care.meetings.changePlan')}
                          </Button>
                          {r.carePlan && (
                            <>
                              <Badge color="green" variant="light" tt="none" data-testid="plan-change-ready">
                                {t('care.meetings.planChangeReady')}
                              </Badge>
                              <Button
                                variant="subtle"
                                size="xs"
                                onClick={() => setReview(p.patientId, { carePlan: null })}
                              >
                                {t('care.meetings.undoPlanChange')}
                              </Button>
                            </>
                          )}
                        </Group>
                      </Stack>
                    )}
                  </Stack>
                </Card>
              );
            })}
          </Stack>
          {save.isError && <ErrorAlert error={save.error} />}
          {saved && (
            <Alert color="green" data-testid="meeting-saved">
              {t('care.meetings.saved')}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={attendeeIds.length === 0 || incomplete}>
              {t('care.meetings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        size="xl"
        fullScreen={narrow}
        title={editing ? t('care.meetings.changePlanFor', { name: editing.name }) : ''}
      >
        {editing && (
          <PlanChangeDraft
            patientId={editing.patientId}
            draft={reviews[editing.patientId]?.carePlan ?? null}
            onDone={(carePlan) => {
              if (carePlan) setReview(editing.patientId, { carePlan });
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </Card>
  );
}

/** The care-plan change a meeting decides: made on the current plan, saved with the meeting. */
function PlanChangeDraft({
  patientId,
  draft,
  onDone,
}: {
  patientId: string;
  draft: ReviewDraft['carePlan'];
  onDone: (carePlan: ReviewDraft['carePlan']) => void;
}) {
  const plan = useCarePlan(patientId);
  if (plan.isPending) return null;
  if (plan.isError) return <ErrorAlert error={plan.error} />;
  return (
    <CarePlanEditor
      initial={draft ?? plan.data.current?.content ?? null}
      askReason={false}
      onSubmit={(content) => onDone(content)}
      onCancel={() => onDone(null)}
    />
  );
}
