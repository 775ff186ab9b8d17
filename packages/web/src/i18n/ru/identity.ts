import type { identity as en } from '../en/identity.ts';
import type { RussianOf } from './russian-of.ts';

/** Исправление личных данных пациента (задача 13): ФИО, дата рождения и пол, с причиной. */
export const identity: RussianOf<typeof en> = {
  identity: {
    open: 'Исправить ФИО, дату рождения или пол',
    title: 'Исправление личных данных',
    hint: 'Измените только то, что неверно. Прежнее значение и причина останутся в истории карты.',
    lastName: 'Фамилия',
    firstName: 'Имя',
    middleName: 'Отчество',
    reason: 'Причина исправления',
    reasonHint: 'Например: написание как в паспорте.',
    save: 'Сохранить исправление',
    history: 'Исправления личных данных',
    entry: '{{field}}: {{from}} → {{to}} — «{{reason}}» ({{by}}, {{at}})',
    fields: {
      firstName: 'Имя',
      lastName: 'Фамилия',
      middleName: 'Отчество',
      dateOfBirth: 'Дата рождения',
      sex: 'Пол',
    },
    lookup: {
      button: 'Найти адрес на карте',
      failed: 'Не удалось найти адрес',
      found: 'Найдено: {{place}}',
      use: 'Взять эту точку',
    },
    fieldErrors: {
      dateOfBirth: 'Дата рождения не может быть в будущем или больше 120 лет назад. Проверьте год.',
      reason: 'Укажите причину, не короче 5 символов.',
    },
  },
};
