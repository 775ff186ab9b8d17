import { describe, expect, it } from 'vitest';
import { rememberServiceZone } from './service-clock.ts';
import { addMonthsIso, countdown, formatDateTime, formatDay, formatTime, todayIso } from './time.ts';

describe('callback countdown', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  it('counts down to the deadline', () => {
    expect(countdown('2026-11-23T10:12:05Z', now)).toEqual({ overdue: false, seconds: 725, clock: '12:05' });
  });
  it('counts up once overdue, with hours when long overdue', () => {
    expect(countdown('2026-11-23T09:59:30Z', now)).toEqual({ overdue: true, seconds: 30, clock: '0:30' });
    expect(countdown('2026-11-23T08:54:59Z', now).clock).toBe('1:05:01');
  });
});

describe('calendar days', () => {
  it('shows a birthday as written, whatever the time zone', () => {
    expect(formatDay('1959-04-17', 'en')).toBe('17 April 1959');
    expect(formatDay('1959-04-17', 'ru')).toMatch(/^17 апреля 1959/);
  });
  it('adds months for a review date', () => {
    expect(addMonthsIso('2026-11-23', 6)).toBe('2027-05-23');
  });
});

describe('the service clock on screen', () => {
  it('shows instants and today on the service zone, not the machine zone', () => {
    rememberServiceZone('Europe/Minsk');
    const at = '2026-11-23T22:40:00Z';
    expect(formatTime(at, 'en')).toBe('01:40');
    expect(formatDateTime(at, 'en')).toMatch(/^24 Nov 2026.*01:40$/);
    expect(todayIso(new Date(at))).toBe('2026-11-24');
  });
});
