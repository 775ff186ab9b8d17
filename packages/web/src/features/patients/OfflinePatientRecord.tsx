import type { FieldCaseloadPart } from '@hearth/domain';
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay, formatWeekday } from '../../format/time.ts';
import type { CachedPatient } from '../../offline/cached-patient.ts';
import { CallButtons } from '../care/CallButtons.tsx';
import { useMedicineLabels } from '../medicines/labels.ts';
import { summaryOf } from '../watch/assessment-summary.ts';

/** "08:14" when the copy is from today, else "2 Dec, 08:14", on the service's clock. */
function copyTime(iso: string, timeZone: string, lang: string, now = new Date()) {
  const locale = lang === 'ru' ? 'ru-RU' : 'en-GB';
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(d);
  const sameDay = day(new Date(iso)) === day(now);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
  }).format(new Date(iso));
}

/**
 * The patient page without a connection (issue 14): instead of "cannot be reached", what the
 * phone's caseload holds about a patient the nurse visits today or tomorrow, under a banner that
 * says plainly it is a copy and from when. Read-only: writes are made from My day, which queues them.
 */
export function OfflinePatientRecord({ copy, onRetry }: { copy: CachedPatient; onRetry: () => void }) {
  const { t, i18n } = useTranslation();
  const L = useMedicineLabels();
  const { entry } = copy;
  const p = entry.patient;
  const withheld = (part: FieldCaseloadPart) => entry.withheld.includes(part);
  const acp = entry.advanceCare.plan;
  const tasks = entry.carePlanTasks;
  return (
    <Stack gap="md" data-testid="offline-patient">
      <Alert
        color="orange"
        variant="filled"
        data-testid="offline-copy-banner"
        title={t('field.record.bannerTitle')}
      >
        <Stack gap="xs">
          <Text size="sm">
            {t('field.record.banner', { time: copyTime(copy.generatedAt, copy.timeZone, i18n.language) })}
          </Text>
          <Button
            size="md"
            variant="white"
            color="orange"
            onClick={onRetry}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('field.record.retry')}
          </Button>
        </Stack>
      </Alert>
      <Stack gap={4}>
        <Title order={1}>
          {p.lastName} {p.firstName} {p.middleName ?? ''}
        </Title>
        <Text c="dimmed">
          {t('patients.years', { count: p.ageYears })} · {formatDay(p.dateOfBirth, i18n.language)}
          {p.primaryDiagnosis ? ` · ${p.primaryDiagnosis}` : ''}
        </Text>
      </Stack>

      {entry.advanceCare.dnacpr && (
        <Badge
          color="red"
          size="xl"
          variant="filled"
          data-testid="dnacpr-badge"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('field.dnacpr')}
        </Badge>
      )}
      {/* without a DNACPR badge the nurse still reads what was decided, or that nothing is recorded */}
      {!entry.advanceCare.dnacpr && !withheld('advanceCare') && (
        <Text size="sm" data-testid="resuscitation">
          <b>{t('field.record.resuscitation')}:</b>{' '}
          {acp ? t(`home.acp.decisions.${acp.resuscitation.decision}`) : t('field.record.noAcp')}
        </Text>
      )}
      {entry.advanceCare.dnacpr && acp?.resuscitation.formLocation && (
        <Text size="sm">
          <b>{t('field.record.formLocation')}:</b> {acp.resuscitation.formLocation}
        </Text>
      )}
      {entry.allergies.length > 0 ? (
        <Alert color="orange" variant="light" p="sm" data-testid="allergies" title={t('field.allergies')}>
          {entry.allergies.map((a) => (
            <Text key={a.id} size="sm">
              {a.substance}
              {a.reaction ? ` · ${a.reaction}` : ''}
            </Text>
          ))}
        </Alert>
      ) : (
        <Text size="sm">{t('field.noAllergies')}</Text>
      )}

      <Part title={t('field.record.address')}>
        <Text>{p.address}</Text>
        {p.accessNotes && (
          <Text size="sm" data-testid="access-notes">
            <b>{t('field.accessNotes')}:</b> {p.accessNotes}
          </Text>
        )}
        <CallButtons patient={p} />
      </Part>

      {p.household.length > 0 && (
        <Part title={t('field.record.household')}>
          {p.household.map((c) => (
            <Text key={c.id} size="sm">
              <b>{c.name}</b> ({c.relationship})
              {c.livesWithPatient ? ` · ${t('field.record.livesWith')}` : ''}
              {c.notes ? ` · ${c.notes}` : ''}
            </Text>
          ))}
        </Part>
      )}

      <Part title={t('field.record.visits')}>
        {copy.visits.map((v) => (
          <Text key={v.id} size="sm">
            {formatWeekday(v.date, i18n.language)} {v.start ?? ''} · {t(`care.disciplines.${v.discipline}`)} ·{' '}
            {t(`care.statuses.${v.status}`)}
          </Text>
        ))}
        <Button
          component={Link}
          to="/app/my-day"
          size="md"
          variant="light"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('field.record.openMyDay')}
        </Button>
      </Part>

      <Part title={t('field.record.medicines')} withheld={withheld('prescriptions')}>
        {entry.medicines.prescriptions.filter((rx) => rx.status === 'active').length === 0 ? (
          <Text size="sm">{t('field.record.noMedicines')}</Text>
        ) : (
          entry.medicines.prescriptions
            .filter((rx) => rx.status === 'active')
            .map((rx) => (
              <Text key={rx.id} size="sm" data-testid="offline-prescription">
                {L.product(rx)} · {L.doseFull(rx)} · {L.route(rx.route)} ·{' '}
                {rx.kind === 'prn' ? t('field.asNeeded') : rx.timesOfDay.join(', ')}
              </Text>
            ))
        )}
      </Part>

      <Part title={t('field.lastScores')} withheld={withheld('latestAssessments')}>
        {entry.latestAssessments.length === 0 ? (
          <Text size="sm">{t('field.record.none')}</Text>
        ) : (
          entry.latestAssessments.map((a) => (
            <Text key={a.versionId} size="sm">
              {t(`assess.instruments.${a.instrument}`)}: {summaryOf(a, t)} ·{' '}
              {copyTime(a.takenAt, copy.timeZone, i18n.language)}
            </Text>
          ))
        )}
      </Part>

      <Part title={t('field.record.alerts')} withheld={withheld('openAlerts')}>
        {entry.openAlerts.length === 0 ? (
          <Text size="sm">{t('field.record.none')}</Text>
        ) : (
          entry.openAlerts.map((a) => (
            <Group key={a.id} gap="xs" wrap="nowrap" align="flex-start">
              <Badge color={a.severity === 'urgent' ? 'red' : 'orange'} style={{ flexShrink: 0 }}>
                {t(`watch.severity.${a.severity}`)}
              </Badge>
              <Text size="sm">{a.title}</Text>
            </Group>
          ))
        )}
      </Part>

      <Part title={t('field.record.tasks')} withheld={withheld('carePlanTasks')}>
        {tasks.length === 0 ? (
          <Text size="sm">{t('field.record.none')}</Text>
        ) : (
          tasks.map((item) => (
            <Stack key={`${item.problem}-${item.goal}`} gap={0}>
              <Text size="sm" fw={600}>
                {item.problem}
              </Text>
              {(item.interventions.length ? item.interventions : [item.goal]).map((task) => (
                <Text key={task} size="sm">
                  • {task}
                </Text>
              ))}
            </Stack>
          ))
        )}
      </Part>

      <Part title={t('field.record.equipment')} withheld={withheld('equipment')}>
        {entry.equipment.length === 0 ? (
          <Text size="sm">{t('field.record.none')}</Text>
        ) : (
          entry.equipment.map((l) => (
            <Text key={l.id} size="sm">
              {t(`home.equipment.kinds.${l.kind}`)}
              {l.item ? ` · ${l.item.name} (${l.item.serialNumber})` : ''}
            </Text>
          ))
        )}
      </Part>

      <Part title={t('field.record.roster')} withheld={withheld('dutyRoster')}>
        {entry.dutyRoster.length === 0 ? (
          <Text size="sm">{t('field.record.none')}</Text>
        ) : (
          entry.dutyRoster.map((s) => (
            <Text key={s.id} size="sm">
              {formatWeekday(s.date, i18n.language)} · {t(`home.roster.slots.${s.slot}`)} ·{' '}
              <b>{s.personName}</b>
              {s.tasks ? ` · ${s.tasks}` : ''}
            </Text>
          ))
        )}
      </Part>
    </Stack>
  );
}

/** One part of the copy; a part the role may not read says so instead of "none". */
function Part({ title, withheld, children }: { title: string; withheld?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm">
      <Stack gap={6}>
        <Title order={2} size="h4">
          {title}
        </Title>
        {withheld ? (
          <Text size="sm" c="dimmed">
            {t('field.record.withheld')}
          </Text>
        ) : (
          children
        )}
      </Stack>
    </Card>
  );
}
