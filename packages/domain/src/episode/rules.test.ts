import { describe, expect, it } from 'vitest';
import {
  deathChecklistFor,
  type EpisodeEffect,
  type EpisodeState,
  effectsOf,
  stateForCareLevel,
  stateForStatus,
} from './rules.ts';

const home: EpisodeState = { status: 'active', careSetting: 'home' };
const continuous: EpisodeState = { status: 'active', careSetting: 'continuous_home' };
const hospital: EpisodeState = { status: 'inpatient', careSetting: 'hospital' };
const hospice: EpisodeState = { status: 'inpatient', careSetting: 'inpatient_hospice' };
const respite: EpisodeState = { status: 'active', careSetting: 'respite' };
const away = ['hold_home_visits', 'notify_team', 'notify_family'];
const back = ['offer_restore_visits', 'notify_team', 'notify_family'];
const death = [
  'cancel_visits',
  'stop_medicine_reminders',
  'stop_equipment_reminders',
  'stop_screening_reminders',
  'mark_loans_for_collection',
  'stop_diary_prompts',
  'open_death_checklist',
  'bereavement_view',
  'notify_team',
];
const discharge = [
  'cancel_visits',
  'stop_medicine_reminders',
  'stop_equipment_reminders',
  'stop_screening_reminders',
  'mark_loans_for_collection',
  'notify_team',
  'notify_family',
];

/** Each transition and what it sets off; the way back follows its way out where one exists. */
const table: [string, EpisodeState, EpisodeState, string[]][] = [
  ['home → hospital', home, hospital, away],
  ['hospital → home (way back)', hospital, home, back],
  ['home → inpatient hospice', home, hospice, away],
  ['inpatient hospice → home (way back)', hospice, home, back],
  ['home → respite', home, respite, away],
  ['respite → home (way back)', respite, home, back],
  ['continuous care at home → hospital', continuous, hospital, away],
  ['hospital → continuous care at home (way back)', hospital, continuous, back],
  ['home → continuous care at home', home, continuous, ['notify_team']],
  ['hospital → inpatient hospice', hospital, hospice, ['notify_team']],
  ['active → discharged', home, { status: 'discharged', careSetting: 'home' }, discharge],
  ['inpatient → discharged', hospital, { status: 'discharged', careSetting: 'hospital' }, discharge],
  [
    'referred → discharged (commission refused)',
    { status: 'referred', careSetting: 'home' },
    { status: 'discharged', careSetting: 'home' },
    discharge,
  ],
  ['discharged → active (readmission)', { status: 'discharged', careSetting: 'home' }, home, []],
  ['referred → active (admission)', { status: 'referred', careSetting: 'home' }, home, []],
  ['home → death', home, { status: 'deceased', careSetting: 'home' }, death],
  ['hospice → death', hospice, { status: 'deceased', careSetting: 'inpatient_hospice' }, death],
  ['no change', home, home, []],
];

describe('episode transitions', () => {
  it.each(table)('%s', (_name, from, to, effects) => {
    expect(effectsOf(from, to)).toEqual(effects as EpisodeEffect[]);
  });

  it('a level-of-care move sets the status that goes with the setting', () => {
    expect(stateForCareLevel('hospital')).toEqual(hospital);
    expect(stateForCareLevel('inpatient_hospice')).toEqual(hospice);
    expect(stateForCareLevel('respite')).toEqual(respite);
    expect(stateForCareLevel('home')).toEqual(home);
  });

  it('a bare status change keeps status and setting consistent', () => {
    expect(stateForStatus(home, 'inpatient')).toEqual(hospital);
    expect(stateForStatus(hospice, 'inpatient')).toEqual(hospice);
    expect(stateForStatus(hospital, 'active')).toEqual(home);
    expect(stateForStatus(respite, 'active')).toEqual(home);
    expect(stateForStatus(continuous, 'deceased')).toEqual({
      status: 'deceased',
      careSetting: 'continuous_home',
    });
  });
});

describe('death checklist by place', () => {
  it('a death at home has the whole home checklist', () => {
    expect(deathChecklistFor('home')).toEqual([
      'certification',
      'family_guidance',
      'equipment_collection',
      'controlled_drug_disposal',
      'notify_team',
    ]);
  });
  it('a death in the hospice or hospital has no "at home after the death" guidance and no home certification', () => {
    for (const place of ['inpatient_hospice', 'hospital'])
      expect(deathChecklistFor(place)).toEqual([
        'equipment_collection',
        'controlled_drug_disposal',
        'notify_team',
      ]);
  });
  it('a death in a care home still needs certification but not the home guidance', () => {
    expect(deathChecklistFor('care_home')).not.toContain('family_guidance');
    expect(deathChecklistFor('care_home')).toContain('certification');
  });
});
