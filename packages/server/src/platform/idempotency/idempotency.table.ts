/**
 * One `Idempotency-Key` a user sent with a write, and what the server answered. The row is
 * reserved (`in_progress`) before the write runs and holds the answer once it is sent.
 */
export interface IdempotencyKeyTable {
  organization_id: string;
  user_id: string;
  key: string;
  method: string;
  path: string;
  /** sha256 of the request body (canonical JSON), so a reused key with another body is refused. */
  request_hash: string;
  state: 'in_progress' | 'done';
  response_status: number | null;
  response_body: string | null;
  content_type: string | null;
  created_at: Date;
  expires_at: Date;
}
