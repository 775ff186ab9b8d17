export interface EmailSettingsTable {
  organization_id: string;
  enabled: boolean;
  host: string;
  port: number;
  secure: boolean;
  /** Refuse a plain connection whose server does not offer STARTTLS. */
  require_tls: boolean;
  username: string;
  /** Sealed with HEARTH_SECRET_KEY (platform/secrets/secret-box.ts), "" when none; never sent back to a browser. */
  password: string;
  from_address: string;
  base_url: string;
  updated_at: Date;
}
