export interface OnCallShiftTable {
  id: string;
  organization_id: string;
  user_id: string;
  starts_at: Date;
  ends_at: Date;
  position: 'primary' | 'backup';
  handover_note: string | null;
  handover_by: string | null;
  handover_at: Date | null;
  created_by: string | null;
  created_at: Date;
  cancelled_at: Date | null;
}
