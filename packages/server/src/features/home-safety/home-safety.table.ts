import type { StoredJson } from '../../db/stored-json.ts';

export interface HomeSafetyCheckTable {
  id: string;
  organization_id: string;
  patient_id: string;
  occasion: string;
  checked_on: string;
  checked_by: string;
  /** The answered items (`safetyItemAnswerSchema`, an array). */
  items: StoredJson;
  created_at: Date;
}

export interface HomeSafetyActionTable {
  id: string;
  organization_id: string;
  patient_id: string;
  check_id: string;
  item_key: string;
  description: string;
  owner_name: string;
  owner_user_id: string | null;
  due_on: string | null;
  status: 'open' | 'done';
  done_at: Date | null;
  done_by: string | null;
  created_at: Date;
}
