import { type CampApplication, consentKinds, programmeRoutes as routes } from '@hearth/domain';
import {
  Button,
  Divider,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime, formatDay, todayIso } from '../../format/time.ts';
import { type ProgrammeBody, useProgrammeMutation } from './programmes-api.ts';

const careFields = ['medicines', 'equipment', 'diet', 'mobility', 'whoMayGive', 'notes'] as const;
type CareField = (typeof careFields)[number];

/**
 * A child's camp care notes and consent forms. The medicines field starts from the current
 * prescriptions in the record; the camp staff say who may give what. Only physicians prescribe:
 * these notes record what the family and the team agreed, they do not change a prescription.
 */
export function CampCareForms({ application: a }: { application: CampApplication }) {
  const { t, i18n } = useTranslation();
  // null: the server keeps prescriptions from this reader; the medicines line is not theirs to see or write
  const seesMedicines = a.recordMedicines !== null;
  const fields = careFields.filter((f) => f !== 'medicines' || seesMedicines);
  const [note, setNote] = useState<Record<CareField, string>>(() => ({
    medicines: a.careNote?.medicines ?? (a.recordMedicines ?? []).join('\n'),
    equipment: a.careNote?.equipment ?? '',
    diet: a.careNote?.diet ?? '',
    mobility: a.careNote?.mobility ?? '',
    whoMayGive: a.careNote?.whoMayGive ?? '',
    notes: a.careNote?.notes ?? '',
  }));
  const [consent, setConsent] = useState({
    kind: a.missingConsents[0] ?? 'photos',
    signedBy: '',
    signedOn: todayIso(),
  });
  const saveNote = useProgrammeMutation((body: ProgrammeBody<'recordCareNote'>) =>
    call(routes.recordCareNote, { params: { id: a.id }, body }),
  );
  const sign = useProgrammeMutation((body: ProgrammeBody<'recordConsent'>) =>
    call(routes.recordConsent, { params: { id: a.id }, body }),
  );
  return (
    <Stack gap="sm" mt="xs">
      <Divider />
      <form
        aria-label={t('prog.care.title', { name: a.childName })}
        onSubmit={(e) => {
          e.preventDefault();
          saveNote.mutate(Object.fromEntries(fields.map((f) => [f, note[f].trim() || undefined])));
        }}
      >
        <Stack gap="xs">
          <Title order={4} size="h5">
            {t('prog.care.title', { name: a.childName })}
          </Title>
          {!seesMedicines && (
            <Text size="xs" c="dimmed">
              {t('prog.camp.medicinesHidden')}
            </Text>
          )}
          {a.recordMedicines && a.recordMedicines.length > 0 && (
            <Stack gap={0}>
              <Text size="xs" fw={600}>
                {t('prog.camp.recordMedicines')}
              </Text>
              <List size="xs">
                {a.recordMedicines.map((m) => (
                  <List.Item key={m}>{m}</List.Item>
                ))}
              </List>
            </Stack>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {fields.map((f) => (
              <Textarea
                key={f}
                label={t(`prog.care.${f}`)}
                description={f === 'whoMayGive' || f === 'medicines' ? t(`prog.care.${f}Hint`) : undefined}
                autosize
                minRows={2}
                value={note[f]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setNote((n) => ({ ...n, [f]: value }));
                }}
              />
            ))}
          </SimpleGrid>
          {a.careNote && (
            <Text size="xs" c="dimmed">
              {t('prog.care.version', {
                version: a.careNote.version,
                by: a.careNote.recordedByName,
                at: formatDateTime(a.careNote.recordedAt, i18n.language),
              })}
            </Text>
          )}
          {saveNote.isError && <ErrorAlert error={saveNote.error} />}
          {saveNote.isSuccess && (
            <Text size="sm" c="green.9" role="status">
              {t('prog.care.saved')}
            </Text>
          )}
          <Button type="submit" loading={saveNote.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('prog.care.save')}
          </Button>
        </Stack>
      </form>
      <Divider />
      <form
        aria-label={t('prog.consents.title', { name: a.childName })}
        onSubmit={(e) => {
          e.preventDefault();
          sign.mutate(consent, { onSuccess: () => setConsent((c) => ({ ...c, signedBy: '' })) });
        }}
      >
        <Stack gap="xs">
          <Title order={4} size="h5">
            {t('prog.consents.title', { name: a.childName })}
          </Title>
          <List size="sm" data-testid="signed-consents">
            {a.consents.map((c) => (
              <List.Item key={`${c.kind}-${c.signedOn}-${c.signedBy}`}>
                {t('prog.consents.signed', {
                  kind: t(`prog.consents.kinds.${c.kind}`),
                  by: c.signedBy,
                  on: formatDay(c.signedOn, i18n.language),
                })}
              </List.Item>
            ))}
          </List>
          <Group align="flex-end" gap="xs">
            <NativeSelect
              label={t('prog.consents.kind')}
              value={consent.kind}
              onChange={(e) => {
                const kind = e.currentTarget.value as (typeof consentKinds)[number];
                setConsent((c) => ({ ...c, kind }));
              }}
              data={consentKinds.map((k) => ({ value: k, label: t(`prog.consents.kinds.${k}`) }))}
            />
            <TextInput
              label={t('prog.consents.signedBy')}
              value={consent.signedBy}
              onChange={(e) => {
                const signedBy = e.currentTarget.value;
                setConsent((c) => ({ ...c, signedBy }));
              }}
            />
            <TextInput
              type="date"
              label={t('prog.consents.signedOn')}
              value={consent.signedOn}
              onChange={(e) => {
                const signedOn = e.currentTarget.value;
                setConsent((c) => ({ ...c, signedOn }));
              }}
            />
            <Button type="submit" variant="light" loading={sign.isPending}>
              {t('prog.consents.record')}
            </Button>
          </Group>
          {sign.isError && <ErrorAlert error={sign.error} />}
        </Stack>
      </form>
    </Stack>
  );
}
