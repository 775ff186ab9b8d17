import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useCurrentUser } from '../auth/me.ts';
import { usePageTitle } from '../components/use-page-title.ts';
import { PatientLinkCard } from './PatientLinkCard.tsx';
import { VolunteerPortalHome } from './VolunteerPortalHome.tsx';

/** Most families follow one person: go straight to them; otherwise choose. */
export function PortalHome() {
  const me = useCurrentUser();
  return me.role === 'volunteer' ? <VolunteerPortalHome /> : <FamilyPortalHome />;
}

function FamilyPortalHome() {
  const { t } = useTranslation();
  usePageTitle(t('portal.title'));
  const me = useCurrentUser();
  const [only, ...others] = me.linkedPatientIds;
  if (only && others.length === 0) return <Navigate to={`/portal/patients/${only}`} replace />;
  return (
    <Stack gap="md">
      <Title order={1}>{t('portal.greeting', { name: me.name })}</Title>
      {me.linkedPatientIds.length === 0 ? (
        <Text size="lg">{t('portal.noPatients')}</Text>
      ) : (
        me.linkedPatientIds.map((id) => <PatientLinkCard key={id} patientId={id} />)
      )}
    </Stack>
  );
}
