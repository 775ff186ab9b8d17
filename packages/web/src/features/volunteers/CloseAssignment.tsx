import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useCloseAssignment } from './volunteers-api.ts';

/**
 * Closes an accepted assignment once the help has been given. The volunteer can still log hours
 * for days up to today afterwards; the server refuses a request that has not started yet.
 */
export function CloseAssignment({ requestId, assignmentId }: { requestId: string; assignmentId: string }) {
  const { t } = useTranslation();
  const close = useCloseAssignment(requestId);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  if (!open)
    return (
      <Button size="xs" variant="light" onClick={() => setOpen(true)}>
        {t('vol.requests.close')}
      </Button>
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        close.mutate({ assignmentId, note: note.trim() || undefined });
      }}
      aria-label={t('vol.requests.close')}
    >
      <Group align="flex-end" gap="xs">
        <TextInput
          label={t('vol.requests.closeNote')}
          description={t('vol.requests.closeHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button type="submit" loading={close.isPending}>
          {t('vol.requests.closeConfirm')}
        </Button>
        <Button variant="default" onClick={() => setOpen(false)}>
          {t('vol.cancel')}
        </Button>
      </Group>
      {close.isError && <ErrorAlert error={close.error} />}
    </form>
  );
}
