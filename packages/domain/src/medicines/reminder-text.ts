import type { Locale } from '../common/schemas.ts';

/**
 * The family's due-dose reminder (issue 6). It may leave the portal by email, so it says only
 * what the family already sees on today's schedule: the time and the medicine's name, never
 * the dose, the indication or the patient. The title stays generic so that an e-mail subject
 * or a lock-screen preview shows no medicine at all.
 */
export function doseDueReminder(locale: Locale, args: { time: string; medicine: string }) {
  return locale === 'ru'
    ? {
        title: `Время лекарства: ${args.time}`,
        body: `По расписанию в ${args.time}: ${args.medicine}. Доза ещё не отмечена. Откройте Hearth, чтобы посмотреть расписание на сегодня, и нажмите «Я дал(а) эту дозу», когда дадите её.`,
      }
    : {
        title: `A medicine is due at ${args.time}`,
        body: `Scheduled for ${args.time}: ${args.medicine}. It has not been recorded yet. Open Hearth to see today's schedule, and press "I gave this dose" once it is given.`,
      };
}
