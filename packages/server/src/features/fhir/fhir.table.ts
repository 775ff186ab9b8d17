import type { StoredJson } from '../../db/stored-json.ts';

export type FhirExportStatus = 'accepted' | 'in_progress' | 'completed' | 'failed' | 'cancelled';

/** One bulk export ($export) of an organization: a durable job, advanced a batch of patients at a time. */
export interface FhirExportTable {
  id: string;
  organization_id: string;
  status: FhirExportStatus;
  requested_by: string;
  /** The resource types asked for (`fhirExportTypesSchema`). */
  types: StoredJson;
  since: Date | null;
  /** The kick-off URL, echoed in the completion manifest as the Bulk Data spec asks. */
  request_url: string;
  patient_total: number;
  patients_done: number;
  /** Patients are exported in id order; the next batch starts after this one. */
  last_patient_id: string | null;
  error: string | null;
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
}

/** NDJSON output of an export: one part per resource type and batch, joined when downloaded. */
export interface FhirExportFileTable {
  organization_id: string;
  export_id: string;
  resource_type: string;
  part: number;
  line_count: number;
  content: string;
}
