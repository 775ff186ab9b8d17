import { describe, expect, it } from 'vitest';
import { zbi12ItemNumbers } from '../assessments/scales.ts';
import { caregiverZbiAnswersSchema, scoreCaregiverBurden } from './burden.ts';
import { canSignLevel } from './schemas.ts';

const all = (score: number) => Object.fromEntries(zbi12ItemNumbers.map((n) => [String(n), score]));

describe('caregiver skills', () => {
  it('signs shown, then practised, then confident', () => {
    expect(canSignLevel([], 'shown')).toBe(true);
    expect(canSignLevel([], 'practised')).toBe(false);
    expect(canSignLevel(['shown'], 'practised')).toBe(true);
    expect(canSignLevel(['shown'], 'confident')).toBe(false);
    expect(canSignLevel(['shown', 'practised'], 'confident')).toBe(true);
  });
});

describe('ZBI-12 (items as in Bédard et al. 2001)', () => {
  it('scores 12 items 0-4 to a total of 0-48', () => {
    expect(scoreCaregiverBurden(all(0)).total).toBe(0);
    expect(scoreCaregiverBurden(all(4))).toMatchObject({ total: 48, max: 48, high: true });
  });

  it('flags a total at or above the threshold (≥13 by default, PMC6497029)', () => {
    const twelve = { ...all(1) };
    expect(scoreCaregiverBurden(twelve)).toMatchObject({ total: 12, high: false });
    expect(scoreCaregiverBurden({ ...twelve, '2': 2 })).toMatchObject({ total: 13, high: true });
    expect(scoreCaregiverBurden({ ...twelve, '2': 2 }, 20).high).toBe(false);
  });

  it('needs exactly the 12 numbered items', () => {
    expect(caregiverZbiAnswersSchema.safeParse(all(2)).success).toBe(true);
    const { '21': _, ...missing } = all(2);
    expect(caregiverZbiAnswersSchema.safeParse({ ...missing, '22': 2 }).success).toBe(false);
    expect(caregiverZbiAnswersSchema.safeParse({ ...all(2), '3': 5 }).success).toBe(false);
  });
});
