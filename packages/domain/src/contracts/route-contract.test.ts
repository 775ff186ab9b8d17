import { describe, expect, it } from 'vitest';
import { alertRoutes } from './alerts.ts';
import { contractPath } from './route-contract.ts';

describe('route contracts', () => {
  it('fills each path parameter, encoded, and refuses a missing one instead of calling a wrong URL', () => {
    expect(contractPath(alertRoutes.resolve, { id: 'a/b' })).toBe('/alerts/a%2Fb/resolve');
    expect(contractPath(alertRoutes.list, undefined)).toBe('/alerts');
    expect(() => contractPath(alertRoutes.listForPatient, {})).toThrow(/missing path parameter "patientId"/);
  });
});
