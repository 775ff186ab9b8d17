import type { clock as en } from '../en/clock.ts';
import type { RussianOf } from './russian-of.ts';

/** Время службы: поля времени у сотрудников — в часовом поясе организации, а не браузера. */
export const clock: RussianOf<typeof en> = {
  clock: {
    serviceZone: 'Время по часам службы ({{zone}}); на этом компьютере установлен пояс {{browserZone}}.',
  },
};
