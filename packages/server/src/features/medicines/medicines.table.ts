import type { StoredJson } from '../../db/stored-json.ts';

export interface PrescriptionTable {
  id: string;
  organization_id: string;
  patient_id: string;
  current_version: number;
  created_by: string;
  created_at: Date;
}

export interface PrescriptionVersionTable {
  organization_id: string;
  prescription_id: string;
  version: number;
  medicine_id: string | null;
  name: string;
  form: string | null;
  strength: string | null;
  route: string;
  dose_amount: number;
  dose_unit: string;
  kind: 'scheduled' | 'prn';
  /** jsonb array of "HH:MM" (`timesOfDaySchema`). */
  times_of_day: StoredJson;
  min_interval_minutes: number | null;
  max_doses_per_24h: number | null;
  indication: string;
  instructions: string | null;
  starts_at: Date;
  ends_at: Date | null;
  anticipatory_purpose: string | null;
  controlled: boolean;
  /** Issue 12: the class a medicine outside the formulary declares. */
  declared_class: string | null;
  /** Issue 12: why the physician prescribed above a limit or past an allergy (shown on the chart). */
  override_reason: string | null;
  /** A patch's change interval from the formulary (fentanyl 72 h). */
  change_interval_hours: number | null;
  reason: string | null;
  created_by: string;
  created_at: Date;
}

export interface MedicineAdministrationTable {
  id: string;
  organization_id: string;
  patient_id: string;
  prescription_id: string;
  prescription_version: number;
  status: 'given' | 'not_taken' | 'refused';
  given_at: Date;
  slot: Date | null;
  dose_amount: number;
  dose_unit: string;
  note: string | null;
  refusal_reason: string | null;
  refusal_message: string | null;
  next_allowed_at: Date | null;
  recorded_by: string;
  recorded_by_role: string;
  recorded_at: Date;
  verbal_order_physician_id: string | null;
  /** When the physician gave the verbal order (issue 12: verbal orders are time-limited). */
  verbal_order_at: Date | null;
  countersigned_by: string | null;
  countersigned_at: Date | null;
}

export interface AnticipatoryBoxTable {
  organization_id: string;
  patient_id: string;
  location: string;
  expires_on: string;
  notes: string | null;
  updated_by: string;
  updated_at: Date;
}

export interface ControlledStockTable {
  id: string;
  organization_id: string;
  patient_id: string;
  name: string;
  unit: string;
  prescription_id: string | null;
  balance: number;
  /** How much of the prescribed dose unit one unit of stock holds; null when the units are the same. */
  dose_per_unit: number | null;
  created_by: string;
  created_at: Date;
}

export interface ControlledEntryTable {
  id: string;
  organization_id: string;
  stock_id: string;
  patient_id: string;
  kind: 'received' | 'administered' | 'count' | 'returned' | 'disposed';
  quantity: number;
  balance_after: number;
  expected: number | null;
  discrepancy: number | null;
  note: string | null;
  method: string | null;
  administration_id: string | null;
  recorded_by: string;
  witness_user_id: string | null;
  at: Date;
}

export interface MedicineDoseReminderTable {
  organization_id: string;
  prescription_id: string;
  slot: Date;
  /** False when the dose was already recorded and no reminder was needed. */
  notified: boolean;
  handled_at: Date;
}

export interface PatientWeightTable {
  id: string;
  organization_id: string;
  patient_id: string;
  /** numeric: read back as a string by node-postgres, converted in the view. */
  kg: number | string;
  /** `YYYY-MM-DD`. */
  measured_on: string;
  recorded_by: string;
  recorded_at: Date;
}
