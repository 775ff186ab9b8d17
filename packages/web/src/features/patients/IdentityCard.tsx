import type { Patient } from '@hearth/domain';
import { Badge, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../format/time.ts';
import { Field } from './Field.tsx';
import { AgeBadge } from './PatientStatusBadge.tsx';

/** Who the patient is and where they live, with the check against the service area. */
export function IdentityCard({
  patient: p,
  designatedName,
}: {
  patient: Patient;
  designatedName: string | null;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <Field label={t('patients.fields.dateOfBirth')}>
          <Group gap="xs">
            {formatDay(p.dateOfBirth, i18n.language)} · {t('patients.years', { count: p.ageYears })}
            <AgeBadge isChild={p.isChild} />
          </Group>
        </Field>
        <Field label={t('patients.fields.sex')}>{t(`patients.sex.${p.sex}`)}</Field>
        <Field label={t('patients.fields.phone')}>{p.phone ?? '—'}</Field>
        <Field label={t('patients.fields.address')}>
          {p.address}
          <Text size="sm">{p.area}</Text>
        </Field>
        {p.accessNotes && <Field label={t('patients.fields.accessNotes')}>{p.accessNotes}</Field>}
        <Field label={t('patients.serviceArea.label')}>
          {p.serviceArea ? (
            <Group gap="xs">
              <Badge color={p.serviceArea.inside ? 'green' : 'red'} variant="light">
                {p.serviceArea.inside ? t('patients.serviceArea.inside') : t('patients.serviceArea.outside')}
              </Badge>
              <Text size="sm">
                {t('patients.serviceArea.distance', {
                  km: p.serviceArea.distanceKm,
                  radius: p.serviceArea.radiusKm,
                })}
              </Text>
            </Group>
          ) : (
            t('patients.serviceArea.unknown')
          )}
        </Field>
        <Field label={t('patients.fields.careSetting')}>{t(`patients.careSetting.${p.careSetting}`)}</Field>
        <Field label={t('patients.palliative.label')}>
          {t(`patients.palliative.${p.palliativeStatus}`)}
          {p.palliativeReviewDate && (
            <Text size="sm">
              {t('patients.palliative.review', { date: formatDay(p.palliativeReviewDate, i18n.language) })}
            </Text>
          )}
        </Field>
        <Field label={t('patients.fields.consentToShare')}>
          {p.consentToShare ? t('common.yes') : t('common.no')}
        </Field>
        <Field label={t('patients.designatedFamily')}>{designatedName ?? '—'}</Field>
      </SimpleGrid>
    </Card>
  );
}
