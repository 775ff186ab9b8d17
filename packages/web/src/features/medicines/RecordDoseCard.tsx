import type { Administration } from '@hearth/domain';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrgDateTimeInput } from '../../components/OrgDateTimeInput.tsx';
import { usePatient } from '../patients/patients-api.ts';
import { useMedicineLabels } from './labels.ts';
import { usePrescriptions, useRecordDose } from './medicines-api.ts';

/**
 * A nurse or physician records a dose given (or not taken) at a visit. The dose is always the
 * prescribed one (the server's dose guard decides); a nurse may record a dose given on a
 * physician's verbal order, which that physician then countersigns in the chart.
 */
export function RecordDoseCard({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const L = useMedicineLabels();
  const me = useCurrentUser();
  const list = usePrescriptions(patientId);
  const patient = usePatient(patientId);
  const record = useRecordDose(patientId);
  const [rxId, setRxId] = useState<string | null>(null);
  const [givenAt, setGivenAt] = useState(() => new Date().toISOString());
  const [outcome, setOutcome] = useState<'given' | 'not_taken'>('given');
  const [verbal, setVerbal] = useState(false);
  const [physician, setPhysician] = useState<string | null>(null);
  const [orderedAt, setOrderedAt] = useState(() => new Date().toISOString());
  const [note, setNote] = useState('');
  const [last, setLast] = useState<Administration | 'queued' | null>(null);
  const rx = list.data?.find((p) => p.id === rxId);
  const physicians = (patient.data?.team ?? []).filter((m) => m.role === 'physician');
  const submit = async () => {
    if (!rx) return;
    setLast(
      (await record.mutateAsync({
        prescriptionId: rx.id,
        doseAmount: rx.doseAmount,
        doseUnit: rx.doseUnit,
        givenAt,
        outcome: verbal ? 'given' : outcome,
        verbalOrderPhysicianId: verbal ? physician : null,
        // issue 12: a verbal order is time-limited, counted from when the physician gave it
        verbalOrderAt: verbal ? orderedAt : null,
        note: note.trim() || null,
        label: t('offline.labels.dose', {
          medicine: L.product(rx),
          name: patient.data ? `${patient.data.firstName} ${patient.data.lastName}` : '',
        }),
      })) ?? 'queued',
    );
    setNote('');
  };
  return (
    <Card withBorder data-testid="record-dose">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('medicines.record.title')}
        </Title>
        <Group grow align="flex-end">
          <Select
            label={t('medicines.record.medicine')}
            data-testid="dose-medicine"
            data={(list.data ?? [])
              .filter((p) => p.status === 'active')
              .map((p) => ({
                value: p.id,
                label: `${L.product(p)} · ${L.doseFull(p)} · ${L.route(p.route)}`,
              }))}
            value={rxId}
            onChange={setRxId}
          />
          <OrgDateTimeInput
            required
            label={t('medicines.record.givenAt')}
            value={givenAt}
            onChange={setGivenAt}
          />
        </Group>
        {!verbal && (
          <SegmentedControl
            aria-label={t('medicines.record.outcome')}
            value={outcome}
            onChange={(v) => setOutcome(v as 'given' | 'not_taken')}
            data={[
              { value: 'given', label: t('medicines.record.given') },
              { value: 'not_taken', label: t('medicines.record.notTaken') },
            ]}
          />
        )}
        {me.role === 'nurse' && (
          <Checkbox
            label={t('medicines.record.verbalOrder')}
            data-testid="verbal-order"
            checked={verbal}
            onChange={(e) => setVerbal(e.currentTarget.checked)}
          />
        )}
        {verbal && (
          <Group grow align="flex-end">
            <Select
              label={t('medicines.record.physician')}
              data={physicians.map((m) => ({ value: m.userId, label: m.name }))}
              value={physician}
              onChange={setPhysician}
              data-testid="verbal-physician"
            />
            <OrgDateTimeInput
              required
              label={t('medsafety.verbalOrderAt')}
              value={orderedAt}
              onChange={setOrderedAt}
            />
          </Group>
        )}
        <TextInput
          label={t('medicines.record.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button
          style={{ alignSelf: 'flex-start' }}
          onClick={submit}
          disabled={!rx || !givenAt || (verbal && (!physician || !orderedAt))}
          loading={record.isPending}
        >
          {t('medicines.record.submit')}
        </Button>
        {record.isError && <ErrorAlert error={record.error} />}
        {last === 'queued' && (
          <Alert color="yellow" role="status">
            {t('offline.savedOnPhone')}
          </Alert>
        )}
        {last &&
          last !== 'queued' &&
          (last.status === 'refused' ? (
            <Alert color="red" data-testid="dose-refused">
              {t('medicines.record.refused', { message: last.refusalMessage ?? '' })}
            </Alert>
          ) : (
            <Alert color="green">{t('medicines.record.saved')}</Alert>
          ))}
      </Stack>
    </Card>
  );
}
