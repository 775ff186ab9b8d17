import { fieldCaseloadSchema } from '../field/caseload.ts';
import { route } from './route-contract.ts';

/** The field app's offline copy of the day (issue 14). */
export const fieldRoutes = {
  caseload: route({ method: 'GET', path: '/field/caseload', response: fieldCaseloadSchema, tags: ['field'] }),
};
