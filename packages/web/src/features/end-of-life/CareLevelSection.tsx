import { careLevelMoveBodySchema, careSettings, type Patient } from '@hearth/domain';
import {
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime, formatDay, todayIso } from '../../format/time.ts';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { HeldVisits } from '../patients/HeldVisits.tsx';
import { type CareLevelMove, useMoveCareLevel, useMoves } from './eol-api.ts';
import { TransferSummaryView } from './TransferSummaryView.tsx';

const settingKey = (s: string) => `patients.careSetting.${s}` as 'patients.careSetting.home';

/**
 * Level of care (DOMAIN.md step 9; palliative-research.md §6 item 15): moves between home,
 * continuous care at home, respite, inpatient hospice and hospital with date and reason; each
 * move keeps the transfer summary made at that moment, to view and to print.
 */
export function CareLevelSection({ patient }: { patient: Patient }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const moves = useMoves(patient.id);
  const [shown, setShown] = useState<CareLevelMove | null>(null);
  if (!can('acp:read', { patientId: patient.id })) return null;
  const mayMove =
    can('care-level:move', { patientId: patient.id }) && ['active', 'inpatient'].includes(patient.status);
  return (
    <Card withBorder data-testid="care-level-section">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('eol.level.title')}
          </Title>
          <Anchor href={`/print/patients/${patient.id}/transfer/now`} target="_blank">
            {t('eol.level.current')}
          </Anchor>
        </Group>
        <Text fw={600}>{t('eol.level.now', { setting: t(settingKey(patient.careSetting)) })}</Text>
        <HeldVisits patientId={patient.id} />
        {moves.isError && <ErrorAlert error={moves.error} />}
        {moves.data?.length === 0 && <Text c="dimmed">{t('eol.level.none')}</Text>}
        {moves.data?.map((m) => (
          <Group
            key={m.id}
            justify="space-between"
            wrap="nowrap"
            align="flex-start"
            data-testid="care-level-move"
          >
            <Stack gap={0}>
              <Text fw={600}>
                {formatDay(m.movedOn, i18n.language)} ·{' '}
                {t('eol.level.moveLine', { from: t(settingKey(m.from)), to: t(settingKey(m.to)) })}
              </Text>
              <Text size="sm">{m.reason}</Text>
              <Text size="xs" c="dimmed">
                {t('eol.level.recorded', {
                  date: formatDateTime(m.recordedAt, i18n.language),
                  by: m.recordedByName,
                })}
              </Text>
            </Stack>
            <Button variant="light" size="sm" onClick={() => setShown(m)}>
              {t('eol.level.summary')}
            </Button>
          </Group>
        ))}
        {mayMove && <MoveForm patient={patient} onMoved={(m) => setShown(m)} />}
      </Stack>
      <Modal opened={shown !== null} onClose={() => setShown(null)} title={t('eol.transfer.title')} size="xl">
        {shown && (
          <Stack>
            <Anchor href={`/print/patients/${patient.id}/transfer/${shown.id}`} target="_blank">
              {t('eol.level.printSummary')}
            </Anchor>
            <TransferSummaryView summary={shown.summary} />
          </Stack>
        )}
      </Modal>
    </Card>
  );
}

function MoveForm({ patient, onMoved }: { patient: Patient; onMoved: (m: CareLevelMove) => void }) {
  const { t } = useTranslation();
  const form = useForm({ to: '', movedOn: todayIso(), reason: '' });
  const errorText = useErrorText(form.errors, 'eol.level.errors');
  const move = useMoveCareLevel(patient.id);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(careLevelMoveBodySchema);
    if (body)
      move.mutate(body, {
        onSuccess: (moves) => {
          form.reset();
          if (moves[0]) onMoved(moves[0]);
        },
        onError: (err) => form.takeServerErrors(err),
      });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('eol.level.move')}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('eol.level.move')}
        </Title>
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('eol.level.to')}
            withAsterisk
            value={form.values.to}
            onChange={(e) => form.set('to', e.currentTarget.value)}
            error={errorText('to')}
            data={[
              { value: '', label: t('intake.form.choose') },
              ...careSettings
                .filter((s) => s !== patient.careSetting)
                .map((s) => ({ value: s, label: t(settingKey(s)) })),
            ]}
          />
          <TextInput
            type="date"
            label={t('eol.level.movedOn')}
            withAsterisk
            value={form.values.movedOn}
            onChange={(e) => form.set('movedOn', e.currentTarget.value)}
            error={errorText('movedOn')}
          />
          <Textarea
            label={t('eol.level.reason')}
            withAsterisk
            autosize
            value={form.values.reason}
            onChange={(e) => form.set('reason', e.currentTarget.value)}
            error={errorText('reason')}
            style={{ flex: 1, minWidth: 220 }}
          />
          <Button type="submit" loading={move.isPending}>
            {t('eol.level.submit')}
          </Button>
        </Group>
        {move.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={move.error} />}
      </Stack>
    </form>
  );
}
