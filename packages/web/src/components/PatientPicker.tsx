import type { PatientSummary } from '@hearth/domain';
import { NativeSelect } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Pickable = Pick<PatientSummary, 'id' | 'lastName' | 'firstName' | 'ageYears' | 'area'>;

/**
 * How a patient is named wherever one is picked: the name, the age and the area, so that two
 * patients with the same name (a child and an adult "Ковалёв Артём") can be told apart (issue 13).
 */
export const patientPickLabel = (t: TFunction, p: { name: string; ageYears: number; area: string }) =>
  `${p.name} · ${t('patients.years', { count: p.ageYears })} · ${p.area}`;

/** The one patient picker: a native select (works with a phone's own picker and a screen reader). */
export function PatientPicker({
  label,
  value,
  onChange,
  patients,
  emptyLabel = '—',
  description,
  error,
  required,
  testId,
}: {
  label: string;
  value: string;
  onChange: (patientId: string) => void;
  patients: readonly Pickable[];
  emptyLabel?: string;
  description?: string;
  error?: ReactNode;
  required?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label}
      description={description}
      error={error}
      withAsterisk={required}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        { value: '', label: emptyLabel },
        ...patients.map((p) => ({
          value: p.id,
          label: patientPickLabel(t, { name: `${p.lastName} ${p.firstName}`, ...p }),
        })),
      ]}
      data-testid={testId}
    />
  );
}
