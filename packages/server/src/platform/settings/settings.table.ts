import type { Generated } from 'kysely';
import type { StoredJson } from '../../db/stored-json.ts';

export interface OrganizationTable {
  id: string;
  name: string;
  is_demo: boolean;
  /** `organizationSettingsSchema`, read tolerantly (see `findOrganization`). */
  settings: StoredJson;
  created_at: Generated<Date>;
}
