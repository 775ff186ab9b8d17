import { allergyInputSchema, contactInputSchema, diagnosisInputSchema, type Patient } from '@hearth/domain';
import {
  Badge,
  Button,
  Checkbox,
  Collapse,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { useAddAllergy, useAddContact, useAddDiagnosis } from './patients-api.ts';

/** A titled list with an "Add" form that opens on demand. */
function Section({
  title,
  empty,
  items,
  addLabel,
  canAdd,
  children,
}: {
  title: string;
  empty: string;
  items: ReactNode[];
  addLabel: string;
  canAdd: boolean;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {title}
        </Title>
        {canAdd && (
          <Button variant="light" size="sm" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {addLabel}
          </Button>
        )}
      </Group>
      {items.length === 0 ? <Text>{empty}</Text> : <List spacing="xs">{items}</List>}
      <Collapse expanded={open}>
        {open && (
          <Paper withBorder p="md">
            {children(() => setOpen(false))}
          </Paper>
        )}
      </Collapse>
    </Stack>
  );
}

/** The add mutation of one kind of item, typed by the item's schema. */
interface AddItem<S extends z.ZodType> {
  mutate: (body: z.output<S>, options: { onSuccess: () => void; onError: (err: unknown) => void }) => void;
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

function useItemForm<S extends z.ZodType, V extends Record<string, unknown>>(
  add: AddItem<S>,
  schema: S,
  initial: V,
  close: () => void,
) {
  const form = useForm(initial);
  const errorText = useErrorText(form.errors, 'patients.fieldErrors');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(schema);
    if (body)
      add.mutate(body, {
        onSuccess: () => {
          form.reset();
          close();
        },
        onError: (err) => form.takeServerErrors(err),
      });
  };
  const failure =
    add.isError && Object.keys(form.errors).length === 0 ? <ErrorAlert error={add.error} /> : null;
  return { form, errorText, add, onSubmit, failure };
}

function DiagnosisForm({ patientId, close }: { patientId: string; close: () => void }) {
  const { t } = useTranslation();
  const { form, errorText, add, onSubmit, failure } = useItemForm(
    useAddDiagnosis(patientId),
    diagnosisInputSchema,
    { icd10: '', description: '', primary: false },
    close,
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('referral.icd10')}
            withAsterisk
            value={form.values.icd10}
            onChange={(e) => form.set('icd10', e.currentTarget.value.toUpperCase())}
            error={errorText('icd10')}
          />
          <TextInput
            label={t('patients.fields.description')}
            withAsterisk
            value={form.values.description}
            onChange={(e) => form.set('description', e.currentTarget.value)}
            error={errorText('description')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('patients.fields.primary')}
          checked={form.values.primary}
          onChange={(e) => form.set('primary', e.currentTarget.checked)}
        />
        {failure}
        <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

const severities = ['unknown', 'mild', 'moderate', 'severe'] as const;

function AllergyForm({ patientId, close }: { patientId: string; close: () => void }) {
  const { t } = useTranslation();
  const { form, errorText, add, onSubmit, failure } = useItemForm(
    useAddAllergy(patientId),
    allergyInputSchema,
    { substance: '', reaction: '', severity: 'unknown' as string },
    close,
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('patients.fields.substance')}
            withAsterisk
            value={form.values.substance}
            onChange={(e) => form.set('substance', e.currentTarget.value)}
            error={errorText('substance')}
          />
          <TextInput
            label={t('patients.fields.reaction')}
            value={form.values.reaction}
            onChange={(e) => form.set('reaction', e.currentTarget.value)}
            error={errorText('reaction')}
          />
          <NativeSelect
            label={t('patients.fields.severity')}
            value={form.values.severity}
            onChange={(e) => form.set('severity', e.currentTarget.value)}
            data={severities.map((s) => ({ value: s, label: t(`patients.severity.${s}`) }))}
          />
        </SimpleGrid>
        {failure}
        <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

function ContactForm({ patientId, close }: { patientId: string; close: () => void }) {
  const { t } = useTranslation();
  const { form, errorText, add, onSubmit, failure } = useItemForm(
    useAddContact(patientId),
    contactInputSchema,
    { name: '', relationship: '', phone: '', livesWithPatient: false, notes: '' },
    close,
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('family.fields.name')}
            withAsterisk
            value={form.values.name}
            onChange={(e) => form.set('name', e.currentTarget.value)}
            error={errorText('name')}
          />
          <TextInput
            label={t('family.fields.relationship')}
            withAsterisk
            value={form.values.relationship}
            onChange={(e) => form.set('relationship', e.currentTarget.value)}
            error={errorText('relationship')}
          />
          <TextInput
            type="tel"
            label={t('family.fields.phone')}
            value={form.values.phone}
            onChange={(e) => form.set('phone', e.currentTarget.value)}
            error={errorText('phone')}
          />
        </SimpleGrid>
        <TextInput
          label={t('patients.fields.notes')}
          value={form.values.notes}
          onChange={(e) => form.set('notes', e.currentTarget.value)}
          error={errorText('notes')}
        />
        <Checkbox
          label={t('patients.fields.livesWithPatient')}
          checked={form.values.livesWithPatient}
          onChange={(e) => form.set('livesWithPatient', e.currentTarget.checked)}
        />
        {failure}
        <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

/** Diagnoses, allergies, household and contacts: read by the team, added to by those who may update. */
export function ClinicalLists({ patient: p, canAdd }: { patient: Patient; canAdd: boolean }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
      <Section
        title={t('patients.diagnoses')}
        empty={t('patients.noneRecorded')}
        addLabel={t('common.add')}
        canAdd={canAdd}
        items={p.diagnoses.map((d) => (
          <List.Item key={d.id}>
            <Badge variant="outline" color="gray" mr={6}>
              {d.icd10}
            </Badge>
            {d.description}
            {d.primary && (
              <Badge ml={6} variant="light">
                {t('patients.fields.primary')}
              </Badge>
            )}
            <Text size="xs">{t(`patients.category.${d.category}`)}</Text>
          </List.Item>
        ))}
      >
        {(close) => <DiagnosisForm patientId={p.id} close={close} />}
      </Section>
      <Section
        title={t('patients.allergies')}
        empty={t('patients.noAllergies')}
        addLabel={t('common.add')}
        canAdd={canAdd}
        items={p.allergies.map((a) => (
          <List.Item key={a.id}>
            <Text span fw={600}>
              {a.substance}
            </Text>
            {a.reaction ? ` — ${a.reaction}` : ''}
            <Badge ml={6} color={a.severity === 'severe' ? 'red' : 'gray'} variant="light">
              {t(`patients.severity.${a.severity}`)}
            </Badge>
          </List.Item>
        ))}
      >
        {(close) => <AllergyForm patientId={p.id} close={close} />}
      </Section>
      <Section
        title={t('patients.contacts')}
        empty={t('patients.noneRecorded')}
        addLabel={t('common.add')}
        canAdd={canAdd}
        items={p.contacts.map((c) => (
          <List.Item key={c.id}>
            <Text span fw={600}>
              {c.name}
            </Text>{' '}
            ({c.relationship})
            {c.phone && (
              <>
                {' '}
                · <a href={`tel:${c.phone.replace(/[^0-9+]/g, '')}`}>{c.phone}</a>
              </>
            )}
            {c.livesWithPatient && (
              <Badge ml={6} variant="light">
                {t('patients.fields.livesWithPatient')}
              </Badge>
            )}
            {c.notes && <Text size="xs">{c.notes}</Text>}
          </List.Item>
        ))}
      >
        {(close) => <ContactForm patientId={p.id} close={close} />}
      </Section>
    </SimpleGrid>
  );
}
