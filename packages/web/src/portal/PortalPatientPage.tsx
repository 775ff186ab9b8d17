import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isNotFound } from '../api/api-error.ts';
import { useCurrentUser } from '../auth/me.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { NotFound } from '../components/NotFound.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { usePageTitle } from '../components/use-page-title.ts';
import { CarePlanSection } from '../features/care/CarePlanSection.tsx';
import { FamilySection } from '../features/family/FamilySection.tsx';
import { usePublicInfo } from '../features/intake/intake-api.ts';
import { PatientStatusBadge } from '../features/patients/PatientStatusBadge.tsx';
import { usePatient } from '../features/patients/patients-api.ts';
import { DiaryCard } from '../features/watch/DiaryCard.tsx';
import { BereavementView } from './BereavementView.tsx';
import { CallServiceButton } from './CallServiceButton.tsx';
import { BurdenCard, EquipmentCard, RosterCard, SkillsCard } from './HomeCards.tsx';
import { PortalMedicines } from './PortalMedicines.tsx';
import { SafetyActionsCard } from './SafetyActionsCard.tsx';

/**
 * One patient as the family sees them. Sections are stacked cards so later issues (diary,
 * medicines schedule, visits) each add one card here.
 */
export function PortalPatientPage() {
  const { patientId = '' } = useParams();
  const { t } = useTranslation();
  const me = useCurrentUser();
  const patient = usePatient(patientId);
  const info = usePublicInfo();
  const p = patient.data;
  usePageTitle(p ? `${p.firstName} ${p.lastName}` : t('portal.title'));
  if (patient.isPending) return <PageLoader />;
  if (isNotFound(patient.error)) return <NotFound homeTo="/portal" />;
  if (patient.isError || !p) return <ErrorAlert error={patient.error} />;
  const phone = info.data?.servicePhone;
  return (
    <Stack gap="lg">
      {me.linkedPatientIds.length > 1 && (
        <Anchor component={Link} to="/portal" size="lg">
          ← {t('portal.allPatients')}
        </Anchor>
      )}
      <Stack gap="xs">
        <Title order={1} data-testid="portal-patient-name">
          {p.lastName} {p.firstName} {p.middleName ?? ''}
        </Title>
        {/* after a death the bereavement view below speaks instead of a status label */}
        {p.status !== 'deceased' && (
          <div>
            <PatientStatusBadge status={p.status} size="xl" />
          </div>
        )}
      </Stack>

      {p.status === 'deceased' ? (
        <BereavementView patient={p} {...(phone ? { servicePhone: phone } : {})} />
      ) : (
        <>
          <Paper withBorder p="lg" radius="md" bg="hearth.0">
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('portal.contactTitle')}
              </Title>
              <Text size="lg">{t('portal.contactLead')}</Text>
              {phone && <CallServiceButton phone={phone} label={t('portal.call')} testId="portal-call" />}
            </Stack>
          </Paper>

          <DiaryCard patientId={p.id} patientName={p.firstName} />

          <Paper withBorder p="lg" radius="md">
            <PortalMedicines patientId={p.id} />
          </Paper>

          <Paper withBorder p="lg" radius="md">
            <Stack gap="xs">
              <Title order={2} size="h3">
                {t('portal.teamTitle')}
              </Title>
              {p.team.length === 0 ? (
                <Text size="lg">{t('portal.noTeam')}</Text>
              ) : (
                p.team.map((m) => (
                  <Text key={m.userId} size="lg">
                    {m.name} — {t(`roles.${m.role}` as 'roles.nurse', { defaultValue: m.role })}
                  </Text>
                ))
              )}
            </Stack>
          </Paper>

          <CarePlanSection patientId={p.id} large />
          <RosterCard patientId={p.id} />
          <EquipmentCard patientId={p.id} />
          <SafetyActionsCard patientId={p.id} />
          <SkillsCard patientId={p.id} />
          <BurdenCard patientId={p.id} />
        </>
      )}

      <Paper withBorder p="lg" radius="md">
        <FamilySection patientId={p.id} large />
      </Paper>
    </Stack>
  );
}
