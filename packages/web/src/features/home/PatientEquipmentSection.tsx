import { type EquipmentKind, equipmentKinds } from '@hearth/domain';
import { Button, Card, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormActions } from './FormActions.tsx';
import { useLoans } from './home-api.ts';
import { useRequestLoan } from './home-care-api.ts';
import { LoanCard } from './LoanCard.tsx';

function RequestForm({ patientId, onDone }: { patientId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const request = useRequestLoan(patientId);
  const [kind, setKind] = useState<EquipmentKind>('pressure_mattress');
  const [reason, setReason] = useState('');
  const [back, setBack] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate({ kind, reason, expectedReturnOn: back || undefined }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} data-testid="loan-request-form">
      <Stack gap="xs">
        <Group grow align="flex-start">
          <NativeSelect
            label={t('homeCare.loan.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as EquipmentKind)}
            data={equipmentKinds.map((k) => ({ value: k, label: t(`home.equipment.kinds.${k}`) }))}
          />
          <TextInput
            type="date"
            label={t('homeCare.loan.expectedReturn')}
            value={back}
            onChange={(e) => setBack(e.currentTarget.value)}
          />
        </Group>
        <Textarea
          label={t('homeCare.loan.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          minLength={3}
          autosize
          minRows={2}
        />
        {request.isError && <ErrorAlert error={request.error} />}
        <FormActions label={t('homeCare.loan.send')} pending={request.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** The patient's equipment loans on the staff record; a clinician requests, the store delivers. */
function Loans({ patientId, status }: { patientId: string; status: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const loans = useLoans(patientId);
  const [open, setOpen] = useState(false);
  const inCare = status !== 'deceased' && status !== 'discharged';
  const list = loans.data ?? [];
  // finished loans go last: what is at home or on its way matters most
  const finished = (s: string) => s === 'cleaned' || s === 'cancelled';
  const sorted = [...list].sort((a, b) => Number(finished(a.status)) - Number(finished(b.status)));
  return (
    <Card withBorder data-testid="patient-equipment">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('homeCare.loan.title')}
          </Title>
          {inCare && can('equipment:request', { patientId }) && !open && (
            <Button variant="light" onClick={() => setOpen(true)}>
              {t('homeCare.loan.request')}
            </Button>
          )}
        </Group>
        {open && <RequestForm patientId={patientId} onDone={() => setOpen(false)} />}
        {loans.isError && <ErrorAlert error={loans.error} />}
        {loans.isSuccess && list.length === 0 && <Text c="dimmed">{t('homeCare.loan.none')}</Text>}
        {sorted.map((l) => (
          <LoanCard key={l.id} loan={l} />
        ))}
      </Stack>
    </Card>
  );
}

/** Shown only to those who may read it, so no request is made that would be refused. */
export function PatientEquipmentSection({ patientId, status }: { patientId: string; status: string }) {
  const can = useCan();
  if (!can('equipment-loan:read', { patientId })) return null;
  return <Loans patientId={patientId} status={status} />;
}
