import type { Locale } from '../common/schemas.ts';
import { localDate, localTimeOfDay } from '../time/zoned-time.ts';
import type { RefusalReason } from './dose-guard.ts';

/**
 * The refusal in plain words for a tired relative (issue 6: "the next dose is allowed from
 * 14:20; if pain is not controlled, call the team: <number>"). English and Russian.
 */
export function explainRefusal(
  reason: RefusalReason,
  args: {
    nextAllowedAt: Date | null;
    prescribed: string;
    now: Date;
    timeZone: string;
    teamPhone: string;
    locale: Locale;
  },
): string {
  const { nextAllowedAt: next, now, timeZone, teamPhone } = args;
  const ru = args.locale === 'ru';
  const when = (d: Date) => {
    const time = localTimeOfDay(d, timeZone);
    const sameDay = localDate(d, timeZone) === localDate(now, timeZone);
    const tomorrow = localDate(d, timeZone) === localDate(new Date(now.getTime() + 86_400_000), timeZone);
    if (sameDay) return time;
    if (tomorrow) return ru ? `${time} завтра` : `${time} tomorrow`;
    const [y, m, dd] = localDate(d, timeZone).split('-');
    return `${time} ${dd}.${m}.${y}`;
  };
  const call = ru
    ? `Если боль или другой симптом не проходит, позвоните команде: ${teamPhone}.`
    : `If pain or another symptom is not controlled, call the team: ${teamPhone}.`;
  const nextText = next
    ? ru
      ? `Следующую дозу можно дать с ${when(next)}.`
      : `The next dose is allowed from ${when(next)}.`
    : '';
  const join = (...parts: string[]) => parts.filter(Boolean).join(' ');
  switch (reason) {
    case 'too-soon':
      return join(
        ru ? 'Слишком рано для следующей дозы.' : 'It is too soon for another dose.',
        nextText,
        call,
      );
    case 'daily-maximum':
      return join(
        ru
          ? 'За последние 24 часа уже дано максимальное число доз, которое назначил врач.'
          : 'The most doses the doctor allowed in 24 hours have already been given.',
        nextText,
        call,
      );
    case 'dose-mismatch':
      return join(
        ru
          ? `Это не та доза, которую назначил врач (${args.prescribed}). Не меняйте дозу сами.`
          : `This is not the dose the doctor prescribed (${args.prescribed}). Do not change the dose yourself.`,
        call,
      );
    case 'not-started':
      return join(ru ? 'Это лекарство ещё не начато.' : 'This medicine has not started yet.', nextText, call);
    case 'ended':
      return join(
        ru
          ? 'Врач отменил это лекарство или срок его приёма закончился. Не давайте его.'
          : 'The doctor stopped this medicine or its course has ended. Do not give it.',
        call,
      );
    case 'not-due':
      return join(
        ru ? 'Сейчас не время для этой дозы по расписанию.' : 'This dose is not due now by the schedule.',
        nextText,
        call,
      );
    case 'already-given':
      return join(
        ru ? 'Эта доза по расписанию уже записана.' : 'This scheduled dose has already been recorded.',
        nextText,
        call,
      );
    case 'in-future':
      return ru ? 'Время приёма не может быть в будущем.' : 'The time given cannot be in the future.';
    case 'too-late-to-record':
      return join(
        ru
          ? 'Эта доза была слишком давно, чтобы записать её здесь. Расскажите о ней медсестре.'
          : 'This dose was too long ago to record here. Tell the nurse about it.',
        call,
      );
    case 'unmapped-opioid':
      return join(
        ru
          ? 'Это опиоид вне формуляра. Пока врач не выберет препарат из формуляра, дозы записывать нельзя.'
          : 'This opioid is not a formulary product. Doses cannot be recorded until the doctor maps it to one.',
        call,
      );
    case 'verbal-order-expired':
      return ru
        ? 'Устное распоряжение врача действует ограниченное время, и оно истекло. Попросите врача назначить дозу заново.'
        : 'The doctor’s verbal order is valid for a limited time and has expired. Ask the doctor for a new order.';
  }
}
