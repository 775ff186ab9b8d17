import type { Patient } from '@hearth/domain';
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../format/time.ts';
import { BereavementTasks } from './BereavementTasks.tsx';
import { DeathChecklist } from './DeathChecklist.tsx';
import { DeathForm } from './DeathForm.tsx';
import { useCloseDeath, useDeath } from './eol-api.ts';
import { OwnerSelect } from './OwnerSelect.tsx';
import { useHashScroll } from './use-hash-scroll.ts';

/**
 * Death and after (DOMAIN.md step 10; palliative-research.md §6 items 7–8): time and place and
 * whether it was the preferred place, who verified it; the home checklist; closing the record
 * opens the family's bereavement programme.
 */
export function DeathSection({ patient }: { patient: Patient }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const death = useDeath(patient.id);
  const close = useCloseDeath(patient.id);
  const [recording, setRecording] = useState(false);
  // the psychologist who knew the family is the natural owner of the bereavement contacts
  const [owner, setOwner] = useState(patient.team.find((m) => m.role === 'psychologist')?.userId ?? '');
  useHashScroll('death', death.isSuccess);
  if (!can('death:read', { patientId: patient.id })) return null;
  const mayRecord =
    can('death:record', { patientId: patient.id }) && ['active', 'inpatient'].includes(patient.status);
  const mayWork =
    can('death:record', { patientId: patient.id }) || can('bereavement:work', { patientId: patient.id });
  const d = death.data;
  // nothing to show for a living patient the reader cannot record a death for
  if (death.isSuccess && !d && !mayRecord) return null;
  const place = (p: string | null) => (p ? t(`home.acp.places.${p as 'home'}`) : '');
  const openItems = d?.checklist.filter((c) => c.status === 'open').length ?? 0;
  return (
    <Card withBorder id="death" data-testid="death-section">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('eol.death.title')}
        </Title>
        {death.isError && <ErrorAlert error={death.error} />}
        {!d &&
          mayRecord &&
          (recording ? (
            <DeathForm patientId={patient.id} onDone={() => setRecording(false)} />
          ) : (
            <Button variant="default" onClick={() => setRecording(true)} style={{ alignSelf: 'flex-start' }}>
              {t('eol.death.record')}
            </Button>
          ))}
        {d && (
          <>
            <Stack gap={2} data-testid="death-record">
              <Text fw={700}>{t('eol.death.died', { date: formatDateTime(d.diedAt, i18n.language) })}</Text>
              <Text>
                {t('eol.death.placeLine', { place: place(d.place) })}
                {d.placeNote ? ` — ${d.placeNote}` : ''}
              </Text>
              <div>
                <Badge
                  tt="none"
                  size="lg"
                  variant="light"
                  color={d.inPreferredPlace === null ? 'gray' : d.inPreferredPlace ? 'green' : 'orange'}
                  data-testid="death-preferred"
                >
                  {d.inPreferredPlace === null
                    ? t('eol.death.preferredUnknown')
                    : d.inPreferredPlace
                      ? t('eol.death.preferredYes', { place: place(d.preferredPlace) })
                      : t('eol.death.preferredNo', { place: place(d.preferredPlace) })}
                </Badge>
              </div>
              <Text size="sm">
                {t('eol.death.verified', {
                  who: d.verifiedBy,
                  date: formatDateTime(d.verifiedAt, i18n.language),
                })}
              </Text>
              {d.notes && <Text size="sm">{d.notes}</Text>}
              <Text size="xs" c="dimmed">
                {t('eol.death.recorded', {
                  date: formatDateTime(d.recordedAt, i18n.language),
                  by: d.recordedByName,
                })}
              </Text>
            </Stack>
            <DeathChecklist record={d} mayWork={mayWork} />
            {d.closedAt ? (
              <Text fw={600} c="green.9">
                {t('eol.death.closed', { date: formatDateTime(d.closedAt, i18n.language) })}
              </Text>
            ) : (
              mayWork && (
                <Stack gap={4}>
                  {openItems > 0 && (
                    <Text size="sm" c="dimmed">
                      {t('eol.death.closeHint')}
                    </Text>
                  )}
                  <Group align="flex-end">
                    <OwnerSelect
                      value={owner}
                      onChange={setOwner}
                      label={t('eol.bereavement.ownerPick')}
                      emptyLabel={t('eol.bereavement.ownerDefault')}
                    />
                    <Button
                      disabled={openItems > 0}
                      loading={close.isPending}
                      onClick={() => close.mutate(owner ? { bereavementOwnerId: owner } : {})}
                      data-testid="death-close"
                    >
                      {t('eol.death.close')}
                    </Button>
                  </Group>
                  {close.isError && <ErrorAlert error={close.error} />}
                </Stack>
              )
            )}
            {d.closedAt && can('bereavement:read', { patientId: patient.id }) && (
              <BereavementTasks
                patientId={patient.id}
                mayWork={can('bereavement:work', { patientId: patient.id })}
              />
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
