import { describe, expect, it } from 'vitest';
import { addCivilDays, instantFromOrgInput, localDate, localMinutes, orgInputValue } from './zoned-time.ts';

describe('the service clock', () => {
  it('shows and reads a datetime-local value on the service zone, whatever the machine zone', () => {
    const at = new Date('2026-11-23T00:40:00Z');
    expect(orgInputValue(at, 'Europe/Minsk')).toBe('2026-11-23T03:40');
    expect(orgInputValue(at, 'America/New_York')).toBe('2026-11-22T19:40');
    expect(instantFromOrgInput('2026-11-23T03:40', 'Europe/Minsk')?.toISOString()).toBe(at.toISOString());
  });

  it('reads local times across a daylight-saving change', () => {
    // Berlin moved from +01:00 to +02:00 at 02:00 on 29 March 2026
    expect(instantFromOrgInput('2026-03-29T01:30', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-03-29T00:30:00.000Z',
    );
    expect(instantFromOrgInput('2026-03-29T03:30', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('refuses an incomplete or impossible value instead of guessing', () => {
    expect(instantFromOrgInput('', 'Europe/Minsk')).toBeNull();
    expect(instantFromOrgInput('2026-11-23', 'Europe/Minsk')).toBeNull();
    expect(instantFromOrgInput('2026-13-01T10:00', 'Europe/Minsk')).toBeNull();
    expect(instantFromOrgInput('2026-11-23T24:10', 'Europe/Minsk')).toBeNull();
  });

  it('gives the local date, minutes since midnight and civil day arithmetic', () => {
    const at = new Date('2026-12-31T22:30:00Z');
    expect(localDate(at, 'Europe/Minsk')).toBe('2027-01-01');
    expect(localMinutes(at, 'Europe/Minsk')).toBe(90);
    expect(addCivilDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCivilDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
