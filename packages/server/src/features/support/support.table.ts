export interface SupportReferralTable {
  id: string;
  organization_id: string;
  patient_id: string;
  discipline: 'psychologist' | 'social_worker' | 'chaplain';
  status: 'open' | 'in_progress' | 'closed';
  source: string;
  reason: string;
  for_whom: string | null;
  respite_offered: boolean;
  assigned_user_id: string | null;
  outcome: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
}

export interface SupportNoteTable {
  id: string;
  organization_id: string;
  referral_id: string;
  text: string;
  by_user_id: string;
  at: Date;
}

export interface RoutingItemTable {
  organization_id: string;
  referral_id: string;
  item: string;
  status: string;
  note: string | null;
  updated_by: string | null;
  updated_at: Date | null;
}
