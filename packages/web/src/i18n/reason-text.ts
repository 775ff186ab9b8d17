import type { i18n as I18n } from 'i18next';
import { isApiError } from '../api/api-error.ts';

/**
 * Parameters that are codes, and where their words live: `notFound`'s `what` is a thing, a
 * status move names statuses. Other parameters (counts, names) are shown as sent.
 */
export const valueWords: Record<string, Record<string, string>> = {
  notFound: { what: 'reasonThings' },
  'patient.cannotMove': { from: 'patients.status', to: 'patients.status' },
  'careLevel.notNow': { status: 'patients.status' },
  'visit.cannotMove': { from: 'care.statuses', to: 'care.statuses' },
  'planning.visitNotMovable': { status: 'care.statuses' },
  'volunteers.cannotMove': { from: 'vol.status', to: 'vol.status' },
  'volunteers.notActive': { status: 'vol.status' },
  'volunteers.stepsMissing': { missing: 'vol.step' },
  'commission.alreadyDecided': { status: 'commission.status' },
  'medicines.registerShort': { unit: 'alertText.units' },
  'medicines.dosePerUnitRequired': { unit: 'alertText.units', doseUnit: 'alertText.units' },
};

/**
 * A server refusal's `reason` and `params` said in the reader's language (issue 16), or null
 * when this reason has no text here (a newer server, or a feature not converted yet).
 */
export function reasonText(i18n: I18n, reason: unknown, params: unknown): string | null {
  if (typeof reason !== 'string' || !i18n.exists(`reasons.${reason}`)) return null;
  // the key comes from the server, so the typed `t` cannot check it; `exists` guarded it
  const t = i18n.t.bind(i18n) as unknown as (key: string, values?: Record<string, unknown>) => string;
  const given = typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
  const words = valueWords[reason] ?? {};
  const values: Record<string, unknown> = {};
  const word = (name: string, value: unknown) => {
    const key = words[name] && `${words[name]}.${String(value)}`;
    return key && i18n.exists(key) ? t(key) : value;
  };
  // a list (the steps still missing) is said item by item, joined
  for (const [name, value] of Object.entries(given))
    values[name] = Array.isArray(value) ? value.map((v) => word(name, v)).join(', ') : word(name, value);
  return t(`reasons.${reason}`, { ...values, interpolation: { escapeValue: false } });
}

/** What to tell the reader about a failed call: its reason in their language, else its message. */
export function refusalText(i18n: I18n, e: unknown): string {
  if (isApiError(e)) return reasonText(i18n, e.reason, e.params) ?? e.message;
  return e instanceof Error ? e.message : String(e);
}
