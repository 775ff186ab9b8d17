import { describe, expect, it } from 'vitest';
import { type DayHours, hoursLimitProblem } from './hours-limits.ts';

const h = (assignmentId: string, minutes: number, startHour: number, lengthHours: number): DayHours => ({
  assignmentId,
  minutes,
  window: { start: startHour * 3_600_000, end: (startHour + lengthHours) * 3_600_000 },
});

describe('volunteer hours for one day', () => {
  it('refuses the issue 13 sequence: 3 h, then 2 h, then 2 h more on a 3-hour request', () => {
    expect(hoursLimitProblem(h('a', 180, 10, 3), [])).toBeNull();
    expect(hoursLimitProblem(h('a', 120, 10, 3), [h('a', 180, 10, 3)])).toEqual({
      kind: 'over_request',
      allowedMinutes: 180,
      loggedMinutes: 180,
    });
    expect(hoursLimitProblem(h('a', 120, 10, 3), [h('a', 120, 10, 3)])).toEqual({
      kind: 'duplicate',
      minutes: 120,
    });
  });
  it('lets a request be logged in parts up to its length', () => {
    expect(hoursLimitProblem(h('a', 60, 10, 3), [h('a', 120, 10, 3)])).toBeNull();
  });
  it('refuses hours on two requests at overlapping times beyond the time from first start to last end', () => {
    // 10–13 and 12–14: one person had at most 4 h between them
    expect(hoursLimitProblem(h('b', 120, 12, 2), [h('a', 180, 10, 3)])).toEqual({
      kind: 'overlap',
      allowedMinutes: 240,
      loggedMinutes: 180,
    });
    expect(hoursLimitProblem(h('b', 60, 12, 2), [h('a', 180, 10, 3)])).toBeNull();
    // separate times on one day do not limit each other
    expect(hoursLimitProblem(h('b', 120, 15, 2), [h('a', 180, 10, 3)])).toBeNull();
  });
});
