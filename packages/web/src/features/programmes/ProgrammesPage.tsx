import { type ProgrammeKind, programmeKinds, programmeRoutes as routes } from '@hearth/domain';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { call } from '../../api/call.ts';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { type ProgrammeBody, useProgrammeMutation, useProgrammes } from './programmes-api.ts';

export function ProgrammesPage() {
  const { t } = useTranslation();
  usePageTitle(t('prog.title'));
  const can = useCan();
  const list = useProgrammes();
  const navigate = useNavigate();
  const [kind, setKind] = useState<ProgrammeKind>('friends_club');
  const [name, setName] = useState('');
  const create = useProgrammeMutation((body: ProgrammeBody<'create'>) => call(routes.create, { body }));
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('prog.title')}</Title>
        <Button component={Link} to="/app/clown-visits" variant="light">
          {t('prog.clown.title')}
        </Button>
      </Group>
      {can('programme:manage') && (
        <Card withBorder>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate({ kind, name }, { onSuccess: (p) => navigate(`/app/programmes/${p.id}`) });
            }}
          >
            <Group align="flex-end">
              <NativeSelect
                label={t('prog.kind')}
                value={kind}
                onChange={(e) => setKind(e.currentTarget.value as ProgrammeKind)}
                data={programmeKinds.map((k) => ({ value: k, label: t(`prog.kinds.${k}`) }))}
              />
              <TextInput
                label={t('prog.name')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
              />
              <Button type="submit" loading={create.isPending}>
                {t('prog.create')}
              </Button>
            </Group>
            {create.isError && <ErrorAlert error={create.error} />}
          </form>
        </Card>
      )}
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <Table striped>
          <Table.Tbody>
            {list.data.items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/app/programmes/${p.id}`}>
                    {p.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`prog.kinds.${p.kind}`)}</Badge>
                </Table.Td>
                <Table.Td>{t('prog.sessionCount', { count: p.sessionCount })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
