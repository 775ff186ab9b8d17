import { equipmentConditions, type Loan } from '@hearth/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { useCan, useCurrentUser } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime, formatDay, todayIso } from '../../format/time.ts';
import { DayAndPerson, FormActions } from './FormActions.tsx';
import { type LoanStep, useEquipmentItems, useMoveLoan } from './home-care-api.ts';

type EquipmentCondition = (typeof equipmentConditions)[number];

const loanColor: Record<Loan['status'], string> = {
  requested: 'yellow',
  delivered: 'blue',
  in_use: 'teal',
  collected: 'grape',
  cleaned: 'gray',
  cancelled: 'gray',
};

/** The refusal for an oxygen concentrator without its safety check, in the reader's language. */
function MoveError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const rule = isApiError(error) ? (error.details as { rule?: string } | undefined)?.rule : undefined;
  if (rule === 'oxygen-safety-check')
    return (
      <Alert
        color="red"
        role="alert"
        title={t('homeCare.loan.oxygenRefusedTitle')}
        data-testid="oxygen-refused"
      >
        {t('homeCare.loan.oxygenRefused')}
      </Alert>
    );
  return <ErrorAlert error={error} />;
}

/** Delivery: which item (serial number), on what day, by whom, and the return day agreed at the door. */
function DeliverForm({ loan, onDone }: { loan: Loan; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const move = useMoveLoan();
  const items = useEquipmentItems(loan.kind, 'available');
  const choices = [
    ...(loan.item ? [{ value: loan.item.id, label: `${loan.item.serialNumber} · ${loan.item.name}` }] : []),
    ...(items.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.serialNumber} · ${i.name}` })),
  ];
  const [itemId, setItemId] = useState('');
  const [on, setOn] = useState(todayIso());
  const [by, setBy] = useState(me.name);
  const [back, setBack] = useState(loan.expectedReturnOn ?? '');
  const chosen = itemId || choices[0]?.value || '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    move.mutate(
      {
        loan,
        step: 'deliver',
        body: {
          itemId: chosen || undefined,
          deliveredOn: on,
          deliveredBy: by,
          expectedReturnOn: back || undefined,
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        {items.isSuccess && choices.length === 0 && <Text c="red">{t('homeCare.loan.noneAvailable')}</Text>}
        <NativeSelect
          label={t('homeCare.loan.item')}
          value={chosen}
          onChange={(e) => setItemId(e.currentTarget.value)}
          data={choices}
        />
        <Group grow>
          <DayAndPerson
            dayLabel={t('homeCare.loan.deliveredOn')}
            day={on}
            onDay={setOn}
            personLabel={t('homeCare.loan.deliveredBy')}
            person={by}
            onPerson={setBy}
          />
          <TextInput
            type="date"
            label={t('homeCare.loan.expectedReturn')}
            value={back}
            onChange={(e) => setBack(e.currentTarget.value)}
          />
        </Group>
        {move.isError && <MoveError error={move.error} />}
        <FormActions label={t('homeCare.loan.confirm')} pending={move.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function CollectForm({ loan, onDone }: { loan: Loan; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const move = useMoveLoan();
  const [on, setOn] = useState(todayIso());
  const [by, setBy] = useState(me.name);
  const [condition, setCondition] = useState<EquipmentCondition>('good');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    move.mutate(
      { loan, step: 'collect', body: { collectedOn: on, collectedBy: by, condition } },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Group grow>
          <DayAndPerson
            dayLabel={t('homeCare.loan.collectedOn')}
            day={on}
            onDay={setOn}
            personLabel={t('homeCare.loan.collectedBy')}
            person={by}
            onPerson={setBy}
          />
          <NativeSelect
            label={t('homeCare.loan.conditionBack')}
            value={condition}
            onChange={(e) => {
              const value = e.currentTarget.value;
              const chosen = equipmentConditions.find((c) => c === value);
              if (chosen) setCondition(chosen);
            }}
            data={equipmentConditions.map((c) => ({ value: c, label: t(`homeCare.store.conditions.${c}`) }))}
          />
        </Group>
        {move.isError && <ErrorAlert error={move.error} />}
        <FormActions label={t('homeCare.loan.confirm')} pending={move.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Which steps this person may take from the loan's status (the server checks again). */
function stepsFor(status: Loan['status'], manage: boolean, request: boolean): LoanStep[] {
  const out: LoanStep[] = [];
  if (status === 'requested') {
    if (manage) out.push('deliver');
    if (manage || request) out.push('cancel');
  }
  if (status === 'delivered' && (manage || request)) out.push('in-use');
  if ((status === 'delivered' || status === 'in_use') && manage) out.push('collect');
  if (status === 'collected' && manage) out.push('clean');
  return out;
}

/** One loan: what, where it is in requested → delivered → in use → collected → cleaned, and the next step. */
export function LoanCard({ loan, showPatient = false }: { loan: Loan; showPatient?: boolean }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const move = useMoveLoan();
  const [form, setForm] = useState<'deliver' | 'collect' | null>(null);
  const steps = stepsFor(
    loan.status,
    can('equipment:manage'),
    can('equipment:request', { patientId: loan.patientId }),
  );
  const lang = i18n.language;
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="loan"
      data-loan-kind={loan.kind}
      data-loan-status={loan.status}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text fw={700}>{t(`home.equipment.kinds.${loan.kind}`)}</Text>
            {loan.item && (
              <Text size="sm" c="dimmed">
                {loan.item.serialNumber}
              </Text>
            )}
            {showPatient && (
              <Anchor component={Link} to={`/app/patients/${loan.patientId}`} size="sm">
                {loan.patientName}
              </Anchor>
            )}
          </Group>
          <Group gap="xs">
            {loan.dueBack && <Badge color="red">{t('homeCare.loan.dueBack')}</Badge>}
            <Badge color={loanColor[loan.status]} variant="light" tt="none" data-testid="loan-status">
              {t(`home.equipment.status.${loan.status}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">{loan.reason}</Text>
        <Text size="xs" c="dimmed">
          {t('homeCare.loan.requestedBy', {
            date: formatDateTime(loan.requestedAt, lang),
            name: loan.requestedByName,
          })}
          {loan.deliveredOn &&
            ` · ${t('homeCare.loan.delivered', { date: formatDay(loan.deliveredOn, lang), who: loan.deliveredBy })}`}
          {loan.collectedOn &&
            ` · ${t('homeCare.loan.collected', { date: formatDay(loan.collectedOn, lang), who: loan.collectedBy })}`}
          {loan.expectedReturnOn &&
            ` · ${t('homeCare.loan.returnBy', { date: formatDay(loan.expectedReturnOn, lang) })}`}
        </Text>
        {form === 'deliver' && <DeliverForm loan={loan} onDone={() => setForm(null)} />}
        {form === 'collect' && <CollectForm loan={loan} onDone={() => setForm(null)} />}
        {!form && steps.length > 0 && (
          <Group gap="xs" mt={4}>
            {steps.map((step) => (
              <Button
                key={step}
                size="xs"
                variant={step === 'cancel' ? 'subtle' : 'light'}
                color={step === 'cancel' ? 'gray' : undefined}
                loading={move.isPending && move.variables?.step === step}
                onClick={() =>
                  step === 'deliver' || step === 'collect' ? setForm(step) : move.mutate({ loan, step })
                }
              >
                {t(`homeCare.loan.steps.${step}`)}
              </Button>
            ))}
          </Group>
        )}
        {!form && move.isError && <MoveError error={move.error} />}
      </Stack>
    </Card>
  );
}
