import type { JSONColumnType } from 'kysely';

export interface NotificationTable {
  id: string;
  organization_id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  /** What the web needs to render `kind` in the reader's language. */
  params: JSONColumnType<Record<string, string | number>>;
  entity_type: string | null;
  entity_id: string | null;
  created_at: Date;
  read_at: Date | null;
}
