import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.ts';

const knownCodes = [
  'NETWORK',
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;
type KnownCode = (typeof knownCodes)[number];

/** A failed request in words: a translated headline and, when it adds something, the server's text. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const code: KnownCode =
    isApiError(error) && (knownCodes as readonly string[]).includes(error.code)
      ? (error.code as KnownCode)
      : 'INTERNAL';
  const headline = title ?? t(`common.apiErrors.${code}`);
  // Server messages are English; in Russian they are still shown for specifics (a conflict's reason).
  const detail =
    isApiError(error) && error.message && (i18n.language === 'en' || code === 'CONFLICT')
      ? error.message
      : null;
  return (
    <Alert color="red" variant="light" title={headline} role="alert">
      {detail && detail !== headline ? detail : null}
    </Alert>
  );
}
