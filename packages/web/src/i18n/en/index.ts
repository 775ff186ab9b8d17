import { admin } from './admin.ts';
import { alertText } from './alert-text.ts';
import { assess } from './assess.ts';
import { auth } from './auth.ts';
import { care } from './care.ts';
import { clock } from './clock.ts';
import { commission } from './commission.ts';
import { common } from './common.ts';
import { descriptors } from './descriptors.ts';
import { eol } from './eol.ts';
import { episode } from './episode.ts';
import { home } from './home.ts';
import { homecare } from './homecare.ts';
import { identity } from './identity.ts';
import { intake } from './intake.ts';
import { map } from './map.ts';
import { medicines } from './medicines.ts';
import { medsafety } from './medsafety.ts';
import { offline } from './offline.ts';
import { oncall } from './oncall.ts';
import { patients } from './patients.ts';
import { portal } from './portal.ts';
import { programmes } from './programmes.ts';
import { queue } from './queue.ts';
import { reasons } from './reasons.ts';
import { reports } from './reports.ts';
import { seams } from './seams.ts';
import { watch } from './watch.ts';

/** English texts; the Russian ones must have the same keys (checked by the compiler). */
export const en = {
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
  ...medsafety,
  ...home,
  ...homecare,
  ...watch,
  ...assess,
  ...programmes,
  ...eol,
  ...oncall,
  ...episode,
  ...reports,
  ...alertText,
  ...descriptors,
  ...seams,
  ...offline,
  ...identity,
  ...clock,
  ...map,
  ...reasons,
};
export type Messages = typeof en;
