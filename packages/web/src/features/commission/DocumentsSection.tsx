import { type CommissionCase, commissionDocumentTypes, maxDocumentBytes } from '@hearth/domain';
import { Alert, Anchor, Button, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileUrl } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../format/time.ts';
import { useUploadDocument } from './commission-api.ts';

const formatSize = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The case's files: list with downloads, and an upload checked here before the server checks it. */
export function DocumentsSection({ c, canUpload }: { c: CommissionCase; canUpload: boolean }) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useUploadDocument(c.id);

  const choose = (f: File | null) => {
    setFile(f);
    upload.reset();
    if (f && !(commissionDocumentTypes as readonly string[]).includes(f.type))
      setProblem(t('commission.documents.badType'));
    else if (f && f.size > maxDocumentBytes) setProblem(t('commission.documents.tooLarge'));
    else setProblem(null);
  };

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('commission.documents.title')}
      </Title>
      {c.documents.length === 0 ? (
        <Text>{t('commission.documents.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={500}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('commission.documents.file')}</Table.Th>
                <Table.Th>{t('commission.documents.size')}</Table.Th>
                <Table.Th>{t('commission.documents.uploaded')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.documents.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor
                      href={fileUrl(`/commission/cases/${c.id}/documents/${d.id}`)}
                      target="_blank"
                      rel="noopener"
                    >
                      {d.fileName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatSize(d.sizeBytes)}</Table.Td>
                  <Table.Td>
                    {formatDateTime(d.uploadedAt, i18n.language)} · {d.uploadedByName}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canUpload && (
        <Group align="flex-end">
          <FileInput
            label={t('commission.documents.choose')}
            description={t('commission.documents.rule')}
            placeholder={t('commission.documents.placeholder')}
            accept={commissionDocumentTypes.join(',')}
            value={file}
            onChange={choose}
            clearable
            error={problem}
            w={320}
          />
          <Button
            disabled={!file || problem !== null}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file, { onSuccess: () => setFile(null) })}
          >
            {t('commission.documents.upload')}
          </Button>
        </Group>
      )}
      {upload.isSuccess && (
        <Alert color="green" role="status">
          {t('commission.documents.uploadedOk')}
        </Alert>
      )}
      {upload.isError && <ErrorAlert error={upload.error} />}
    </Stack>
  );
}
