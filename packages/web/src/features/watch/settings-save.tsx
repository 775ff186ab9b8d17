import { type ContractInput, settingsRoutes } from '@hearth/domain';
import { Alert, Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** Saves organization settings (the clinical watch's cards send the whole `triage` object). */
export function useSaveSettings(onError?: (err: unknown) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ContractInput<typeof settingsRoutes.update>['body']) =>
      call(settingsRoutes.update, { body }),
    onSuccess: (s) => qc.setQueryData(['settings'], s),
    ...(onError ? { onError } : {}),
  });
}

/** "Saved", the error when no field shows it, and the save button. */
export function SaveFooter({
  save,
  errorShownOnFields = false,
}: {
  save: ReturnType<typeof useSaveSettings>;
  errorShownOnFields?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {save.isSuccess && <Alert color="green">{t('assess.saved')}</Alert>}
      {save.isError && !errorShownOnFields && <ErrorAlert error={save.error} />}
      <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
        {t('assess.save')}
      </Button>
    </>
  );
}
