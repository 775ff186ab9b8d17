import type { portal as en } from '../en/portal.ts';
import type { RussianOf } from './russian-of.ts';

export const portal: RussianOf<typeof en> = {
  portal: {
    title: 'Портал для семьи',
    account: 'Мой профиль',
    greeting: 'Здравствуйте, {{name}}',
    noPatients: 'Ваша учётная запись пока не связана с пациентом. Пожалуйста, позвоните в службу.',
    allPatients: 'Все мои пациенты',
    contactTitle: 'Связаться с командой',
    contactLead:
      'Если что-то беспокоит, сначала позвоните нам, до вызова скорой: мы отвечаем круглосуточно, подскажем, что делать, и при необходимости приедем.',
    call: 'Позвонить команде',
    teamTitle: 'Команда',
    noTeam: 'Команда скоро будет назначена.',
  },
};
