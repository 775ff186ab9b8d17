import { medicineConflictReasons } from '@hearth/domain';
import { describe, expect, it } from 'vitest';
import { en } from './en/index.ts';
import { ru } from './ru/index.ts';

/** Every medicines 409 reason has a sentence in both languages (issue 12: no English-only headline). */
describe('conflict reasons', () => {
  for (const [name, m] of [
    ['en', en],
    ['ru', ru],
  ] as const) {
    it(`${name}: says every medicines conflict`, () => {
      for (const reason of medicineConflictReasons) expect(m.conflicts[reason], reason).toBeTruthy();
    });
  }
});
