import { usePatient } from '../features/patients/patients-api.ts';

/** The patient's name for an outbox label ("Home safety check · Name"), from the page's own query. */
export function usePatientLabelName(patientId: string): string {
  const patient = usePatient(patientId).data;
  return patient ? `${patient.lastName} ${patient.firstName}` : '';
}
