import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonText } from '../i18n/reason-text.ts';
import type { FieldErrors } from './field-errors.ts';

/**
 * The text to show under a field. The domain schemas speak English; the server's reason for
 * refusing this field wins, then a translated text for the field (`<scope>.<field>`), then one
 * for the kind of problem, then the schema's own words.
 */
export function useErrorText(errors: FieldErrors, scope: string) {
  const { i18n } = useTranslation();
  // keys are built at run time here, so the typed `t` cannot check them; `exists` guards each one
  const t = i18n.t.bind(i18n) as unknown as (key: string) => string;
  return useCallback(
    (field: string): string | undefined => {
      const issue = errors[field];
      if (!issue) return undefined;
      const because = issue.reason ? reasonText(i18n, issue.reason, issue.params) : null;
      if (because) return because;
      const specific = `${scope}.${field}`;
      if (i18n.exists(specific)) return t(specific);
      if (i18n.language === 'en' && issue.message) return issue.message;
      const generic = `common.fieldErrors.${issue.code}`;
      if (i18n.exists(generic)) return t(generic);
      return t('common.fieldErrors.invalid');
    },
    [errors, scope, t, i18n],
  );
}
