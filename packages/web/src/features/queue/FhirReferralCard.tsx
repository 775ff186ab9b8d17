import type { FhirReferral } from '@hearth/domain';
import { Anchor, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/time.ts';

const genders = ['male', 'female', 'other', 'unknown'] as const;
const priorities = ['routine', 'urgent', 'asap', 'stat'] as const;
const isOneOf = <T extends string>(list: readonly T[], v: string | null): v is T =>
  v !== null && (list as readonly string[]).includes(v);

/**
 * What a hospital's FHIR referral carried, for the coordinator who calls back: who referred,
 * the coded diagnoses, what was asked for and the letters sent with it (inline text shown).
 */
export function FhirReferralCard({ referral }: { referral: FhirReferral }) {
  const { t, i18n } = useTranslation();
  const row = (label: string, value: ReactNode) => (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text component="div">{value}</Text>
    </div>
  );
  const { patient, request } = referral;
  return (
    <Card withBorder data-testid="fhir-referral">
      <Title order={2} size="h4" mb="sm">
        {t('queue.fhir.title')}
      </Title>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {referral.sender &&
            row(
              t('queue.fhir.sender'),
              <>
                {referral.sender}
                {referral.senderPhone && (
                  <>
                    {' · '}
                    <Anchor href={`tel:${referral.senderPhone.replace(/[^0-9+]/g, '')}`}>
                      {referral.senderPhone}
                    </Anchor>
                  </>
                )}
              </>,
            )}
          {request.what && row(t('queue.fhir.requested'), request.what)}
          {isOneOf(priorities, request.priority) &&
            row(t('queue.fhir.priority'), t(`queue.fhir.priorities.${request.priority}`))}
          {request.authoredOn &&
            row(t('queue.fhir.authoredOn'), formatDateTime(request.authoredOn, i18n.language))}
          {patient.birthDate && row(t('queue.fhir.birthDate'), patient.birthDate)}
          {isOneOf(genders, patient.gender) &&
            row(t('queue.fhir.gender'), t(`queue.fhir.genders.${patient.gender}`))}
          {patient.identifiers.length > 0 &&
            row(
              t('queue.fhir.identifiers'),
              patient.identifiers.map((i) => `${i.value}${i.system ? ` (${i.system})` : ''}`).join('; '),
            )}
          {referral.bundleId && row(t('queue.fhir.bundle'), referral.bundleId)}
        </SimpleGrid>
        {row(
          t('queue.fhir.conditions'),
          <List size="sm">
            {referral.conditions.map((c) => (
              <List.Item key={c.icd10}>
                <Text span ff="monospace">
                  {c.icd10}
                </Text>
                {c.display && ` ${c.display}`}
              </List.Item>
            ))}
          </List>,
        )}
        {request.reasons.length > 0 && row(t('queue.fhir.reasons'), request.reasons.join('; '))}
        {request.notes.length > 0 && row(t('queue.fhir.notes'), request.notes.join(' '))}
        {referral.documents.length > 0 &&
          row(
            t('queue.fhir.documents'),
            <Stack gap="xs">
              {referral.documents.map((d, i) => (
                // documents have no id of their own; their order is the referral's
                // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
                <div key={i}>
                  <Text fw={600}>
                    {d.title ?? t('queue.fhir.documents')}
                    {d.date && ` · ${formatDateTime(d.date, i18n.language)}`}
                  </Text>
                  {d.url && (
                    <Anchor href={d.url} target="_blank" rel="noreferrer">
                      {t('queue.fhir.openDocument')}
                    </Anchor>
                  )}
                  {d.text && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {d.text}
                    </Text>
                  )}
                </div>
              ))}
            </Stack>,
          )}
      </Stack>
    </Card>
  );
}
