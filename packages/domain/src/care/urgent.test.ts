import { describe, expect, it } from 'vitest';
import { keptWindowToday, sameDayVisitToMerge, urgentSetOff } from './urgent.ts';

const visit = (id: string, over: Partial<Parameters<typeof sameDayVisitToMerge>[0][number]> = {}) => ({
  id,
  patientId: 'p1',
  discipline: 'nurse',
  status: 'scheduled',
  startMin: 14 * 60,
  ...over,
});

describe('the same-day visit an urgent visit brings forward', () => {
  it('is the patient’s next visit of the same discipline still to come', () => {
    const list = [
      visit('later', { startMin: 16 * 60 }),
      visit('other-patient', { patientId: 'p2', startMin: 9 * 60 }),
      visit('physician', { discipline: 'physician', startMin: 10 * 60 }),
      visit('next'),
    ];
    expect(sameDayVisitToMerge(list, 'p1', 'nurse')?.id).toBe('next');
    expect(sameDayVisitToMerge(list, 'p1', 'physician')?.id).toBe('physician');
  });

  it('is none when the day’s visit is under way, done or cancelled', () => {
    for (const status of ['on_the_way', 'checked_in', 'completed', 'missed', 'cancelled'])
      expect(sameDayVisitToMerge([visit('v', { status })], 'p1', 'nurse')).toBeNull();
  });

  it('may be a requested visit nobody has taken yet', () => {
    expect(
      sameDayVisitToMerge([visit('r', { status: 'requested', startMin: null })], 'p1', 'nurse')?.id,
    ).toBe('r');
  });
});

describe('the window another family’s visit keeps', () => {
  it('is the agreed window from now on', () => {
    expect(keptWindowToday({ windowStart: 780, windowEnd: 900, startMin: 800 }, 600)).toEqual({
      start: 780,
      end: 900,
    });
    expect(keptWindowToday({ windowStart: 540, windowEnd: 900, startMin: 800 }, 600)).toEqual({
      start: 600,
      end: 900,
    });
  });

  it('lets a visit already planned outside its window stay, never further out', () => {
    expect(keptWindowToday({ windowStart: 780, windowEnd: 900, startMin: 930 }, 600)).toEqual({
      start: 780,
      end: 930,
    });
    expect(keptWindowToday({ windowStart: 780, windowEnd: 900, startMin: 700 }, 600)).toEqual({
      start: 700,
      end: 900,
    });
  });

  it('never starts before now, even when the window has passed', () => {
    expect(keptWindowToday({ windowStart: 480, windowEnd: 540, startMin: 500 }, 600)).toEqual({
      start: 600,
      end: 600,
    });
  });

  it('is the rest of the day for a visit without an agreed window', () => {
    expect(keptWindowToday({ windowStart: null, windowEnd: null, startMin: 700 }, 600)).toEqual({
      start: 600,
      end: 1439,
    });
  });
});

describe('when someone can set off for an urgent visit', () => {
  const shift = { start: 8 * 60, end: 17 * 60 };
  const noon = 12 * 60;

  it('is now for someone at the base with nothing booked, not her shift start', () => {
    expect(urgentSetOff(shift, noon, { alreadyOut: false, firstBooked: null })).toBe(noon);
  });
  it('is when her first booked visit needs her to leave, if that is earlier than now', () => {
    // booked at 12:10, twenty minutes away: she left at 11:50
    const firstBooked = { startMin: noon + 10, travelMinutes: 20 };
    expect(urgentSetOff(shift, noon, { alreadyOut: false, firstBooked })).toBe(noon - 10);
    // booked at 15:00: she is still at the base now
    expect(
      urgentSetOff(shift, noon, { alreadyOut: false, firstBooked: { startMin: 15 * 60, travelMinutes: 20 } }),
    ).toBe(noon);
  });
  it('is her shift start when she is already out (her visits place her)', () => {
    expect(urgentSetOff(shift, noon, { alreadyOut: true, firstBooked: null })).toBe(shift.start);
  });
  it('stays inside her shift', () => {
    expect(urgentSetOff(shift, 6 * 60, { alreadyOut: false, firstBooked: null })).toBe(shift.start);
    expect(urgentSetOff(shift, 18 * 60, { alreadyOut: false, firstBooked: null })).toBe(shift.end);
  });
});
