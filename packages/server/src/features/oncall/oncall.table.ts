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

export interface CallLogTable {
  id: string;
  organization_id: string;
  patient_id: string | null;
  caller_type: string;
  caller_name: string | null;
  reason: string;
  received_at: Date;
  answered_at: Date | null;
  answered_by: string;
  outcome: string;
  ambulance_called_first: boolean;
  alert_id: string | null;
  created_at: Date;
}
