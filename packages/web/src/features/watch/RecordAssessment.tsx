import type { Assessment, Instrument } from '@hearth/domain';
import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useSaveAssessment } from './assessments-api.ts';
import { answersOf, fieldsOf, valuesOf } from './instrument-fields.ts';

/**
 * Records any assessment at any time (or from a visit, with its id), or corrects one: a
 * correction keeps the instrument and asks why; the server keeps the original as an earlier
 * version. The server scores the answers and runs the triage rules.
 */
export function RecordAssessment({
  patientId,
  instruments,
  visitId,
  correcting,
  onDone,
}: {
  patientId: string;
  instruments: Instrument[];
  visitId?: string | null;
  correcting?: Assessment | null;
  onDone: (saved: Assessment) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveAssessment(patientId);
  const [instrument, setInstrument] = useState<Instrument>(correcting?.instrument ?? instruments[0]!);
  const [values, setValues] = useState<Record<string, string>>(
    correcting ? valuesOf(correcting.instrument, correcting.answers) : {},
  );
  const [caregiverName, setCaregiverName] = useState(
    String((correcting?.answers as { caregiverName?: string } | undefined)?.caregiverName ?? ''),
  );
  const [takenAt, setTakenAt] = useState('');
  const [note, setNote] = useState(correcting?.note ?? '');
  const [reason, setReason] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = {
      instrument,
      answers: answersOf(instrument, values, caregiverName),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(takenAt ? { takenAt: new Date(takenAt).toISOString() } : {}),
      ...(visitId && !correcting ? { visitId } : {}),
      ...(correcting ? { reason } : {}),
    };
    save.mutate({ recordId: correcting?.id ?? null, body }, { onSuccess: onDone });
  };
  const fields = fieldsOf[instrument];
  return (
    <form onSubmit={onSubmit} data-testid="record-assessment">
      <Stack gap="sm">
        <NativeSelect
          label={t('assess.instrument')}
          value={instrument}
          disabled={Boolean(correcting)}
          onChange={(e) => {
            setInstrument(e.currentTarget.value as Instrument);
            setValues({});
          }}
          data={instruments.map((i) => ({ value: i, label: t(`assess.instruments.${i}`) }))}
        />
        {visitId && !correcting && <Alert color="blue">{t('assess.fromVisit')}</Alert>}
        {(instrument === 'mcsi' || instrument === 'zbi12') && (
          <TextInput
            label={t('assess.caregiverName')}
            value={caregiverName}
            onChange={(e) => setCaregiverName(e.currentTarget.value)}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          {fields.map((f) => (
            <NativeSelect
              key={`${instrument}-${f.key}`}
              label={t(f.label[0] as 'assess.ppsLevel', f.label[1] ?? {})}
              value={values[f.key] ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setValues((old) => ({ ...old, [f.key]: v }));
              }}
              data={[
                { value: '', label: f.optional ? t('assess.notRated') : '—' },
                ...f.options.map((o) => ({
                  value: String(o),
                  label: f.optionLabels
                    ? `${typeof o === 'number' ? `${o} — ` : ''}${t(`${f.optionLabels}.${o}` as 'assess.ppsLevel')}`
                    : instrument === 'pps'
                      ? `${o}%`
                      : String(o),
                })),
              ]}
            />
          ))}
        </SimpleGrid>
        <TextInput
          type="datetime-local"
          label={t('assess.takenAt')}
          value={takenAt}
          onChange={(e) => setTakenAt(e.currentTarget.value)}
        />
        <Textarea
          label={t('assess.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
        />
        {correcting && (
          <TextInput
            label={t('assess.reason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        )}
        {save.isError && <ErrorAlert error={save.error} />}
        <Group>
          <Button type="submit" size="md" loading={save.isPending}>
            {t('assess.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
