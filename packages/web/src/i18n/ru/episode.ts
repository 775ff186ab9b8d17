import type { episode as en } from '../en/episode.ts';
import type { RussianOf } from './russian-of.ts';

/** Эпизод помощи: приостановленные визиты, экран утраты в портале, повторные звонки. */
export const episode: RussianOf<typeof en> = {
  episode: {
    held: {
      title: 'Визиты на дом приостановлены',
      lead: 'Пациент не дома; эти визиты ждут и не стоят ни в чьём маршруте.',
      backHome: 'Пациент дома: вернуть приостановленные визиты?',
      restoreHint: 'Отмеченные визиты вернутся в план, остальные будут отменены.',
      restore_one: 'Вернуть {{count}} визит',
      restore_few: 'Вернуть {{count}} визита',
      restore_many: 'Вернуть {{count}} визитов',
      restore_other: 'Вернуть визиты: {{count}}',
    },
    board: {
      held: 'Приостановлены: пациент не дома',
    },
    bereavement: {
      teamMessage: 'От команды',
      nextTitle: 'Что будет дальше',
      contactsTitle: 'Кому звонить',
      call: 'Позвонить в службу',
      died: 'Дата смерти: {{date}}',
    },
    death: {
      familyMessage: 'Слова семье (их увидят первыми в портале)',
    },
    calls: {
      retryWithin: 'Перезвонить в течение {{clock}}',
      retryOverdue: 'Повторный звонок просрочен на {{clock}}',
      attempts_one: '{{count}} звонок без ответа',
      attempts_few: '{{count}} звонка без ответа',
      attempts_many: '{{count}} звонков без ответа',
      attempts_other: 'Звонков без ответа: {{count}}',
    },
    bereavementFilters: {
      status: 'Статус',
      owner: 'Ответственный',
      anyOwner: 'Любой',
      period: 'Срок',
      statuses: { open: 'Открытые', done: 'Выполненные', all: 'Все' },
      periods: {
        overdue: 'Просрочены',
        week: 'Ближайшие 7 дней',
        month: 'Ближайшие 30 дней',
        quarter: 'Ближайшие 3 месяца',
        any: 'Любой',
      },
    },
  },
};
