import { describe, expect, it } from 'vitest';
import { capacityTable } from './capacity.ts';

describe('capacity table', () => {
  const shifts = [
    { discipline: 'nurse' as const, date: '2026-12-07', minutes: 540 },
    { discipline: 'nurse' as const, date: '2026-12-07', minutes: 540 },
    { discipline: 'nurse' as const, date: '2026-12-08', minutes: 540 },
    { discipline: 'physician' as const, date: '2026-12-07', minutes: 540 },
  ];

  it('adds up each discipline and day: the rota hours against visits and driving', () => {
    const c = capacityTable({
      shifts,
      routes: [
        { discipline: 'nurse', date: '2026-12-07', visitMinutes: 300, travelMinutes: 200, visits: 6 },
        { discipline: 'nurse', date: '2026-12-07', visitMinutes: 90, travelMinutes: 60, visits: 2 },
      ],
      unplanned: [],
    });
    expect(c.rows).toEqual([
      {
        discipline: 'nurse',
        date: '2026-12-07',
        availableMinutes: 1080,
        visitMinutes: 390,
        travelMinutes: 260,
        visits: 8,
      },
      {
        discipline: 'nurse',
        date: '2026-12-08',
        availableMinutes: 540,
        visitMinutes: 0,
        travelMinutes: 0,
        visits: 0,
      },
      {
        discipline: 'physician',
        date: '2026-12-07',
        availableMinutes: 540,
        visitMinutes: 0,
        travelMinutes: 0,
        visits: 0,
      },
    ]);
    expect(c.shortfalls).toEqual([]);
  });

  it('groups unplanned visits by discipline and reason, with the hours needed and available on their days', () => {
    const c = capacityTable({
      shifts,
      routes: [{ discipline: 'nurse', date: '2026-12-07', visitMinutes: 400, travelMinutes: 600, visits: 8 }],
      unplanned: [
        { discipline: 'nurse', code: 'no-room', minutes: 45, dates: ['2026-12-07'] },
        { discipline: 'nurse', code: 'no-room', minutes: 45, dates: ['2026-12-07', '2026-12-08'] },
        { discipline: 'psychologist', code: 'no-shift', minutes: 60, dates: ['2026-12-12', '2026-12-13'] },
      ],
    });
    expect(c.shortfalls).toEqual([
      {
        discipline: 'nurse',
        code: 'no-room',
        fix: 'add-hours',
        visits: 2,
        visitMinutes: 90,
        dates: ['2026-12-07', '2026-12-08'],
        neededMinutes: 400 + 600 + 90,
        availableMinutes: 1080 + 540,
      },
      {
        discipline: 'psychologist',
        code: 'no-shift',
        fix: 'add-shift',
        visits: 1,
        visitMinutes: 60,
        dates: ['2026-12-12', '2026-12-13'],
        neededMinutes: 60,
        availableMinutes: 0,
      },
    ]);
  });
});
