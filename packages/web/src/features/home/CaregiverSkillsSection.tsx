import { type CaregiverSkill, caregiverSkills, type SkillLevel, skillLevels } from '@hearth/domain';
import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay, todayIso } from '../../format/time.ts';
import { usePatientLabelName } from '../../offline/patient-label.ts';
import { type SkillsView, useSkills } from './home-api.ts';
import { useSignSkill } from './home-care-api.ts';

type Caregiver = SkillsView['caregivers'][number];

const nextLevel = (level: SkillLevel | null): SkillLevel | null =>
  level === null ? 'shown' : (skillLevels[skillLevels.indexOf(level) + 1] ?? null);

/** One relative's skills: level reached, when and by which nurse, and the next sign-off. */
function CaregiverTable({ patientId, c, canSign }: { patientId: string; c: Caregiver; canSign: boolean }) {
  const { t, i18n } = useTranslation();
  const sign = useSignSkill(patientId, t('offline.labels.signOff', { name: usePatientLabelName(patientId) }));
  return (
    <Stack gap={4} data-testid="caregiver-skills" data-caregiver={c.caregiverName}>
      <Text fw={700}>{c.caregiverName}</Text>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('homeCare.skills.skill')}</Table.Th>
              <Table.Th>{t('homeCare.skills.level')}</Table.Th>
              <Table.Th>{t('homeCare.skills.signed')}</Table.Th>
              {canSign && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.skills.map((s) => {
              const next = nextLevel(s.level);
              return (
                <Table.Tr key={s.skill} data-testid={`skill-${s.skill}`}>
                  <Table.Td>{t(`home.skills.names.${s.skill}`)}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant={s.level === 'confident' ? 'filled' : 'light'}
                      color={s.level ? 'teal' : 'gray'}
                      tt="none"
                    >
                      {t(`home.skills.level.${s.level ?? 'none'}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {s.signedOn
                        ? t('homeCare.skills.signedBy', {
                            date: formatDay(s.signedOn, i18n.language),
                            nurse: s.nurseName,
                          })
                        : '—'}
                    </Text>
                  </Table.Td>
                  {canSign && (
                    <Table.Td>
                      {next && (
                        <Button
                          size="xs"
                          variant="light"
                          loading={sign.isPending && sign.variables?.skill === s.skill}
                          onClick={() =>
                            sign.mutate({
                              caregiverName: c.caregiverName,
                              familyUserId: c.familyUserId ?? undefined,
                              skill: s.skill,
                              level: next,
                              signedOn: todayIso(),
                            })
                          }
                        >
                          {t('homeCare.skills.sign', { level: t(`home.skills.level.${next}`) })}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {sign.isError && <ErrorAlert error={sign.error} />}
    </Stack>
  );
}

/** A relative without a portal account is recorded by name at their first sign-off. */
function AddPerson({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const sign = useSignSkill(patientId, t('offline.labels.signOff', { name: usePatientLabelName(patientId) }));
  const [name, setName] = useState('');
  const [skill, setSkill] = useState<CaregiverSkill>('turning_positioning');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    sign.mutate(
      { caregiverName: name, skill, level: 'shown', signedOn: todayIso() },
      { onSuccess: () => setName('') },
    );
  };
  return (
    <form onSubmit={submit}>
      <Group align="flex-end">
        <TextInput
          label={t('homeCare.skills.addPerson')}
          placeholder={t('homeCare.skills.addPersonHint')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          minLength={2}
        />
        <NativeSelect
          label={t('homeCare.skills.skill')}
          value={skill}
          onChange={(e) => setSkill(e.currentTarget.value as CaregiverSkill)}
          data={caregiverSkills.map((s) => ({ value: s, label: t(`home.skills.names.${s}`) }))}
        />
        <Button type="submit" variant="light" loading={sign.isPending}>
          {t('homeCare.skills.signFirst')}
        </Button>
      </Group>
      {sign.isError && <ErrorAlert error={sign.error} />}
    </form>
  );
}

/**
 * What the nurses have taught each family member: shown → practised → confident, signed with date
 * and nurse (caregiver-competency checklists, palliative-research.md §6 item 10).
 */
function Skills({ patientId, status }: { patientId: string; status: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const skills = useSkills(patientId);
  const canSign =
    can('caregiver-skill:sign', { patientId }) && status !== 'deceased' && status !== 'discharged';
  const v = skills.data;
  return (
    <Card withBorder data-testid="caregiver-skills-section">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('homeCare.skills.title')}
        </Title>
        {skills.isError && <ErrorAlert error={skills.error} />}
        {v && v.caregivers.length === 0 && <Text c="dimmed">{t('homeCare.skills.none')}</Text>}
        {v?.caregivers.map((c) => (
          <CaregiverTable key={c.caregiverName} patientId={patientId} c={c} canSign={canSign} />
        ))}
        {canSign && <AddPerson patientId={patientId} />}
      </Stack>
    </Card>
  );
}

/** Shown only to those who may read it, so no request is made that would be refused. */
export function CaregiverSkillsSection({ patientId, status }: { patientId: string; status: string }) {
  const can = useCan();
  if (!can('caregiver-skill:read', { patientId })) return null;
  return <Skills patientId={patientId} status={status} />;
}
