import { describe, expect, it } from 'vitest';
import { zbi12ItemNumbers } from '../assessments/scales.ts';
import { burdenBodySchema } from './burden.ts';
import { canSignLevel } from './schemas.ts';

describe('caregiver skills', () => {
  it('signs shown, then practised, then confident', () => {
    expect(canSignLevel([], 'shown')).toBe(true);
    expect(canSignLevel([], 'practised')).toBe(false);
    expect(canSignLevel(['shown'], 'practised')).toBe(true);
    expect(canSignLevel(['shown'], 'confident')).toBe(false);
    expect(canSignLevel(['shown', 'practised'], 'confident')).toBe(true);
  });
});

describe('caregiver burden body', () => {
  it('takes the 12 ZBI-12 items (q2 … q21) each 0-4, or a "cannot cope" call', () => {
    const all = Object.fromEntries(zbi12ItemNumbers.map((n) => [`q${n}`, 2]));
    expect(burdenBodySchema.safeParse({ kind: 'zbi12', caregiverName: 'Анна', answers: all }).success).toBe(
      true,
    );
    const { q21: _, ...eleven } = all;
    expect(
      burdenBodySchema.safeParse({ kind: 'zbi12', caregiverName: 'Анна', answers: eleven }).success,
    ).toBe(false);
    expect(
      burdenBodySchema.safeParse({ kind: 'zbi12', caregiverName: 'Анна', answers: { ...all, q3: 5 } })
        .success,
    ).toBe(false);
    expect(burdenBodySchema.safeParse({ kind: 'cannot_cope', caregiverName: 'Анна' }).success).toBe(true);
  });
});
