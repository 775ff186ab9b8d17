import {
  doseUnits,
  esasItems,
  factLineKeys,
  instruments,
  phasesOfIllness,
  refusalReasons,
} from '@hearth/domain';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en/index.ts';
import { ru } from '../../i18n/ru/index.ts';

/** Every fact line and every code inside one has words in both languages (issue 12: no raw keys). */
describe('alert fact texts', () => {
  for (const [name, m] of [
    ['en', en],
    ['ru', ru],
  ] as const) {
    it(`${name}: has a sentence for every fact line and a word for every code`, () => {
      const text = m.alertText;
      for (const key of factLineKeys) expect(text.facts[key], key).toBeTruthy();
      for (const item of [...esasItems, 'other'] as const) expect(text.items[item], item).toBeTruthy();
      for (const scale of ['esas_r', 'faces', 'flacc', 'r_flacc', 'pps', 'mcsi', 'zbi12'] as const)
        expect(text.scales[scale], scale).toBeTruthy();
      for (const reason of refusalReasons) expect(text.refusalReasons[reason], reason).toBeTruthy();
      for (const unit of doseUnits) expect(text.units[unit], unit).toBeTruthy();
      for (const phase of [...phasesOfIllness, 'none'] as const)
        expect(text.phases[phase], phase).toBeTruthy();
      for (const instrument of instruments) expect(m.assess.instruments[instrument], instrument).toBeTruthy();
      for (const rule of [
        'symptom.severe',
        'pain.rising',
        'breathlessness.new-or-worse',
        'pps.drop',
      ] as const)
        expect(m.watch.rules[rule]).not.toContain('.');
    });
  }
});
