import { useTranslation } from 'react-i18next';
import type { AppNotification } from './notifications-api.ts';

/**
 * A notification in the reader's language: its kind (`alert.escalated`) picks the text under
 * `notificationText`, filled with its params. A kind the web does not know yet, or an old
 * notification without params, shows the English text the server stored.
 */
export function useNotificationText() {
  const { t, i18n } = useTranslation();
  return (n: AppNotification): { title: string; body: string } => {
    const key = `notificationText.${n.kind}`;
    if (!i18n.exists(`${key}.title`)) return { title: n.title, body: n.body };
    const params = n.params ?? {};
    const ruleId = typeof params.ruleId === 'string' ? params.ruleId : null;
    const values = {
      ...params,
      rule: ruleId ? t(`watch.rules.${ruleId}` as never, { defaultValue: n.title }) : n.title,
      interpolation: { escapeValue: false },
    };
    const body = t(`${key}.body` as never, values) as string;
    return { title: t(`${key}.title` as never, values) as string, body: body || n.body };
  };
}
