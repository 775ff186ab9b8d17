import { type DeathChecklistItem, deathChecklistItems } from '../end-of-life/schemas.ts';
import type { careSettings, PatientStatus } from '../patients/schemas.ts';

export type CareSetting = (typeof careSettings)[number];

/** Where a patient is in their care episode: the lifecycle status and the level of care. */
export interface EpisodeState {
  status: PatientStatus;
  careSetting: CareSetting;
}

/**
 * Everything a status or level-of-care change may set off. One table (`effectsOf`) decides which
 * apply, so the level-of-care move, the status change, the death record, the commission and the
 * discharge all behave the same way (DOMAIN.md steps 9 and 10; palliative-research.md §6 items
 * 2, 7 and 8: equipment pick-up, controlled-drug disposal, family notification after a death).
 */
export const episodeEffects = [
  /** Future home visits wait, with the reason, while the patient is away from home. */
  'hold_home_visits',
  /** Back home: the coordinator is offered the held visits to restore. */
  'offer_restore_visits',
  /** Visits not yet made are cancelled (held ones too). */
  'cancel_visits',
  /** Due-dose reminders to the family stop. */
  'stop_medicine_reminders',
  /** The family portal no longer asks for diary entries or doses. */
  'stop_diary_prompts',
  /** Equipment due-back reminders stop: the equipment is collected instead. */
  'stop_equipment_reminders',
  /** The caregiver burden screening reminder stops. */
  'stop_screening_reminders',
  /** Equipment still at home is marked for collection and the equipment manager is told. */
  'mark_loans_for_collection',
  /** The death checklist opens (equipment collection, controlled-drug disposal, …) for the place of death. */
  'open_death_checklist',
  /** The portal leads with the bereavement view. */
  'bereavement_view',
  'notify_team',
  'notify_family',
] as const;
export type EpisodeEffect = (typeof episodeEffects)[number];

/**
 * Away from home: in hospital, in the inpatient hospice, or in respite (a short inpatient stay
 * that gives the family a break). Continuous care at home is still at home.
 */
const awaySettings: readonly CareSetting[] = ['hospital', 'inpatient_hospice', 'respite'];
export const isAwayFromHome = (s: EpisodeState) =>
  s.status === 'inpatient' || awaySettings.includes(s.careSetting);

/** What ends with the care at home, whether by death or by discharge. */
const endOfCare: readonly EpisodeEffect[] = [
  'cancel_visits',
  'stop_medicine_reminders',
  'stop_equipment_reminders',
  'stop_screening_reminders',
  'mark_loans_for_collection',
];

/** The effects of moving from one episode state to another, in the order they are applied. */
export function effectsOf(from: EpisodeState, to: EpisodeState): EpisodeEffect[] {
  if (from.status === to.status && from.careSetting === to.careSetting) return [];
  if (to.status === 'deceased')
    return [...endOfCare, 'stop_diary_prompts', 'open_death_checklist', 'bereavement_view', 'notify_team'];
  if (to.status === 'discharged') return [...endOfCare, 'notify_team', 'notify_family'];
  // admission (referred → active) and readmission (discharged → active) start from an empty plan
  if (from.status === 'referred' || from.status === 'discharged') return [];
  const wasAway = isAwayFromHome(from);
  const nowAway = isAwayFromHome(to);
  if (!wasAway && nowAway) return ['hold_home_visits', 'notify_team', 'notify_family'];
  if (wasAway && !nowAway) return ['offer_restore_visits', 'notify_team', 'notify_family'];
  return ['notify_team'];
}

/**
 * Which items of the death checklist apply where the death happened. The "at home after the
 * death" guidance is for a death at home only; a hospice or a hospital certifies a death on its
 * own ward; equipment and controlled drugs left at home still have to be collected and disposed
 * of wherever the death happened (palliative-research.md §6 items 2 and 8).
 */
export function deathChecklistFor(place: string): DeathChecklistItem[] {
  if (place === 'home') return [...deathChecklistItems];
  const onAWard = place === 'inpatient_hospice' || place === 'hospital';
  return deathChecklistItems.filter((i) => i !== 'family_guidance' && !(onAWard && i === 'certification'));
}

const wardSettings: readonly CareSetting[] = ['hospital', 'inpatient_hospice'];

/**
 * The state after a level-of-care move: a hospital or hospice ward makes the patient an
 * inpatient; any other setting (home, continuous care at home, respite) keeps them in active care.
 */
export const stateForCareLevel = (careSetting: CareSetting): EpisodeState => ({
  status: wardSettings.includes(careSetting) ? 'inpatient' : 'active',
  careSetting,
});

/**
 * The state after a bare status change: an inpatient not yet on a ward is taken to be in
 * hospital, and a return to active care from a ward or respite is a return home, so status and
 * setting never contradict each other.
 */
export function stateForStatus(from: EpisodeState, status: PatientStatus): EpisodeState {
  if (status === 'inpatient')
    return { status, careSetting: wardSettings.includes(from.careSetting) ? from.careSetting : 'hospital' };
  if (status === 'active' && awaySettings.includes(from.careSetting)) return { status, careSetting: 'home' };
  return { status, careSetting: from.careSetting };
}
