import {
  anticipatoryPurposes,
  type DoseUnit,
  doseUnits,
  type MedicineClass,
  type MedicineForm,
  type MedicineRoute,
  medicineClasses,
  medicineRoutes,
  type Prescription,
  type PrescriptionInput,
} from '@hearth/domain';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrgDateTimeInput } from '../../components/OrgDateTimeInput.tsx';
import { formatDateTime } from '../../format/time.ts';
import { ChecksPanel } from './checks.tsx';
import { useMedicineLabels } from './labels.ts';
import {
  useChangePrescription,
  useFormulary,
  usePrescribe,
  usePrescriptions,
  useReview,
  useStopPrescription,
  useVersions,
} from './medicines-api.ts';
import { SafetyPanel } from './SafetyPanel.tsx';
import { WeightPrompt } from './WeightPrompt.tsx';

/** "at 08:00, 20:00" or "as needed, every 4 h at most, up to 6 a day". */
export function ScheduleText({ p }: { p: Prescription }) {
  const { t } = useTranslation();
  if (p.changeIntervalHours) return t('medsafety.patchEvery', { hours: p.changeIntervalHours });
  return p.kind === 'scheduled'
    ? t('medicines.schedule.times', { times: p.timesOfDay.join(', ') })
    : t('medicines.schedule.prn', {
        hours: Math.round(((p.minIntervalMinutes ?? 0) / 60) * 10) / 10,
        max: p.maxDosesPer24h,
      });
}

export function PrescriptionsTab({ patientId, canPrescribe }: { patientId: string; canPrescribe: boolean }) {
  const { t, i18n } = useTranslation();
  const list = usePrescriptions(patientId);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const versions = useVersions(patientId, historyOf);
  const stop = useStopPrescription(patientId);
  const L = useMedicineLabels();
  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState<Prescription | null>(null);
  if (list.isPending) return null;
  if (list.isError) return <ErrorAlert error={list.error} />;
  return (
    <Stack gap="md">
      {canPrescribe && !creating && (
        <Button
          onClick={() => setCreating(true)}
          style={{ alignSelf: 'flex-start' }}
          data-testid="new-prescription"
        >
          {t('medicines.newPrescription')}
        </Button>
      )}
      {canPrescribe && creating && (
        <PrescriptionForm patientId={patientId} onDone={() => setCreating(false)} />
      )}
      {canPrescribe && changing && (
        <PrescriptionForm
          key={changing.id}
          patientId={patientId}
          initial={changing}
          onDone={() => setChanging(null)}
        />
      )}
      {list.data.length === 0 && <Text>{t('medicines.none')}</Text>}
      {list.data.length > 0 && (
        <Table striped withTableBorder data-testid="prescriptions">
          <Table.Tbody>
            {list.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text fw={600}>{L.product(p)}</Text>
                  <Text size="sm">
                    {L.doseFull(p)} · {L.route(p.route)} · <ScheduleText p={p} />
                  </Text>
                  {p.overrideReason && (
                    <Text size="sm" c="red.8" data-testid="rx-override">
                      {t('medsafety.overrideShown', { reason: p.overrideReason })}
                    </Text>
                  )}
                  <Text size="sm" c="dimmed">
                    {p.indication} · {t('medicines.prescribedBy', { name: p.prescribedByName })} ·{' '}
                    {t('medicines.version', { n: p.version })}
                    {p.reason ? ` · ${p.reason}` : ''}
                  </Text>
                  {historyOf === p.id && versions.data && (
                    <Stack gap={2} mt="xs">
                      {versions.data.map((v) => (
                        <Text size="sm" key={v.version}>
                          {t('medicines.version', { n: v.version })}: {L.dose(v)}, {L.route(v.route)},{' '}
                          <ScheduleText p={v} /> — {v.prescribedByName},{' '}
                          {formatDateTime(v.versionCreatedAt, i18n.language)}
                          {v.reason ? ` (${v.reason})` : ''}
                        </Text>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Badge color={p.status === 'active' ? 'green' : 'gray'}>
                      {t(`medicines.status.${p.status}`)}
                    </Badge>
                    {p.anticipatoryPurpose && (
                      <Badge variant="light">
                        {t(`medicines.anticipatory.purposes.${p.anticipatoryPurpose}`)}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setHistoryOf(historyOf === p.id ? null : p.id)}
                    >
                      {t('medicines.history')}
                    </Button>
                    {canPrescribe && p.status !== 'ended' && (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => {
                          setCreating(false);
                          setChanging(p);
                        }}
                        data-testid="rx-change"
                      >
                        {t('medicines.change')}
                      </Button>
                    )}
                    {canPrescribe && p.status !== 'ended' && (
                      <Button
                        size="xs"
                        color="red"
                        variant="light"
                        onClick={() => {
                          const reason = window.prompt(t('medicines.stopReason'));
                          if (reason && reason.trim().length >= 3)
                            stop.mutate({ id: p.id, reason: reason.trim() });
                        }}
                      >
                        {t('medicines.stop')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {stop.isError && <ErrorAlert error={stop.error} />}
    </Stack>
  );
}

/**
 * A new prescription, or (with `initial`) a change: the physician edits a copy of the current
 * version and gives a reason; the server keeps every earlier version.
 */
function PrescriptionForm({
  patientId,
  onDone,
  initial,
}: {
  patientId: string;
  onDone: () => void;
  initial?: Prescription;
}) {
  const { t, i18n } = useTranslation();
  const L = useMedicineLabels();
  const formulary = useFormulary();
  const prescriptions = usePrescriptions(patientId);
  const prescribe = usePrescribe(patientId);
  const change = useChangePrescription(patientId);
  const saving = initial ? change : prescribe;
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const [medicineId, setMedicineId] = useState<string | null>(initial?.medicineId ?? null);
  const [name, setName] = useState(initial?.name ?? '');
  const [form, setForm] = useState<MedicineForm | null>(initial?.form ?? null);
  const [strength, setStrength] = useState<string | null>(initial?.strength ?? null);
  const [declaredClass, setDeclaredClass] = useState<MedicineClass | null>(initial?.declaredClass ?? null);
  const [overrideReason, setOverrideReason] = useState(initial?.overrideReason ?? '');
  const [route, setRoute] = useState<MedicineRoute>(initial?.route ?? 'oral');
  const [dose, setDose] = useState<number | ''>(initial?.doseAmount ?? '');
  const [unit, setUnit] = useState<DoseUnit>(initial?.doseUnit ?? 'mg');
  const [kind, setKind] = useState<'scheduled' | 'prn'>(initial?.kind ?? 'scheduled');
  const [times, setTimes] = useState(initial?.timesOfDay.join(', ') || '08:00, 20:00');
  const [intervalHours, setIntervalHours] = useState<number | ''>(
    initial?.minIntervalMinutes ? initial.minIntervalMinutes / 60 : 4,
  );
  const [max, setMax] = useState<number | ''>(initial?.maxDosesPer24h ?? 6);
  const [indication, setIndication] = useState(initial?.indication ?? '');
  const [instructions, setInstructions] = useState(initial?.instructions ?? '');
  const [startsAt, setStartsAt] = useState(() => initial?.startsAt ?? new Date().toISOString());
  const [endsAt, setEndsAt] = useState(initial?.endsAt ?? '');
  const [purpose, setPurpose] = useState<string | null>(initial?.anticipatoryPurpose ?? null);
  const [reason, setReason] = useState('');
  const [ack, setAck] = useState(false);

  const med = formulary.data?.find((m) => m.id === medicineId);
  const formDef = med?.forms.find((f) => f.form === form);
  const draft: PrescriptionInput | null = useMemo(() => {
    if (!name.trim() || dose === '' || !indication.trim() || !startsAt) return null;
    return {
      medicineId,
      name: name.trim(),
      form,
      strength,
      route,
      doseAmount: Number(dose),
      doseUnit: unit,
      kind,
      timesOfDay:
        kind === 'scheduled'
          ? times
              .split(/[,\s]+/)
              .map((x) => x.trim())
              .filter(Boolean)
          : [],
      minIntervalMinutes:
        kind === 'prn' && intervalHours !== '' ? Math.round(Number(intervalHours) * 60) : null,
      maxDosesPer24h: kind === 'prn' && max !== '' ? Number(max) : null,
      indication: indication.trim(),
      instructions: instructions.trim() || null,
      startsAt,
      endsAt: endsAt || null,
      anticipatoryPurpose: (purpose as PrescriptionInput['anticipatoryPurpose']) ?? null,
      acknowledgeWarnings: ack,
      declaredClass: medicineId ? null : declaredClass,
      overrideReason: overrideReason.trim().length >= 5 ? overrideReason.trim() : null,
    };
  }, [
    medicineId,
    name,
    form,
    strength,
    declaredClass,
    overrideReason,
    route,
    dose,
    unit,
    kind,
    times,
    intervalHours,
    max,
    indication,
    instructions,
    startsAt,
    endsAt,
    purpose,
    ack,
  ]);
  const [debounced] = useDebouncedValue(draft, 400);
  const review = useReview(
    patientId,
    debounced ? { ...debounced, acknowledgeWarnings: false, overrideReason: null } : null,
    true,
    initial?.id ?? null,
  );
  const names = Object.fromEntries([
    ...(prescriptions.data ?? []).map((p) => [p.id, p.name]),
    ['draft', name],
  ]);
  const blocked = isApiError(saving.error) && saving.error.code === 'CONFLICT' && !ack;
  const safety = review.data?.safety ?? null;
  const needsWeight = !!safety?.blocking.some(
    (b) => b.code === 'child-weight-missing' || b.code === 'child-weight-stale',
  );
  const needsReason = !!safety?.blocking.some((b) => b.overridable);
  const needsAck = !!safety?.warnings.some((w) => w.level === 'confirm');

  const submit = async () => {
    if (!draft) return;
    try {
      if (initial) await change.mutateAsync({ id: initial.id, body: { ...draft, reason: reason.trim() } });
      else await prescribe.mutateAsync(draft);
      onDone();
    } catch {
      // shown below
    }
  };

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3}>{initial ? t('medicines.changeTitle') : t('medicines.newPrescription')}</Title>
        <Select
          label={t('medicines.fields.medicine')}
          searchable
          clearable
          data={(formulary.data ?? []).map((m) => ({
            value: m.id,
            label: `${m.name[lang]}${m.whoStep ? ` · ${t('medicines.whoStep', { step: m.whoStep })}` : ''}`,
          }))}
          value={medicineId}
          onChange={(v) => {
            setMedicineId(v);
            const m = formulary.data?.find((x) => x.id === v);
            if (m) {
              setName(m.name[lang]);
              const f = m.forms[0];
              if (f) {
                setForm(f.form);
                setStrength(f.strengths[0] ?? null);
                setRoute(f.routes[0] ?? 'oral');
                setUnit(f.doseUnit);
              }
            }
          }}
          placeholder={t('medicines.otherMedicine')}
          data-testid="rx-medicine"
        />
        <TextInput
          label={t('medicines.fields.freeName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          data-testid="rx-name"
        />
        {!medicineId && (
          <Select
            label={t('medsafety.declaredClass')}
            data={medicineClasses.map((c) => ({ value: c, label: t(`medsafety.classes.${c}`) }))}
            value={declaredClass}
            onChange={(v) => setDeclaredClass(v as MedicineClass | null)}
            required
            data-testid="rx-class"
          />
        )}
        <Group grow>
          <Select
            label={t('medicines.fields.form')}
            data={(med?.forms ?? []).map((f) => ({
              value: f.form,
              label: `${L.form(f.form)} (${L.arithmetic(f.strengths.join(', '))})`,
            }))}
            value={form}
            onChange={(v) => {
              setForm(v as MedicineForm | null);
              const f = med?.forms.find((x) => x.form === v);
              if (f) {
                setStrength(f.strengths[0] ?? null);
                setRoute(f.routes[0] ?? 'oral');
                setUnit(f.doseUnit);
              }
            }}
            disabled={!med}
            allowDeselect={false}
            data-testid="rx-form"
          />
          <Select
            label={t('medsafety.strength')}
            data={(formDef?.strengths ?? []).map((x) => ({ value: x, label: L.arithmetic(x) }))}
            value={strength}
            onChange={setStrength}
            disabled={!formDef}
            data-testid="rx-strength"
          />
          <Select
            label={t('medicines.fields.route')}
            data={(formDef ? formDef.routes : medicineRoutes).map((r) => ({ value: r, label: L.route(r) }))}
            value={route}
            onChange={(v) => v && setRoute(v as MedicineRoute)}
            allowDeselect={false}
            data-testid="rx-route"
          />
        </Group>
        <Group grow>
          <NumberInput
            label={t('medicines.fields.dose')}
            value={dose}
            onChange={(v) => setDose(v === '' ? '' : Number(v))}
            min={0}
            decimalScale={3}
            required
            data-testid="rx-dose"
          />
          <Select
            label={t('medicines.fields.unit')}
            data={doseUnits.map((u) => ({ value: u, label: L.unit(u) }))}
            value={unit}
            onChange={(v) => v && setUnit(v as DoseUnit)}
            allowDeselect={false}
            data-testid="rx-unit"
          />
        </Group>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as 'scheduled' | 'prn')}
          data={[
            { value: 'scheduled', label: t('medicines.kind.scheduled') },
            { value: 'prn', label: t('medicines.kind.prn') },
          ]}
          data-testid="rx-kind"
        />
        {kind === 'scheduled' ? (
          <TextInput
            label={t('medicines.fields.times')}
            value={times}
            onChange={(e) => setTimes(e.currentTarget.value)}
          />
        ) : (
          <Group grow>
            <NumberInput
              label={t('medicines.fields.interval')}
              value={intervalHours}
              onChange={(v) => setIntervalHours(v === '' ? '' : Number(v))}
              min={0.25}
              step={0.5}
              decimalScale={2}
              data-testid="rx-interval"
            />
            <NumberInput
              label={t('medicines.fields.max')}
              value={max}
              onChange={(v) => setMax(v === '' ? '' : Number(v))}
              min={1}
              max={24}
              data-testid="rx-max"
            />
          </Group>
        )}
        <TextInput
          label={t('medicines.fields.indication')}
          value={indication}
          onChange={(e) => setIndication(e.currentTarget.value)}
          required
          data-testid="rx-indication"
        />
        <TextInput
          label={t('medicines.fields.instructions')}
          value={instructions}
          onChange={(e) => setInstructions(e.currentTarget.value)}
        />
        <Group grow>
          <OrgDateTimeInput
            required
            label={t('medicines.fields.startsAt')}
            value={startsAt}
            onChange={setStartsAt}
            data-testid="rx-starts"
          />
          <OrgDateTimeInput
            label={t('medicines.fields.endsAt')}
            value={endsAt}
            onChange={setEndsAt}
            min={startsAt || undefined}
          />
        </Group>
        <Select
          label={t('medicines.fields.purpose')}
          clearable
          data={anticipatoryPurposes.map((p) => ({
            value: p,
            label: t(`medicines.anticipatory.purposes.${p}`),
          }))}
          value={purpose}
          onChange={setPurpose}
        />
        {initial && (
          <TextInput
            label={t('medicines.changeReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            data-testid="rx-reason"
          />
        )}
        {safety && <SafetyPanel safety={safety} />}
        {needsWeight && <WeightPrompt patientId={patientId} />}
        {(needsReason || overrideReason) && (
          <TextInput
            label={t('medsafety.overrideReason')}
            value={overrideReason}
            onChange={(e) => setOverrideReason(e.currentTarget.value)}
            required
            data-testid="rx-override-reason"
          />
        )}
        {review.data && <ChecksPanel review={review.data} names={names} />}
        {saving.isError && <ErrorAlert error={saving.error} />}
        {(blocked || ack || needsAck) && (
          <Checkbox
            label={t('medicines.acknowledge')}
            checked={ack}
            onChange={(e) => setAck(e.currentTarget.checked)}
            data-testid="rx-ack"
          />
        )}
        <Group>
          <Button
            onClick={submit}
            disabled={!draft || (!!initial && reason.trim().length < 3)}
            loading={saving.isPending}
            data-testid="rx-submit"
          >
            {initial ? t('medicines.saveChange') : t('medicines.prescribe')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('medicines.portal.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
