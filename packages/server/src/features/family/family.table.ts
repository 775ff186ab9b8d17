export interface FamilyLinkTable {
  organization_id: string;
  patient_id: string;
  user_id: string;
  relationship: string;
  is_designated: boolean;
  invited_by: string | null;
  created_at: Date;
  removed_at: Date | null;
}
