import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.ts';
import { reasonText } from '../i18n/reason-text.ts';

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

/** A 409's `details.reason` and `details.facts` (medicines' conflicts) in the reader's language. */
function conflictText(error: unknown, i18n: ReturnType<typeof useTranslation>['i18n']): string | null {
  if (!isApiError(error) || error.code !== 'CONFLICT') return null;
  const details = error.details as { reason?: unknown; facts?: unknown } | undefined;
  if (typeof details?.reason !== 'string') return null;
  const key = `conflicts.${details.reason}`;
  if (!i18n.exists(key)) return null;
  const facts = typeof details.facts === 'object' && details.facts !== null ? details.facts : {};
  // the key is built from the server's code, so the typed `t` cannot check it; `exists` guards it
  const tr = i18n.t.bind(i18n) as unknown as (key: string, values?: Record<string, unknown>) => string;
  const unit = (facts as { unit?: unknown }).unit;
  const unitKey = `alertText.units.${String(unit)}`;
  return tr(key, {
    ...facts,
    ...(typeof unit === 'string' && i18n.exists(unitKey) ? { unit: tr(unitKey) } : {}),
    interpolation: { escapeValue: false },
  });
}

/**
 * A failed request in words: a translated headline and, when it adds something, why. The why is
 * the server's `reason` said in the reader's language; an answer without a known reason falls
 * back to the older medicines conflict text, then to the server's English for English readers.
 */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const code: KnownCode =
    isApiError(error) && (knownCodes as readonly string[]).includes(error.code)
      ? (error.code as KnownCode)
      : 'INTERNAL';
  const headline = title ?? t(`common.apiErrors.${code}`);
  const detail =
    (isApiError(error) ? reasonText(i18n, error.reason, error.params) : null) ??
    conflictText(error, i18n) ??
    (isApiError(error) && error.message && (i18n.language === 'en' || code === 'CONFLICT')
      ? error.message
      : null);
  return (
    <Alert color="red" variant="light" title={headline} role="alert">
      {detail && detail !== headline ? detail : null}
    </Alert>
  );
}
