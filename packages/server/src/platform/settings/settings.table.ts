import type { OrganizationSettings } from '@hearth/domain';
import type { Generated, JSONColumnType } from 'kysely';

export interface OrganizationTable {
  id: string;
  name: string;
  is_demo: boolean;
  settings: JSONColumnType<OrganizationSettings>;
  created_at: Generated<Date>;
}
