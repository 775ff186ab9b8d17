import type { CommissionStatus } from '@hearth/domain';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<CommissionStatus, string> = {
  pending: 'orange',
  granted: 'green',
  deferred: 'yellow',
  refused: 'red',
};

export function CaseStatusBadge({ status }: { status: CommissionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" size="lg" data-testid="case-status">
      {t(`commission.status.${status}`)}
    </Badge>
  );
}
