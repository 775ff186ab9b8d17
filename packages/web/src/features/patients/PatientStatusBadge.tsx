import type { PatientStatus } from '@hearth/domain';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<PatientStatus, string> = {
  referred: 'orange',
  active: 'green',
  inpatient: 'blue',
  discharged: 'gray',
  deceased: 'dark',
};

export function PatientStatusBadge({
  status,
  size = 'md',
}: {
  status: PatientStatus;
  size?: 'md' | 'lg' | 'xl';
}) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" size={size}>
      {t(`patients.status.${status}`)}
    </Badge>
  );
}

export function AgeBadge({ isChild }: { isChild: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={isChild ? 'grape' : 'gray'} variant="outline">
      {isChild ? t('patients.child') : t('patients.adult')}
    </Badge>
  );
}
