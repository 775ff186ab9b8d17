import { auditRoutes } from '@hearth/domain';
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrgDateTimeInput } from '../../components/OrgDateTimeInput.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime } from '../../format/time.ts';

const emptyFilters = { patientId: '', actorId: '', action: '', entityType: '', from: '', to: '' };
type Filters = typeof emptyFilters;

export function AuditPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('audit.title'));
  const [draft, setDraft] = useState<Filters>(emptyFilters);
  const [filters, setFilters] = useState<Filters>(emptyFilters);
  const events = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) =>
      call(auditRoutes.list, {
        query: {
          ...filters,
          // the date-time fields already hold ISO instants, read on the service's clock
          from: filters.from || undefined,
          to: filters.to || undefined,
          limit: 100,
          cursor: pageParam,
        },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const verify = useMutation({ mutationFn: () => call(auditRoutes.verify) });
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  const field = (key: keyof Filters) => (
    <TextInput
      label={t(`audit.filters.${key}`)}
      value={draft[key]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setDraft((d) => ({ ...d, [key]: value }));
      }}
    />
  );
  const instantField = (key: 'from' | 'to') => (
    <OrgDateTimeInput
      label={t(`audit.filters.${key}`)}
      value={draft[key]}
      onChange={(value) => setDraft((d) => ({ ...d, [key]: value }))}
    />
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('audit.title')}</Title>
        <Button variant="light" onClick={() => verify.mutate()} loading={verify.isPending}>
          {t('audit.verify')}
        </Button>
      </Group>
      {verify.data &&
        (verify.data.ok ? (
          <Alert color="green" role="status" title={t('audit.verifyOk')} data-testid="audit-verify">
            {t('audit.checked', { count: verify.data.checked })}
          </Alert>
        ) : (
          <Alert
            color="red"
            role="alert"
            title={t('audit.verifyBroken', { seq: verify.data.firstBrokenSeq ?? '?' })}
            data-testid="audit-verify"
          >
            {verify.data.problem}
          </Alert>
        ))}
      {verify.isError && <ErrorAlert error={verify.error} />}
      <form onSubmit={onSubmit} aria-label={t('audit.filters.label')}>
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }}>
          {field('patientId')}
          {field('actorId')}
          {field('action')}
          {field('entityType')}
          {instantField('from')}
          {instantField('to')}
        </SimpleGrid>
        <Group mt="sm">
          <Button type="submit">{t('audit.apply')}</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(emptyFilters);
              setFilters(emptyFilters);
            }}
          >
            {t('audit.clear')}
          </Button>
        </Group>
      </form>
      {events.isPending ? (
        <PageLoader />
      ) : events.isError ? (
        <ErrorAlert error={events.error} />
      ) : rows.length === 0 ? (
        <Text>{t('audit.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('audit.columns.at')}</Table.Th>
                <Table.Th>{t('audit.columns.actor')}</Table.Th>
                <Table.Th>{t('audit.columns.action')}</Table.Th>
                <Table.Th>{t('audit.columns.entity')}</Table.Th>
                <Table.Th>{t('audit.columns.patient')}</Table.Th>
                <Table.Th>{t('audit.columns.outcome')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => (
                <Table.Tr key={e.seq}>
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td>{formatDateTime(e.at, i18n.language)}</Table.Td>
                  <Table.Td>
                    {e.actorName ?? '—'}
                    {e.actorRole && <Text size="xs">{t(`roles.${e.actorRole}`)}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Code>{e.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    {e.entityType}
                    {e.entityId && (
                      <Text size="xs" ff="monospace">
                        {e.entityId}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {e.patientId ? (
                      <Text size="xs" ff="monospace">
                        {e.patientId}
                      </Text>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={e.outcome === 'success' ? 'green' : e.outcome === 'denied' ? 'orange' : 'red'}
                      variant="light"
                    >
                      {t(`audit.outcomes.${e.outcome}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {events.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void events.fetchNextPage()}
          loading={events.isFetchingNextPage}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
