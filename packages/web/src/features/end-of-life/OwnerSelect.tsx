import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCareTeam } from '../care/care-api.ts';

/** Disciplines the server accepts as owner of a bereavement contact (the support team). */
const supportDisciplines = new Set(['psychologist', 'social_worker', 'chaplain', 'nurse']);

/**
 * Picks who owns bereavement contacts from the mobile team. An empty value leaves the choice to
 * the server (the patient's psychologist, else the first psychologist) when `emptyLabel` is given.
 */
export function OwnerSelect({
  value,
  onChange,
  label,
  emptyLabel,
}: {
  value: string;
  onChange: (id: string) => void;
  label: string;
  emptyLabel?: string;
}) {
  const { t } = useTranslation();
  const team = useCareTeam();
  const members = (team.data ?? []).filter((m) => supportDisciplines.has(m.discipline));
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        ...(emptyLabel ? [{ value: '', label: emptyLabel }] : []),
        ...members.map((m) => ({
          value: m.id,
          label: `${m.name} — ${t(`care.disciplines.${m.discipline}`)}`,
        })),
      ]}
      data-testid="bereavement-owner"
    />
  );
}
