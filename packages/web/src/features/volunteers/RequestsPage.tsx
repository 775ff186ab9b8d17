import { patientRoutes, requestKinds, volunteerRequestBodySchema } from '@hearth/domain';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { call } from '../../api/call.ts';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrgDateTimeInput } from '../../components/OrgDateTimeInput.tsx';
import { PatientPicker } from '../../components/PatientPicker.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime } from '../../format/time.ts';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { Loaded } from './Loaded.tsx';
import { VolunteersNav } from './VolunteersNav.tsx';
import { useCreateRequest, useRequests } from './volunteers-api.ts';

/** Children first: the programmes serve the children's hospice. */
export function useChildPatients() {
  return useQuery({
    queryKey: ['patients', 'children-for-programmes'],
    queryFn: () => call(patientRoutes.list, { query: { ageGroup: 'child', status: 'active', limit: 200 } }),
  });
}

const empty = {
  patientId: '',
  kind: 'company_for_child',
  startsAt: '',
  durationMinutes: 120 as string | number,
  language: 'ru',
  whatToBring: '',
  details: '',
};

export function RequestsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('vol.requests.title'));
  const can = useCan();
  const requests = useRequests();
  const patients = useChildPatients();
  const create = useCreateRequest();
  const navigate = useNavigate();
  const form = useForm(empty);
  const errorText = useErrorText(form.errors, 'vol.fieldErrors');
  const [open, setOpen] = useState(false);
  const v = form.values;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(volunteerRequestBodySchema, {
      patientId: v.patientId,
      kind: v.kind,
      startsAt: v.startsAt,
      durationMinutes: Number(v.durationMinutes),
      language: v.language,
      whatToBring: v.whatToBring.trim() || undefined,
      details: v.details.trim() || undefined,
    });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (r) => navigate(`/app/volunteer-requests/${r.id}`),
      onError: (err) => form.takeServerErrors(err),
    });
  };

  return (
    <Stack gap="lg">
      <Title order={1}>{t('vol.requests.title')}</Title>
      <VolunteersNav />
      {can('volunteer:manage') && !open && (
        <Button onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
          {t('vol.requests.new')}
        </Button>
      )}
      {open && (
        <Card withBorder>
          <form onSubmit={onSubmit} noValidate aria-label={t('vol.requests.new')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <PatientPicker
                  label={t('vol.requests.family')}
                  required
                  value={v.patientId}
                  onChange={(id) => form.set('patientId', id)}
                  error={errorText('patientId')}
                  patients={patients.data?.items ?? []}
                  emptyLabel={t('intake.form.choose')}
                />
                <NativeSelect
                  label={t('vol.requests.kind')}
                  value={v.kind}
                  onChange={(e) => form.set('kind', e.currentTarget.value)}
                  data={requestKinds.map((k) => ({ value: k, label: t(`vol.kind.${k}`) }))}
                />
                <OrgDateTimeInput
                  label={t('vol.requests.startsAt')}
                  withAsterisk
                  value={v.startsAt}
                  onChange={(startsAt) => form.set('startsAt', startsAt)}
                  error={errorText('startsAt')}
                />
                <NumberInput
                  label={t('vol.requests.duration')}
                  value={v.durationMinutes}
                  onChange={(x) => form.set('durationMinutes', x)}
                  error={errorText('durationMinutes')}
                />
                <TextInput
                  label={t('vol.requests.language')}
                  value={v.language}
                  onChange={(e) => form.set('language', e.currentTarget.value)}
                  error={errorText('language')}
                />
                <TextInput
                  label={t('vol.requests.whatToBring')}
                  description={t('vol.requests.whatToBringHint')}
                  value={v.whatToBring}
                  onChange={(e) => form.set('whatToBring', e.currentTarget.value)}
                />
              </SimpleGrid>
              <Textarea
                label={t('vol.requests.details')}
                description={t('vol.requests.detailsHint')}
                value={v.details}
                onChange={(e) => form.set('details', e.currentTarget.value)}
              />
              {create.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={create.error} />}
              <Group>
                <Button type="submit" loading={create.isPending}>
                  {t('vol.save')}
                </Button>
                <Button variant="default" onClick={() => setOpen(false)}>
                  {t('vol.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
      <Loaded query={requests}>
        {(data) => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('vol.requests.startsAt')}</Table.Th>
                  <Table.Th>{t('vol.requests.family')}</Table.Th>
                  <Table.Th>{t('vol.requests.kind')}</Table.Th>
                  <Table.Th>{t('vol.fields.status')}</Table.Th>
                  <Table.Th>{t('vol.requests.volunteer')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((r) => {
                  const current = r.assignments.find(
                    (a) => a.status === 'offered' || a.status === 'accepted',
                  );
                  return (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/app/volunteer-requests/${r.id}`}>
                          {formatDateTime(r.startsAt, i18n.language)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{r.patientName}</Table.Td>
                      <Table.Td>{t(`vol.kind.${r.kind}`)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={r.status === 'open' ? 'orange' : 'green'}>
                          {t(`vol.requestStatus.${r.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {current
                          ? `${current.volunteerName} · ${t(`vol.assignment.${current.status}`)}`
                          : '—'}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Loaded>
    </Stack>
  );
}
