import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';

const reasons = ['hours_duplicate', 'hours_over_request', 'hours_overlap'] as const;
type Reason = (typeof reasons)[number];

interface Refusal {
  reason: Reason;
  allowedMinutes?: number;
  loggedMinutes?: number;
}

const refusalOf = (error: unknown): Refusal | null => {
  if (!isApiError(error) || error.code !== 'CONFLICT') return null;
  const d = error.details as Partial<Refusal> | undefined;
  return d?.reason && (reasons as readonly string[]).includes(d.reason) ? (d as Refusal) : null;
};

/** Why logged hours were refused (issue 13), in the volunteer's language; other errors as usual. */
export function HoursRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const refusal = refusalOf(error);
  if (!refusal) return <ErrorAlert error={error} />;
  const hours = (m: number | undefined) => Math.round(((m ?? 0) / 60) * 100) / 100;
  return (
    <Alert color="red" variant="light" role="alert">
      {t(`seams.hoursRefused.${refusal.reason}`, {
        allowed: hours(refusal.allowedMinutes),
        logged: hours(refusal.loggedMinutes),
      })}
    </Alert>
  );
}
