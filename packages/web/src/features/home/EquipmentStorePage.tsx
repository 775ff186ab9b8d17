import {
  type EquipmentItem,
  type EquipmentKind,
  equipmentConditions,
  equipmentItemStatuses,
  equipmentKinds,
} from '@hearth/domain';
import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDay } from '../../format/time.ts';
import { FormActions } from './FormActions.tsx';
import { useAddItem, useEquipmentItems, useEquipmentOverview, usePatchItem } from './home-care-api.ts';
import { LoanCard } from './LoanCard.tsx';

type EquipmentCondition = (typeof equipmentConditions)[number];

/** Adding an item to the store: type, name, serial number, condition and the next maintenance date. */
function ItemForm({ item, onDone }: { item?: EquipmentItem; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddItem();
  const patch = usePatchItem();
  const [kind, setKind] = useState<EquipmentKind>(item?.kind ?? 'pressure_mattress');
  const [name, setName] = useState(item?.name ?? '');
  const [serial, setSerial] = useState(item?.serialNumber ?? '');
  const [condition, setCondition] = useState<EquipmentCondition>(item?.condition ?? 'good');
  const [due, setDue] = useState(item?.maintenanceDueOn ?? '');
  const [status, setStatus] = useState<string>(item?.status ?? 'available');
  const [notes, setNotes] = useState(item?.notes ?? '');
  const mutation = item ? patch : add;
  const settable = ['available', 'maintenance', 'retired'] as const;
  const isSettable = (v: string) => settable.some((x) => x === v);
  // the select offers only the settable statuses; find() gives the chosen one its type
  const chosenStatus = settable.find((x) => x === status);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (item)
      patch.mutate(
        {
          id: item.id,
          condition,
          maintenanceDueOn: due || null,
          notes: notes || null,
          ...(isSettable(item.status) && chosenStatus && status !== item.status && { status: chosenStatus }),
        },
        { onSuccess: onDone },
      );
    else
      add.mutate(
        {
          kind,
          name,
          serialNumber: serial,
          condition,
          maintenanceDueOn: due || undefined,
          notes: notes || undefined,
        },
        { onSuccess: onDone },
      );
  };
  return (
    <form onSubmit={submit} data-testid="item-form">
      <Stack gap="xs">
        {!item && (
          <>
            <NativeSelect
              label={t('homeCare.store.kind')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as EquipmentKind)}
              data={equipmentKinds.map((k) => ({ value: k, label: t(`home.equipment.kinds.${k}`) }))}
            />
            <TextInput
              label={t('homeCare.store.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              minLength={2}
            />
            <TextInput
              label={t('homeCare.store.serial')}
              value={serial}
              onChange={(e) => setSerial(e.currentTarget.value)}
              required
              minLength={2}
            />
          </>
        )}
        <NativeSelect
          label={t('homeCare.store.condition')}
          value={condition}
          onChange={(e) => {
            const value = e.currentTarget.value;
            const chosen = equipmentConditions.find((c) => c === value);
            if (chosen) setCondition(chosen);
          }}
          data={equipmentConditions.map((c) => ({ value: c, label: t(`homeCare.store.conditions.${c}`) }))}
        />
        <TextInput
          type="date"
          label={t('homeCare.store.maintenanceDue')}
          value={due}
          onChange={(e) => setDue(e.currentTarget.value)}
        />
        {item && isSettable(item.status) && (
          <NativeSelect
            label={t('homeCare.store.status')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            data={settable.map((s) => ({
              value: s,
              label: t(`homeCare.store.statuses.${s}` as 'homeCare.store.statuses.available'),
            }))}
          />
        )}
        <TextInput
          label={t('homeCare.store.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        {mutation.isError && <ErrorAlert error={mutation.error} />}
        <FormActions label={t('homeCare.store.save')} pending={mutation.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function Panel({
  title,
  empty,
  testId,
  children,
}: {
  title: string;
  empty: string;
  testId: string;
  children: ReactNode[];
}) {
  return (
    <Card withBorder data-testid={testId}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {title} {children.length > 0 && <Badge variant="light">{children.length}</Badge>}
        </Title>
        {children.length === 0 ? <Text c="dimmed">{empty}</Text> : children}
      </Stack>
    </Card>
  );
}

/**
 * The equipment manager's store: availability per type, requests to deliver, what is out and
 * due back, what waits for cleaning, maintenance due, and every item with its serial number.
 */
export function EquipmentStorePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('homeCare.store.title'));
  const can = useCan();
  const overview = useEquipmentOverview();
  const [kind, setKind] = useState<EquipmentKind | ''>('');
  const [status, setStatus] = useState('');
  const items = useEquipmentItems(kind, status);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<EquipmentItem | null>(null);
  const o = overview.data;
  const lang = i18n.language;
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('homeCare.store.title')}</Title>
        {can('equipment:manage') && (
          <Button onClick={() => setAdding(true)} data-testid="add-item">
            {t('homeCare.store.addItem')}
          </Button>
        )}
      </Group>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('homeCare.store.addItem')}>
        <ItemForm onDone={() => setAdding(false)} />
      </Modal>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('homeCare.store.editTitle', { serial: editing.serialNumber }) : ''}
      >
        {editing && <ItemForm item={editing} onDone={() => setEditing(null)} />}
      </Modal>
      {overview.isPending && <PageLoader />}
      {overview.isError && <ErrorAlert error={overview.error} />}
      {o && (
        <>
          <Card withBorder data-testid="availability">
            <Title order={2} size="h4" mb="xs">
              {t('homeCare.store.availability')}
            </Title>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('homeCare.store.kind')}</Table.Th>
                  <Table.Th ta="right">{t('homeCare.store.available')}</Table.Th>
                  <Table.Th ta="right">{t('homeCare.store.onLoan')}</Table.Th>
                  <Table.Th ta="right">{t('homeCare.store.other')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.availability.map((a) => (
                  <Table.Tr key={a.kind} data-testid={`availability-${a.kind}`}>
                    <Table.Td>{t(`home.equipment.kinds.${a.kind}`)}</Table.Td>
                    <Table.Td ta="right" fw={700} c={a.available === 0 ? 'red' : undefined}>
                      {a.available}
                    </Table.Td>
                    <Table.Td ta="right">{a.onLoan}</Table.Td>
                    <Table.Td ta="right">{a.other}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Panel
              title={t('homeCare.store.requests')}
              empty={t('homeCare.store.noRequests')}
              testId="open-requests"
            >
              {o.openRequests.map((l) => (
                <LoanCard key={l.id} loan={l} showPatient />
              ))}
            </Panel>
            <Panel title={t('homeCare.store.atHome')} empty={t('homeCare.store.nothingOut')} testId="at-home">
              {o.atHome.map((l) => (
                <LoanCard key={l.id} loan={l} showPatient />
              ))}
            </Panel>
            <Panel
              title={t('homeCare.store.cleaning')}
              empty={t('homeCare.store.nothingCleaning')}
              testId="awaiting-cleaning"
            >
              {o.awaitingCleaning.map((l) => (
                <LoanCard key={l.id} loan={l} showPatient />
              ))}
            </Panel>
            <Panel
              title={t('homeCare.store.maintenance')}
              empty={t('homeCare.store.noMaintenance')}
              testId="maintenance-due"
            >
              {o.maintenanceDue.map((i) => (
                <Group key={i.id} justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    {i.serialNumber} · {i.name}
                  </Text>
                  <Group gap="xs">
                    <Badge color="red" variant="light">
                      {i.maintenanceDueOn && formatDay(i.maintenanceDueOn, lang)}
                    </Badge>
                    {can('equipment:manage') && (
                      <Button size="xs" variant="subtle" onClick={() => setEditing(i)}>
                        {t('homeCare.store.edit')}
                      </Button>
                    )}
                  </Group>
                </Group>
              ))}
            </Panel>
          </SimpleGrid>
        </>
      )}
      <Card withBorder data-testid="items">
        <Stack gap="xs">
          <Group justify="space-between" align="flex-end">
            <Title order={2} size="h4">
              {t('homeCare.store.items')}
            </Title>
            <Group>
              <NativeSelect
                aria-label={t('homeCare.store.kind')}
                value={kind}
                onChange={(e) => setKind(e.currentTarget.value as EquipmentKind | '')}
                data={[
                  { value: '', label: t('homeCare.store.allKinds') },
                  ...equipmentKinds.map((k) => ({ value: k, label: t(`home.equipment.kinds.${k}`) })),
                ]}
              />
              <NativeSelect
                aria-label={t('homeCare.store.status')}
                value={status}
                onChange={(e) => setStatus(e.currentTarget.value)}
                data={[
                  { value: '', label: t('homeCare.store.allStatuses') },
                  ...equipmentItemStatuses.map((s) => ({
                    value: s,
                    label: t(`homeCare.store.statuses.${s}`),
                  })),
                ]}
              />
            </Group>
          </Group>
          {items.isError && <ErrorAlert error={items.error} />}
          {items.data?.items.length === 0 && <Text c="dimmed">{t('homeCare.store.none')}</Text>}
          {(items.data?.items.length ?? 0) > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('homeCare.store.serial')}</Table.Th>
                    <Table.Th>{t('homeCare.store.name')}</Table.Th>
                    <Table.Th>{t('homeCare.store.condition')}</Table.Th>
                    <Table.Th>{t('homeCare.store.status')}</Table.Th>
                    <Table.Th>{t('homeCare.store.maintenanceDue')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.data?.items.map((i) => (
                    <Table.Tr key={i.id} data-testid="item-row">
                      <Table.Td ff="monospace">{i.serialNumber}</Table.Td>
                      <Table.Td>
                        {i.name}
                        <Text size="xs" c="dimmed">
                          {t(`home.equipment.kinds.${i.kind}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`homeCare.store.conditions.${i.condition}`)}</Table.Td>
                      <Table.Td>{t(`homeCare.store.statuses.${i.status}`)}</Table.Td>
                      <Table.Td>
                        {i.maintenanceDueOn ? formatDay(i.maintenanceDueOn, lang) : '—'}{' '}
                        {i.maintenanceOverdue && (
                          <Badge color="red" size="sm">
                            {t('homeCare.store.overdue')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {can('equipment:manage') && (
                          <Button size="xs" variant="subtle" onClick={() => setEditing(i)}>
                            {t('homeCare.store.edit')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
