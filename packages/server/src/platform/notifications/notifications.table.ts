import type { StoredJson } from '../../db/stored-json.ts';

export interface NotificationTable {
  id: string;
  organization_id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  /** What the web needs to render `kind` in the reader's language (`notificationParamsSchema`). */
  params: StoredJson;
  entity_type: string | null;
  entity_id: string | null;
  created_at: Date;
  read_at: Date | null;
}
