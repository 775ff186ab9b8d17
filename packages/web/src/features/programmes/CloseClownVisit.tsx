import type { ClownVisit } from '@hearth/domain';
import { programmeRoutes as routes } from '@hearth/domain';
import { Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { type ProgrammeBody, useProgrammeMutation } from './programmes-api.ts';

/** Closes a scheduled clown-doctor visit: done with how it went, or cancelled with why. */
export function CloseClownVisit({ visit }: { visit: ClownVisit }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<'done' | 'cancelled'>('done');
  const [outcome, setOutcome] = useState('');
  const close = useProgrammeMutation((body: ProgrammeBody<'closeClownVisit'>) =>
    call(routes.closeClownVisit, { params: { id: visit.id }, body }),
  );
  if (!open)
    return (
      <Button size="xs" variant="light" onClick={() => setOpen(true)}>
        {t('prog.clown.close')}
      </Button>
    );
  return (
    <form
      aria-label={t('prog.clown.closeFor', { name: visit.childFirstName })}
      onSubmit={(e) => {
        e.preventDefault();
        close.mutate({ status, outcome }, { onSuccess: () => setOpen(false) });
      }}
    >
      <Stack gap={4} miw={260}>
        <NativeSelect
          label={t('prog.clown.closeAs')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as 'done' | 'cancelled')}
          data={[
            { value: 'done', label: t('prog.clown.status.done') },
            { value: 'cancelled', label: t('prog.clown.status.cancelled') },
          ]}
        />
        <Textarea
          label={t(status === 'done' ? 'prog.clown.outcome' : 'prog.clown.whyCancelled')}
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {close.isError && <ErrorAlert error={close.error} />}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={close.isPending}>
            {t('prog.clown.saveOutcome')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setOpen(false)}>
            {t('vol.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
