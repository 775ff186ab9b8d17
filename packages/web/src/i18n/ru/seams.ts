import type { seams as en } from '../en/seams.ts';
import type { RussianOf } from './russian-of.ts';

export const seams: RussianOf<typeof en> = {
  seams: {
    acpPhysicianOnly: 'Решение о реанимации и пределы лечения записывает врач.',
    witness: {
      title: 'Второй сотрудник',
      hint: 'Коллега, который это засвидетельствовал, подтверждает своими почтой и паролем в Hearth.',
      email: 'Его e-mail',
      password: 'Его пароль',
    },
    countReason: 'Почему остаток не сходится (нужно, если не сходится)',
    hoursRefused: {
      hours_duplicate: 'Эти часы за этот день уже записаны.',
      hours_over_request:
        'По этой заявке можно записать не больше {{allowed}} ч в день; за этот день уже записано {{logged}} ч.',
      hours_overlap:
        'Эти часы пересекаются с часами по другой заявке в то же время: вместе не больше {{allowed}} ч, уже записано {{logged}} ч.',
    },
    meetings: {
      daysSince_one: '{{count}} день с последнего разбора',
      daysSince_few: '{{count}} дня с последнего разбора',
      daysSince_many: '{{count}} дней с последнего разбора',
      daysSince_other: '{{count}} дня с последнего разбора',
    },
    settings: {
      problemsTitle: 'Некоторые сохранённые настройки неверны',
      problemsBody:
        'Сейчас Hearth использует значения по умолчанию для: {{fields}}. Проверьте эти поля и сохраните раздел.',
      fieldErrors: {
        geocoderUrl:
          'Укажите адрес http или https, например https://nominatim.example.org/search, или оставьте пустым.',
        callRetryMinutes: 'Введите целое число минут от 5 до 1440.',
        callAttemptsBeforeEscalation: 'Введите целое число звонков от 1 до 20.',
        timeZone: 'Укажите часовой пояс из списка IANA, например Europe/Minsk.',
        servicePhone: 'Укажите номер телефона, например +375 29 123-45-67.',
      },
    },
  },
};
