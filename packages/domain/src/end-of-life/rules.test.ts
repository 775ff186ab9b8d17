import { describe, expect, it } from 'vitest';
import { bereavementDueDates } from './schemas.ts';

describe('bereavement schedule', () => {
  it('puts first contact within a week and the last contact at 13 months', () => {
    expect(bereavementDueDates('2026-11-23')).toEqual({
      first_contact: '2026-11-30',
      risk_assessment: '2026-12-07',
      contact_6_weeks: '2027-01-04',
      contact_3_months: '2027-02-23',
      contact_6_months: '2027-05-23',
      contact_13_months: '2027-12-23',
    });
  });

  it('clamps month steps to the end of a shorter month', () => {
    expect(bereavementDueDates('2026-11-30').contact_3_months).toBe('2027-02-28');
  });
});
