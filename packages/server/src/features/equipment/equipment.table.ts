import type { ColumnType } from 'kysely';

export interface EquipmentItemTable {
  id: string;
  organization_id: string;
  kind: string;
  name: string;
  serial_number: string;
  condition: string;
  status: string;
  /** `date` columns come back as `YYYY-MM-DD` strings. */
  maintenance_due_on: string | null;
  notes: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface EquipmentLoanTable {
  id: string;
  organization_id: string;
  patient_id: string;
  kind: string;
  item_id: string | null;
  status: string;
  reason: string;
  requested_by: string;
  requested_at: Date;
  expected_return_on: string | null;
  delivered_on: string | null;
  delivered_by: string | null;
  delivery_recorded_by: string | null;
  oxygen_safety_check_id: string | null;
  in_use_at: Date | null;
  collected_on: string | null;
  collected_by: string | null;
  cleaned_at: Date | null;
  cleaned_by: string | null;
  /** Set when the care episode ended (death or discharge): the item is to be collected now. */
  collection_requested_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  updated_at: Date;
}
