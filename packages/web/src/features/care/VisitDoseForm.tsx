import {
  checkDoseOffline,
  explainRefusal,
  type FieldCaseload,
  type FieldVisit,
  queuedDoseOf,
} from '@hearth/domain';
import { Alert, Button, Card, Select, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { refusalText } from '../../i18n/reason-text.ts';
import { useOutbox } from '../../offline/use-outbox.ts';
import { useMedicineLabels } from '../medicines/labels.ts';
import { useRecordDose } from '../medicines/medicines-api.ts';

type Outcome = { kind: 'refused'; message: string } | { kind: 'sent' } | { kind: 'queued' };

/**
 * Records a dose given now at the visit, with or without a connection. The phone runs the same
 * dose guard as the server (checkDoseOffline in @hearth/domain) against the cached chart plus the
 * doses still waiting in the outbox, and shows its refusal at once; the server checks again when
 * the dose arrives, and a late refusal lands under "needs attention".
 */
export function VisitDoseForm({ caseload, entry }: { caseload: FieldCaseload; entry: FieldVisit }) {
  const { t, i18n } = useTranslation();
  const L = useMedicineLabels();
  const { pending } = useOutbox();
  const dose = useRecordDose(entry.patient.id);
  const [rxId, setRxId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { prescriptions } = entry.medicines;
  const patientId = entry.patient.id;
  const rx = prescriptions.find((p) => p.id === rxId);
  const queued = pending
    .filter((c) => c.kind === 'medicine.dose' && c.patientId === patientId)
    .flatMap((c) => {
      const q = prescriptions.find((p) => p.id === c.meta?.prescriptionId);
      const slot = c.meta?.slot;
      return q
        ? [
            queuedDoseOf(
              q,
              new Date(String(c.meta?.givenAt)),
              typeof slot === 'string' ? new Date(slot) : null,
            ),
          ]
        : [];
    });
  const record = async () => {
    if (!rx) return;
    const now = new Date();
    const check = checkDoseOffline({
      caseload,
      medicines: entry.medicines,
      prescriptionId: rx.id,
      attempt: { givenAt: now, doseAmount: rx.doseAmount, doseUnit: rx.doseUnit },
      queued,
      path: 'nurse',
      now,
    });
    if (check && !check.ok) {
      setOutcome({
        kind: 'refused',
        message: explainRefusal(check.reason, {
          nextAllowedAt: check.nextAllowedAt,
          prescribed: L.doseFull(rx),
          now,
          timeZone: caseload.timeZone,
          teamPhone: t('field.teamPhone'),
          locale: i18n.language === 'en' ? 'en' : 'ru',
        }),
      });
      return;
    }
    try {
      const saved = await dose.mutateAsync({
        prescriptionId: rx.id,
        doseAmount: rx.doseAmount,
        doseUnit: rx.doseUnit,
        givenAt: now.toISOString(),
        outcome: 'given',
        label: t('offline.labels.dose', { medicine: L.product(rx), name: entry.visit.patientName }),
        visitId: entry.visit.id,
        slot: check?.ok ? (check.slot?.toISOString() ?? null) : null,
      });
      if (!saved) setOutcome({ kind: 'queued' });
      else if (saved.status === 'refused')
        setOutcome({ kind: 'refused', message: saved.refusalMessage ?? '' });
      else setOutcome({ kind: 'sent' });
    } catch (e) {
      setOutcome({ kind: 'refused', message: refusalText(i18n, e) });
    }
  };
  if (entry.withheld.includes('prescriptions')) return null;
  return (
    <Card withBorder padding="sm" data-testid="visit-dose">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('field.doseTitle')}
        </Title>
        <Select
          size="md"
          label={t('medicines.record.medicine')}
          data-testid="visit-dose-medicine"
          data={prescriptions
            .filter((p) => p.status === 'active')
            .map((p) => ({ value: p.id, label: `${L.product(p)} · ${L.doseFull(p)} · ${L.route(p.route)}` }))}
          value={rxId}
          onChange={(v) => {
            setRxId(v);
            setOutcome(null);
          }}
        />
        <Button size="md" onClick={() => void record()} disabled={!rx} loading={dose.isPending}>
          {t('field.doseGivenNow')}
        </Button>
        {outcome?.kind === 'refused' && (
          <Alert color="red" data-testid="visit-dose-refused">
            {t('medicines.record.refused', { message: outcome.message })}
          </Alert>
        )}
        {outcome?.kind === 'queued' && (
          <Alert color="yellow" role="status" data-testid="visit-dose-queued">
            {t('offline.savedOnPhone')}
          </Alert>
        )}
        {outcome?.kind === 'sent' && (
          <Alert color="green" role="status">
            {t('medicines.record.saved')}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
