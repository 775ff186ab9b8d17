import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { type BereavementTask, useReassignTask } from './eol-api.ts';
import { OwnerSelect } from './OwnerSelect.tsx';

/** Hands one bereavement contact to another member of the support team (e.g. during leave). */
export function ReassignTask({ patientId, task }: { patientId: string; task: BereavementTask }) {
  const { t } = useTranslation();
  const reassign = useReassignTask(patientId);
  const [open, setOpen] = useState(false);
  const [owner, setOwner] = useState(task.ownerId);
  if (!open)
    return (
      <Button variant="subtle" size="compact-sm" onClick={() => setOpen(true)}>
        {t('eol.bereavement.reassign')}
      </Button>
    );
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <OwnerSelect value={owner} onChange={setOwner} label={t('eol.bereavement.newOwner')} />
      <Button
        loading={reassign.isPending}
        disabled={owner === task.ownerId}
        onClick={() =>
          reassign.mutate({ taskId: task.id, ownerId: owner }, { onSuccess: () => setOpen(false) })
        }
      >
        {t('eol.bereavement.reassignSave')}
      </Button>
      <Button variant="default" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </Button>
      {reassign.isError && <ErrorAlert error={reassign.error} />}
    </Group>
  );
}
