import type { CampApplication } from '@hearth/domain';
import { programmeRoutes as routes } from '@hearth/domain';
import { Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PatientPicker } from '../../components/PatientPicker.tsx';
import { useChildPatients } from '../volunteers/RequestsPage.tsx';
import { CampCareForms } from './CampCareForms.tsx';
import { type ProgrammeBody, useApplications, useProgrammeMutation } from './programmes-api.ts';

const statusColor = { accepted: 'green.9', waitlisted: 'orange.9', withdrawn: 'dimmed' } as const;

/** A shift's applications: apply, the waiting list in order, and each child's care notes and forms. */
export function CampApplications({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const apps = useApplications(sessionId);
  const children = useChildPatients();
  const [patientId, setPatientId] = useState('');
  const [family, setFamily] = useState<string | number>(1);
  const apply = useProgrammeMutation((body: ProgrammeBody<'applyToCamp'>) =>
    call(routes.applyToCamp, { params: { id: sessionId }, body }),
  );
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('prog.camp.applications')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply.mutate({ patientId, familyMembers: Number(family) }, { onSuccess: () => setPatientId('') });
        }}
        aria-label={t('prog.camp.apply')}
      >
        <Group align="flex-end">
          <PatientPicker
            label={t('prog.camp.child')}
            value={patientId}
            onChange={setPatientId}
            patients={children.data?.items ?? []}
            emptyLabel={t('intake.form.choose')}
          />
          <NumberInput
            label={t('prog.camp.familyMembers')}
            value={family}
            onChange={setFamily}
            min={0}
            max={10}
            w={160}
          />
          <Button type="submit" loading={apply.isPending}>
            {t('prog.camp.apply')}
          </Button>
        </Group>
      </form>
      {apply.isError && <ErrorAlert error={apply.error} />}
      {(apps.data ?? []).map((a) => (
        <ApplicationCard key={a.id} application={a} />
      ))}
      <Text size="xs" c="dimmed">
        {t('prog.camp.medicinesNote')}
      </Text>
    </Stack>
  );
}

function ApplicationCard({ application: a }: { application: CampApplication }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const withdraw = useProgrammeMutation((id: string) => call(routes.withdrawApplication, { params: { id } }));
  return (
    <Card withBorder padding="sm" data-testid="camp-application">
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text fw={600}>{a.childName}</Text>
            <Text size="sm">{t('prog.camp.withFamily', { count: a.familyMembers })}</Text>
            <Text size="sm" fw={600} c={statusColor[a.status]}>
              {a.status === 'waitlisted'
                ? t('prog.camp.waitlisted', { position: a.waitlistPosition })
                : t(`prog.camp.status.${a.status}`)}
            </Text>
          </Group>
          <Group gap="xs">
            {a.status !== 'withdrawn' && (
              <Button size="xs" variant="light" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
                {t(open ? 'prog.camp.hideCare' : 'prog.camp.careAndForms')}
              </Button>
            )}
            {a.status !== 'withdrawn' && (
              <Button size="xs" variant="default" onClick={() => withdraw.mutate(a.id)}>
                {t('prog.camp.withdraw')}
              </Button>
            )}
          </Group>
        </Group>
        <Text size="xs" c={a.missingConsents.length ? 'orange.9' : 'green.9'}>
          {a.missingConsents.length
            ? t('prog.camp.missingConsents', {
                list: a.missingConsents.map((k) => t(`prog.camp.consent.${k}`)).join(', '),
              })
            : t('prog.camp.consentsDone')}
        </Text>
        {a.careNote && (
          <Text size="xs" c="dimmed" data-testid="care-note-summary">
            {[a.careNote.mobility, a.careNote.diet, a.careNote.equipment, a.careNote.whoMayGive]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
        {withdraw.isError && <ErrorAlert error={withdraw.error} />}
        {open && <CampCareForms application={a} />}
      </Stack>
    </Card>
  );
}
