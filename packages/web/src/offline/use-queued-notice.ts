import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { usePatient } from '../features/patients/patients-api.ts';

/**
 * A write the outbox kept on the phone answers null instead of the saved record. The form closes as
 * after a save, so the person is told plainly that it is kept and will be sent.
 */
export function useQueuedNotice() {
  const { t } = useTranslation();
  return (result: unknown) => {
    if (result === null)
      notifications.show({ message: t('offline.savedOnPhone'), color: 'blue', autoClose: 6000 });
  };
}

/** The patient's name for an outbox label ("Home safety check · Name"), from the page's own query. */
export function usePatientLabelName(patientId: string): string {
  const patient = usePatient(patientId).data;
  return patient ? `${patient.lastName} ${patient.firstName}` : '';
}
