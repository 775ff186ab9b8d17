import type { StoredJson } from '../../db/stored-json.ts';

/** One status or level-of-care change and the effects it set off (see `effectsOf` in the domain). */
export interface EpisodeChangeTable {
  id: string;
  organization_id: string;
  patient_id: string;
  from_status: string;
  to_status: string;
  from_setting: string;
  to_setting: string;
  /** The effects applied, in order (`episodeEffectsSchema`). */
  effects: StoredJson;
  reason: string;
  by_user_id: string | null;
  at: Date;
}
