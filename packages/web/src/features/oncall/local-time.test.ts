import { describe, expect, it } from 'vitest';
import { fromLocalInput, presetTimes, toLocalInput, weekStart } from './local-time.ts';

describe('rota times', () => {
  it('starts the week on Monday at midnight and moves by whole weeks', () => {
    const wednesday = new Date(2026, 10, 25, 15, 30);
    expect(weekStart(wednesday, 0)).toEqual(new Date(2026, 10, 23));
    expect(weekStart(wednesday, 1)).toEqual(new Date(2026, 10, 30));
    const sunday = new Date(2026, 10, 29, 23, 0);
    expect(weekStart(sunday, 0)).toEqual(new Date(2026, 10, 23));
  });

  it('offers day, night and weekend shifts', () => {
    const monday = new Date(2026, 10, 23, 10);
    expect(presetTimes('day', monday)).toEqual({
      start: new Date(2026, 10, 23, 8),
      end: new Date(2026, 10, 23, 20),
    });
    expect(presetTimes('night', monday)).toEqual({
      start: new Date(2026, 10, 23, 20),
      end: new Date(2026, 10, 24, 8),
    });
    expect(presetTimes('weekend', monday)).toEqual({
      start: new Date(2026, 10, 28, 8),
      end: new Date(2026, 10, 30, 8),
    });
  });

  it('round-trips a datetime-local value and refuses nonsense', () => {
    const d = new Date(2026, 10, 23, 8, 5);
    expect(toLocalInput(d)).toBe('2026-11-23T08:05');
    expect(fromLocalInput('2026-11-23T08:05')).toBe(d.toISOString());
    expect(fromLocalInput('not a time')).toBeNull();
  });
});
