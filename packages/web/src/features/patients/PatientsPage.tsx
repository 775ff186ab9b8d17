import { patientStatuses } from '@hearth/domain';
import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useStaff } from '../staff/staff-api.ts';
import { PatientCards } from './PatientCards.tsx';
import { AgeBadge, PatientStatusBadge } from './PatientStatusBadge.tsx';
import { type PatientFilters, useAreas, usePatients } from './patients-api.ts';

const filterKeys = ['status', 'ageGroup', 'teamMemberId', 'area'] as const;

/** Patient list; the filters live in the URL so a list can be bookmarked and Back works. */
export function PatientsPage() {
  const { t } = useTranslation();
  usePageTitle(t('patients.title'));
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const areas = useAreas();
  const staff = useStaff(can('staff:read'));

  useEffect(() => {
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (debouncedQ) next.set('q', debouncedQ);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [debouncedQ, setParams]);

  const filters = useMemo(() => {
    const f: Record<string, string> = {};
    const query = params.get('q');
    if (query) f.q = query;
    for (const k of filterKeys) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f as PatientFilters;
  }, [params]);
  const patients = usePatients(filters);

  const setFilter = (key: (typeof filterKeys)[number], value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  const rows = patients.data?.pages.flatMap((p) => p.items) ?? [];
  const teamMembers = (staff.data?.items ?? []).filter((s) => s.status === 'active');

  return (
    <Stack gap="md">
      <Title order={1}>{t('patients.title')}</Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} role="search" aria-label={t('patients.filters.label')}>
        <TextInput
          label={t('patients.filters.search')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          placeholder={t('patients.filters.searchHint')}
        />
        <NativeSelect
          label={t('patients.filters.status')}
          value={params.get('status') ?? ''}
          onChange={(e) => setFilter('status', e.currentTarget.value)}
          data={[
            { value: '', label: t('patients.filters.any') },
            ...patientStatuses.map((s) => ({ value: s, label: t(`patients.status.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t('patients.filters.ageGroup')}
          value={params.get('ageGroup') ?? ''}
          onChange={(e) => setFilter('ageGroup', e.currentTarget.value)}
          data={[
            { value: '', label: t('patients.filters.any') },
            { value: 'child', label: t('patients.children') },
            { value: 'adult', label: t('patients.adults') },
          ]}
        />
        <NativeSelect
          label={t('patients.filters.area')}
          value={params.get('area') ?? ''}
          onChange={(e) => setFilter('area', e.currentTarget.value)}
          data={[
            { value: '', label: t('patients.filters.any') },
            ...(areas.data ?? []).map((a) => ({ value: a, label: a })),
          ]}
        />
        {can('staff:read') && (
          <NativeSelect
            label={t('patients.filters.teamMember')}
            value={params.get('teamMemberId') ?? ''}
            onChange={(e) => setFilter('teamMemberId', e.currentTarget.value)}
            data={[
              { value: '', label: t('patients.filters.any') },
              ...teamMembers.map((s) => ({ value: s.id, label: `${s.name} (${t(`roles.${s.role}`)})` })),
            ]}
          />
        )}
      </SimpleGrid>
      {patients.isPending ? (
        <PageLoader />
      ) : patients.isError ? (
        <ErrorAlert error={patients.error} />
      ) : rows.length === 0 ? (
        <Text>{t('patients.empty')}</Text>
      ) : (
        <>
          <PatientCards patients={rows} />
          <Table.ScrollContainer minWidth={720} visibleFrom="sm">
            <Table striped highlightOnHover data-testid="patients-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('patients.columns.name')}</Table.Th>
                  <Table.Th>{t('patients.columns.age')}</Table.Th>
                  <Table.Th>{t('patients.columns.status')}</Table.Th>
                  <Table.Th>{t('patients.columns.area')}</Table.Th>
                  <Table.Th>{t('patients.columns.diagnosis')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/app/patients/${p.id}`} fw={600}>
                        {p.lastName} {p.firstName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {p.ageYears} <AgeBadge isChild={p.isChild} />
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <PatientStatusBadge status={p.status} />
                        {p.palliativeStatus === 'granted' && (
                          <Text size="xs">{t('patients.palliative.granted')}</Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{p.area}</Table.Td>
                    <Table.Td>{p.primaryDiagnosis ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {patients.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void patients.fetchNextPage()}
          loading={patients.isFetchingNextPage}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
