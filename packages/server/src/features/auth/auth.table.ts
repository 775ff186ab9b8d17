import type { Generated } from 'kysely';

export interface AppUserTable {
  id: string;
  organization_id: string;
  email: string;
  name: string;
  role: string;
  is_lead: Generated<boolean>;
  phone: string | null;
  locale: Generated<string>;
  status: 'invited' | 'active' | 'deactivated';
  password_hash: string | null;
  invite_token_hash: string | null;
  invite_expires_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UserSessionTable {
  /** sha256 of the cookie value: a stolen database does not yield live sessions. */
  id: string;
  organization_id: string;
  user_id: string;
  csrf_token: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface LoginThrottleTable {
  /** `account+address:<email>|<ip>`, `address:<ip>` or `account:<email>`. */
  key: string;
  /** Attempts in the current window, counted before the password is checked. */
  attempts: number;
  window_start: Date;
  /** Until when this key may not try again (null: not blocked). */
  blocked_until: Date | null;
}
