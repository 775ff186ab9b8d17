import { carePlanContentSchema } from '@hearth/domain';
import { describe, expect, it } from 'vitest';
import { contentOf, formValuesOf } from './care-plan-form.ts';

const content = carePlanContentSchema.parse({
  phase: 'unstable',
  reviewDate: '2026-12-01',
  keyWorkerId: '00000000-0000-4000-8000-000000000001',
  preferredTimes: { from: '10:00', to: '13:00', weekdays: [5, 1, 3] },
  frequencies: [
    { discipline: 'physician', mode: 'interval', everyDays: 14, durationMinutes: 60 },
    { discipline: 'nurse', mode: 'weekly', timesPerWeek: 2, durationMinutes: 45 },
    { discipline: 'psychologist', mode: 'as_needed' },
  ],
  items: [
    { discipline: 'nurse', problem: 'Pressure area', goal: 'Skin intact', interventions: ['Turn', 'Cream'] },
  ],
});

describe('care-plan form', () => {
  it('round-trips a plan through the form unchanged (weekdays sorted)', () => {
    const back = carePlanContentSchema.parse(contentOf(formValuesOf(content, '2026-11-23')));
    expect(back).toEqual({ ...content, preferredTimes: { from: '10:00', to: '13:00', weekdays: [1, 3, 5] } });
  });

  it('drops disciplines set to "none", empty intervention lines and an "any time" window', () => {
    const v = formValuesOf(content, '2026-11-23');
    v.frequencies.nurse.mode = 'none';
    v.anyTime = true;
    v.items[0]!.interventions = 'Turn\n\n  \nCream ';
    const c = contentOf(v);
    expect(c.frequencies.map((f) => f.discipline)).toEqual(['physician', 'psychologist']);
    expect(c.preferredTimes).toBeNull();
    expect(c.items[0]!.interventions).toEqual(['Turn', 'Cream']);
  });

  it('starts an empty plan with no visits and the review date today', () => {
    const v = formValuesOf(null, '2026-11-23');
    expect(v.reviewDate).toBe('2026-11-23');
    expect(contentOf(v).frequencies).toEqual([]);
  });
});
