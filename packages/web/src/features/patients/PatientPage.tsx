import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError, isNotFound } from '../../api/api-error.ts';
import { useCan, useMe } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { NotFound } from '../../components/NotFound.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useCachedPatient } from '../../offline/cached-patient.ts';
import { CarePlanSection } from '../care/CarePlanSection.tsx';
import { UrgentDispatch } from '../care/UrgentDispatch.tsx';
import { AcpSection } from '../end-of-life/AcpSection.tsx';
import { CareLevelSection } from '../end-of-life/CareLevelSection.tsx';
import { DeathSection } from '../end-of-life/DeathSection.tsx';
import { SupportSection } from '../end-of-life/SupportSection.tsx';
import { FamilySection } from '../family/FamilySection.tsx';
import { useFamily } from '../family/family-api.ts';
import { CaregiverSkillsSection } from '../home/CaregiverSkillsSection.tsx';
import { DutyRosterSection } from '../home/DutyRosterSection.tsx';
import { HomeSafetySection } from '../home/HomeSafetySection.tsx';
import { PatientEquipmentSection } from '../home/PatientEquipmentSection.tsx';
import { ClinicalWatchSection } from '../watch/ClinicalWatchSection.tsx';
import { PatientAlerts } from '../watch/PatientAlerts.tsx';
import { ClinicalLists } from './ClinicalLists.tsx';
import { usePatientChart } from './chart-api.ts';
import { EditDetailsForm } from './EditDetailsForm.tsx';
import { IdentityCard } from './IdentityCard.tsx';
import { IdentityCorrection } from './IdentityCorrection.tsx';
import { OfflinePatientRecord } from './OfflinePatientRecord.tsx';
import { PatientStatusBadge } from './PatientStatusBadge.tsx';
import { SectionLinks } from './SectionLinks.tsx';
import { StatusSection } from './StatusSection.tsx';

/** The patient record as issue 2 defines it; later issues add care plans, visits and medicines. */
export function PatientPage() {
  const { patientId = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  // one request paints the record, the alerts and the newest scores; other sections load their own
  const query = usePatientChart(patientId);
  const family = useFamily(patientId);
  const [editing, setEditing] = useState(false);
  const p = query.data?.patient;
  // no connection (status 0) and no record in memory: the phone's caseload copy stands in
  const unreachable = !p && isApiError(query.error) && query.error.status === 0;
  const copy = useCachedPatient(useMe().data?.id ?? null, patientId, unreachable);
  const copied = copy.data?.entry.patient;
  usePageTitle(
    p
      ? `${p.lastName} ${p.firstName}`
      : copied
        ? `${copied.lastName} ${copied.firstName}`
        : t('patients.title'),
  );
  if (query.isPending) return <PageLoader />;
  if (isNotFound(query.error)) return <NotFound homeTo="/app/patients" />;
  if (unreachable && copy.isPending) return <PageLoader />;
  if (unreachable && copy.data)
    return <OfflinePatientRecord copy={copy.data} onRetry={() => void query.refetch()} />;
  if (unreachable)
    return (
      <Stack gap="md">
        <Alert color="orange" data-testid="offline-not-in-copy">
          {t('field.record.notInCopy')}
        </Alert>
        <Button variant="light" onClick={() => void query.refetch()} style={{ alignSelf: 'flex-start' }}>
          {t('field.record.retry')}
        </Button>
      </Stack>
    );
  if (query.isError || !p) return <ErrorAlert error={query.error} />;
  const designated = family.data?.find((m) => m.userId === p.designatedFamilyUserId || m.designated);
  const sees = {
    assessments: can('assessment:read', { patientId }),
    carePlan: can('careplan:read', { patientId }),
    acp: can('acp:read', { patientId }),
    support: can('support:read', { patientId }),
    death: can('death:read', { patientId }),
  };
  const links = [
    sees.assessments && { id: 'assessments', label: t('patients.jump.assessments') },
    sees.carePlan && { id: 'care-plan', label: t('patients.jump.carePlan') },
    sees.acp && { id: 'acp', label: t('patients.jump.acp') },
    sees.acp && { id: 'care-level', label: t('patients.jump.careLevel') },
    sees.support && { id: 'support', label: t('patients.jump.support') },
    // the death section shows only once there is a record, or to those who may record one
    sees.death &&
      (p.status === 'deceased' ||
        (can('death:record', { patientId }) && ['active', 'inpatient'].includes(p.status))) && {
        id: 'death',
        label: t('patients.jump.death'),
      },
    { id: 'family', label: t('patients.jump.family') },
    { id: 'home', label: t('patients.jump.home') },
  ].filter((l) => l !== false);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/app/patients">
        ← {t('patients.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={1}>
          {p.lastName} {p.firstName} {p.middleName ?? ''}
        </Title>
        <PatientStatusBadge status={p.status} size="xl" />
      </Group>
      <IdentityCard patient={p} designatedName={designated?.name ?? null} />
      <SectionLinks links={links} />
      {can('alert:read') && <PatientAlerts patientId={patientId} />}
      {can('medicine:read', { patientId }) && (
        <Button
          component={Link}
          to={`/app/patients/${patientId}/medicines`}
          variant="light"
          size="md"
          style={{ alignSelf: 'flex-start' }}
          data-testid="open-medicines"
        >
          {t('medicines.open')}
        </Button>
      )}
      {can('patient:update', { patientId }) &&
        (editing ? (
          <Card withBorder>
            <EditDetailsForm patient={p} onDone={() => setEditing(false)} />
          </Card>
        ) : (
          <Button variant="light" onClick={() => setEditing(true)} style={{ alignSelf: 'flex-start' }}>
            {t('patients.edit.title')}
          </Button>
        ))}
      <IdentityCorrection patient={p} canCorrect={can('patient:correct-identity', { patientId })} />
      <ClinicalLists patient={p} canAdd={can('patient:update', { patientId })} />
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('patients.team')}
        </Title>
        {p.team.length === 0 ? (
          <Text>{t('patients.noTeam')}</Text>
        ) : (
          <Group gap="xs">
            {p.team.map((m) => (
              <Badge key={m.userId} variant="light" size="lg" tt="none">
                {m.name} · {t(`roles.${m.role}` as 'roles.nurse', { defaultValue: m.role })}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
      {sees.assessments && (
        <div id="assessments" className="jump-target">
          <ClinicalWatchSection patient={p} />
        </div>
      )}
      <StatusSection patient={p} canChange={can('patient:change-status', { patientId })} />
      {sees.carePlan && (
        <div id="care-plan" className="jump-target">
          <CarePlanSection patientId={p.id} />
        </div>
      )}
      {can('planning:run') && p.status === 'active' && <UrgentDispatch patientId={p.id} />}
      {sees.acp && (
        <div id="acp" className="jump-target">
          <AcpSection patient={p} />
        </div>
      )}
      {sees.acp && (
        <div id="care-level" className="jump-target">
          <CareLevelSection patient={p} />
        </div>
      )}
      {sees.support && <SupportSection patient={p} />}
      {sees.death && <DeathSection patient={p} />}
      <Card withBorder id="family" className="jump-target">
        <FamilySection patientId={p.id} />
      </Card>
      <Stack gap="lg" id="home" className="jump-target">
        <PatientEquipmentSection patientId={p.id} status={p.status} />
        <HomeSafetySection patientId={p.id} status={p.status} />
        <CaregiverSkillsSection patientId={p.id} status={p.status} />
        <DutyRosterSection patientId={p.id} />
      </Stack>
    </Stack>
  );
}
