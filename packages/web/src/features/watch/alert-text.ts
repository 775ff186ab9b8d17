import { type Alert, codeParams, findMedicine, timeParams } from '@hearth/domain';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/time.ts';

/**
 * An alert in the reader's language: the rule's name and one sentence per fact line (issue 12:
 * never the stored keys). Code parameters (item, scale, band, phase) are translated; times are
 * formatted. Rule sets that do not describe their facts show only the rule's name.
 */
export function useAlertText() {
  const { t, i18n } = useTranslation();
  // keys are built from the server's codes here, so the typed `t` cannot check them; each text
  // falls back to a neutral word rather than a raw code
  const tr = i18n.t.bind(i18n) as unknown as (key: string, values?: Record<string, unknown>) => string;
  const ruleName = (ruleId: string, fallback: string) =>
    i18n.exists(`watch.rules.${ruleId}`) ? tr(`watch.rules.${ruleId}`) : fallback;
  const param = (name: string, value: string | number): string | number => {
    if ((timeParams as readonly string[]).includes(name) && typeof value === 'string' && value)
      return formatDateTime(value, i18n.language);
    // a formulary id is named in the reader's language; a free-text name stays as written
    if (name === 'medicine' && typeof value === 'string') {
      const m = findMedicine(value);
      return m ? (i18n.language === 'ru' ? m.name.ru : m.name.en) : value;
    }
    const list = (codeParams as Record<string, string>)[name];
    if (!list || typeof value !== 'string') return value;
    const key = `alertText.${list}.${value}`;
    return i18n.exists(key) ? tr(key) : value;
  };
  return (alert: Pick<Alert, 'ruleId' | 'title' | 'factLines' | 'alsoRuleIds'>) => {
    const lines = alert.factLines
      .filter((l) => i18n.exists(`alertText.facts.${l.key}`))
      .map((l) =>
        tr(`alertText.facts.${l.key}`, {
          ...Object.fromEntries(Object.entries(l.params).map(([k, v]) => [k, param(k, v)])),
          interpolation: { escapeValue: false },
        }),
      );
    const also = alert.alsoRuleIds.length
      ? t('alertText.also', {
          rules: alert.alsoRuleIds
            .map((r) => ruleName(r, ''))
            .filter(Boolean)
            .join(', '),
          interpolation: { escapeValue: false },
        })
      : null;
    return { title: ruleName(alert.ruleId, alert.title), lines, also };
  };
}
