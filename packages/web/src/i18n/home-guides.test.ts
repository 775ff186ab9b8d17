import { caregiverSkills, equipmentKinds, homeSafetyItems } from '@hearth/domain';
import { describe, expect, it } from 'vitest';
import { en } from './en/index.ts';
import { ru } from './ru/index.ts';

/**
 * The compiler checks that Russian has the English keys; this checks the other direction: every
 * skill, item type and safety item in the domain catalogues has a name and a care guide in both
 * languages, so adding one to a catalogue without its guide fails here.
 */
describe.each([
  ['en', en],
  ['ru', ru],
] as const)('home care texts in %s', (_lang, m) => {
  it('has a name and a plain-language guide for every caregiver skill', () => {
    for (const skill of caregiverSkills) {
      expect(m.home.skills.names[skill], skill).toMatch(/\S/);
      // one step per line, at least two steps
      expect(m.home.skills.guides[skill].split('\n').length, skill).toBeGreaterThanOrEqual(2);
    }
  });
  it('has a name and a short guide for every kind of equipment lent', () => {
    for (const kind of equipmentKinds) {
      expect(m.home.equipment.kinds[kind], kind).toMatch(/\S/);
      expect(m.home.equipment.guides[kind], kind).toMatch(/\S/);
    }
  });
  it('names every item of the home safety check', () => {
    for (const item of homeSafetyItems) {
      expect(m.homeCare.safety.items[item.key], item.key).toMatch(/\S/);
      expect(m.homeCare.safety.sections[item.section], item.section).toMatch(/\S/);
    }
  });
});
