import { type ControlledEntryBody, controlledStockUnits, type WitnessConfirmation } from '@hearth/domain';
import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { emptyWitness, WitnessFields, witnessOrNothing } from '../../components/WitnessFields.tsx';
import { formatDateTime, formatDay } from '../../format/time.ts';
import { useMedicineLabels } from './labels.ts';
import {
  useAddStock,
  useAnticipatory,
  useControlled,
  useControlledEntry,
  usePrescriptions,
  useSetBox,
} from './medicines-api.ts';
import { ScheduleText } from './PrescriptionsTab.tsx';

/** "Just in case" medicines: what is prescribed for the last days and where the box is kept. */
export function AnticipatoryTab({ patientId, canEdit }: { patientId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const L = useMedicineLabels();
  const q = useAnticipatory(patientId);
  const save = useSetBox(patientId);
  const [location, setLocation] = useState<string | null>(null);
  const [expiresOn, setExpiresOn] = useState<string | null>(null);
  if (q.isPending) return null;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const box = q.data.box;
  return (
    <Stack gap="md">
      {box ? (
        <Text>
          {t('medicines.portal.boxWhere', { location: box.location })} ·{' '}
          {t('medicines.anticipatory.expiresOn')} {formatDay(box.expiresOn, i18n.language)}
          {box.notes ? ` · ${box.notes}` : ''}
        </Text>
      ) : (
        <Text>{t('medicines.anticipatory.noBox')}</Text>
      )}
      {q.data.missingPurposes.length > 0 && (
        <Text c="orange.8">
          {t('medicines.anticipatory.missing', {
            list: q.data.missingPurposes.map((p) => t(`medicines.anticipatory.purposes.${p}`)).join(', '),
          })}
        </Text>
      )}
      {q.data.prescriptions.map((p) => (
        <Text key={p.id}>
          <Badge variant="light" mr="xs">
            {t(`medicines.anticipatory.purposes.${p.anticipatoryPurpose ?? 'pain'}`)}
          </Badge>
          {p.name} {L.dose(p)} {L.route(p.route)} · <ScheduleText p={p} />
        </Text>
      ))}
      {canEdit && (
        <Card withBorder>
          <Stack gap="xs">
            <TextInput
              label={t('medicines.anticipatory.box')}
              value={location ?? box?.location ?? ''}
              onChange={(e) => setLocation(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('medicines.anticipatory.expiresOn')}
              value={expiresOn ?? box?.expiresOn ?? ''}
              onChange={(e) => setExpiresOn(e.currentTarget.value)}
            />
            <Button
              style={{ alignSelf: 'flex-start' }}
              loading={save.isPending}
              onClick={() =>
                save.mutate({
                  location: location ?? box?.location ?? '',
                  expiresOn: expiresOn ?? box?.expiresOn ?? '',
                  notes: box?.notes ?? null,
                })
              }
            >
              {t('medicines.anticipatory.save')}
            </Button>
            {save.isError && <ErrorAlert error={save.error} />}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

/** The controlled-drug register kept at the home. */
export function ControlledTab({ patientId, canEdit }: { patientId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const L = useMedicineLabels();
  const q = useControlled(patientId, true);
  const prescriptions = usePrescriptions(patientId);
  const [linkTo, setLinkTo] = useState<string | null>(null);
  const [perUnit, setPerUnit] = useState<number | ''>('');
  const linked = prescriptions.data?.find((p) => p.id === linkTo);
  const entry = useControlledEntry(patientId);
  const addStock = useAddStock(patientId);
  const [newName, setNewName] = useState('');
  const [newUnit, setNewUnit] = useState<(typeof controlledStockUnits)[number]>('ampoule');
  const [kind, setKind] = useState<ControlledEntryBody['kind']>('count');
  const [qty, setQty] = useState<number | ''>('');
  const [witness, setWitness] = useState<WitnessConfirmation>(emptyWitness);
  const [reason, setReason] = useState('');
  const [method, setMethod] = useState('');
  if (q.isPending) return null;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const body = (): ControlledEntryBody | null => {
    if (qty === '') return null;
    const n = Number(qty);
    const confirmed = witnessOrNothing(witness);
    if (kind === 'count')
      return {
        kind,
        counted: n,
        note: null,
        ...(reason.trim() && { reason: reason.trim() }),
        ...(confirmed && { witness: confirmed }),
      };
    if (kind === 'disposed')
      return confirmed ? { kind, quantity: n, witness: confirmed, method, note: null } : null;
    if (kind === 'administered') return { kind, quantity: n, administrationId: null, note: null };
    return { kind: 'received', quantity: n, note: null };
  };
  return (
    <Stack gap="md">
      {q.data.map((s) => (
        <Card withBorder key={s.id}>
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={700}>{s.name}</Text>
              <Badge size="lg" color={s.balance < 0 ? 'red' : undefined}>
                {t('medicines.controlled.balance', { n: s.balance, unit: L.stockUnit(s.unit) })}
              </Badge>
            </Group>
            {s.balance < 0 && <Text c="red.8">{t('medicines.controlled.below')}</Text>}
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('medicines.controlled.cols.when')}</Table.Th>
                  <Table.Th>{t('medicines.controlled.cols.entry')}</Table.Th>
                  <Table.Th>{t('medicines.controlled.quantity')}</Table.Th>
                  <Table.Th>{t('medicines.controlled.cols.balance')}</Table.Th>
                  <Table.Th>{t('medicines.controlled.cols.who')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.entries.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{formatDateTime(e.at, i18n.language)}</Table.Td>
                    <Table.Td>
                      {t(`medicines.controlled.kind.${e.kind}`)}
                      {e.administrationId ? ` (${t('medicines.controlled.fromDose')})` : ''}
                    </Table.Td>
                    <Table.Td>{e.quantity}</Table.Td>
                    <Table.Td c={e.balanceAfter < 0 ? 'red.8' : undefined}>→ {e.balanceAfter}</Table.Td>
                    <Table.Td>
                      {e.recordedByName}
                      {e.witnessName
                        ? ` · ${t('medicines.controlled.witnessed', { name: e.witnessName })}`
                        : ''}
                      {e.discrepancy ? (
                        <Text span c="red.8" fw={700}>
                          {' '}
                          {t('medicines.controlled.discrepancy', { n: e.discrepancy, expected: e.expected })}
                        </Text>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {canEdit && (
              <Group align="flex-end">
                <Select
                  aria-label={t('medicines.controlled.cols.entry')}
                  data={(['received', 'administered', 'count', 'disposed'] as const).map((k) => ({
                    value: k,
                    label: t(`medicines.controlled.kind.${k}`),
                  }))}
                  value={kind}
                  onChange={(v) => v && setKind(v as ControlledEntryBody['kind'])}
                  allowDeselect={false}
                />
                <NumberInput
                  label={
                    kind === 'count' ? t('medicines.controlled.counted') : t('medicines.controlled.quantity')
                  }
                  value={qty}
                  onChange={(v) => setQty(v === '' ? '' : Number(v))}
                  min={0}
                />
                {kind === 'count' && (
                  <TextInput
                    label={t('seams.countReason')}
                    value={reason}
                    onChange={(e) => setReason(e.currentTarget.value)}
                  />
                )}
                {(kind === 'disposed' || kind === 'count') && (
                  <WitnessFields value={witness} onChange={setWitness} />
                )}
                {kind === 'disposed' && (
                  <TextInput
                    label={t('medicines.controlled.method')}
                    value={method}
                    onChange={(e) => setMethod(e.currentTarget.value)}
                  />
                )}
                <Button
                  onClick={() => {
                    const b = body();
                    if (b)
                      entry.mutate(
                        { stockId: s.id, body: b },
                        {
                          onSuccess: () => {
                            setQty('');
                            setReason('');
                            setWitness(emptyWitness);
                          },
                        },
                      );
                  }}
                  loading={entry.isPending}
                >
                  {t('medicines.controlled.record')}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      ))}
      {entry.isError && <ErrorAlert error={entry.error} />}
      {canEdit && (
        <Group align="flex-end">
          <TextInput
            label={t('medicines.controlled.name')}
            value={newName}
            onChange={(e) => setNewName(e.currentTarget.value)}
          />
          <Select
            label={t('medicines.controlled.unit')}
            data={controlledStockUnits.map((u) => ({ value: u, label: L.stockUnit(u) }))}
            value={newUnit}
            onChange={(v) => {
              // the select offers only the register's units; find() gives the value its type
              const unit = controlledStockUnits.find((u) => u === v);
              if (unit) setNewUnit(unit);
            }}
            allowDeselect={false}
          />
          <Select
            label={t('medicines.controlled.prescription')}
            placeholder={t('medicines.controlled.noPrescription')}
            clearable
            data={(prescriptions.data ?? [])
              .filter((p) => p.controlled && p.status !== 'ended')
              .map((p) => ({ value: p.id, label: `${p.name} · ${L.dose(p)}` }))}
            value={linkTo}
            onChange={setLinkTo}
          />
          {linked && linked.doseUnit !== newUnit && (
            <NumberInput
              label={t('medicines.controlled.dosePerUnit', { unit: L.unit(linked.doseUnit) })}
              value={perUnit}
              onChange={(v) => setPerUnit(v === '' ? '' : Number(v))}
              min={0}
              decimalScale={3}
            />
          )}
          <Button
            variant="light"
            onClick={() =>
              newName.trim().length >= 2 &&
              addStock.mutate(
                {
                  name: newName.trim(),
                  unit: newUnit,
                  prescriptionId: linkTo,
                  dosePerUnit:
                    linked && linked.doseUnit !== newUnit && perUnit !== '' ? Number(perUnit) : null,
                },
                {
                  onSuccess: () => {
                    setNewName('');
                    setLinkTo(null);
                    setPerUnit('');
                  },
                },
              )
            }
          >
            {t('medicines.controlled.addStock')}
          </Button>
        </Group>
      )}
      {addStock.isError && <ErrorAlert error={addStock.error} />}
    </Stack>
  );
}
