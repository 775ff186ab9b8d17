import type { Messages } from '../en/index.ts';
import { admin } from './admin.ts';
import { assess } from './assess.ts';
import { auth } from './auth.ts';
import { care } from './care.ts';
import { commission } from './commission.ts';
import { common } from './common.ts';
import { eol } from './eol.ts';
import { home } from './home.ts';
import { homecare } from './homecare.ts';
import { intake } from './intake.ts';
import { medicines } from './medicines.ts';
import { oncall } from './oncall.ts';
import { patients } from './patients.ts';
import { portal } from './portal.ts';
import { programmes } from './programmes.ts';
import { queue } from './queue.ts';
import type { RussianOf } from './russian-of.ts';
import { watch } from './watch.ts';

export const ru: RussianOf<Messages> = {
  ...common,
  ...intake,
  ...auth,
  ...queue,
  ...commission,
  ...patients,
  ...care,
  ...admin,
  ...portal,
  ...medicines,
  ...home,
  ...homecare,
  ...watch,
  ...assess,
  ...programmes,
  ...eol,
  ...oncall,
};
