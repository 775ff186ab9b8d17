import { describe, expect, it } from 'vitest';
import { lateReturn, sheetNotes } from './route-sheet.ts';

describe('the route sheet', () => {
  it('flags a return at 18:48 against a shift ending at 17:00', () => {
    expect(
      lateReturn({ shift: { start: '08:00', end: '17:00' }, returnTime: '18:48', overtimeMinutes: 108 }),
    ).toEqual({ time: '18:48', end: '17:00', minutes: 108 });
  });

  it('does not flag a day that ends in time, or one without a shift to compare with', () => {
    expect(
      lateReturn({ shift: { start: '08:00', end: '17:00' }, returnTime: '16:40', overtimeMinutes: 0 }),
    ).toBe(null);
    expect(lateReturn({ shift: null, returnTime: '18:48', overtimeMinutes: 0 })).toBe(null);
  });

  it('fills the notes column with the reason, the way in and what was recorded, leaving out what is empty', () => {
    expect(
      sheetNotes({ reason: 'Смена катетера', accessNotes: 'Код 2580', documentation: 'Моча светлая' }),
    ).toEqual([
      { kind: 'reason', text: 'Смена катетера' },
      { kind: 'wayIn', text: 'Код 2580' },
      { kind: 'recorded', text: 'Моча светлая' },
    ]);
    expect(sheetNotes({ reason: null, accessNotes: 'Код 2580' })).toEqual([
      { kind: 'wayIn', text: 'Код 2580' },
    ]);
  });
});
