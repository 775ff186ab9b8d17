import { Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDay } from '../../format/time.ts';
import { useCertificate } from './programmes-api.ts';

/** A completion certificate laid out for printing (the browser's print to paper or PDF). */
export function CertificatePage() {
  const { enrolmentId = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('prog.certificate.title'));
  const cert = useCertificate(enrolmentId);
  if (cert.isPending) return <PageLoader />;
  if (cert.isError) return <ErrorAlert error={cert.error} />;
  const c = cert.data;
  // the certificate speaks the organization's language, whichever language the printer uses
  const tc = i18n.getFixedT(c.language);
  return (
    <Stack gap="md">
      <Group className="no-print">
        <Button onClick={() => window.print()}>{t('prog.certificate.print')}</Button>
      </Group>
      <Box
        className="certificate"
        p="xl"
        lang={c.language}
        style={{
          border: '6px double var(--mantine-color-hearth-7, #2f6f4f)',
          textAlign: 'center',
          maxWidth: 900,
          width: '100%',
          margin: '0 auto',
          breakInside: 'avoid',
        }}
      >
        <Stack gap="md" align="center">
          <Text fw={700} size="lg">
            {c.organizationName}
          </Text>
          <Title order={1}>{tc('prog.certificate.heading')}</Title>
          <Text size="lg">{tc('prog.certificate.certifies')}</Text>
          <Title order={2}>{c.learnerName}</Title>
          <Text size="lg">{tc('prog.certificate.completed')}</Text>
          <Title order={3}>«{c.courseName}»</Title>
          <Text>{tc('prog.certificate.hours', { hours: c.totalHours, count: c.sessions.length })}</Text>
          <Text>
            {tc('prog.certificate.date')}: {formatDay(c.completedOn, c.language)} · № {c.number}
          </Text>
          <Group justify="space-between" w="100%" mt="xl">
            <Text>{tc('prog.certificate.signature')} ____________________</Text>
            <Text>{tc('prog.certificate.stamp')}</Text>
          </Group>
        </Stack>
      </Box>
    </Stack>
  );
}
