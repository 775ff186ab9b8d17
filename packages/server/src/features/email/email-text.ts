import type { Locale } from '@hearth/domain';

/**
 * The email that tells someone to open Hearth. It never carries clinical details — no patient,
 * symptom, score or medicine — because email leaves the service's systems (issue 4): only that
 * something new is waiting, and a link to sign in and read it.
 */
const texts = {
  en: {
    alertSubject: 'You have a new alert in Hearth',
    subject: 'You have a new notification in Hearth',
    body: (link: string) =>
      `You have something new in Hearth.\n\nSign in to read it:\n${link}\n\nThis message was sent automatically; please do not reply.`,
  },
  ru: {
    alertSubject: 'Новое оповещение в Hearth',
    subject: 'Новое уведомление в Hearth',
    body: (link: string) =>
      `В Hearth для вас есть новое сообщение.\n\nВойдите, чтобы прочитать его:\n${link}\n\nПисьмо отправлено автоматически, отвечать на него не нужно.`,
  },
} as const;

export function notificationEmail(
  kind: string,
  language: Locale,
  baseUrl: string,
  portal: boolean,
): { subject: string; text: string } {
  const t = texts[language];
  const link = `${baseUrl.replace(/\/+$/, '')}${portal ? '/portal/notifications' : '/app/notifications'}`;
  return { subject: kind.startsWith('alert.') ? t.alertSubject : t.subject, text: t.body(link) };
}
