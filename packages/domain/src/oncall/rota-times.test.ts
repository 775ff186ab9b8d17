import { describe, expect, it } from 'vitest';
import { civilMonday, civilWeekday, instantOnCivilDay } from '../time/zoned-time.ts';
import { rotaWeekDays, shiftPreset } from './rota-times.ts';

const iso = (x: { startsAt: Date; endsAt: Date }) => [x.startsAt.toISOString(), x.endsAt.toISOString()];

describe('rota times on the service clock', () => {
  // Wednesday 25 November 2026, 23:30 in Minsk (UTC+3) but still 20:30 on the UTC calendar
  const lateWednesday = new Date('2026-11-25T20:30:00Z');

  it('puts the day and night presets on the service day, whatever the machine zone', () => {
    expect(iso(shiftPreset('day', lateWednesday, 'Europe/Minsk'))).toEqual([
      '2026-11-25T05:00:00.000Z',
      '2026-11-25T17:00:00.000Z',
    ]);
    expect(iso(shiftPreset('night', lateWednesday, 'Europe/Minsk'))).toEqual([
      '2026-11-25T17:00:00.000Z',
      '2026-11-26T05:00:00.000Z',
    ]);
    // just after midnight in Minsk it is already Thursday there, still Wednesday in UTC
    const thursdayInMinsk = new Date('2026-11-25T21:30:00Z');
    expect(iso(shiftPreset('day', thursdayInMinsk, 'Europe/Minsk'))[0]).toBe('2026-11-26T05:00:00.000Z');
  });

  it('runs the weekend preset from the coming Saturday 08:00 to Monday 08:00', () => {
    expect(iso(shiftPreset('weekend', lateWednesday, 'Europe/Minsk'))).toEqual([
      '2026-11-28T05:00:00.000Z',
      '2026-11-30T05:00:00.000Z',
    ]);
    // a Saturday keeps its own weekend; a Sunday looks to the next one
    const saturday = new Date('2026-11-28T09:00:00Z');
    expect(iso(shiftPreset('weekend', saturday, 'Europe/Minsk'))[0]).toBe('2026-11-28T05:00:00.000Z');
    const sunday = new Date('2026-11-29T09:00:00Z');
    expect(iso(shiftPreset('weekend', sunday, 'Europe/Minsk'))[0]).toBe('2026-12-05T05:00:00.000Z');
  });

  it('keeps a night shift at 20:00 to 08:00 across a daylight-saving change', () => {
    // Berlin went from +02:00 to +01:00 at 03:00 on 25 October 2026: that night is 13 hours
    const night = shiftPreset('night', new Date('2026-10-24T12:00:00Z'), 'Europe/Berlin');
    expect(iso(night)).toEqual(['2026-10-24T18:00:00.000Z', '2026-10-25T07:00:00.000Z']);
  });

  it('lays out the week from Monday on the service calendar, moved by whole weeks', () => {
    const week = rotaWeekDays(lateWednesday, 0, 'Europe/Minsk');
    expect(week.map((d) => d.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(week[0]?.from.toISOString()).toBe('2026-11-22T21:00:00.000Z');
    expect(week[6]?.to.toISOString()).toBe('2026-11-29T21:00:00.000Z');
    // Sunday late evening in Minsk is already Monday of the next week there
    const nextWeek = rotaWeekDays(new Date('2026-11-29T22:00:00Z'), 0, 'Europe/Minsk');
    expect(nextWeek[0]?.date).toBe('2026-11-30');
    expect(rotaWeekDays(lateWednesday, -1, 'Europe/Minsk')[0]?.date).toBe('2026-11-16');
  });

  it('knows weekdays and Mondays of civil dates', () => {
    expect(civilWeekday('2026-11-23')).toBe(1);
    expect(civilWeekday('2026-11-29')).toBe(7);
    expect(civilMonday('2026-11-29')).toBe('2026-11-23');
    expect(civilMonday('2027-01-01')).toBe('2026-12-28');
    expect(instantOnCivilDay('2026-11-23', 0, 'UTC').toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });
});
