import type { FieldPatient } from '@hearth/domain';
import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Big "Call …" buttons (tap to call) for the patient and each contact with a phone. */
export function CallButtons({ patient }: { patient: Pick<FieldPatient, 'phone' | 'household'> }) {
  const { t } = useTranslation();
  const phones = [
    ...(patient.phone ? [{ name: t('field.patientPhone'), phone: patient.phone }] : []),
    ...patient.household
      .filter((c) => c.phone)
      .map((c) => ({ name: `${c.name} (${c.relationship})`, phone: c.phone as string })),
  ];
  if (phones.length === 0) return null;
  return (
    <Stack gap={6}>
      {phones.map((p) => (
        <Button
          key={`${p.name}-${p.phone}`}
          component="a"
          href={`tel:${p.phone.replace(/[^+\d]/g, '')}`}
          size="lg"
          variant="light"
          fullWidth
          data-testid="visit-phone"
          aria-label={t('field.call', { name: p.name, phone: p.phone })}
        >
          {t('field.call', { name: p.name, phone: p.phone })}
        </Button>
      ))}
    </Stack>
  );
}
