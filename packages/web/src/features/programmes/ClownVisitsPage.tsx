import {
  clownPhaseFreshDays,
  type FamilyWish,
  familyWishes,
  programmeRoutes as routes,
} from '@hearth/domain';
import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call.ts';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrgDateTimeInput } from '../../components/OrgDateTimeInput.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { PatientPicker } from '../../components/PatientPicker.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime } from '../../format/time.ts';
import { useChildPatients } from '../volunteers/RequestsPage.tsx';
import { CloseClownVisit } from './CloseClownVisit.tsx';
import { type ProgrammeBody, useClownVisits, useProgrammeMutation } from './programmes-api.ts';

/** Clown-doctor visits; the server refuses one in the terminal phase unless the family asked. */
export function ClownVisitsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('prog.clown.title'));
  const can = useCan();
  const visits = useClownVisits();
  const children = useChildPatients();
  const [v, setV] = useState<ProgrammeBody<'scheduleClownVisit'>>({
    patientId: '',
    scheduledAt: '',
    familyWish: 'welcome',
  });
  const schedule = useProgrammeMutation((body: ProgrammeBody<'scheduleClownVisit'>) =>
    call(routes.scheduleClownVisit, { body }),
  );
  return (
    <Stack gap="lg">
      <Title order={1}>{t('prog.clown.title')}</Title>
      {can('programme:manage') && (
        <Card withBorder>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              schedule.mutate(v);
            }}
          >
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <PatientPicker
                  label={t('prog.camp.child')}
                  value={v.patientId}
                  onChange={(patientId) => setV({ ...v, patientId })}
                  patients={children.data?.items ?? []}
                  emptyLabel={t('intake.form.choose')}
                />
                <OrgDateTimeInput
                  label={t('prog.clown.when')}
                  value={v.scheduledAt}
                  onChange={(scheduledAt) => setV({ ...v, scheduledAt })}
                />
                <NativeSelect
                  label={t('prog.clown.wish')}
                  value={v.familyWish}
                  onChange={(e) => setV({ ...v, familyWish: e.currentTarget.value as FamilyWish })}
                  data={familyWishes.map((w) => ({ value: w, label: t(`prog.clown.wishes.${w}`) }))}
                />
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                {t('prog.clown.rule')} {t('prog.clown.phaseNeeded', { days: clownPhaseFreshDays })}
              </Text>
              {schedule.isError && <ErrorAlert error={schedule.error} />}
              <Button type="submit" loading={schedule.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('prog.clown.schedule')}
              </Button>
            </Stack>
          </form>
        </Card>
      )}
      {visits.isPending ? (
        <PageLoader />
      ) : visits.isError ? (
        <ErrorAlert error={visits.error} />
      ) : (
        <Table striped aria-label={t('prog.clown.list')}>
          <Table.Tbody>
            {visits.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{formatDateTime(c.scheduledAt, i18n.language)}</Table.Td>
                <Table.Td>{c.childFirstName}</Table.Td>
                <Table.Td>{t(`prog.clown.wishes.${c.familyWish}`)}</Table.Td>
                <Table.Td>{t(`prog.clown.phases.${c.phase}`)}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`prog.clown.status.${c.status}`)}</Badge>
                  {c.outcome && (
                    <Text size="xs" mt={4}>
                      {c.outcome}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {can('programme:manage') && c.status === 'scheduled' && <CloseClownVisit visit={c} />}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group />
    </Stack>
  );
}
