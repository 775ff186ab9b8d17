import type { Assessment, Instrument } from '@hearth/domain';
import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverFieldErrors } from '../../api/api-error.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrgDateTimeInput } from '../../components/OrgDateTimeInput.tsx';
import { type FieldErrors, fromServerFields } from '../../forms/field-errors.ts';
import { useErrorText } from '../../forms/use-error-text.ts';
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
  patientName,
  onDone,
}: {
  patientId: string;
  /** For the outbox's label when the assessment waits on the phone. */
  patientName?: string;
  instruments: Instrument[];
  visitId?: string | null;
  correcting?: Assessment | null;
  /** The saved assessment, or null when it was kept on the phone to be sent later. */
  onDone: (saved: Assessment | null) => void;
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
  const [individual, setIndividual] = useState<Record<string, string>>(
    (correcting?.answers as { individual?: Record<string, string> } | undefined)?.individual ?? {},
  );
  const [takenAt, setTakenAt] = useState('');
  // the server's field errors (a missing or out-of-range item) shown under their fields
  const [errors, setErrors] = useState<FieldErrors>({});
  const errorText = useErrorText(errors, 'assess.fieldErrors');
  const itemError = (key: string) =>
    errorText(`answers.${key}`) ??
    errorText(`answers.items.${key}`) ??
    errorText(`answers.individual.${key}`);
  const [note, setNote] = useState(correcting?.note ?? '');
  const [reason, setReason] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = {
      instrument,
      answers: answersOf(instrument, values, caregiverName, individual),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(takenAt ? { takenAt } : {}),
      ...(visitId && !correcting ? { visitId } : {}),
      ...(correcting ? { reason } : {}),
    };
    setErrors({});
    const label = t('offline.labels.assessment', {
      instrument: t(`assess.instruments.${instrument}`),
      name: patientName ?? '',
    });
    save.mutate(
      { recordId: correcting?.id ?? null, body, label },
      { onSuccess: onDone, onError: (err) => setErrors(fromServerFields(serverFieldErrors(err), err)) },
    );
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
            setIndividual({});
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
            <Stack key={`${instrument}-${f.key}`} gap={4}>
              <NativeSelect
                label={t(f.label[0] as 'assess.ppsLevel', f.label[1] ?? {})}
                withAsterisk={!f.optional}
                error={itemError(f.key)}
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
              {instrument === 'r_flacc' && (
                <TextInput
                  size="sm"
                  label={t('descriptors.rFlacc.individual')}
                  value={individual[f.key] ?? ''}
                  maxLength={300}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setIndividual((old) => ({ ...old, [f.key]: v }));
                  }}
                />
              )}
            </Stack>
          ))}
        </SimpleGrid>
        <OrgDateTimeInput label={t('assess.takenAt')} value={takenAt} onChange={setTakenAt} />
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
            error={errorText('reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        )}
        {save.isError && !fields.some((f) => itemError(f.key)) && !errorText('reason') && (
          <ErrorAlert error={save.error} />
        )}
        <Group>
          <Button type="submit" size="md" loading={save.isPending}>
            {t('assess.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
